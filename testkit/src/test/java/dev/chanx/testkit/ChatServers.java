package dev.chanx.testkit;

import dev.chanx.server.ChanxServer;
import dev.chanx.server.ServerConfig;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.chat.ChatRoute;
import java.util.function.Consumer;

/** The runtime's test chat on loopback, for the tests here to configure further. */
final class ChatServers {

  private ChatServers() {}

  /** A server on a free port of 127.0.0.1 hosting the chat at {@code /ws/chat/{group_name}/} with this room. */
  static ChanxServer chat(ChatRoom room) {
    return chat(room, config -> {});
  }

  /** The same, with more settings. */
  static ChanxServer chat(ChatRoom room, Consumer<ServerConfig> more) {
    return ChanxServer.create(config -> more.accept(config.host("127.0.0.1").port(0)
        .channel(ChatRoute.create(), room)));
  }
}
