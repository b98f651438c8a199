package dev.chanx.gen.diff;

/** Which way the frames a schema describes travel. */
public enum Direction {
  /** What clients send and the server receives (and validates). */
  CLIENT_TO_SERVER,
  /** What the server sends and clients receive (and validate). */
  SERVER_TO_CLIENT,
  /** A message both sides send: the strictest of both. */
  BOTH;

  /**
   * The verdict of a change in what is accepted: the old party's frames must pass the new
   * receiver, and the new party's frames the old receiver.
   */
  public Verdict verdict(Acceptance acceptance) {
    Verdict toServer = acceptance.refusesOld() ? Verdict.of(Audience.CLIENTS)
        : Verdict.SAFE;
    toServer = acceptance.acceptsNew() ? toServer.and(Verdict.of(Audience.SERVERS)) : toServer;
    Verdict toClient = acceptance.acceptsNew() ? Verdict.of(Audience.CLIENTS) : Verdict.SAFE;
    toClient = acceptance.refusesOld() ? toClient.and(Verdict.of(Audience.SERVERS)) : toClient;
    return switch (this) {
      case CLIENT_TO_SERVER -> toServer;
      case SERVER_TO_CLIENT -> toClient;
      case BOTH -> toServer.and(toClient);
    };
  }

  /** {@return how a reader says it: what clients send, what the server sends} */
  public String phrase() {
    return switch (this) {
      case CLIENT_TO_SERVER -> "what clients send";
      case SERVER_TO_CLIENT -> "what the server sends";
      case BOTH -> "what both sides send";
    };
  }

  /** {@return the direction of a message seen in both lists, one list, or ...} */
  public static Direction of(boolean clientSends, boolean serverSends) {
    return clientSends && serverSends ? BOTH : clientSends ? CLIENT_TO_SERVER : SERVER_TO_CLIENT;
  }
}
