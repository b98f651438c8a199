package dev.chanx.server.testing;

import dev.chanx.server.channel.Connection;
import dev.chanx.server.testing.ChatMessages.Boom;
import dev.chanx.server.testing.ChatMessages.ChatServerMessage;
import dev.chanx.server.testing.ChatMessages.Echo;
import dev.chanx.server.testing.ChatMessages.NewChatMessage;
import dev.chanx.server.testing.ChatMessages.Ping;
import dev.chanx.server.testing.ChatMessages.Pong;
import dev.chanx.server.testing.ChatMessages.Slow;
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
  public ChatServerMessage onNewChatMessage(NewChatMessage message, Connection<ChatServerMessage, ChatPath> connection) {
    connection.broadcast(message, List.of(message.payload().name()), false);
    return null;
  }

  @Override
  public Pong onPing(Ping message, Connection<ChatServerMessage, ChatPath> connection) {
    return new Pong();
  }

  @Override
  public ChatServerMessage onBoom(Boom message, Connection<ChatServerMessage, ChatPath> connection) {
    throw new IllegalStateException("boom");
  }

  @Override
  public Echo onSlow(Slow message, Connection<ChatServerMessage, ChatPath> connection) {
    String command = message.payload();
    if (command.startsWith("join:")) {
      connection.join(command.substring(5));
    } else if (command.startsWith("leave:")) {
      connection.leave(command.substring(6));
    }
    return new Echo(command);
  }
}
