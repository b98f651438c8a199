package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.Poll;
import dev.chanx.server.testing.RawWebSocket;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.NoticeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A replay is queued on the socket at once and is not counted against its queue bound (the
 * defaults, 1,024 frames and 1 MiB): a client that reads it late gets all of it, and one that
 * stops reading the live frames after it is still closed with 1008.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecoveryQueueBoundTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  // Ten times the default frame bound and about ten times the byte bound: more than the kernel's
  // socket buffers take for a client that does not read, so the bound would be passed if counted.
  private static final int MISSED = 10_000;
  private static final String BODY = "x".repeat(1000);
  private static final int MAX_ROUNDS = 500;

  private final ChatRoom room = new ChatRoom();
  private ChanxServer server;
  private ChannelPublisher<ChatServerMessage> publisher;
  // The client that resumes without reading at first.
  private RawWebSocket bob;

  @BeforeEach
  void start() {
    server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
        .channel(ChatRoute.create(), room, chat -> chat.recovery(Duration.ofMinutes(2), MISSED))).start();
    publisher = server.publisher(ChatRoute.create());
  }

  @AfterEach
  void stop() throws Exception {
    if (bob != null) {
      bob.close();
    }
    server.stop();
  }

  /** A client joins and leaves, then {@link #MISSED} frames are sent; {@return the position it can resume from} */
  private String missedWhileAway(String group) throws Exception {
    String position;
    try (TestClient before = TestClient.connect(server.port(), "/ws/chat/" + group + "/")) {
      JsonNode start = JSON.readTree(before.next()).path("payload").path(group);
      position = "{\"" + group + "\":{\"epoch\":\"" + start.path("epoch").asText() + "\",\"offset\":"
          + start.path("offset").asLong() + "}}";
    }
    for (int i = 1; i <= MISSED; i++) {
      publisher.broadcast(new NoticeMessage(i + " " + BODY), group);
    }
    return position;
  }

  /** Connects {@link #bob} without reading, resuming from a position; {@return the server's side of it, once its replay is queued} */
  private ChanxConnection<?, ?> resumed(String group, String position) throws Exception {
    room.connected.clear();
    bob = RawWebSocket.connect(server.port(), "/ws/chat/" + group + "/?chanx_recover="
        + URLEncoder.encode(position, StandardCharsets.UTF_8), 4096, null);
    ChanxConnection<?, ?> connection = (ChanxConnection<?, ?>) room.connected.poll(10, TimeUnit.SECONDS);
    assertNotNull(connection);
    Poll.until(Duration.ofSeconds(10), "the replay is queued", () -> !connection.recovery().recovering());
    return connection;
  }

  @Test
  void aReplayLargerThanTheQueueBoundArrivesWholeToAClientThatReadsItLate() throws Exception {
    String group = "r" + System.nanoTime();
    String position = missedWhileAway(group);
    ChanxConnection<?, ?> connection = resumed(group, position);
    publisher.broadcast(new NoticeMessage("live"), group);
    JsonNode recovery = JSON.readTree(bob.receive().text()).path("payload").path(group);
    assertEquals("recovered", recovery.path("status").asText(), recovery.toString());
    assertEquals(MISSED, recovery.path("missed").asInt());
    for (int i = 1; i <= MISSED; i++) {
      RawWebSocket.Received frame = bob.receive();
      assertEquals(RawWebSocket.TEXT, frame.opcode(), "frame " + i);
      assertTrue(frame.text().startsWith("{\"action\":\"notice\",\"payload\":\"" + i + " "), "frame " + i);
    }
    assertTrue(bob.receive().text().startsWith("{\"action\":\"notice\",\"payload\":\"live\""));
    assertTrue(((Outbox) connection.sink()).peakFrames() <= 2, "only live frames are counted");
    assertNull(room.closeCodes.get(connection.id()));
  }

  @Test
  void aClientThatStopsReadingAfterItsReplayIsStillClosedWith1008() throws Exception {
    String group = "r" + System.nanoTime();
    String position = missedWhileAway(group);
    ChanxConnection<?, ?> connection = resumed(group, position);
    String id = connection.id();
    // Live frames of 16 kB until the socket is closed: the kernel's buffers are full of the
    // replay already, so the live frames wait in the outbox.
    String big = "y".repeat(16_000);
    for (int round = 0; round < MAX_ROUNDS && !room.closeCodes.containsKey(id); round++) {
      publisher.broadcast(new NoticeMessage(big), group);
    }
    Poll.until(Duration.ofSeconds(10), "the client that stopped reading is closed",
        () -> room.closeCodes.containsKey(id));
    assertEquals(1008, room.closeCodes.get(id));
    Outbox outbox = (Outbox) connection.sink();
    assertTrue(outbox.peakBytes() <= Limits.DEFAULTS.maxQueuedBytes(), "peak " + outbox.peakBytes() + " bytes");
    assertTrue(outbox.peakFrames() <= Limits.DEFAULTS.maxQueuedFrames(), "peak " + outbox.peakFrames() + " frames");
  }
}
