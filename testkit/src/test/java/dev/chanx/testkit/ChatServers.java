package dev.chanx.testkit;

import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.ChatRoute;

/** The runtime's test chat on loopback, for the tests here to configure further. */
final class ChatServers {

  private ChatServers() {}

  /** A server hosting the chat at {@code /ws/chat/{group_name}/} with this room. */
  static ChanxServer chat(ChatRoom room) {
    return ChanxServer.create().host("127.0.0.1").channel(ChatRoute.create(), room);
  }
}
