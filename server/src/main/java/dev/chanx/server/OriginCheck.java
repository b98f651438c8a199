package dev.chanx.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which web pages may open sockets here (against cross-site WebSocket hijacking). A request
 * without {@code Origin} (not a browser) passes; a browser's passes when its origin is this
 * server's own host (the {@code Host} header's host and port), or on the allow-list, or when
 * any origin is allowed.
 */
final class OriginCheck {

  static final OriginCheck SAME_HOST = new OriginCheck(Set.of(), false);

  private final Set<String> allowed;
  private final boolean any;

  private OriginCheck(Set<String> allowed, boolean any) {
    this.allowed = allowed;
    this.any = any;
  }

  /** This check with more origins allowed, each as {@code scheme://host[:port]}. */
  OriginCheck allow(String... origins) {
    Set<String> more = new LinkedHashSet<>(allowed);
    for (String origin : origins) {
      String normal = normalize(origin);
      if (normal == null) {
        throw new IllegalArgumentException("not an origin (scheme://host[:port]): " + origin);
      }
      more.add(normal);
    }
    return new OriginCheck(Set.copyOf(more), any);
  }

  /** This check letting every origin in. */
  OriginCheck allowAny() {
    return new OriginCheck(allowed, true);
  }

  /** Whether a request with these {@code Origin} and {@code Host} headers (either may be null) passes. */
  boolean allows(String origin, String host) {
    if (origin == null || any) {
      return true;
    }
    URI page = parse(origin);
    if (page == null) {
      return false;
    }
    if (allowed.contains(normalize(page))) {
      return true;
    }
    URI self = host == null ? null : parse("http://" + host);
    if (self == null || self.getHost() == null) {
      return false;
    }
    int selfPort = self.getPort() < 0 ? defaultPort(page.getScheme()) : self.getPort();
    return self.getHost().equalsIgnoreCase(page.getHost()) && selfPort == port(page);
  }

  /** For the start-up log. */
  String describe() {
    return any ? "any origin" : allowed.isEmpty() ? "same host only" : "same host and " + allowed;
  }

  static String normalize(String origin) {
    URI uri = parse(origin);
    return uri == null ? null : normalize(uri);
  }

  private static String normalize(URI origin) {
    return origin.getScheme().toLowerCase(Locale.ROOT) + "://" + origin.getHost().toLowerCase(Locale.ROOT) + ":" + port(origin);
  }

  /** An origin as a URI with a scheme and a host and nothing after the port, or null. */
  private static URI parse(String origin) {
    try {
      URI uri = new URI(origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin);
      boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty();
      return uri.getScheme() != null && uri.getHost() != null && bare && uri.getRawQuery() == null
          && uri.getRawFragment() == null && uri.getRawUserInfo() == null ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static int port(URI origin) {
    return origin.getPort() >= 0 ? origin.getPort() : defaultPort(origin.getScheme());
  }

  private static int defaultPort(String scheme) {
    String s = scheme.toLowerCase(Locale.ROOT);
    return s.equals("https") || s.equals("wss") ? 443 : 80;
  }
}
