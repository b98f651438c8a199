package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.core.codec.TextFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.junit.jupiter.api.Test;

/** The outbox's count of unwritten frames and bytes, with a session that writes when told to. */
class OutboxTest {

  /** A session that keeps every frame's callback until the test writes it; counts closes. */
  private static final class HeldSession extends CoreSession.Empty {
    final ConcurrentLinkedQueue<Callback> unwritten = new ConcurrentLinkedQueue<>();
    final AtomicInteger closes = new AtomicInteger();

    @Override
    public void sendFrame(OutgoingEntry entry) {
      unwritten.add(entry.getCallback());
    }

    @Override
    public void close(int statusCode, String reason, Callback callback) {
      closes.incrementAndGet();
    }

    void writeAll() {
      for (Callback callback = unwritten.poll(); callback != null; callback = unwritten.poll()) {
        callback.succeeded();
      }
    }
  }

  private static TextFrame frame(int bytes) {
    return TextFrame.of("x".repeat(bytes));
  }

  @Test
  void theFrameBoundClosesOnceAndRefusesEverythingAfter() {
    HeldSession session = new HeldSession();
    Outbox outbox = new Outbox("n.1", new JettySocket(session), Limits.DEFAULTS.withMaxQueuedFrames(3));
    for (int i = 0; i < 5; i++) {
      outbox.send(frame(10));
    }
    assertEquals(3, outbox.queuedFrames());
    assertEquals(3, outbox.peakFrames());
    assertEquals(30, outbox.peakBytes());
    assertEquals(1, session.closes.get());
    session.writeAll();
    assertEquals(0, outbox.queuedFrames());
    outbox.send(frame(10));
    assertEquals(0, outbox.queuedFrames());
    assertEquals(1, session.closes.get());
  }

  @Test
  void theByteBoundCountsBytesButOneFrameAlwaysFitsAnEmptyQueue() {
    HeldSession session = new HeldSession();
    Outbox outbox = new Outbox("n.1", new JettySocket(session), Limits.DEFAULTS.withMaxQueuedBytes(100));
    outbox.send(frame(500));
    assertEquals(1, outbox.queuedFrames());
    session.writeAll();
    outbox.send(frame(60));
    outbox.send(frame(40));
    assertEquals(2, outbox.queuedFrames());
    assertEquals(0, session.closes.get());
    outbox.send(frame(1));
    assertEquals(1, session.closes.get());
    assertEquals(500, outbox.peakBytes());
  }

  @Test
  void failedWritesAreCountedOffToo() {
    HeldSession session = new HeldSession();
    Outbox outbox = new Outbox("n.1", new JettySocket(session), Limits.DEFAULTS);
    outbox.send(frame(10));
    session.unwritten.poll().failed(new RuntimeException("gone"));
    assertEquals(0, outbox.queuedFrames());
  }

  @Test
  void framesQueuedFromSeveralThreadsWhileWritesCompleteAllCountOff() throws Exception {
    HeldSession session = new HeldSession();
    Outbox outbox = new Outbox("n.1", new JettySocket(session), Limits.DEFAULTS.withMaxQueuedFrames(1_000_000).withMaxQueuedBytes(1L << 50));
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      threads.add(new Thread(() -> {
        await(go);
        for (int i = 0; i < 20_000; i++) {
          outbox.send(frame(i % 7));
        }
      }));
    }
    Thread writer = new Thread(() -> {
      await(go);
      for (int i = 0; i < 1_000; i++) {
        session.writeAll();
      }
    });
    threads.forEach(Thread::start);
    writer.start();
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    writer.join();
    session.writeAll();
    assertEquals(0, outbox.queuedFrames());
    assertEquals(0, session.closes.get());
    assertTrue(outbox.peakFrames() <= 80_000);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
