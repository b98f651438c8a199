package dev.chanx.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a client connects, set in the lambda given to a generated client's {@code connect} (or to
 * {@link ChanxClient#connect}):
 *
 * <pre>{@code
 * ChatClient.connect(server, new ChatPath("room1"), config -> {
 *   config.header("Authorization", "Bearer " + token);
 *   config.reconnect(Reconnect.withBackoff(Duration.ofMillis(250), Duration.ofSeconds(10)));
 * }, listener);
 * }</pre>
 *
 * <p>Defaults: no query, no headers, no reconnect, 10 s to connect, 30 s for a reply, 60 s of
 * silence from the server. Each setter checks its value at once, naming it; once the lambda
 * returns the configuration is closed, and later calls fail.
 */
public final class ClientConfig {

  private final Map<String, List<String>> query = new LinkedHashMap<>();
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private Reconnect reconnect = Reconnect.never();
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration requestTimeout = Duration.ofSeconds(30);
  private Duration serverTimeout = Duration.ofSeconds(60);
  private HttpClient httpClient;
  private boolean closed;

  private ClientConfig() {}

  /** The settings {@code configure} makes on the defaults, once it returns. */
  static ClientSettings settings(Consumer<? super ClientConfig> configure) {
    ClientConfig config = new ClientConfig();
    Objects.requireNonNull(configure, "configure").accept(config);
    config.closed = true;
    return new ClientSettings(ClientSettings.copy(config.query), ClientSettings.copy(config.headers), config.reconnect,
        config.connectTimeout, config.requestTimeout, config.serverTimeout, config.httpClient);
  }

  /**
   * Adds a query parameter; a name given twice is sent twice.
   *
   * @param name the parameter's name, not blank
   * @param value the parameter's value
   * @return this configuration
   * @throws IllegalArgumentException if {@code name} is null or blank
   */
  public ClientConfig query(String name, String value) {
    checkOpen();
    query.computeIfAbsent(requireName(name), k -> new ArrayList<>()).add(Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * Adds a header to the upgrade request, such as {@code Authorization}.
   *
   * @param name the header's name, not blank
   * @param value the header's value
   * @return this configuration
   * @throws IllegalArgumentException if {@code name} is null or blank
   */
  public ClientConfig header(String name, String value) {
    checkOpen();
    headers.computeIfAbsent(requireName(name), k -> new ArrayList<>()).add(Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * When to connect again after the connection is lost; {@link Reconnect#never()} by default.
   *
   * @param policy the reconnect policy
   * @return this configuration
   */
  public ClientConfig reconnect(Reconnect policy) {
    checkOpen();
    reconnect = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * How long opening one connection may take.
   *
   * @param timeout the connect timeout, positive; 10 s by default
   * @return this configuration
   * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
   */
  public ClientConfig connectTimeout(Duration timeout) {
    checkOpen();
    connectTimeout = positive(timeout, "connectTimeout");
    return this;
  }

  /**
   * How long a request waits for its reply.
   *
   * @param timeout the request timeout, positive; 30 s by default
   * @return this configuration
   * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
   */
  public ClientConfig requestTimeout(Duration timeout) {
    checkOpen();
    requestTimeout = positive(timeout, "requestTimeout");
    return this;
  }

  /**
   * How long the server may send nothing before the connection is taken for dead: the
   * client pings the server after half of it, and after all of it drops the socket, which is
   * reported closed with 1006 and reconnected if the reconnect policy says so. A Chanx server
   * pings every 25 s by default, so keep this above the server's keepalive interval.
   *
   * @param timeout the server timeout, 60 s by default; {@code Duration.ZERO} never gives up on a silent server
   * @return this configuration
   * @throws IllegalArgumentException if {@code timeout} is null or negative
   */
  public ClientConfig serverTimeout(Duration timeout) {
    checkOpen();
    if (timeout == null || timeout.isNegative()) {
      throw new IllegalArgumentException("serverTimeout must not be negative (Duration.ZERO turns it off): " + timeout);
    }
    serverTimeout = timeout;
    return this;
  }

  /**
   * The HTTP client that opens connections (its executor runs the listener).
   *
   * @param client the HTTP client to use instead of the shared one
   * @return this configuration
   */
  public ClientConfig httpClient(HttpClient client) {
    checkOpen();
    httpClient = Objects.requireNonNull(client, "client");
    return this;
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("not a valid name: " + name);
    }
    return name;
  }

  private static Duration positive(Duration timeout, String what) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + timeout);
    }
    return timeout;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the client is configured: configure it inside connect(..., config -> ...)");
    }
  }
}
