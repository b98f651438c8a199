package dev.chanx.spring;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jetty.autoconfigure.servlet.WebSocketJettyServletWebServerFactoryCustomizer;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.servlet.ServletWebServerFactory;

/**
 * The transport behaviour on Jetty as Spring Boot's servlet container (Jetty 12.1, EE 11), set up
 * with Jakarta WebSocket as Spring Boot sets it up for an application, which then carries the
 * sockets (see {@code ChanxFilter.ownTransport}).
 *
 * <p>One behaviour is not there yet: Jetty's Jakarta sends are reported done before the client
 * reads them, so the server's outbox never sees a client that stopped reading; that test is
 * listed here, skipped with the reason.
 */
class JettyServletTransportTest extends ServletTransportTest {

  @Override
  protected ServletWebServerFactory container() {
    JettyServletWebServerFactory jetty = new JettyServletWebServerFactory(0);
    new WebSocketJettyServletWebServerFactoryCustomizer().customize(jetty);
    return jetty;
  }

  @Override
  @Test
  @Disabled("Jetty's Jakarta WebSocket reports a send done before the client reads it: no 1008 for a stuck reader")
  protected void aClientThatNeverReadsIsClosedWith1008WhileItsRoomGetsEveryFrame() {}
}
