package dev.chanx.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chanx.server.testing.Poll;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Drives Debian's headless Chromium through chromedriver's W3C WebDriver endpoint: just the few
 * commands the page tests need, so no browser tool can try to download a browser of its own.
 */
final class Browser implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process driver;
  private final String base;
  private final Path profile;

  private Browser(Process driver, String base, Path profile) {
    this.driver = driver;
    this.base = base;
    this.profile = profile;
  }

  /** Whether Debian's chromium and chromedriver are installed. */
  static boolean available() {
    return Files.isExecutable(Path.of(chromium())) && Files.isExecutable(Path.of(chromedriver()));
  }

  /** Why the browser test cannot run here: what is missing and how to get it. */
  static String missing() {
    return "no headless Chromium: needs " + chromium() + " and " + chromedriver()
        + " (apt-get install chromium chromium-driver, or CHANX_CHROMIUM and CHANX_CHROMEDRIVER; CI has them)";
  }

  /** Starts chromedriver and one headless Chromium session. */
  static Browser start() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process driver = new ProcessBuilder(chromedriver(), "--port=" + port)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    String url = "http://127.0.0.1:" + port;
    Path profile = Files.createTempDirectory("chanx-chromium");
    waitForDriver(url);
    ObjectNode caps = JSON.createObjectNode();
    ObjectNode options = caps.putObject("capabilities").putObject("alwaysMatch").putObject("goog:chromeOptions");
    options.put("binary", chromium());
    for (String arg : List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-quic", "--window-size=1000,900", "--user-data-dir=" + profile)) {
      options.withArray("args").add(arg);
    }
    JsonNode session = post(url + "/session", caps);
    String id = session.path("value").path("sessionId").asText();
    if (id.isEmpty()) {
      driver.destroyForcibly();
      throw new IOException("chromedriver did not start a session: " + session);
    }
    return new Browser(driver, url + "/session/" + id, profile);
  }

  void open(String url) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode().put("url", url);
    post(base + "/url", body);
  }

  void type(String css, String text) throws IOException, InterruptedException {
    post(base + "/element/" + find(css) + "/value", JSON.createObjectNode().put("text", text));
  }

  void clear(String css) throws IOException, InterruptedException {
    post(base + "/element/" + find(css) + "/clear", JSON.createObjectNode());
  }

  void click(String css) throws IOException, InterruptedException {
    post(base + "/element/" + find(css) + "/click", JSON.createObjectNode());
  }

  String text(String css) throws IOException, InterruptedException {
    return get(base + "/element/" + find(css) + "/text").path("value").asText();
  }

  /** Waits until the text of an element satisfies a condition, and returns it. */
  String waitForText(String css, Predicate<String> condition, Duration timeout) throws Exception {
    return Poll.until(timeout, "the text of " + css, () -> text(css), condition);
  }

  /** Saves a PNG screenshot of the page. */
  void screenshot(Path file) throws IOException, InterruptedException {
    String png = get(base + "/screenshot").path("value").asText();
    Files.write(file, java.util.Base64.getDecoder().decode(png));
  }

  private String find(String css) throws IOException, InterruptedException {
    ObjectNode query = JSON.createObjectNode().put("using", "css selector").put("value", css);
    JsonNode found = post(base + "/element", query).path("value");
    // The W3C element reference is the value of the object's single, fixed-named key.
    String id = found.isObject() && found.size() == 1 ? found.elements().next().asText() : "";
    if (id.isEmpty()) {
      throw new AssertionError("no element " + css + ": " + found);
    }
    return id;
  }

  @Override
  public void close() throws IOException {
    try {
      send(HttpRequest.newBuilder(URI.create(base)).DELETE().build());
    } catch (IOException | InterruptedException e) {
      // The driver goes anyway.
    } finally {
      driver.destroy();
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void waitForDriver(String url) throws Exception {
    boolean ready = Poll.within(Duration.ofSeconds(15), () -> {
      try {
        return get(url + "/status").path("value").path("ready").asBoolean();
      } catch (IOException notListeningYet) {
        return false;
      }
    });
    if (!ready) {
      throw new IOException("chromedriver was not ready on " + url + " within 15 s");
    }
  }

  private static JsonNode get(String url) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  private static JsonNode post(String url, JsonNode body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build());
  }

  private static JsonNode send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode json = JSON.readTree(response.body());
    if (response.statusCode() >= 400) {
      throw new IOException("WebDriver " + request.uri().getPath() + " failed: " + json.path("value"));
    }
    return json;
  }

  private static String chromium() {
    return System.getenv().getOrDefault("CHANX_CHROMIUM", "/usr/bin/chromium");
  }

  private static String chromedriver() {
    return System.getenv().getOrDefault("CHANX_CHROMEDRIVER", "/usr/bin/chromedriver");
  }
}
