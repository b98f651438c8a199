package dev.chanx.server.topic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A topic pattern such as {@code room:{room_name}}: matches topic strings and reads their
 * parameters. As in Chanx, a parameter's value is one or more characters other than {@code :},
 * so {@code run:{id}} cannot swallow a following segment.
 */
public final class TopicPattern {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  private final String pattern;
  private final List<String> names;
  private final Pattern regex;

  private TopicPattern(String pattern, List<String> names, Pattern regex) {
    this.pattern = pattern;
    this.names = names;
    this.regex = regex;
  }

  /**
   * {@return the compiled pattern}
   *
   * @param pattern the pattern, such as {@code room:{room_name}}
   */
  public static TopicPattern compile(String pattern) {
    List<String> names = new ArrayList<>();
    StringBuilder regex = new StringBuilder("^");
    Matcher m = PLACEHOLDER.matcher(pattern);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(pattern.substring(last, m.start()))).append("([^:]+)");
      if (names.contains(m.group(1))) {
        throw new IllegalArgumentException("topic pattern " + pattern + " names {" + m.group(1) + "} twice");
      }
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(pattern.substring(last))).append('$');
    return new TopicPattern(pattern, List.copyOf(names), Pattern.compile(regex.toString()));
  }

  /** {@return the pattern as written} */
  public String pattern() {
    return pattern;
  }

  /** {@return the parameters' names, in the order the pattern names them} */
  public List<String> names() {
    return names;
  }

  /**
   * {@return the parameters of a topic string by name, or null when it does not match}
   *
   * @param topic the topic string, such as {@code room:lobby}
   */
  public Map<String, String> match(String topic) {
    Matcher m = regex.matcher(topic);
    if (!m.matches()) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      values.put(names.get(i), m.group(i + 1));
    }
    return values;
  }

  /**
   * {@return the topic string of these parameter values, such as {@code room:lobby}}
   *
   * @param values the values in the order of {@link #names()}
   * @throws IllegalArgumentException when a value is empty or holds {@code :}, which no topic
   *     string of this pattern could carry
   */
  public String format(Object... values) {
    if (values.length != names.size()) {
      throw new IllegalArgumentException("topic pattern " + pattern + " takes " + names.size() + " values");
    }
    StringBuilder out = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(pattern);
    int last = 0;
    int i = 0;
    while (m.find()) {
      String value = String.valueOf(values[i]);
      if (value.isEmpty() || value.indexOf(':') >= 0) {
        throw new IllegalArgumentException("topic parameter " + names.get(i) + " must be non-empty and hold no ':'"
            + ", got '" + value + "'");
      }
      out.append(pattern, last, m.start()).append(value);
      last = m.end();
      i++;
    }
    return out.append(pattern.substring(last)).toString();
  }
}
