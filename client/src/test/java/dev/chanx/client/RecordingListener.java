package dev.chanx.client;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chanx.core.message.ValidationError;
import dev.chanx.server.testing.chat.ChatServerMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Records every event of a client as one line in a queue, for tests to wait on. */
final class RecordingListener implements ClientListener, Consumer<ChatServerMessage> {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

  @Override
  public void accept(ChatServerMessage message) {
    events.add("message " + message);
  }

  @Override
  public void onOpen() {
    events.add("open");
  }

  @Override
  public void onClose(int statusCode, String reason) {
    events.add("close " + statusCode);
  }

  @Override
  public void onError(ErrorFrame error) {
    events.add("error " + error);
  }

  @Override
  public void onUnreadable(String frame, List<ValidationError> problems) {
    events.add("unreadable " + frame);
  }

  @Override
  public void onFailure(Throwable failure) {
    events.add("failure");
  }

  /** The next event other than a failed reconnect attempt, waiting up to ten seconds. */
  String next() throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      String event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      assertNotNull(event, "no event within " + WAIT);
      if (!event.equals("failure")) {
        return event;
      }
    }
  }

  /** Waits for the next failed attempt to connect, skipping other events. */
  void nextFailure() throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String event;
    do {
      event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      assertNotNull(event, "no failure within " + WAIT);
    } while (!event.equals("failure"));
  }

  /** Asserts that nothing happens for a while. */
  void assertQuietFor(Duration quiet) throws InterruptedException {
    assertNull(events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS));
  }
}
