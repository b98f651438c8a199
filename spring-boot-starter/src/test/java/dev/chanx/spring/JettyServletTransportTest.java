package dev.chanx.spring;

import org.springframework.boot.jetty.autoconfigure.servlet.WebSocketJettyServletWebServerFactoryCustomizer;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.servlet.ServletWebServerFactory;

/**
 * The transport behaviour on Jetty as Spring Boot's servlet container (Jetty 12.1, EE 11), set up
 * with Jakarta WebSocket as Spring Boot sets it up for an application, which then carries the
 * sockets (see {@code ChanxFilter.ownTransport}).
 *
 * <p>One behaviour is not there yet: Jetty's Jakarta sends are reported done before the client
 * reads them, so the server's outbox never sees a client that stopped reading and no 1008 comes;
 * the slow-reader test checks here only that such a client does not hold up its room.
 */
class JettyServletTransportTest extends ServletTransportTest {

  @Override
  protected ServletWebServerFactory container() {
    JettyServletWebServerFactory jetty = new JettyServletWebServerFactory(0);
    new WebSocketJettyServletWebServerFactoryCustomizer().customize(jetty);
    return jetty;
  }

  // Jetty's Jakarta sends are reported done before the client reads them: its own buffers take
  // what a stuck reader leaves, so the test checks only that the room gets every frame.
  @Override
  protected boolean seesAStuckReader() {
    return false;
  }
}
