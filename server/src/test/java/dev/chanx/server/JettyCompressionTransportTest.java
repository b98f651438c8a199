package dev.chanx.server;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The transport behaviour on our own Jetty with compression on: then Jetty's WebSocket
 * implementation carries the sockets ({@code ChannelEndpoint}), since permessage-deflate is its.
 */
class JettyCompressionTransportTest extends JettyTransportTest {

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
