package dev.chanx.spring;

import dev.chanx.server.ChannelHost;
import dev.chanx.server.ChannelPublisher;
import dev.chanx.server.ServerConfig;
import dev.chanx.server.TransportBehaviour;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.function.Consumer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.servlet.ServletWebServerFactory;

/**
 * The transport behaviour on Tomcat, the servlet container of Spring Boot by default: the
 * starter's filter and its servlet-upgrade transport over a {@link ChannelHost}, with the same
 * tests as our Jetty ({@code JettyTransportTest}).
 */
class ServletTransportTest extends TransportBehaviour {

  /** {@return the container to serve on, at a free port} */
  protected ServletWebServerFactory container() {
    return new TomcatServletWebServerFactory(0);
  }

  @Override
  protected Served serve(Consumer<ServerConfig> configure) {
    ChannelHost host = ChannelHost.create(configure::accept).start();
    WebServer server = container().getWebServer(context -> {
      // Filters run on requests a servlet is mapped to: one that finds nothing, as an application's last resort.
      context.addServlet("nothingElse", new HttpServlet() {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
          response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
      }).addMapping("/");
      FilterRegistration.Dynamic filter = context.addFilter("chanxFilter", new ChanxFilter(host));
      filter.setAsyncSupported(true);
      filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    });
    server.start();
    return new Served() {
      @Override
      public int port() {
        return server.getPort();
      }

      @Override
      public ChannelPublisher<ChatServerMessage> publisher() {
        return host.publisher(ChatRoute.create());
      }

      @Override
      public void close() {
        // As the starter's lifecycle does: the host first, so sockets get 1001, then the container.
        host.stop();
        server.stop();
      }
    };
  }
}
