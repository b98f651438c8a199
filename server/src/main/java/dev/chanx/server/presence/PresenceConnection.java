package dev.chanx.server.presence;

/** A connection of a running server, as {@link Presence} finds its server's presence through it. */
public interface PresenceConnection extends PresenceTarget {

  /** {@return the presence of the server this connection is on} */
  PresenceHub presenceHub();
}
