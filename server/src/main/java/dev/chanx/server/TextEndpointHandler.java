package dev.chanx.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the text endpoints (health checks, metrics) by exact path; a failing body is a 500 without its trace. */
final class TextEndpointHandler extends Handler.Abstract {

  private static final Logger LOG = LoggerFactory.getLogger(TextEndpointHandler.class);

  private final List<TextEndpoint> endpoints;

  TextEndpointHandler(List<TextEndpoint> endpoints) {
    this.endpoints = List.copyOf(endpoints);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    for (TextEndpoint endpoint : endpoints) {
      if (endpoint.path().equals(path)) {
        serve(endpoint, request, response, callback);
        return true;
      }
    }
    return false;
  }

  private static void serve(TextEndpoint endpoint, Request request, Response response, Callback callback) {
    boolean head = HttpMethod.HEAD.is(request.getMethod());
    if (!head && !HttpMethod.GET.is(request.getMethod())) {
      Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
      return;
    }
    byte[] body;
    boolean ready;
    try {
      ready = endpoint.ready().get();
      body = endpoint.body().get().getBytes(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      LOG.warn("Endpoint {} failed", endpoint.path(), e);
      Response.writeError(request, response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500);
      return;
    }
    response.setStatus(ready ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, endpoint.contentType());
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
  }
}
