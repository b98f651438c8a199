package dev.chanx.server.testing;

import dev.chanx.server.channel.ChannelHandler;
import dev.chanx.server.channel.Connection;
import dev.chanx.server.testing.ChatMessages.Boom;
import dev.chanx.server.testing.ChatMessages.ChatServerMessage;
import dev.chanx.server.testing.ChatMessages.Echo;
import dev.chanx.server.testing.ChatMessages.NewChatMessage;
import dev.chanx.server.testing.ChatMessages.Ping;
import dev.chanx.server.testing.ChatMessages.Pong;
import dev.chanx.server.testing.ChatMessages.Slow;

/** The chat channel's handler interface, as the generator would write it. */
public interface ChatHandler extends ChannelHandler<ChatServerMessage, ChatPath> {

  ChatServerMessage onNewChatMessage(NewChatMessage message, Connection<ChatServerMessage, ChatPath> connection)
      throws Exception;

  Pong onPing(Ping message, Connection<ChatServerMessage, ChatPath> connection) throws Exception;

  ChatServerMessage onBoom(Boom message, Connection<ChatServerMessage, ChatPath> connection) throws Exception;

  Echo onSlow(Slow message, Connection<ChatServerMessage, ChatPath> connection) throws Exception;
}
