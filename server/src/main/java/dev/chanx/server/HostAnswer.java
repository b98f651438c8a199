package dev.chanx.server;

import java.util.Map;
import java.util.Objects;

/**
 * What a {@link ChannelHost} decided about a {@link HostRequest}: upgrade it, with the events of
 * the socket to be, or answer it with an HTTP status and body, without upgrading.
 */
public final class HostAnswer {

  private final SocketEvents events;
  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;
  private final boolean clientSpeaksFirst;

  private HostAnswer(SocketEvents events, int status, Map<String, String> headers, byte[] body,
      boolean clientSpeaksFirst) {
    this.events = events;
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.clientSpeaksFirst = clientSpeaksFirst;
  }

  /** An upgrade; {@code clientSpeaksFirst} when the client asked to send a frame before it hears any. */
  static HostAnswer upgrade(SocketEvents events, boolean clientSpeaksFirst) {
    return new HostAnswer(Objects.requireNonNull(events), 101, Map.of(), new byte[0], clientSpeaksFirst);
  }

  static HostAnswer refuse(int status, Map<String, String> headers, byte[] body) {
    return new HostAnswer(null, status, Map.copyOf(headers), body.clone(), false);
  }

  /**
   * {@return whether the container upgrades the request to a WebSocket carrying {@link #events()}}
   */
  public boolean upgrades() {
    return events != null;
  }

  /**
   * {@return the events of the socket to open, for the container's transport to report to}
   *
   * @throws IllegalStateException when the answer refuses the upgrade
   */
  public SocketEvents events() {
    if (events == null) {
      throw new IllegalStateException("the upgrade is refused with " + status);
    }
    return events;
  }

  /**
   * {@return the events of the socket to open, admitted now: the channel's {@code onConnect} runs
   * at once, and what it sends waits for the transport's socket}
   *
   * <p>Called just before the container writes the 101, it makes a client that sees its upgrade
   * answered a member of its groups already, as on the embedded server, where a group send made
   * right after the client connected reaches it. The transport then reports to these events as to
   * {@link #events()}, except that a client that asked to speak first hears nothing until it has
   * (see {@link EarlyOpen}); when the 101 is not written after all, say so with {@link
   * EarlyOpen#upgradeFailed}, or the socket waits for a transport that never comes. Call it once.
   *
   * @throws IllegalStateException when the answer refuses the upgrade
   */
  public EarlyOpen admit() {
    return new EarlyOpen(events(), clientSpeaksFirst);
  }

  /**
   * {@return the HTTP status to answer with when refusing, such as 404, 403 or 503; 101 when upgrading}
   */
  public int status() {
    return status;
  }

  /**
   * {@return the headers of the refusal, such as {@code Content-Type} or {@code Retry-After}}
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * {@return the body of the refusal, possibly empty}
   */
  public byte[] body() {
    return body.clone();
  }

  @Override
  public String toString() {
    return upgrades() ? "HostAnswer[upgrade]" : "HostAnswer[" + status + "]";
  }
}
