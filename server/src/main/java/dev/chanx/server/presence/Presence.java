package dev.chanx.server.presence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.chanx.core.message.JsonWritable;
import dev.chanx.server.channel.Connection;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Presence from a handler: track a connection in a group under a member's key, or let it receive
 * the group's presence. Generated code calls this through the channel's typed {@code ...Presence}
 * class; every call is asynchronous and a connection's presence is undone when it closes.
 */
public final class Presence {

  private static final JsonFactory JSON = new JsonFactory();

  private Presence() {}

  /**
   * Tracks a connection in a group under a member's key, and lets it receive the group's presence.
   * A member joins with its first connection and leaves with its last; the data of its first
   * connection is the member's.
   *
   * @param connection the connection
   * @param group the group's name, such as {@code room1}
   * @param key the member's key, such as a user's name
   * @param data the member's data
   * @throws IllegalArgumentException when the group or the key is empty, or the connection is not a server's
   */
  public static void track(Connection<?, ?> connection, String group, String key, JsonWritable data) {
    if (Objects.requireNonNull(key, "key").isEmpty()) {
      throw new IllegalArgumentException("a member's key must not be empty");
    }
    PresenceConnection target = target(connection);
    target.presenceHub().track(target, group, key, json(Objects.requireNonNull(data, "data")));
  }

  /**
   * Stops tracking a connection in a group; it still receives the group's presence.
   *
   * @param connection the connection
   * @param group the group's name
   */
  public static void untrack(Connection<?, ?> connection, String group) {
    PresenceConnection target = target(connection);
    target.presenceHub().untrack(target, group);
  }

  /**
   * Lets a connection receive a group's presence without being tracked: {@code presence_state},
   * then joins and leaves.
   *
   * @param connection the connection
   * @param group the group's name
   */
  public static void subscribe(Connection<?, ?> connection, String group) {
    PresenceConnection target = target(connection);
    target.presenceHub().subscribe(target, group);
  }

  /**
   * Stops sending a group's presence to a connection.
   *
   * @param connection the connection
   * @param group the group's name
   */
  public static void unsubscribe(Connection<?, ?> connection, String group) {
    PresenceConnection target = target(connection);
    target.presenceHub().unsubscribe(target, group);
  }

  private static PresenceConnection target(Connection<?, ?> connection) {
    if (connection instanceof PresenceConnection target) {
      return target;
    }
    throw new IllegalArgumentException("presence needs a connection of a ChanxServer, not " + connection);
  }

  private static String json(JsonWritable data) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(text)) {
      data.writeJson(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
