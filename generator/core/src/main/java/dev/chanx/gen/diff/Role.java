package dev.chanx.gen.diff;

import java.util.Locale;

/**
 * Which generated Java API a change is judged against: the server's (records, handler, route,
 * path, publisher) or the Java client's (records, client, listener). Adding a message clients
 * send adds an abstract method to the server's handler but only a method to the client.
 */
public enum Role {
  SERVER,
  CLIENT;

  /** {@return server or client} */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@return the role named, in any case} @throws IllegalArgumentException for another name */
  public static Role parse(String name) {
    for (Role r : values()) {
      if (r.id().equalsIgnoreCase(name.strip())) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown role '" + name + "'; valid: server, client");
  }
}
