package dev.chanx.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a client connects: query parameters and headers of the upgrade request, the reconnect
 * policy and the timeouts, that of a silent server included. Immutable; build with {@link #builder()}, change with
 * {@link #toBuilder()}.
 */
public final class ClientOptions {

  private static final ClientOptions DEFAULTS = builder().build();

  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final Reconnect reconnect;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Duration serverTimeout;
  private final HttpClient httpClient;

  private ClientOptions(Builder b) {
    query = copy(b.query);
    headers = copy(b.headers);
    reconnect = b.reconnect;
    connectTimeout = b.connectTimeout;
    requestTimeout = b.requestTimeout;
    serverTimeout = b.serverTimeout;
    httpClient = b.httpClient;
  }

  /**
   * No query, no headers, no reconnect, 10 s to connect, 30 s for a reply, 60 s of silence from the server.
   *
   * @return the shared default options
   */
  public static ClientOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder holding the default options
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these options.
   *
   * @return a new builder initialised with a copy of these options
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The query parameters added to the address, in the order given.
   *
   * @return the query parameters by name, unmodifiable
   */
  public Map<String, List<String>> query() {
    return query;
  }

  /**
   * The headers of the upgrade request, in the order given.
   *
   * @return the headers by name, unmodifiable
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * When to connect again after the connection is lost.
   *
   * @return the reconnect policy
   */
  public Reconnect reconnect() {
    return reconnect;
  }

  /**
   * How long opening one connection may take.
   *
   * @return the connect timeout
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * How long a request waits for its reply before it fails with a timeout.
   *
   * @return the request timeout
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * How long the server may send nothing (no frame, ping or pong) before the connection is taken
   * for dead; zero when the client never gives up on a silent server.
   *
   * @return the server timeout, or zero
   */
  public Duration serverTimeout() {
    return serverTimeout;
  }

  /**
   * The HTTP client that opens connections, or null for one shared by all clients.
   *
   * @return the HTTP client, or null to use the shared one
   */
  public HttpClient httpClient() {
    return httpClient;
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> values) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    values.forEach((name, list) -> out.put(name, List.copyOf(list)));
    return Collections.unmodifiableMap(out);
  }

  /** Collects options; each setter returns the builder. */
  public static final class Builder {
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private Reconnect reconnect = Reconnect.never();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Duration serverTimeout = Duration.ofSeconds(60);
    private HttpClient httpClient;

    private Builder() {}

    private Builder(ClientOptions options) {
      options.query.forEach((name, values) -> query.put(name, new ArrayList<>(values)));
      options.headers.forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
      reconnect = options.reconnect;
      connectTimeout = options.connectTimeout;
      requestTimeout = options.requestTimeout;
      serverTimeout = options.serverTimeout;
      httpClient = options.httpClient;
    }

    /**
     * Adds a query parameter; a name given twice is sent twice.
     *
     * @param name the parameter's name, not blank
     * @param value the parameter's value
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public Builder query(String name, String value) {
      query.computeIfAbsent(requireName(name), k -> new ArrayList<>()).add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Adds a header to the upgrade request, such as {@code Authorization}.
     *
     * @param name the header's name, not blank
     * @param value the header's value
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public Builder header(String name, String value) {
      headers.computeIfAbsent(requireName(name), k -> new ArrayList<>()).add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets when to connect again after the connection is lost; {@link Reconnect#never()} by default.
     *
     * @param policy the reconnect policy
     * @return this builder
     */
    public Builder reconnect(Reconnect policy) {
      reconnect = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets how long opening one connection may take.
     *
     * @param timeout the connect timeout, positive; 10 s by default
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
     */
    public Builder connectTimeout(Duration timeout) {
      connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Sets how long a request waits for its reply.
     *
     * @param timeout the request timeout, positive; 30 s by default
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
     */
    public Builder requestTimeout(Duration timeout) {
      requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /**
     * Sets how long the server may send nothing before the connection is taken for dead: the
     * client pings the server after half of it, and after all of it drops the socket, which is
     * reported closed with 1006 and reconnected if the reconnect policy says so. A Chanx server
     * pings every 25 s by default, so keep this above the server's keepalive interval.
     *
     * @param timeout the server timeout, 60 s by default; {@code Duration.ZERO} never gives up on a silent server
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is null or negative
     */
    public Builder serverTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative()) {
        throw new IllegalArgumentException("serverTimeout must not be negative (Duration.ZERO turns it off): " + timeout);
      }
      serverTimeout = timeout;
      return this;
    }

    /**
     * Sets the HTTP client that opens connections (its executor runs the listener).
     *
     * @param client the HTTP client to use instead of the shared one
     * @return this builder
     */
    public Builder httpClient(HttpClient client) {
      httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * The options.
     *
     * @return new options holding this builder's settings
     */
    public ClientOptions build() {
      return new ClientOptions(this);
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
  }
}
