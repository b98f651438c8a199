package dev.chanx.server.docs;

/** A frame the runtime sends on its own, apart from a channel's messages: documented in the served document. */
public enum RuntimeFrame {

  /** {@code error}: a client frame was invalid, or its handler failed. */
  ERROR("error", "chanx_error", "Error",
      "Sent instead of a reply when a client frame is invalid (a list of {type, loc, msg}) or its handler "
          + "failed ({detail}); carries the frame's ref. The socket stays open."),
  /** {@code authentication}: how authentication went, sent first on every socket. */
  AUTHENTICATION("authentication", "chanx_authentication", "Authentication",
      "Sent first on every socket: status 200 when the client is let in; otherwise 401 or 403, "
          + "then the socket is closed with 1008."),
  /** {@code complete}: a client frame has been handled. */
  COMPLETE("complete", "chanx_complete", "Complete",
      "Sent after every client frame has been handled, answered or not."),
  /** {@code group_complete}: a broadcast frame has been delivered. */
  GROUP_COMPLETE("group_complete", "chanx_group_complete", "Group complete",
      "Sent after every broadcast frame delivered to this client."),
  /** {@code event_complete}: a pushed event has been delivered. */
  EVENT_COMPLETE("event_complete", "chanx_event_complete", "Event complete",
      "Sent after every server-pushed event delivered to this client."),
  /** {@code recovery}: how recovering each group went, on a channel whose group sends are recoverable. */
  RECOVERY("recovery", "chanx_recovery", "Recovery",
      "Sent after onConnect on a channel whose group sends are recoverable, with each joined group's "
          + "status (new, recovered or failed with a reason), epoch and offset; the frames missed follow. "
          + "Sent again with status failed when a group's history is lost while connected.");

  private final String action;
  private final String messageName;
  private final String title;
  private final String description;

  RuntimeFrame(String action, String messageName, String title, String description) {
    this.action = action;
    this.messageName = messageName;
    this.title = title;
    this.description = description;
  }

  /**
   * {@return the frame's {@code action} on the wire}
   */
  public String action() {
    return action;
  }

  /** Its key under {@code components.messages} and in each channel's messages. */
  String messageName() {
    return messageName;
  }

  String title() {
    return title;
  }

  String description() {
    return description;
  }
}
