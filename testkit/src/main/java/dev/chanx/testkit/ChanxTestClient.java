package dev.chanx.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chanx.client.ServerFrameDecoder;
import dev.chanx.core.codec.FrameWriter;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.Message;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client for tests: frames go out as text or as messages, and come back as
 * {@link Frame}s or as the channel's typed messages. Every wait is bounded (ten
 * seconds unless {@link #within} says otherwise) and fails the test when it runs out.
 *
 * <pre>{@code
 * ChanxTestClient<Message> alice = server.client("/ws/chat/room1/").connect();
 * alice.send(new PingMessage());
 * alice.expect(PongMessage.class);
 * }</pre>
 *
 * @param <S> what the server sends on the channel
 */
public final class ChanxTestClient<S extends Message> implements AutoCloseable {

  private final WebSocket socket;
  private final Inbox inbox;
  private final ServerFrameDecoder<S> decoder;
  private Duration wait = Duration.ofSeconds(10);

  ChanxTestClient(WebSocket socket, Inbox inbox, ServerFrameDecoder<S> decoder) {
    this.socket = socket;
    this.inbox = inbox;
    this.decoder = decoder;
  }

  /**
   * Waits up to this long for each frame or close from now on.
   *
   * @param timeout the wait per frame or close
   * @return this client
   */
  public ChanxTestClient<S> within(Duration timeout) {
    this.wait = timeout;
    return this;
  }

  /**
   * Sends a text frame as written, and waits until it is sent.
   *
   * @param text the exact frame text
   * @return this client
   */
  public ChanxTestClient<S> send(String text) {
    Inbox.await(socket.sendText(text, true), wait, "sending " + text);
    return this;
  }

  /**
   * Sends a message as its frame.
   *
   * @param message the message to send
   * @return this client
   */
  public ChanxTestClient<S> send(Message message) {
    return send(FrameWriter.text(message, null));
  }

  /**
   * Sends a message as its frame with a {@code ref}, which the reply (or error) echoes.
   *
   * @param message the message to send
   * @param ref the {@code ref} to attach
   * @return this client
   */
  public ChanxTestClient<S> send(Message message, String ref) {
    return send(FrameWriter.text(message, ref));
  }

  /**
   * Sends a binary frame, which the protocol does not use: the server answers with an error.
   *
   * @param bytes the binary frame's bytes
   * @return this client
   */
  public ChanxTestClient<S> sendBinary(byte[] bytes) {
    Inbox.await(socket.sendBinary(ByteBuffer.wrap(bytes), true), wait, "sending a binary frame");
    return this;
  }

  /**
   * Subscribes to a topic on this socket (Chanx 2.10's topic wire) and waits for its {@code
   * subscribed}; fails the test when the server refuses it.
   *
   * <pre>{@code
   * TopicProbe lobby = client.subscribe("room:lobby");
   * lobby.send("new_chat_message", "{\"message\":\"hi\",\"name\":\"Ann\"}");
   * lobby.expectAction("new_chat_message");
   * }</pre>
   *
   * @param topic the topic string, such as {@code room:lobby}
   * @return the subscription, to talk on the topic and assert on its frames
   */
  public TopicProbe subscribe(String topic) {
    TopicProbe probe = new TopicProbe(this, topic);
    probe.subscribe();
    return probe;
  }

  /**
   * {@return a probe on a topic without subscribing to it, such as one a topic's own route
   * subscribed this socket to as it connected}
   *
   * @param topic the topic string
   */
  public TopicProbe topic(String topic) {
    return new TopicProbe(this, topic);
  }

  /**
   * {@return the next frame}
   */
  public Frame receive() {
    return inbox.next(wait);
  }

  /**
   * {@return every frame up to the next {@code complete} (not included): all the server did for
   * one client frame}
   */
  public List<Frame> receiveAll() {
    return receiveAll("complete");
  }

  /**
   * {@return every frame up to the next one with this action (not included)}
   *
   * @param stopAction the action that ends the run
   */
  public List<Frame> receiveAll(String stopAction) {
    List<Frame> received = new ArrayList<>();
    for (Frame frame = receive(); !stopAction.equals(frame.action()); frame = receive()) {
      received.add(frame);
    }
    return received;
  }

  /**
   * {@return the next frame, which must have this action}
   *
   * @param action the expected action
   */
  public Frame expectAction(String action) {
    Frame frame = receive();
    assertEquals(action, frame.action(), () -> "expected a " + action + " frame, got " + frame);
    return frame;
  }

  /**
   * {@return the next frame, which must be an {@code error} frame}
   */
  public Frame expectError() {
    return expectAction("error");
  }

  /**
   * {@return the next frame, which must be exactly this text}
   *
   * @param text the exact frame text
   */
  public Frame expectText(String text) {
    Frame frame = receive();
    assertEquals(text, frame.text());
    return frame;
  }

  /**
   * The next frame as the channel's message, which must be of this type: read with the decoder
   * if the client has one (validating it against the schema), else bound with Jackson.
   *
   * @param <T> the expected message type
   * @param type the expected message class
   * @return the next frame as the channel's message
   */
  public <T extends S> T expect(Class<T> type) {
    Frame frame = receive();
    if (decoder == null) {
      return Messages.read(frame, type);
    }
    if (!(frame.json() instanceof ObjectNode object)) {
      return fail("expected " + type.getSimpleName() + ", got a frame that is no JSON object: " + frame);
    }
    ObjectNode withoutRef = object.deepCopy();
    withoutRef.remove("ref");
    Decoded<S> decoded = decoder.decode(withoutRef);
    if (!decoded.isValid()) {
      return fail("expected " + type.getSimpleName() + ", got " + frame + ", which does not decode: " + decoded.errors());
    }
    if (!type.isInstance(decoded.value())) {
      return fail("expected " + type.getSimpleName() + ", got " + frame);
    }
    return type.cast(decoded.value());
  }

  /**
   * Fails if a frame arrives within this time: for "the sender gets nothing back".
   *
   * @param quiet how long nothing may arrive
   */
  public void assertNothingWithin(Duration quiet) {
    Frame frame = inbox.poll(quiet);
    assertNull(frame, () -> "expected no frame, got " + frame);
  }

  /**
   * Waits for the server to close the socket, checks the close code, and returns the close reason.
   *
   * @param code the expected close code
   * @return the close reason
   */
  public String assertClosed(int code) {
    int actual = inbox.closeCode(wait);
    assertEquals(code, actual, () -> "close code (reason: " + inbox.closeReason() + ")");
    return inbox.closeReason();
  }

  /**
   * {@return frames received and not read yet, without waiting}
   */
  public List<Frame> pending() {
    return inbox.drain();
  }

  /**
   * {@return whether the socket is still open}
   */
  public boolean isOpen() {
    return !inbox.isClosed();
  }

  /** Closes normally (1000) and waits briefly for the server's answer; aborts if it does not come. */
  @Override
  public void close() {
    if (inbox.isClosed()) {
      return;
    }
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(wait.toMillis(), TimeUnit.MILLISECONDS);
      inbox.closeCode(wait);
    } catch (Exception | AssertionError e) {
      socket.abort();
    }
  }
}
