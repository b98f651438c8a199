package dev.chanx.server.testing;

import dev.chanx.server.channel.Connection;
import dev.chanx.server.testing.ChatMessages.Boom;
import dev.chanx.server.testing.ChatMessages.ChatServerMessage;
import dev.chanx.server.testing.ChatMessages.Echo;
import dev.chanx.server.testing.ChatMessages.NewChatMessage;
import dev.chanx.server.testing.ChatMessages.Ping;
import dev.chanx.server.testing.ChatMessages.Pong;
import dev.chanx.server.testing.ChatMessages.Slow;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The tutorial's chat handler, plus hooks the tests observe: who connected, who left, a gate. */
public final class ChatRoom implements ChatHandler {

  /** Connections as they open, for tests that push to one. */
  public final BlockingQueue<Connection<ChatServerMessage, ChatPath>> connected = new LinkedBlockingQueue<>();
  /** Connection ids as their sockets close, after onDisconnect. */
  public final BlockingQueue<String> disconnected = new LinkedBlockingQueue<>();
  /** Opened by a test to let {@code slow} handlers finish. */
  public final CountDownLatch gate = new CountDownLatch(1);
  /** The payloads of {@code slow} frames as their handlers start waiting at the gate. */
  public final BlockingQueue<String> slowStarted = new LinkedBlockingQueue<>();
  /** Close codes by connection id, recorded before the id reaches {@link #disconnected}. */
  public final Map<String, Integer> closeCodes = new ConcurrentHashMap<>();

  @Override
  public void onConnect(Connection<ChatServerMessage, ChatPath> connection) {
    connection.join(connection.path().groupName());
    connected.add(connection);
  }

  @Override
  public void onDisconnect(Connection<ChatServerMessage, ChatPath> connection, int closeCode) {
    closeCodes.put(connection.id(), closeCode);
    disconnected.add(connection.id());
  }

  @Override
  public ChatServerMessage onNewChatMessage(NewChatMessage message, Connection<ChatServerMessage, ChatPath> connection) {
    connection.broadcastToOthers(message);
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
  public Echo onSlow(Slow message, Connection<ChatServerMessage, ChatPath> connection) throws InterruptedException {
    slowStarted.add(message.payload());
    if (!gate.await(20, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the gate was never opened");
    }
    return new Echo(message.payload());
  }
}
