package dev.chanx.spring;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.coyote.Processor;
import org.apache.coyote.UpgradeToken;
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
 * than handing it to the connector's executor, until it has run such events back to back for 1 ms.
 * Past that, while the burst lasts, it shares them with one thread of the starter's own, a
 * {@link Drain} named {@code chanx-tomcat-drain-N}: the drain takes the next event whenever fewer
 * than 8 are waiting for it, and the poller runs the rest itself, so that a saturated poller does
 * not hold every socket's latency to one core. Every other connection, HTTP requests and other
 * upgrades included, is handed to the executor as before, as is an event Tomcat dispatches from
 * another thread than its poller.
 *
 * <p>Why: Tomcat hands every read of an upgraded connection to a pool thread, and re-registers
 * the socket with the poller from there; on the fan-out benchmark (200 clients in 10 rooms) that
 * cost 3.4 futex calls, 2.7 context switches and 2 {@code epoll_ctl} calls per incoming message
 * (0.1, 0.4 and 0 on our Jetty server), most of Tomcat's extra CPU per delivery. Handing the
 * overflow to the executor instead of the drain cost the same again at 1,000 clients (about 1.3
 * {@code futex} and 1.8 {@code epoll_ctl} per incoming message against 0.3 and 0.1, and 37 % more
 * CPU per delivery, under load; see BENCHMARKS.md, issue 20).
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

  // Notes each socket upgraded to non-blocking Chanx handlers, as the endpoint cannot tell one from
  // its processor while another thread has that out (see Endpoint.inPlace).
  @Override
  protected Processor createUpgradeProcessor(SocketWrapperBase<?> socket, UpgradeToken upgradeToken) {
    if (upgradeToken.getHttpUpgradeHandler() instanceof ServletUpgradeHandler handler && handler.nonBlocking()) {
      ((Endpoint) getEndpoint()).inPlaceSockets.add(socket);
    }
    return super.createUpgradeProcessor(socket, upgradeToken);
  }

  /** The NIO endpoint, running the poller's events of non-blocking Chanx sockets on the poller and its drain. */
  private static final class Endpoint extends NioEndpoint {

    // -Dchanx.tomcat.drain=false hands the overflow to Tomcat's executor as before the drain, for
    // the benchmark's comparison (FanoutRounds' spring-exec); not a setting for applications.
    private static final boolean DRAIN = !"false".equals(System.getProperty("chanx.tomcat.drain"));
    private static final AtomicInteger DRAINS = new AtomicInteger();
    // The drain runs what was queued before it stops; the poller, stopped first, queues nothing more.
    private static final long STOP_MILLIS = 5_000;
    // How many events may wait for the drain before the poller runs the next one itself. A drain
    // that has work never parks, so it costs no wake-up, and the poller keeps the other core busy;
    // on the fan-out benchmark 2 and 8 gave the same futex calls, 8 a little less CPU (under load).
    private static final int DRAIN_BACKLOG = 8;

    // The poller runs Chanx events back to back for at most 1 ms, and a pause of 0.1 ms (it went
    // back to select with nothing to do) ends a burst. Measured with the drain at 200 clients,
    // under load: a 0.25 ms budget handed more events over (twice the futex calls, 10 % more CPU
    // per delivery), 3 ms fewer (14 % less CPU) but lets one burst hold every socket 3 ms.
    private final PollerBursts bursts = new PollerBursts(1_000_000, 100_000);

    // The poller thread, once seen: only there are events run in place (other threads dispatch as before).
    private volatile Thread poller;
    // Where the poller's overflow goes while the endpoint runs; null: to the executor, as before.
    private volatile Drain drain;
    // The sockets upgraded to non-blocking Chanx handlers, for the moments their processor is out
    // (see inPlace); the processor, when there, answers without this lock. Weak, as Tomcat makes a
    // socket wrapper per connection and drops it on close.
    private final Set<SocketWrapperBase<?>> inPlaceSockets =
        Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    Endpoint() {
      // Socket buffers outside the heap, as the JDK's socket I/O wants them: with heap buffers
      // every read and write goes through a temporary direct buffer and one more copy (a write
      // per delivery on a fan-out). A connector's socket.directBuffer attribute still decides.
      getSocketProperties().setDirectBuffer(true);
    }

    @Override
    public void startInternal() throws Exception {
      super.startInternal();
      if (DRAIN) {
        Drain started = new Drain("chanx-tomcat-drain-" + DRAINS.incrementAndGet());
        started.start();
        drain = started;
      }
    }

    @Override
    public void stopInternal() {
      super.stopInternal();
      Drain stopping = drain;
      drain = null;
      if (stopping != null) {
        stopping.stop(STOP_MILLIS);
      }
    }

    @Override
    public boolean processSocket(SocketWrapperBase<NioChannel> socket, SocketEvent event, boolean dispatch) {
      if (!dispatch || !inPlace(socket, event)) {
        return super.processSocket(socket, event, dispatch);
      }
      if (!bursts.runInPlace(System.nanoTime())) {
        Drain overflow = drain;
        if (overflow == null) {
          return super.processSocket(socket, event, dispatch);
        }
        // Tomcat took the socket out of the poller's interest set, so no other event of it comes
        // until this one is run; its processor locks the socket, wherever it runs.
        if (overflow.backlog() < DRAIN_BACKLOG && overflow.offer(() -> runOnDrain(socket, event))) {
          return true;
        }
      }
      try {
        return super.processSocket(socket, event, false);
      } finally {
        bursts.ran(System.nanoTime());
      }
    }

    private void runOnDrain(SocketWrapperBase<NioChannel> socket, SocketEvent event) {
      // What the poller does when processing an event fails (processKey's closeSocket).
      if (!super.processSocket(socket, event, false)) {
        socket.close();
      }
    }

    private boolean inPlace(SocketWrapperBase<NioChannel> socket, SocketEvent event) {
      if ((event != SocketEvent.OPEN_READ && event != SocketEvent.OPEN_WRITE) || !onPoller()) {
        return false;
      }
      Object processor = socket.getCurrentProcessor();
      if (processor == null) {
        // Another thread is running an event of this socket: Tomcat takes the processor out for
        // that and registers the socket with the poller again before it hands the processor back
        // (AbstractProtocol's process), so new bytes can come in between: under load, 2 of 300
        // tries of TomcatPollerTransportTest's first test saw such a frame go to the executor. A
        // socket of ours waits here for that event's lock instead, as its handlers never block.
        return inPlaceSockets.contains(socket);
      }
      return processor instanceof UpgradeProcessorBase upgraded
          && upgraded.getUpgradeToken().getHttpUpgradeHandler() instanceof ServletUpgradeHandler handler
          && handler.nonBlocking();
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
