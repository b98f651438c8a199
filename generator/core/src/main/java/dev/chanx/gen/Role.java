package dev.chanx.gen;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which application a document's operations belong to. A document written for a server says
 * {@code receive} (3.x; 2.x {@code publish}) for what clients send it; one written for a client,
 * as exchange and voice APIs publish theirs, says {@code send} (2.x {@code subscribe}) for the
 * same frames. The model is always seen from the server, so a client's document is read with its
 * actions swapped, and still generates a server and a client.
 */
public enum Role {
  /** The document describes the server: its receive operations are what clients send. */
  SERVER("server"),
  /** The document describes a client: its send operations are what clients send. */
  CLIENT("client");

  private final String id;

  Role(String id) {
    this.id = id;
  }

  /** The name the CLI and the Maven plugin use: {@code server} or {@code client}. */
  public String id() {
    return id;
  }

  /**
   * The role a name says, case ignored.
   *
   * @throws IllegalArgumentException naming the valid roles
   */
  public static Role parse(String name) {
    String id = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("unknown role '" + (name == null ? "" : name.strip()) + "'; valid roles: "
            + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "))));
  }

  @Override
  public String toString() {
    return id;
  }
}
