package dev.chanx.gen;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What the generator can write for a document; any combination may be asked for. */
public enum Target {
  /** Per channel: records, sealed message types, handler, dispatcher, route (Java). */
  SERVER("server"),
  /** Per channel: the same records, a typed client on the JDK's WebSocket and its listener (Java). */
  JAVA_CLIENT("java-client"),
  /** Per document: one browser ES module with its TypeScript declarations beside it. */
  JS_CLIENT("js-client");

  private final String id;

  Target(String id) {
    this.id = id;
  }

  /** The name the CLI and the Maven plugin use, such as {@code java-client}. */
  public String id() {
    return id;
  }

  /** Whether it writes Java, which needs a package. */
  public boolean isJava() {
    return this != JS_CLIENT;
  }

  /** Every target's name, comma separated: {@code server, java-client, js-client}. */
  public static String ids() {
    return Arrays.stream(values()).map(Target::id).collect(Collectors.joining(", "));
  }

  /**
   * The targets a comma-separated list names, such as {@code server,js-client}; blanks around
   * names are ignored, case is not.
   *
   * @throws IllegalArgumentException naming the unknown target and the valid ones
   */
  public static Set<Target> parse(String list) {
    Set<Target> targets = EnumSet.noneOf(Target.class);
    for (String name : List.of((list == null ? "" : list).split(",", -1))) {
      String id = name.strip().toLowerCase(Locale.ROOT);
      Target target = Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst().orElse(null);
      if (target == null) {
        throw new IllegalArgumentException("unknown target '" + name.strip() + "'; valid targets: " + ids());
      }
      targets.add(target);
    }
    return targets;
  }
}
