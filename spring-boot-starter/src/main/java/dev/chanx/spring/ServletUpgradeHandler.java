package dev.chanx.spring;

import dev.chanx.server.ChannelHost;
import dev.chanx.server.SocketEvents;
import dev.chanx.server.StreamSocket;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket on a connection the servlet container handed over after
 * {@code HttpServletRequest.upgrade}: the container's non-blocking streams carry the bytes of the
 * server's own frame codec ({@link StreamSocket}), on Tomcat and on Jetty alike.
 *
 * <p>Public only because the container instantiates it; applications have no use for it.
 *
 * <p>Writes go out on the thread that sends: the frame's bytes are written, flushed, and the
 * stream asked whether it is ready again; only when it is not does the container's
 * {@code onWritePossible} carry on later. Tomcat closes a connection closed from outside its own
 * threads at the connection's next I/O event (its servlet API has no other way), so the close
 * handshake's own end comes from the container's threads whenever the peer answers.
 */
public final class ServletUpgradeHandler implements HttpUpgradeHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ServletUpgradeHandler.class);
  // The largest write whose array a connection keeps for its next writes.
  private static final int MAX_KEPT = 8192;

  private SocketEvents events;
  private ChannelHost host;
  private volatile boolean nonBlocking;
  private boolean tomcat;
  private volatile StreamSocket socket;
  private WebConnection connection;

  /** For the container, which makes one per upgrade. */
  public ServletUpgradeHandler() {}

  /**
   * Gives the handler its socket's events, between the upgrade and {@link #init}.
   *
   * @param events the socket's events
   * @param host the host of the channels
   * @param tomcat whether the container is Tomcat, which polls for more input after every read event
   */
  void bind(SocketEvents events, ChannelHost host, boolean tomcat) {
    this.events = events;
    this.host = host;
    this.nonBlocking = host.nonBlockingHandlers();
    this.tomcat = tomcat;
  }

  /** {@return whether the handlers are promised not to block, so the container may run this socket's events in place} */
  boolean nonBlocking() {
    return nonBlocking;
  }

  @Override
  public void init(WebConnection webConnection) {
    this.connection = webConnection;
    ServletInputStream in;
    ServletOutputStream out;
    try {
      in = webConnection.getInputStream();
      out = webConnection.getOutputStream();
    } catch (IOException e) {
      LOG.debug("Upgraded connection without streams: {}", e.toString());
      close();
      return;
    }
    Output output = new Output(out);
    StreamSocket stream = new StreamSocket(events, output, host.maxFrameSize(), host.maxBinaryFrameSize(),
        host.idleTimeout());
    socket = stream;
    // Open before any read or write event, which the listeners let the container deliver.
    stream.start();
    out.setWriteListener(output);
    in.setReadListener(new Input(in, stream, tomcat));
  }

  @Override
  public void destroy() {
    StreamSocket stream = socket;
    if (stream != null) {
      stream.ended(null);
    }
  }

  private void close() {
    try {
      connection.close();
    } catch (Exception e) {
      LOG.debug("Close of an upgraded connection: {}", e.toString());
    }
  }

  /** The connection's bytes: read while the stream has them, one container thread at a time. */
  private static final class Input implements ReadListener, StreamSocket.Input {

    private final ServletInputStream in;
    private final StreamSocket socket;
    private final boolean tomcat;
    // Whether the last read of this event got less than it asked for.
    private boolean drained;

    Input(ServletInputStream in, StreamSocket socket, boolean tomcat) {
      this.in = in;
      this.socket = socket;
      this.tomcat = tomcat;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      if (in.isFinished()) {
        return -1;
      }
      // Less than asked for means Tomcat's buffer is empty and the socket most likely too; Tomcat
      // polls the socket again after every read event, so the isReady() whose read of the socket
      // would find nothing (one syscall per incoming message) is left out there.
      if (drained || !in.isReady()) {
        return 0; // the container calls onDataAvailable when there is more
      }
      int read = in.read(bytes, offset, length);
      drained = tomcat && read < length;
      return read;
    }

    @Override
    public void onDataAvailable() {
      drained = false;
      socket.readable(this);
    }

    @Override
    public void onAllDataRead() {
      // The peer ended TCP: whatever came before was read, so this is 1006 unless a close frame came.
      socket.readable((bytes, offset, length) -> -1);
    }

    @Override
    public void onError(Throwable cause) {
      socket.ended(cause);
    }
  }

  /** The outgoing side: write, flush, and ask whether the stream is ready again. */
  private final class Output implements WriteListener, StreamSocket.Output {

    private final ServletOutputStream out;
    // The array of the last write, reused by the next: the socket hands over its next batch only
    // once the container said the last one was written (isReady() true again, or onWritePossible),
    // and from then on no container holds on to it (Tomcat copies it into its buffer at once).
    private byte[] scratch = new byte[0];

    Output(ServletOutputStream out) {
      this.out = out;
    }

    @Override
    public boolean write(ByteBuffer[] buffers) throws IOException {
      // One write call: containers refuse a second while the first is not written, and frames are small.
      int total = 0;
      for (ByteBuffer buffer : buffers) {
        total += buffer.remaining();
      }
      byte[] bytes = bytes(total);
      int at = 0;
      for (ByteBuffer buffer : buffers) {
        int n = buffer.remaining();
        buffer.get(bytes, at, n);
        at += n;
      }
      out.write(bytes, 0, total);
      return flushed();
    }

    /** {@return an array of at least {@code size} bytes: the kept one, unless the frames are large} */
    private byte[] bytes(int size) {
      if (size <= scratch.length) {
        return scratch;
      }
      byte[] bytes = new byte[size];
      // A chat's frames are a few hundred bytes; a rare large one is not kept for the connection's life.
      if (size <= MAX_KEPT) {
        scratch = bytes;
      }
      return bytes;
    }

    /** Flushes what the container buffered; true when all is written, false when onWritePossible will come. */
    private boolean flushed() throws IOException {
      if (!out.isReady()) {
        return false;
      }
      out.flush();
      return out.isReady();
    }

    @Override
    public void close() {
      ServletUpgradeHandler.this.close();
    }

    @Override
    public void onWritePossible() throws IOException {
      if (flushed()) {
        StreamSocket stream = socket;
        if (stream != null) {
          stream.writable();
        }
      }
    }

    @Override
    public void onError(Throwable cause) {
      StreamSocket stream = socket;
      if (stream != null) {
        stream.ended(cause);
      }
      close();
    }
  }
}
