package dev.chanx.server;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens the server's side of a socket before its transport answers the upgrade (see {@link
 * EarlySocket}): made when the upgrade is accepted, it runs the channel's {@code opened}, and so
 * {@code onConnect}, at once; the transport then reports to it as to any {@link SocketEvents}.
 *
 * <p>A client that sent {@code Chanx-Client-Speaks-First} ({@link
 * dev.chanx.core.codec.UpgradeHeaders}) hears nothing, not even what {@code onConnect} sent or a
 * recovery's replay, until its first frame of any kind (the Java client sends an unsolicited pong)
 * has arrived: the JDK's client drops bytes that arrive while it
 * hands the connection from its HTTP reader to its WebSocket reader, and so, now and then, the
 * middle of a replay that follows the upgrade at once. Once it has spoken, that hand-over is done.
 *
 * <p>A transport whose upgrade fails after that reports nothing, so its caller must say so with
 * {@link #upgradeFailed}: the socket is then closed as dropped (1006) and leaves its groups.
 * Public for a container that carries the sockets itself ({@link HostAnswer#admit()}).
 */
public final class EarlyOpen implements SocketEvents {

  private final SocketEvents events;
  private final EarlySocket socket = new EarlySocket();
  private final AtomicBoolean closed = new AtomicBoolean();
  // Until the client speaks, when it asked to speak first: then the transport is held (EarlySocket#hold).
  private boolean holding;

  /**
   * Opens {@code events} on a socket whose frames wait for the transport and, when {@code
   * untilClientSpeaks}, then for the client's first frame.
   *
   * @param events the socket's side of the server
   * @param untilClientSpeaks whether the client asked to send a frame before it hears anything
   */
  EarlyOpen(SocketEvents events, boolean untilClientSpeaks) {
    this.events = events;
    this.holding = untilClientSpeaks;
    events.opened(socket);
  }

  @Override
  public void opened(Socket transport) {
    synchronized (this) {
      if (holding) {
        socket.hold(transport);
        return;
      }
    }
    socket.attach(transport);
  }

  /** The client spoke: what waited goes out first, before anything said in answer. */
  private void heard() {
    synchronized (this) {
      if (!holding) {
        return;
      }
      holding = false;
    }
    socket.release();
  }

  @Override
  public void text(String text) {
    heard();
    events.text(text);
  }

  @Override
  public void binary(ByteBuffer data) {
    heard();
    events.binary(data);
  }

  @Override
  public void pong() {
    heard();
    events.pong();
  }

  @Override
  public void failed(Throwable cause) {
    events.failed(cause);
  }

  @Override
  public void closed(int code, String reason) {
    if (closed.compareAndSet(false, true)) {
      socket.abandon();
      events.closed(code, reason);
    }
  }

  /**
   * The upgrade's answer was not written, so the transport will never open: closes the socket as
   * dropped (1006).
   *
   * @param cause why, for the close reason
   */
  public void upgradeFailed(Throwable cause) {
    closed(1006, cause == null ? "Upgrade failed" : cause.toString());
  }
}
