package dev.chanx.bench.observe;

import dev.chanx.server.layer.LayerTelemetry;
import dev.chanx.server.telemetry.ChannelTelemetry;
import dev.chanx.server.telemetry.FrameScope;
import dev.chanx.server.telemetry.Telemetry;

/**
 * An experiment's telemetry: it watches every frame, delivery and group send and records
 * nothing, so a run with it measures what watching costs the runtime apart from any meter or span.
 * With {@code -Dchanx.bench.spin=N}, each frame's scope also keeps its thread busy for N ns when
 * it closes: work of a known size, to see whether the load run charges it at its own cost. With
 * {@code -Dchanx.bench.touch=N} it first walks a {@link LineChain} of N cache lines, the same lines
 * every frame: a footprint of a known size and next to no work, to see what the lines a telemetry
 * touches per frame cost once the frame path's other work has pushed them out of the core's caches.
 */
final class EmptyTelemetry implements Telemetry {

  private static final long SPIN_NANOS = CountSwitch.of("spin", 0);
  private static final int TOUCH_LINES = Math.toIntExact(CountSwitch.of("touch", 0));
  private static final LineChain TOUCHED = new LineChain(TOUCH_LINES);

  private static final ChannelTelemetry CHANNEL = new ChannelTelemetry() {
    @Override
    public FrameScope frame(String message, int size, String traceparent) {
      return new Scope();
    }

    @Override
    public void sent(int bytes) {}
  };

  private static final LayerTelemetry.Sending SENDING = new LayerTelemetry.Sending() {
    @Override
    public boolean watched() {
      return true;
    }
  };

  private static final LayerTelemetry LAYER = new LayerTelemetry() {
    @Override
    public Sending sending(String group) {
      return SENDING;
    }
  };

  @Override
  public ChannelTelemetry channel(String name, String address) {
    return CHANNEL;
  }

  @Override
  public LayerTelemetry layer() {
    return LAYER;
  }

  /** A frame's scope that keeps nothing, and walks its lines or spins if told to. */
  private static final class Scope implements FrameScope {

    @Override
    public void close() {
      if (TOUCH_LINES > 0) {
        TOUCHED.walk();
      }
      if (SPIN_NANOS > 0) {
        long until = System.nanoTime() + SPIN_NANOS;
        while (System.nanoTime() < until) {
          Thread.onSpinWait();
        }
      }
    }
  }
}
