package dev.chanx.server;

import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import java.util.function.Consumer;

/** The transport behaviour on our own Jetty, the embedded server's default transport. */
class JettyTransportTest extends TransportBehaviour {

  @Override
  protected Served serve(Consumer<ServerConfig> configure) {
    ChanxServer server = ChanxServer.create(config -> configure.accept(config.host("127.0.0.1").port(0))).start();
    return new Served() {
      @Override
      public int port() {
        return server.port();
      }

      @Override
      public ChannelPublisher<ChatServerMessage> publisher() {
        return server.publisher(ChatRoute.create());
      }

      @Override
      public void close() {
        server.stop();
      }
    };
  }
}
