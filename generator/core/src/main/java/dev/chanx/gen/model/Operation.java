package dev.chanx.gen.model;

import java.util.List;

/**
 * A receive operation (a client sends, the server handles) or a send operation (a server push).
 *
 * @param key the operation's key under {@code operations} (its id)
 * @param action whether the server receives or sends
 * @param title the operation's title, or null
 * @param summary the operation's summary, or null
 * @param description the operation's description, or null
 * @param pointer where the operation is defined, as a JSON pointer
 * @param messages the messages of the operation (for receive: what the client sends)
 * @param replies the messages of its {@code reply}: for receive, what the server sends back to the
 *     sender; for send, what the client answers the server's request with
 */
public record Operation(
    String key,
    Action action,
    String title,
    String summary,
    String description,
    String pointer,
    List<Message> messages,
    List<Message> replies) {

  public Operation {
    messages = List.copyOf(messages);
    replies = List.copyOf(replies);
  }

  /** Which way the operation's messages travel, seen from the server. */
  public enum Action {
    /** The server receives the messages from a client. */
    RECEIVE,
    /** The server sends the messages to clients. */
    SEND
  }
}
