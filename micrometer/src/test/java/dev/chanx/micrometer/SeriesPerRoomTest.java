package dev.chanx.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatRoute;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rooms are path parameters and groups: never tags, so 1,000 rooms make the series 10 rooms make. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SeriesPerRoomTest {

  @Test
  void tenRoomsAndAThousandRoomsMakeTheSameSeries() throws Exception {
    PrometheusMeterRegistry ten = chatIn(10);
    PrometheusMeterRegistry thousand = chatIn(1_000);
    assertEquals(Series.of(ten), Series.of(thousand));
    assertEquals(seriesLines(ten.scrape()), seriesLines(thousand.scrape()));
    assertEquals(1_000, thousand.get("chanx.connections.opened").counter().count());
  }

  /** A server where one client in each room says hello and pings; the Prometheus registry it filled. */
  private static PrometheusMeterRegistry chatIn(int rooms) throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ChatRoom room = new ChatRoom();
    ChanxServer server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
        .channel(ChatRoute.create(), room).telemetry(ChanxMetrics.create(registry))).start();
    try {
      for (int i = 0; i < rooms; i++) {
        try (TestClient client = TestClient.connect(server.port(), "/ws/chat/room" + i + "/")) {
          client.send("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\",\"name\":\"user" + i + "\"}}");
          client.send("{\"action\":\"ping\"}").expect("{\"action\":\"pong\",\"payload\":null}");
        }
        room.disconnected.poll(10, TimeUnit.SECONDS);
      }
    } finally {
      server.stop();
    }
    return registry;
  }

  /** The series of Prometheus text: its sample lines up to the value, without comments. */
  private static Set<String> seriesLines(String scrape) {
    Set<String> series = new java.util.TreeSet<>();
    for (String line : scrape.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        series.add(line.substring(0, line.lastIndexOf(' ')));
      }
    }
    return series;
  }
}
