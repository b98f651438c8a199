package dev.chanx.spring;

import dev.chanx.server.ChannelHost;
import dev.chanx.server.EarlyOpen;
import dev.chanx.server.HostAnswer;
import dev.chanx.server.StreamSocket;
import dev.chanx.server.docs.AsyncApiDocument;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link ChannelHost}'s channels and its AsyncAPI document on the servlet container:
 * requests to a channel's address are decided by the host and, when accepted, upgraded with the
 * Servlet API ({@code HttpServletRequest.upgrade}) to the server's own frame codec
 * ({@link ServletUpgradeHandler}); refusals are answered here, before any upgrade, with the status
 * the embedded server gives. Every other request goes on down the chain.
 *
 * <p>With {@code chanx.compression} on, the container's Jakarta WebSocket API carries the socket
 * instead, since {@code permessage-deflate} is the container's, as the embedded server hands such
 * sockets to Jetty's WebSocket implementation; so it does on containers other than Tomcat that
 * have one (see {@link #ownTransport}).
 *
 * <p>It runs after Spring Security's filters, so a request that security refuses never gets
 * here, and the principal security sets becomes the connection's.
 */
final class ChanxFilter extends HttpFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ChanxFilter.class);
  private static final long serialVersionUID = 1L;

  private final transient ChannelHost host;

  ChanxFilter(ChannelHost host) {
    this.host = host;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = ServletHostRequest.rawPath(request);
    if (host.serves(path)) {
      upgrade(request, response, path);
    } else if (path.startsWith("/asyncapi") && host.asyncApi().isPresent()) {
      if (!document(request, response, path, host.asyncApi().get())) {
        chain.doFilter(request, response);
      }
    } else {
      chain.doFilter(request, response);
    }
  }

  private void upgrade(HttpServletRequest request, HttpServletResponse response, String path)
      throws IOException, ServletException {
    HostAnswer answer = host.answer(new ServletHostRequest(request));
    if (!answer.upgrades()) {
      response.setStatus(answer.status());
      answer.headers().forEach(response::setHeader);
      byte[] body = answer.body();
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      return;
    }
    // The container's Jakarta WebSocket carries the socket with compression on (permessage-deflate
    // is the container's) and wherever our transport does not (see ownTransport).
    boolean jakarta = host.compression() || !ownTransport(request);
    String accept = StreamSocket.accept(request.getHeader("Sec-WebSocket-Key"));
    // WebSocket over HTTP/2 is left to the container, where its Jakarta WebSocket carries the sockets.
    boolean handshake = "HTTP/1.1".equals(request.getProtocol())
        ? accept != null && "GET".equals(request.getMethod())
            && "13".equals(request.getHeader("Sec-WebSocket-Version")) && connectionUpgrade(request)
        : jakarta && http2(request);
    if (!handshake) {
      // Not a WebSocket handshake, as on the embedded server: refused before the socket is
      // admitted, so no onConnect runs for it and no container is left to refuse it.
      notWebSocket(response);
      return;
    }
    if (jakarta) {
      jakarta(request, response, path, answer);
      return;
    }
    // The handshake's answer; offers of extensions and subprotocols are declined by not answering them.
    response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
    response.setHeader("Upgrade", "websocket");
    response.setHeader("Connection", "Upgrade");
    response.setHeader("Sec-WebSocket-Accept", accept);
    ServletUpgradeHandler upgraded = request.upgrade(ServletUpgradeHandler.class);
    // onConnect runs now, before the container writes the 101: the client is in its groups once it sees it.
    EarlyOpen admitted = answer.admit();
    upgraded.bind(admitted, host, tomcat(request));
    answered(response, admitted);
  }

  /**
   * Whether the servlet-upgrade transport carries this container's sockets: always on Tomcat,
   * where it is measured and tested; elsewhere only when the container has no Jakarta WebSocket.
   * On Jetty 12.1 (EE 11) a client's frame that comes some hundred milliseconds after the upgrade
   * is read by Jetty's HTTP parser as a new request (400), so Jetty's own WebSocket carries them.
   */
  private static boolean ownTransport(HttpServletRequest request) {
    return tomcat(request) || container(request) == null;
  }

  /** {@return the container's Jakarta WebSocket server, or null when it has none} */
  private static ServerContainer container(HttpServletRequest request) {
    return (ServerContainer) request.getServletContext().getAttribute(ServerContainer.class.getName());
  }

  private static boolean http2(HttpServletRequest request) {
    return request.getProtocol().startsWith("HTTP/2");
  }

  private static boolean tomcat(HttpServletRequest request) {
    return request.getServletContext().getServerInfo().startsWith("Apache Tomcat");
  }

  private static boolean connectionUpgrade(HttpServletRequest request) {
    for (String value : java.util.Collections.list(request.getHeaders("Connection"))) {
      for (String token : value.split(",")) {
        if (token.trim().equalsIgnoreCase("upgrade")) {
          return true;
        }
      }
    }
    return false;
  }

  private static void notWebSocket(HttpServletResponse response) throws IOException {
    byte[] body = "This is a WebSocket endpoint: connect with a WebSocket client.\n"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    response.setStatus(426);
    response.setHeader("Upgrade", "websocket");
    response.setContentType("text/plain;charset=utf-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Upgrades through the container's Jakarta WebSocket API, which negotiates compression. */
  private void jakarta(HttpServletRequest request, HttpServletResponse response, String path, HostAnswer answer)
      throws IOException, ServletException {
    ServerContainer container = container(request);
    if (container == null) {
      LOG.error("chanx.compression is on, which needs the container's Jakarta WebSocket support"
          + " (spring-boot-starter-websocket on Tomcat), and this servlet context has none");
      response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      return;
    }
    // onConnect runs now, before the container writes the 101: the client is in its groups once it sees it.
    EarlyOpen admitted = answer.admit();
    ServletEndpoint endpoint = new ServletEndpoint(admitted, host.maxFrameSize(), host.maxBinaryFrameSize(),
        host.idleTimeout());
    ServerEndpointConfig config = ServerEndpointConfig.Builder.create(ServletEndpoint.class, path)
        .configurator(new OneEndpoint(endpoint, host.compression()))
        .build();
    boolean upgraded = false;
    try {
      container.upgradeHttpToWebSocket(request, response, config, Map.of());
      // A container may refuse without throwing (Tomcat answers a handshake it will not take with
      // an error status and returns): then it never opens the socket admitted above. Over HTTP/2
      // an upgrade is answered 200 (RFC 8441), over HTTP/1.1 with 101.
      int status = response.getStatus();
      upgraded = status == HttpServletResponse.SC_SWITCHING_PROTOCOLS
          || status == HttpServletResponse.SC_OK && http2(request);
      if (upgraded) {
        answered(response, admitted);
      } else {
        LOG.debug("The container refused the upgrade to {} with {}", path, status);
      }
    } catch (jakarta.websocket.DeploymentException e) {
      throw new ServletException("upgrade to " + path + " failed", e);
    } finally {
      if (!upgraded) {
        admitted.upgradeFailed(null);
      }
    }
  }

  /**
   * Writes the 101 now rather than when the filter returns: a container whose answer fails (the
   * client left while onConnect ran) neither opens the upgraded connection nor tells its handler,
   * so the socket admitted early would wait for it forever; this way the failure is seen here.
   */
  private static void answered(HttpServletResponse response, EarlyOpen admitted) {
    try {
      response.flushBuffer();
    } catch (IOException e) {
      LOG.debug("Upgrade answer not written: {}", e.toString());
      admitted.upgradeFailed(e);
    }
  }

  /** Serves the document at {@code /asyncapi/schema/} (JSON, or YAML) and its page at {@code /asyncapi/docs/}. */
  private static boolean document(HttpServletRequest request, HttpServletResponse response, String path,
      AsyncApiDocument document) throws IOException {
    if (path.equals("/asyncapi/schema/") || path.equals("/asyncapi/schema")) {
      boolean yaml = "yaml".equalsIgnoreCase(request.getParameter("format"));
      serve(request, response, yaml ? document.yaml() : document.json(),
          yaml ? "application/yaml;charset=utf-8" : "application/json");
      return true;
    }
    if (path.equals("/asyncapi/docs/")) {
      serve(request, response, document.html(), "text/html;charset=utf-8");
      return true;
    }
    if (path.equals("/asyncapi/docs") || path.equals("/asyncapi") || path.equals("/asyncapi/")) {
      response.sendRedirect(request.getContextPath() + "/asyncapi/docs/");
      return true;
    }
    return false;
  }

  private static void serve(HttpServletRequest request, HttpServletResponse response, byte[] body, String type)
      throws IOException {
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(type);
    response.setContentLength(body.length);
    if (method.equals("GET")) {
      response.getOutputStream().write(body);
    }
  }

  /** Hands the container the endpoint made for this one upgrade, and decides extensions as the server does. */
  private static final class OneEndpoint extends ServerEndpointConfig.Configurator {

    private final ServletEndpoint endpoint;
    private final boolean compression;

    OneEndpoint(ServletEndpoint endpoint, boolean compression) {
      this.endpoint = endpoint;
      this.compression = compression;
    }

    @Override
    public <T> T getEndpointInstance(Class<T> type) {
      return type.cast(endpoint);
    }

    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
      // Compression is off unless configured, as on the embedded server.
      return compression ? super.getNegotiatedExtensions(installed, requested) : List.of();
    }

    @Override
    public boolean checkOrigin(String origin) {
      return true; // the host checked it against chanx.allowed-origins
    }
  }

}
