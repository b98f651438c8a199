package dev.chanx.spring;

import dev.chanx.server.ServerConfig;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.autoconfigure.WebSocketTomcatWebServerFactoryCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.ServletWebServerFactory;

/**
 * The transport behaviour on Tomcat with compression on: then Tomcat's Jakarta WebSocket carries
 * the sockets, since permessage-deflate is the container's (see {@code ChanxFilter.jakarta}).
 */
class TomcatCompressionTransportTest extends ServletTransportTest {

  // Tomcat's Jakarta WebSocket, as Spring Boot sets it up for an application.
  @Override
  protected ServletWebServerFactory container() {
    TomcatServletWebServerFactory tomcat = new TomcatServletWebServerFactory(0);
    new WebSocketTomcatWebServerFactoryCustomizer().customize(tomcat);
    return tomcat;
  }

  @Override
  protected Served serve(Consumer<ServerConfig> configure) {
    return super.serve(config -> configure.accept(config.compression(true)));
  }

  // With compression on, the offer is taken: the one test whose answer differs.
  @Test
  @Override
  protected void anOfferOfCompressionIsDeclinedWhenCompressionIsOff() throws Exception {
    assertAnOfferOfCompressionIsTaken();
  }
}
