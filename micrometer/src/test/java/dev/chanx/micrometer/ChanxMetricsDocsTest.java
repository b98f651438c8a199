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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private static final Pattern BY = Pattern.compile("\\bby \\(([a-z_, ]+)\\)");
  private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"");
  // Labels every dashboard may group by on any metric: Prometheus's own and the histogram's.
  private static final Set<String> ANY_LABEL = Set.of("instance", "job", "le");
  private static Set<String> served;
  // Metric name -> the labels its series carry.
  private static Map<String, Set<String>> labels;

  /** The metric names of a scrape after a chat session that touches every meter. */
  @BeforeAll
  static void scrape() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ChatRoom room = new ChatRoom();
    ChanxMetrics metrics = ChanxMetrics.create(registry);
    ChanxServer server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
        .channel(ChatRoute.create(), room, chat -> chat.recovery(Duration.ofMinutes(1), 10))
        .telemetry(metrics)).start();
    try (TestClient alice = TestClient.connect(server.port(), "/ws/chat/docs/")) {
      alice.next(); // the recovery frame: the channel is recoverable, so its outcomes are counted
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
    labels = new HashMap<>();
    for (String line : registry.scrape().split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        int end = line.indexOf('{') > 0 ? line.indexOf('{') : line.indexOf(' ');
        String name = line.substring(0, end);
        served.add(name);
        Matcher label = LABEL.matcher(line.substring(end, line.lastIndexOf(' ')));
        Set<String> names = labels.computeIfAbsent(name, n -> new TreeSet<>());
        while (label.find()) {
          names.add(label.group(1));
        }
      }
    }
  }

  @Test
  void theDashboardNamesOnlyServedMetrics() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(DOCS.resolve("observability/grafana-dashboard.json").toFile());
    List<String> exprs = dashboard.findValuesAsText("expr");
    assertTrue(exprs.size() >= 10, "panels' queries: " + exprs);
    assertNamesServed(exprs, "grafana-dashboard.json");
    assertLabelsServed(exprs, "grafana-dashboard.json");
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
    assertLabelsServed(exprs, "prometheus-alerts.yaml");
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

  /**
   * Every label a query groups or filters by is one the metrics it reads carry: a query on a label
   * the metrics lack (a tag renamed or dropped) silently shows nothing.
   */
  private static void assertLabelsServed(List<String> exprs, String where) {
    Set<String> unknown = new TreeSet<>();
    for (String expr : exprs) {
      Set<String> carried = new TreeSet<>(ANY_LABEL);
      Matcher m = METRIC.matcher(expr);
      while (m.find()) {
        carried.addAll(labels.getOrDefault(m.group(), Set.of()));
      }
      Set<String> used = new TreeSet<>();
      Matcher by = BY.matcher(expr);
      while (by.find()) {
        for (String label : by.group(1).split(",")) {
          used.add(label.trim());
        }
      }
      Matcher filter = Pattern.compile("([a-z_]+)=~?\"").matcher(expr);
      while (filter.find()) {
        used.add(filter.group(1));
      }
      used.removeAll(carried);
      if (!used.isEmpty()) {
        unknown.add(used + " in " + expr);
      }
    }
    assertEquals(Set.of(), unknown, where + " uses labels its metrics do not carry");
  }

  /** A histogram's or summary's family name as the page writes it, such as {@code chanx_layer_lag_seconds}. */
  private static boolean isFamily(String name) {
    return served.contains(name + "_count") && served.contains(name + "_sum");
  }
}
