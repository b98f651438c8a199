package dev.chanx.server;

import java.util.function.Supplier;

/**
 * A plain HTTP GET endpoint whose body is made at each request, such as Prometheus text at
 * {@code /metrics}; its status is 200, or 503 when {@code ready} says no.
 *
 * @param path the request path, such as {@code /metrics}
 * @param contentType the response's content type
 * @param body makes the body at each request
 * @param ready whether to answer 200 (true) or 503
 */
record TextEndpoint(String path, String contentType, Supplier<String> body, Supplier<Boolean> ready) {

  static final String PLAIN = "text/plain;charset=utf-8";

  /** Checks a path as the user wrote it. */
  static String checkPath(String path) {
    if (!path.startsWith("/") || path.contains("?") || path.contains("#")) {
      throw new IllegalArgumentException("not a valid endpoint path: " + path);
    }
    return path;
  }

  /** {@code /health/live}: 200 whenever the server answers at all. */
  static TextEndpoint live() {
    return new TextEndpoint("/health/live", PLAIN, () -> "live\n", () -> true);
  }

  /** {@code /health/ready}: 200 while the server takes new work, else 503. */
  static TextEndpoint ready(Supplier<Boolean> ready) {
    return new TextEndpoint("/health/ready", PLAIN, () -> ready.get() ? "ready\n" : "not ready\n", ready);
  }
}
