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
import java.time.Duration;
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
  /** How long {@code onConnect} takes before it joins the socket to its group; none by default. */
  public volatile Duration joinDelay = Duration.ZERO;

  @Override
  public void onConnect(Connection<ChatServerMessage, ChatPath> connection) {
    if (!joinDelay.isZero()) {
      try {
        Thread.sleep(joinDelay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    connection.join(connection.path().groupName());
    connected.add(connection);
  }

  @Override
  public void onDisconnect(Connection<ChatServerMessage, ChatPath> connection, int closeCode) {
    closeCodes.put(connection.id(), closeCode);
    disconnected.add(connection.id());
  }

  @Override
  public NewChatMessage handleNewChatMessage(NewChatMessage message, Connection<ChatServerMessage, ChatPath> connection) {
    connection.broadcastToOthers(message);
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
  public EchoMessage handleSlow(SlowMessage message, Connection<ChatServerMessage, ChatPath> connection) throws InterruptedException {
    slowStarted.add(message.payload());
    if (!gate.await(20, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the gate was never opened");
    }
    return new EchoMessage(message.payload());
  }
}
