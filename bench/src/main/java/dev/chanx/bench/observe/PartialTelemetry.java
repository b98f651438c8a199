package dev.chanx.bench.observe;

import dev.chanx.server.layer.LayerTelemetry;
import dev.chanx.server.layer.LayerTelemetry.Sending;
import dev.chanx.server.telemetry.ChannelTelemetry;
import dev.chanx.server.telemetry.FrameScope;
import dev.chanx.server.telemetry.ServerStatus;
import dev.chanx.server.telemetry.Telemetry;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An experiment's wrapper: a telemetry with some of its hooks left out, to find which part of a
 * half costs what. {@code -Dchanx.bench.skip=sent,frame,fanout} leaves out the count per delivery,
 * the scope per client frame and the watch per group send. {@code fanout-records} keeps the watch
 * (the chained send and the clock read as it starts) but leaves out its channel lookup, records
 * and second clock read; {@code fanout-clocks} leaves out the first clock read too, keeping only
 * the chained send. {@code gauges} leaves out the gauges read from the running server at each
 * scrape (the outgoing queues per channel, readiness). {@code none} leaves out nothing, so that
 * both servers of a {@code --both-on} run can carry the wrapper and differ only in what it skips.
 */
final class PartialTelemetry implements Telemetry {

  private static final List<String> PARTS = List.of("sent", "frame", "fanout", "fanout-records", "fanout-clocks", "gauges");

  private final Telemetry whole;
  private final boolean sent;
  private final boolean frame;
  private final boolean gauges;
  private final LayerTelemetry layer;

  private PartialTelemetry(Telemetry whole, Set<String> skipped) {
    this.whole = whole;
    this.sent = !skipped.contains("sent");
    this.frame = !skipped.contains("frame");
    this.gauges = !skipped.contains("gauges");
    this.layer = new Layer(whole.layer(), skipped.contains("fanout") ? Sending.NONE
        : skipped.contains("fanout-clocks") ? Layer.UNTIMED
        : skipped.contains("fanout-records") ? Layer.BARE : null);
  }

  /**
   * {@return the telemetry with the parts {@code -Dchanx.bench.skip} names left out, or itself
   * when the property is unset}
   *
   * @param whole the telemetry
   */
  static Telemetry of(Telemetry whole) {
    String skip = System.getProperty("chanx.bench.skip");
    if (skip == null) {
      return whole;
    }
    Set<String> skipped = skip.equals("none") ? Set.of() : Set.of(skip.split(","));
    for (String part : skipped) {
      if (!PARTS.contains(part)) {
        throw new IllegalArgumentException("-Dchanx.bench.skip takes none or some of " + PARTS + ", not " + part);
      }
    }
    return new PartialTelemetry(whole, skipped);
  }

  @Override
  public ChannelTelemetry channel(String name, String address) {
    return channel(name, address, Map.of());
  }

  @Override
  public ChannelTelemetry channel(String name, String address, Map<String, String> operations) {
    return new Channel(whole.channel(name, address, operations), sent, frame);
  }

  @Override
  public void started(ServerStatus status) {
    if (gauges) {
      whole.started(status);
    }
  }

  @Override
  public boolean readsTraceparent() {
    return whole.readsTraceparent();
  }

  @Override
  public LayerTelemetry layer() {
    return layer;
  }

  private record Channel(ChannelTelemetry whole, boolean sent, boolean frame) implements ChannelTelemetry {

    @Override
    public void handshake(int status, long startNanos) {
      whole.handshake(status, startNanos);
    }

    @Override
    public void opened() {
      whole.opened();
    }

    @Override
    public void closed(int code) {
      whole.closed(code);
    }

    @Override
    public FrameScope frame(String message, int size, String traceparent) {
      return frame ? whole.frame(message, size, traceparent) : FrameScope.NONE;
    }

    @Override
    public void sent(int bytes) {
      if (sent) {
        whole.sent(bytes);
      }
    }

    @Override
    public void slowConsumer() {
      whole.slowConsumer();
    }

    @Override
    public void recovery(String status, String reason) {
      whole.recovery(status, reason);
    }
  }

  /** The layer's telemetry, its watch per group send replaced by {@code instead} unless that is null. */
  private record Layer(LayerTelemetry whole, Sending instead) implements LayerTelemetry {

    /** A watch that is timed like the meters' but records nothing. */
    private static final Sending BARE = new Sending() {
      @Override
      public boolean watched() {
        return true;
      }

      @Override
      public void done(int recipients, long startNanos) {
        sink = recipients + startNanos;
      }
    };

    /** A watch that is not timed and records nothing: only its place in the chain. */
    private static final Sending UNTIMED = new Sending() {
      @Override
      public void done(int recipients, long startNanos) {
        sink = recipients + startNanos;
      }
    };

    // Written plainly by the bare watches, so that their done() does some work but no fence.
    static long sink;

    @Override
    public Sending sending(String group) {
      return instead != null ? instead : whole.sending(group);
    }

    @Override
    public void received(String group, String context, long sentAtMillis, int recipients, long startNanos) {
      whole.received(group, context, sentAtMillis, recipients, startNanos);
    }
  }
}
