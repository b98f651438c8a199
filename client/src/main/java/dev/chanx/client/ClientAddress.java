package dev.chanx.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URI a client connects to: a channel's address template, such as {@code ws/chat/{group_name}/},
 * filled with its path parameters and placed under the server's URI.
 */
public final class ClientAddress {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

  private ClientAddress() {}

  /**
   * Resolves an address under a server.
   *
   * @param server the server, such as {@code ws://localhost:8000} or {@code wss://example.com/api/}
   * @param template the channel's address as the document writes it, with or without a leading slash
   * @param parameters each placeholder's value, percent-encoded here as one path segment
   * @return the absolute {@code ws}/{@code wss} URI of the channel
   * @throws IllegalArgumentException when the server is no {@code ws}/{@code wss} URI or a
   *     placeholder has no value
   */
  public static URI resolve(URI server, String template, Map<String, String> parameters) {
    String scheme = server.getScheme();
    if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme) || server.getRawAuthority() == null) {
      throw new IllegalArgumentException("not a ws:// or wss:// URI: " + server);
    }
    String base = server.getRawPath() == null || server.getRawPath().isEmpty() ? "/" : server.getRawPath();
    String address = template.startsWith("/") ? template.substring(1) : template;
    StringBuilder path = new StringBuilder(base.endsWith("/") ? base : base + "/");
    Matcher m = PLACEHOLDER.matcher(address);
    while (m.find()) {
      String value = parameters.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for path parameter " + m.group(1) + " of " + template);
      }
      m.appendReplacement(path, Matcher.quoteReplacement(component(value)));
    }
    m.appendTail(path);
    return URI.create(scheme + "://" + server.getRawAuthority() + path);
  }

  /** {@code uri} with these query parameters added, in order, after any it has. */
  static URI withQuery(URI uri, Map<String, List<String>> query) {
    if (query.isEmpty()) {
      return uri;
    }
    StringJoiner pairs = new StringJoiner("&");
    if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
      pairs.add(uri.getRawQuery());
    }
    query.forEach((name, values) -> values.forEach(v -> pairs.add(component(name) + "=" + component(v))));
    String text = uri.toString();
    int fragment = text.indexOf('#');
    String head = fragment < 0 ? text : text.substring(0, fragment);
    int question = head.indexOf('?');
    return URI.create((question < 0 ? head : head.substring(0, question)) + "?" + pairs
        + (fragment < 0 ? "" : text.substring(fragment)));
  }

  private static String component(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
