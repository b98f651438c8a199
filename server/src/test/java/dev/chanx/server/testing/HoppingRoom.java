package dev.chanx.server.testing;

import dev.chanx.server.channel.Connection;
import dev.chanx.server.testing.chat.BoomMessage;
import dev.chanx.server.testing.chat.ChatHandler;
import dev.chanx.server.testing.chat.ChatPath;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.EchoMessage;
import dev.chanx.server.testing.chat.NewChatMessage;
import dev.chanx.server.testing.chat.PingMessage;
import dev.chanx.server.testing.chat.PongMessage;
import dev.chanx.server.testing.chat.SlowMessage;
import java.util.List;

/**
 * A chat handler whose clients move between rooms: {@code slow "join:R"} and {@code slow "leave:R"}
 * join or leave room R and echo the payload once done; a chat message goes to the room named
 * in its {@code name}, sender included if it is a member.
 */
public final class HoppingRoom implements ChatHandler {

  @Override
  public void onConnect(Connection<ChatServerMessage, ChatPath> connection) {
    connection.join(connection.path().groupName());
  }

  @Override
  public NewChatMessage handleNewChatMessage(NewChatMessage message, Connection<ChatServerMessage, ChatPath> connection) {
    connection.broadcast(message, List.of(message.payload().name()), false);
    return null;
  }

  @Override
  public PongMessage handlePing(PingMessage message, Connection<ChatServerMessage, ChatPath> connection) {
    return new PongMessage();
  }

  @Override
  public void handleBoom(BoomMessage message, Connection<ChatServerMessage, ChatPath> connection) {
    throw new IllegalStateException("boom");
  }

  @Override
  public EchoMessage handleSlow(SlowMessage message, Connection<ChatServerMessage, ChatPath> connection) {
    String command = message.payload();
    if (command.startsWith("join:")) {
      connection.join(command.substring(5));
    } else if (command.startsWith("leave:")) {
      connection.leave(command.substring(6));
    }
    return new EchoMessage(command);
  }
}
