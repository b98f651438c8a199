package dev.chanx.core.codec;

/** The request headers our protocol adds to the WebSocket upgrade, named once for server and clients. */
public final class UpgradeHeaders {

  /**
   * Sent as {@code Chanx-Client-Speaks-First: 1}: the client promises a first frame of its own (the
   * Java clients send an unsolicited pong once open), and the server sends nothing on the socket
   * until it has arrived. The JDK's WebSocket client can lose bytes that arrive while it hands a
   * new connection from its HTTP reader to its WebSocket reader, as a recovery's replay right
   * behind the 101 does; once the client has spoken, that hand-over is over.
   */
  public static final String CLIENT_SPEAKS_FIRST = "Chanx-Client-Speaks-First";

  private UpgradeHeaders() {}
}
