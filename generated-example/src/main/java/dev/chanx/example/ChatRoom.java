package dev.chanx.example;

import dev.chanx.example.chat.ChatHandler;
import dev.chanx.example.chat.ChatMember;
import dev.chanx.example.chat.ChatPath;
import dev.chanx.example.chat.ChatPresence;
import dev.chanx.example.chat.ChatServerMessage;
import dev.chanx.example.chat.NewChatMessage;
import dev.chanx.example.chat.PingMessage;
import dev.chanx.example.chat.PongMessage;
import dev.chanx.server.channel.Connection;
import java.util.Optional;

/** The tutorial's chat: the URL names the room, messages go to everyone else in it, everyone sees who is there. */
// tag::handler[]
public final class ChatRoom implements ChatHandler {

  @Override
  public void onConnect(Connection<ChatServerMessage, ChatPath> connection) {
    String room = connection.path().groupName();
    connection.join(room);
    // Who is in the room: a connection that gives ?name= is tracked under it (several tabs, one
    // member) and receives the room's presence; one without a name gets neither.
    Optional<String> name = connection.queryParameter("name").map(String::strip).filter(n -> !n.isEmpty());
    if (name.isPresent()) {
      ChatPresence.track(connection, room, name.get(), new ChatMember(name.get()));
    }
  }

  @Override
  public NewChatMessage handleNewChatMessage(
      NewChatMessage message, Connection<ChatServerMessage, ChatPath> connection) {
    connection.broadcastToOthers(message);
    return null;
  }

  @Override
  public PongMessage handlePing(PingMessage message, Connection<ChatServerMessage, ChatPath> connection) {
    return new PongMessage();
  }
}
// end::handler[]
