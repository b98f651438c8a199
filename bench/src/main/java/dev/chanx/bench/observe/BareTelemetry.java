package dev.chanx.bench.observe;

import dev.chanx.server.layer.LayerTelemetry;
import dev.chanx.server.telemetry.ChannelTelemetry;
import dev.chanx.server.telemetry.FrameScope;
import dev.chanx.server.telemetry.Telemetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.TimeUnit;

/**
 * An experiment's telemetry: only the libraries' own calls, with none of chanx's code around
 * them, so that a run with it measures the floor the two libraries set under the fan-out load.
 * Per client frame, the SDK's span made current and ended, its size counted, its outcome counted
 * and its handler timed; per group send, the fan-out timed and its recipients recorded: the
 * calls chanx-micrometer and chanx-opentelemetry make, on meters built like theirs
 * ({@link BareMeters}), but on one fixed set of meters and one span name, with no lookup by
 * channel or message, no count per delivery, no chained halves and no parent asked for per group
 * send. Made {@code lean}, it
 * leaves out the two counters per frame (size and outcome), which a product could read from
 * elsewhere (the outcome from the handler timer's count): what those two records cost.
 */
final class BareTelemetry implements Telemetry {

  private final Channel channel;
  private final Layer layer;

  BareTelemetry(MeterRegistry registry, Tracer tracer, boolean lean) {
    BareMeters meters = BareMeters.register(registry);
    channel = new Channel(tracer, lean, meters);
    layer = new Layer(new Fanout(meters));
  }

  @Override
  public ChannelTelemetry channel(String name, String address) {
    return channel;
  }

  @Override
  public LayerTelemetry layer() {
    return layer;
  }

  private record Channel(Tracer tracer, boolean lean, BareMeters meters) implements ChannelTelemetry {

    @Override
    public FrameScope frame(String message, int size, String traceparent) {
      Span span = tracer.spanBuilder("process bare").setParent(Context.root()).setSpanKind(SpanKind.CONSUMER)
          .startSpan();
      if (!lean) {
        meters.bytes().increment(size);
      }
      return new Frame(this, span, span.makeCurrent(), System.nanoTime());
    }
  }

  private record Frame(Channel channel, Span span, Scope scope, long start) implements FrameScope {

    @Override
    public void close() {
      if (!channel.lean) {
        channel.meters.ok().increment();
      }
      channel.meters.handled().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      scope.close();
      span.end();
    }
  }

  private record Layer(Fanout fanout) implements LayerTelemetry {

    @Override
    public Sending sending(String group) {
      return fanout;
    }
  }

  private record Fanout(BareMeters meters) implements LayerTelemetry.Sending {

    @Override
    public boolean watched() {
      return true;
    }

    @Override
    public void done(int count, long startNanos) {
      meters.fanout().record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
      meters.recipients().record(count);
    }
  }
}
