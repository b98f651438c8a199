package dev.chanx.example;

import dev.chanx.example.chat.ChatHandler;
import dev.chanx.example.chat.ChatPath;
import dev.chanx.example.chat.ChatServerMessage;
import dev.chanx.example.chat.NewChatMessage;
import dev.chanx.example.chat.PingMessage;
import dev.chanx.example.chat.PongMessage;
import dev.chanx.server.channel.Connection;

/** The tutorial's chat: the URL names the room, messages go to everyone else in it. */
// tag::handler[]
public final class ChatRoom implements ChatHandler {

  @Override
  public void onConnect(Connection<ChatServerMessage, ChatPath> connection) {
    connection.join(connection.path().groupName());
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
