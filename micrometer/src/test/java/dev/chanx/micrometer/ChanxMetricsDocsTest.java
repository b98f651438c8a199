package dev.chanx.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatRoute;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The dashboard, the alert rules and the reference page against what a server really serves:
 * every metric they name is in a real scrape, and the page lists every meter.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChanxMetricsDocsTest {

  private static final Path DOCS = Path.of("../docs");
  private static final Pattern METRIC = Pattern.compile("\\bchanx_[a-z_]+");
  private static Set<String> served;

  /** The metric names of a scrape after a chat session that touches every meter. */
  @BeforeAll
  static void scrape() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ChatRoom room = new ChatRoom();
    ChanxMetrics metrics = ChanxMetrics.create(registry);
    ChanxServer server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
        .channel(ChatRoute.create(), room).telemetry(metrics)).start();
    try (TestClient alice = TestClient.connect(server.port(), "/ws/chat/docs/")) {
      alice.send("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\",\"name\":\"Alice\"}}");
      alice.send("{\"action\":\"boom\"}");
      alice.next();
      alice.send("{\"action\":\"new_chat_message\"}");
      alice.next();
    } finally {
      room.disconnected.poll(10, TimeUnit.SECONDS);
      // A send from another node, as the Redis layer reports it (LayerLagTest does it on a real Redis).
      metrics.layer().received("chat/docs", null, System.currentTimeMillis() - 3, 1, System.nanoTime());
      server.stop();
    }
    served = new TreeSet<>();
    for (String line : registry.scrape().split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        int end = line.indexOf('{') > 0 ? line.indexOf('{') : line.indexOf(' ');
        served.add(line.substring(0, end));
      }
    }
  }

  @Test
  void theDashboardNamesOnlyServedMetrics() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(DOCS.resolve("observability/grafana-dashboard.json").toFile());
    List<String> exprs = dashboard.findValuesAsText("expr");
    assertTrue(exprs.size() >= 10, "panels' queries: " + exprs);
    assertNamesServed(exprs, "grafana-dashboard.json");
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      if (variable.has("definition")) {
        assertNamesServed(List.of(variable.get("definition").asText()), "grafana-dashboard.json templating");
      }
    }
  }

  @Test
  void theAlertRulesNameOnlyServedMetricsAndCoverWhatTheIssueAsks() throws Exception {
    JsonNode rules = new YAMLMapper().readTree(DOCS.resolve("observability/prometheus-alerts.yaml").toFile());
    List<String> exprs = rules.findValuesAsText("expr");
    assertNamesServed(exprs, "prometheus-alerts.yaml");
    List<String> alerts = rules.findValuesAsText("alert");
    assertTrue(alerts.containsAll(List.of("ChanxSlowConsumers", "ChanxValidationFailureRate", "ChanxLayerLag")), alerts.toString());
  }

  @Test
  void theReferencePageListsEveryMeterAndOnlyServedMetrics() throws Exception {
    String page = Files.readString(DOCS.resolve("reference/observability.md"));
    List<String> missing = new ArrayList<>();
    for (String name : MeterNames.ALL) {
      if (!page.contains("`" + name + "`")) {
        missing.add(name);
      }
    }
    assertEquals(List.of(), missing, "meters the page does not list");
    assertNamesServed(List.of(page), "reference/observability.md");
  }

  private static void assertNamesServed(List<String> texts, String where) {
    Set<String> unknown = new TreeSet<>();
    for (String text : texts) {
      Matcher m = METRIC.matcher(text);
      while (m.find()) {
        if (!served.contains(m.group()) && !isFamily(m.group())) {
          unknown.add(m.group());
        }
      }
    }
    assertEquals(Set.of(), unknown, where + " names metrics no server serves; served: " + served);
  }

  /** A histogram's or summary's family name as the page writes it, such as {@code chanx_layer_lag_seconds}. */
  private static boolean isFamily(String name) {
    return served.contains(name + "_count") && served.contains(name + "_sum");
  }
}
