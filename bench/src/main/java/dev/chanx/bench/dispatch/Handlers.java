package dev.chanx.bench.dispatch;

import dev.chanx.bench.orders.OrderAccepted;
import dev.chanx.bench.orders.OrdersHandler;
import dev.chanx.bench.orders.OrdersPath;
import dev.chanx.bench.orders.OrdersServerMessage;
import dev.chanx.bench.orders.SubmitOrder;
import dev.chanx.example.chat.ChatHandler;
import dev.chanx.example.chat.ChatPath;
import dev.chanx.example.chat.ChatServerMessage;
import dev.chanx.example.chat.NewChatMessage;
import dev.chanx.example.chat.PingMessage;
import dev.chanx.example.chat.PongMessage;
import dev.chanx.server.channel.Connection;

/**
 * Handlers that keep the last message and answer nothing, so the benchmark measures the
 * framework's part of a frame and none of the application's.
 */
public final class Handlers {

  private Handlers() {}

  /** Keeps the last chat message. */
  public static final class Chat implements ChatHandler {
    /** The last message handled. */
    public Object last;

    @Override
    public NewChatMessage handleNewChatMessage(NewChatMessage message,
        Connection<ChatServerMessage, ChatPath> connection) {
      last = message;
      return null;
    }

    @Override
    public PongMessage handlePing(PingMessage message, Connection<ChatServerMessage, ChatPath> connection) {
      last = message;
      return null;
    }
  }

  /** Keeps the last order. */
  static final class Orders implements OrdersHandler {
    Object last;

    @Override
    public OrderAccepted handleSubmitOrder(SubmitOrder message,
        Connection<OrdersServerMessage, OrdersPath> connection) {
      last = message;
      return null;
    }
  }
}
