package dev.chanx.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.URIUtil;

/**
 * A channel address such as {@code ws/chat/{group_name}/}, compiled once into a pattern that
 * matches request paths with or without the leading and trailing slash.
 */
final class AddressTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]+)}");

  private final String address;
  private final Pattern pattern;
  private final List<String> names;
  private final String shape;

  private AddressTemplate(String address, Pattern pattern, List<String> names, String shape) {
    this.address = address;
    this.pattern = pattern;
    this.names = names;
    this.shape = shape;
  }

  /** Compiles an address as the AsyncAPI document writes it. */
  static AddressTemplate compile(String address) {
    String trimmed = trimSlashes(address);
    StringBuilder regex = new StringBuilder();
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(trimmed);
    int last = 0;
    while (m.find()) {
      regex.append(quoteLiteral(trimmed.substring(last, m.start()), address)).append("([^/]+)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(quoteLiteral(trimmed.substring(last), address));
    String shape = PLACEHOLDER.matcher(trimmed).replaceAll("{}");
    return new AddressTemplate(address, Pattern.compile(regex.toString()), List.copyOf(names), shape);
  }

  /** The address as written. */
  String address() {
    return address;
  }

  /** The parameter names in the order they appear. */
  List<String> names() {
    return names;
  }

  /** The address with slashes trimmed and parameter names erased: equal shapes collide. */
  String shape() {
    return shape;
  }

  /** The URL-decoded parameters if the raw (still encoded) request path matches, else null. */
  Map<String, String> match(String rawPath) {
    Matcher m = pattern.matcher(trimSlashes(rawPath));
    if (!m.matches()) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>(names.size() * 2);
    for (int i = 0; i < names.size(); i++) {
      String value = URIUtil.decodePath(m.group(i + 1));
      if (value.isEmpty()) {
        return null;
      }
      values.put(names.get(i), value);
    }
    return values;
  }

  private static String quoteLiteral(String literal, String address) {
    if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
      throw new IllegalArgumentException("not a valid channel address: " + address);
    }
    return literal.isEmpty() ? "" : Pattern.quote(literal);
  }

  private static String trimSlashes(String path) {
    int start = path.startsWith("/") ? 1 : 0;
    int end = path.endsWith("/") && path.length() > start ? path.length() - 1 : path.length();
    return path.substring(start, Math.max(start, end));
  }
}
