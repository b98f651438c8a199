package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.channel.Connection;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.RawWebSocket;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatPath;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.NoticeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A client that stops reading is closed with 1008 once its bounded queue fills; its room carries on. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlowConsumerTest {

  private static final int MAX_QUEUED = 32;
  private static final int READERS = 4;
  private static final int BURST = 8;
  /** 8 frames of 16 kB a round: 64 MB at most, far more than any kernel buffers for one socket. */
  private static final int MAX_ROUNDS = 500;
  private static final String BODY = "x".repeat(16_000);

  private final ChatRoom room = new ChatRoom();
  private ChanxServer server;

  @BeforeEach
  void start() {
    server = ChanxServer.create(config -> config.host("127.0.0.1").port(0).maxQueuedFrames(MAX_QUEUED)
        .channel(ChatRoute.create(), room)).start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void clientThatNeverReadsIsClosedWith1008WhileItsRoomGetsEveryFrameInOrder() throws Exception {
    try (RawWebSocket stuck = RawWebSocket.connect(server.port(), "/ws/chat/busy/", 4096, null)) {
      ChanxConnection<?, ?> stuckConnection = (ChanxConnection<?, ?>) room.connected.poll(10, TimeUnit.SECONDS);
      assertNotNull(stuckConnection);
      List<TestClient> readers = new ArrayList<>();
      List<ChanxConnection<?, ?>> readerConnections = new ArrayList<>();
      for (int i = 0; i < READERS; i++) {
        readers.add(TestClient.connect(server.port(), "/ws/chat/busy/"));
        readerConnections.add((ChanxConnection<?, ?>) room.connected.poll(10, TimeUnit.SECONDS));
      }
      ChannelPublisher<ChatServerMessage> publisher = server.publisher(ChatRoute.create());
      // Rounds of a burst each, the next once every reader has the last: readers keep up, the stuck
      // one falls behind. The kernel's socket buffers take the first megabytes, so go on until it
      // is closed, then a few rounds more.
      String stuckId = stuckConnection.id();
      long slowestRound = 0;
      int rounds = MAX_ROUNDS;
      for (int round = 0; round < rounds; round++) {
        if (rounds == MAX_ROUNDS && room.closeCodes.containsKey(stuckId)) {
          rounds = round + 5;
        }
        long started = System.nanoTime();
        for (int i = round * BURST; i < (round + 1) * BURST; i++) {
          publisher.broadcast(new NoticeMessage(i + " " + BODY), "busy");
        }
        for (TestClient reader : readers) {
          for (int i = round * BURST; i < (round + 1) * BURST; i++) {
            String frame = reader.next();
            assertTrue(frame.startsWith("{\"action\":\"notice\",\"payload\":\"" + i + " "), "frame " + i);
          }
        }
        slowestRound = Math.max(slowestRound, System.nanoTime() - started);
      }
      String gone;
      do {
        gone = room.disconnected.poll(10, TimeUnit.SECONDS);
      } while (gone != null && !gone.equals(stuckId));
      assertEquals(stuckId, gone, "the client that never reads was not closed");
      assertEquals(1008, room.closeCodes.get(stuckId));

      Outbox stuckOutbox = (Outbox) stuckConnection.sink();
      assertTrue(stuckOutbox.peakFrames() <= MAX_QUEUED, "peak " + stuckOutbox.peakFrames());
      assertEquals(MAX_QUEUED, stuckOutbox.peakFrames(), "the bound was never reached");
      assertTrue(stuckOutbox.peakBytes() <= Limits.DEFAULTS.maxQueuedBytes(), "peak " + stuckOutbox.peakBytes() + " bytes");
      for (ChanxConnection<?, ?> reader : readerConnections) {
        assertTrue(((Outbox) reader.sink()).peakFrames() <= MAX_QUEUED);
      }
      // No round ever waited on the stuck socket.
      assertTrue(TimeUnit.NANOSECONDS.toMillis(slowestRound) < 2_000, "slowest round " + slowestRound / 1_000_000 + " ms");
      for (TestClient reader : readers) {
        reader.send("{\"action\":\"ping\"}").expect("{\"action\":\"pong\",\"payload\":null}");
        reader.close();
      }
    }
  }

  @Test
  void aSingleLargeFrameAlwaysFitsAnEmptyQueue() throws Exception {
    server.stop();
    server = ChanxServer.create(config -> config.host("127.0.0.1").port(0).maxQueuedBytes(1000)
        .channel(ChatRoute.create(), room)).start();
    try (TestClient client = TestClient.connect(server.port(), "/ws/chat/big/")) {
      Connection<ChatServerMessage, ChatPath> connection = room.connected.poll(10, TimeUnit.SECONDS);
      connection.send(new NoticeMessage(BODY));
      client.expect("{\"action\":\"notice\",\"payload\":\"" + BODY + "\"}");
      client.send("{\"action\":\"ping\"}").expect("{\"action\":\"pong\",\"payload\":null}");
    }
  }
}

