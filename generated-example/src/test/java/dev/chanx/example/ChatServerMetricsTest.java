package dev.chanx.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.RawHttp;
import dev.chanx.server.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The example server as {@code --metrics} starts it: Prometheus text at /metrics, health checks. */
@Timeout(60)
class ChatServerMetricsTest {

  private static ChanxServer server;

  @BeforeAll
  static void start() {
    server = ChatServer.create(config -> {
      config.port(0);
      config.healthChecks(true);
      Metrics.serve(config);
    }).start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void metricsAreServedAsPrometheusTextWithTheChatsSeries() throws Exception {
    try (TestClient alice = TestClient.connect(server.port(), "/ws/chat/metrics-room/")) {
      alice.send("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\",\"name\":\"Alice\"}}");
      alice.send("{\"action\":\"new_chat_message\"}");
      assertTrue(alice.next().contains("\"type\":\"missing\""));
    }
    RawHttp.Answer answer = RawHttp.get(server.port(), "/metrics");
    assertEquals(200, answer.status());
    assertTrue(answer.headers().toLowerCase().contains("content-type: text/plain;version=0.0.4"), answer.headers());
    String text = answer.body();
    assertTrue(text.contains(
        "chanx_frames_received_total{channel=\"chat\",message=\"new_chat_message\","
            + "operation=\"handle_new_chat_message\",outcome=\"ok\"} 1.0"), text);
    assertTrue(text.contains(
        "chanx_validation_failures_total{channel=\"chat\",message=\"new_chat_message\","
            + "operation=\"handle_new_chat_message\",rule=\"missing\"} 1.0"), text);
    assertTrue(text.contains("chanx_handler_duration_seconds_bucket{channel=\"chat\""), text);
    assertTrue(text.contains("jvm_memory_used_bytes"), text);
    // The room is a path parameter and a group: never a label.
    assertTrue(!text.contains("metrics-room"), text);
  }

  @Test
  void healthChecksAnswer() throws Exception {
    assertEquals(200, RawHttp.get(server.port(), "/health/live").status());
    RawHttp.Answer ready = RawHttp.get(server.port(), "/health/ready");
    assertEquals(200, ready.status());
    assertEquals("ready\n", ready.body());
  }
}
