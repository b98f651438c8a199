package dev.chanx.server;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens the server's side of a socket before its transport answers the upgrade (see {@link
 * EarlySocket}): made when the upgrade is accepted, it runs the channel's {@code opened}, and so
 * {@code onConnect}, at once; the transport then reports to it as to any {@link SocketEvents}.
 *
 * <p>A transport whose upgrade fails after that reports nothing, so its caller must say so with
 * {@link #upgradeFailed}: the socket is then closed as dropped (1006) and leaves its groups.
 * Public for a container that carries the sockets itself ({@link HostAnswer#admit()}).
 */
public final class EarlyOpen implements SocketEvents {

  private final SocketEvents events;
  private final EarlySocket socket = new EarlySocket();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Opens {@code events} on a socket whose frames wait for the transport.
   *
   * @param events the socket's side of the server
   */
  EarlyOpen(SocketEvents events) {
    this.events = events;
    events.opened(socket);
  }

  @Override
  public void opened(Socket transport) {
    socket.attach(transport);
  }

  @Override
  public void text(String text) {
    events.text(text);
  }

  @Override
  public void binary(ByteBuffer data) {
    events.binary(data);
  }

  @Override
  public void pong() {
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
