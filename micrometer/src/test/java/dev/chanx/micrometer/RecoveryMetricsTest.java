package dev.chanx.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatRoute;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reconnecting clients on a recoverable channel, over real sockets: each group's outcome is counted. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecoveryMetricsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROOM = "lobby";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ChatRoom room = new ChatRoom();
  private final ChanxServer server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
      .channel(ChatRoute.create(), room, chat -> chat.recovery(Duration.ofMinutes(1), 10))
      .telemetry(ChanxMetrics.create(registry))).start();

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void everyOutcomeIsCountedWithItsReason() throws Exception {
    JsonNode fresh = recovery(null);
    assertEquals("new", fresh.path("status").asText());
    String epoch = fresh.path("epoch").asText();
    long offset = fresh.path("offset").asLong();
    assertEquals("recovered", recovery(position(epoch, offset)).path("status").asText());
    assertEquals("epoch_changed", recovery(position("gone", offset)).path("reason").asText());
    assertEquals("unknown_position", recovery(position(epoch, offset + 1_000)).path("reason").asText());
    assertEquals("epoch_changed", recovery(position("older", offset)).path("reason").asText());

    Set<String> recoveries = new TreeSet<>();
    for (String series : Series.of(registry)) {
      if (series.startsWith(MeterNames.RECOVERIES + "{")) {
        recoveries.add(series);
      }
    }
    assertEquals(Set.of(
        "chanx.recoveries{tag(channel=chat),tag(reason=none),tag(status=new)}",
        "chanx.recoveries{tag(channel=chat),tag(reason=none),tag(status=recovered)}",
        "chanx.recoveries{tag(channel=chat),tag(reason=epoch_changed),tag(status=failed)}",
        "chanx.recoveries{tag(channel=chat),tag(reason=unknown_position),tag(status=failed)}"), recoveries);
    assertEquals(1, count("new", "none"));
    assertEquals(1, count("recovered", "none"));
    assertEquals(2, count("failed", "epoch_changed"));
    assertEquals(1, count("failed", "unknown_position"));
  }

  /** Joins the room presenting this position (or none) and returns its group's part of the recovery frame. */
  private JsonNode recovery(String position) throws Exception {
    String query = position == null ? "" : "?chanx_recover=" + URLEncoder.encode(position, StandardCharsets.UTF_8);
    try (TestClient client = TestClient.connect(server.port(), "/ws/chat/" + ROOM + "/" + query)) {
      JsonNode frame = JSON.readTree(client.next());
      assertEquals("recovery", frame.path("action").asText(), frame.toString());
      return frame.path("payload").path(ROOM);
    } finally {
      room.disconnected.poll(10, TimeUnit.SECONDS);
    }
  }

  private static String position(String epoch, long offset) {
    return "{\"" + ROOM + "\":{\"epoch\":\"" + epoch + "\",\"offset\":" + offset + "}}";
  }

  private double count(String status, String reason) {
    return registry.get(MeterNames.RECOVERIES).tags("status", status, "reason", reason).counter().count();
  }
}
