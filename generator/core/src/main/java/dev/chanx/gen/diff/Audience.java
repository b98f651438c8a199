package dev.chanx.gen.diff;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Who a change can break. */
public enum Audience {
  /**
   * Clients built for the old document, talking to a server of the new one: the new server must
   * accept what they send and they must accept what it sends.
   */
  CLIENTS,
  /**
   * Servers of the old document, talking to clients built for the new one (a rolling deploy, or a
   * server someone else runs): they must accept what new clients send and the other way round.
   */
  SERVERS,
  /** The generated Java API (records, handlers, clients): code written against it must still compile. */
  API;

  /** {@return the name used on the command line and in JSON: clients, servers or api} */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a comma-separated list such as {@code clients,api}.
   *
   * @throws IllegalArgumentException naming the unknown value and the valid ones
   */
  public static Set<Audience> parse(String list) {
    Set<Audience> chosen = EnumSet.noneOf(Audience.class);
    for (String part : list.split(",", -1)) {
      String id = part.strip();
      Audience found = null;
      for (Audience a : values()) {
        if (a.id().equalsIgnoreCase(id)) {
          found = a;
        }
      }
      if (found == null) {
        throw new IllegalArgumentException("unknown audience '" + id + "'; valid: "
            + EnumSet.allOf(Audience.class).stream().map(Audience::id).collect(Collectors.joining(", ")));
      }
      chosen.add(found);
    }
    return chosen;
  }
}
