package dev.chanx.spring;

import dev.chanx.server.HostRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A servlet request as a {@link dev.chanx.server.ChannelHost} reads it. */
final class ServletHostRequest implements HostRequest {

  private final HttpServletRequest request;
  private final String rawPath;

  ServletHostRequest(HttpServletRequest request) {
    this.request = request;
    this.rawPath = rawPath(request);
  }

  /** The request path within the application, still URL-encoded. */
  static String rawPath(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context.isEmpty() ? uri : uri.substring(context.length());
  }

  @Override
  public String rawPath() {
    return rawPath;
  }

  @Override
  public String decodedPath() {
    // In a path, '+' is a plus sign, not a space.
    return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public Map<String, List<String>> query() {
    String query = request.getQueryString();
    if (query == null || query.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  @Override
  public Map<String, List<String>> headers() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    return headers;
  }

  @Override
  public Optional<Object> principal() {
    return Optional.ofNullable(request.getUserPrincipal());
  }
}
