package dev.chanx.spring;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.coyote.http11.upgrade.UpgradeProcessorBase;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's HTTP/1.1 NIO protocol, with one change for the sockets whose handlers are promised not
 * to block ({@code chanx.non-blocking-handlers}): when the poller thread finds such a socket
 * readable or writable, it handles the event itself, as our Jetty server's I/O threads do, rather
 * than handing it to the connector's executor, until it has run such events back to back for 1 ms;
 * the rest of that burst goes to the executor, so that a saturated poller does not hold every
 * socket's latency to one core. Every other connection, HTTP requests and other upgrades included,
 * is handed to the executor as before.
 *
 * <p>Why: Tomcat hands every read of an upgraded connection to a pool thread, and re-registers
 * the socket with the poller from there; on the fan-out benchmark (200 clients in 10 rooms) that
 * cost 3.4 futex calls, 2.7 context switches and 2 {@code epoll_ctl} calls per incoming message
 * (0.1, 0.4 and 0 on our Jetty server), most of Tomcat's extra CPU per delivery.
 *
 * <p>Public only because Tomcat makes its protocol from a class name; the starter installs it
 * ({@code ChanxAutoConfiguration}) when the property is set and the connector has Tomcat's
 * default protocol.
 */
public class TomcatProtocol extends Http11NioProtocol {

  /** For Tomcat, which makes the protocol of a connector from its class name. */
  public TomcatProtocol() {
    super(new Endpoint());
  }

  /** The NIO endpoint, running the poller's events of non-blocking Chanx sockets on the poller. */
  private static final class Endpoint extends NioEndpoint {

    // The poller runs Chanx events back to back for at most 1 ms, and a pause of 0.1 ms (it went
    // back to select with nothing to do) ends a burst.
    private final PollerBursts bursts = new PollerBursts(1_000_000, 100_000);

    // The poller thread, once seen: only there are events run in place (other threads dispatch as before).
    private volatile Thread poller;

    @Override
    public boolean processSocket(SocketWrapperBase<NioChannel> socket, SocketEvent event, boolean dispatch) {
      if (!dispatch || !inPlace(socket, event) || !bursts.runInPlace(System.nanoTime())) {
        return super.processSocket(socket, event, dispatch);
      }
      try {
        return super.processSocket(socket, event, false);
      } finally {
        bursts.ran(System.nanoTime());
      }
    }

    private boolean inPlace(SocketWrapperBase<NioChannel> socket, SocketEvent event) {
      if (event != SocketEvent.OPEN_READ && event != SocketEvent.OPEN_WRITE) {
        return false;
      }
      if (!(socket.getCurrentProcessor() instanceof UpgradeProcessorBase upgraded)
          || !(upgraded.getUpgradeToken().getHttpUpgradeHandler() instanceof ServletUpgradeHandler handler)
          || !handler.nonBlocking()) {
        return false;
      }
      return onPoller();
    }

    private boolean onPoller() {
      Thread current = Thread.currentThread();
      if (current == poller) {
        return true;
      }
      // Tomcat names its one poller thread after the endpoint.
      if (poller == null && current.getName().equals(getName() + "-Poller")) {
        poller = current;
        return true;
      }
      return false;
    }
  }
}
