package dev.chanx.runtime.testing;

import dev.chanx.runtime.channel.ChannelHandler;
import dev.chanx.runtime.channel.Connection;
import dev.chanx.runtime.testing.ChatMessages.Boom;
import dev.chanx.runtime.testing.ChatMessages.ChatServerMessage;
import dev.chanx.runtime.testing.ChatMessages.Echo;
import dev.chanx.runtime.testing.ChatMessages.NewChatMessage;
import dev.chanx.runtime.testing.ChatMessages.Ping;
import dev.chanx.runtime.testing.ChatMessages.Pong;
import dev.chanx.runtime.testing.ChatMessages.Slow;

/** The chat channel's handler interface, as the generator would write it. */
public interface ChatHandler extends ChannelHandler<ChatServerMessage, ChatPath> {

  ChatServerMessage onNewChatMessage(NewChatMessage message, Connection<ChatServerMessage, ChatPath> connection)
      throws Exception;

  Pong onPing(Ping message, Connection<ChatServerMessage, ChatPath> connection) throws Exception;

  ChatServerMessage onBoom(Boom message, Connection<ChatServerMessage, ChatPath> connection) throws Exception;

  Echo onSlow(Slow message, Connection<ChatServerMessage, ChatPath> connection) throws Exception;
}
