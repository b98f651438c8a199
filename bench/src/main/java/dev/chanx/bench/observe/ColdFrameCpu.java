package dev.chanx.bench.observe;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.micrometer.ChanxMetrics;
import dev.chanx.opentelemetry.ChanxTracing;
import dev.chanx.server.FanoutProbe;
import dev.chanx.server.telemetry.ChannelTelemetry;
import dev.chanx.server.telemetry.FrameScope;
import dev.chanx.server.telemetry.Telemetries;
import dev.chanx.server.telemetry.Telemetry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A client frame of the fan-out load (its telemetry scope around its broadcast to the other 19
 * members of a room of 20, as {@code ObserveFanoutCpu} times it warm) with the caches flushed
 * before every frame, as the kernel's network work between two frames of a loaded server flushes
 * them: telemetry off, metrics and traces on, each half alone, each library's own part alone (the
 * SDK's span, Micrometer's records, with no chanx code around them), the runtime's hooks with
 * a telemetry that records nothing, and both libraries' calls together with none of chanx's code
 * (the load run's {@code bare}, {@link BareTelemetry}), so that "metrics and traces" less it is
 * chanx's own share. Only the frame is timed (the
 * wall clock around each, on one thread of a quiet machine); the flush is not. The difference
 * from off, cold against warm, says how much of telemetry's cost per frame is its footprint: the
 * lines of code and data it brings back into the caches, rather than its instructions.
 *
 * <p>The eight contenders take turns frame by frame, each round starting with the next, and the
 * figures are medians over rounds. Run: {@code java -cp bench/target-bench/chanx-bench.jar
 * dev.chanx.bench.observe.ColdFrameCpu [--flush-kb 4096] [--frames 2000] [--rounds 21]}; {@code
 * --flush-kb 0} times the frames warm.
 */
public final class ColdFrameCpu {

  private static final String MESSAGE = "new_chat_message";
  private static final String[] NAMES = {"off", "metrics and traces", "metrics only", "traces only",
      "the SDK's span alone", "Micrometer's records alone", "hooks only (empty)", "both libraries alone (bare)"};

  private ColdFrameCpu() {}

  private static final String USAGE = """
      Usage: java -cp chanx-bench.jar dev.chanx.bench.observe.ColdFrameCpu [options]
        --flush-kb N  KB of memory read before every frame, to flush the caches; 0 times them warm
                      (default 4096)
        --frames N    frames per contender per round (default 2000)
        --rounds N    rounds, each the contenders in turn frame by frame (default 21)""";

  public static void main(String[] args) {
    int flushKb = 4096;
    int frames = 2000;
    int rounds = 21;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--flush-kb" -> flushKb = number(args, ++i, "--flush-kb", 0);
          case "--frames" -> frames = number(args, ++i, "--frames", 1);
          case "--rounds" -> rounds = number(args, ++i, "--rounds", 1);
          case "--help" -> {
            System.out.println(USAGE);
            return;
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("ColdFrameCpu: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
    }
    TextFrame frame = TextFrame.of(
        "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"" + "x".repeat(60) + "\"}}");
    List<Telemetry> telemetries = List.of(Telemetry.OFF,
        Telemetries.of(List.of(metrics(), traces())), metrics(), traces());
    List<FanoutProbe> probes = new ArrayList<>();
    List<ChannelTelemetry> channels = new ArrayList<>();
    for (Telemetry telemetry : telemetries) {
      // The probe's channel is "bench", so the frame's telemetry is that channel's too.
      probes.add(FanoutProbe.of(20, telemetry));
      channels.add(telemetry.channel("bench", "ws/bench/{room}/", Map.of(MESSAGE, "sendChatMessage")));
    }
    // What every frame's span costs in the SDK itself, with none of chanx's code around it.
    probes.add(FanoutProbe.of(20));
    channels.add(new BareSpans(sdk().getTracer("bench")));
    // What the meters' records cost in Micrometer itself: the same records, with none of chanx's code around them.
    probes.add(FanoutProbe.of(20));
    channels.add(new BareRecords(BareMeters.register(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))));
    // What calling the runtime's hooks costs, with a telemetry that records nothing.
    Telemetry empty = new EmptyTelemetry();
    probes.add(FanoutProbe.of(20, empty));
    channels.add(empty.channel("bench", "ws/bench/{room}/", Map.of(MESSAGE, "sendChatMessage")));
    // The load run's `bare`: both libraries' calls, span and records, with the group send's through
    // the layer's hook, and none of chanx's code around them; "metrics and traces" less this is chanx's share.
    Telemetry bare = new BareTelemetry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), sdk().getTracer("bench"),
        false);
    probes.add(FanoutProbe.of(20, bare));
    channels.add(bare.channel("bench", "ws/bench/{room}/", Map.of(MESSAGE, "sendChatMessage")));
    long[] flush = new long[flushKb * 1024 / Long.BYTES];
    Arrays.setAll(flush, i -> i);
    int n = channels.size();
    double[][] nanos = new double[n][rounds];
    long sink = 0;
    // Unreported rounds first, so that the JIT has compiled every contender's path.
    int unreported = 5;
    for (int round = -unreported; round < rounds; round++) {
      long[] spent = new long[n];
      // Frame by frame in turn, so that whatever drifts on the machine meets every contender alike.
      for (int f = 0; f < frames * n; f++) {
        int which = Math.floorMod(round + f, n);
        sink += touch(flush);
        long start = System.nanoTime();
        try (FrameScope scope = channels.get(which).frame(MESSAGE, 100, null)) {
          probes.get(which).broadcastToOthers(frame);
        }
        spent[which] += System.nanoTime() - start;
      }
      if (round >= 0) {
        for (int which = 0; which < n; which++) {
          nanos[which][round] = spent[which] / (double) frames;
        }
      }
    }
    System.out.printf(Locale.ROOT, "Client frame broadcast to 19, caches flushed with %d KB before each frame"
        + " (%d frames per contender per round, medians of %d rounds; sink %d):%n", flushKb, frames, rounds,
        sink & 1);
    for (int i = 0; i < n; i++) {
      double[] more = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        more[r] = nanos[i][r] - nanos[0][r];
      }
      System.out.printf(Locale.ROOT, "  %-27s %7.0f ns per frame; %+6.0f ns against off (median of per-round"
          + " differences)%n", NAMES[i], median(nanos[i]), median(more));
    }
  }

  /**
   * Reads one long per cache line of the buffer: the caches then hold it, not what came before.
   * Reads only, so that no dirty line is left to be written back while the frame runs.
   */
  private static long touch(long[] buffer) {
    long sum = 0;
    for (int i = 0; i < buffer.length; i += 8) {
      sum += buffer[i];
    }
    return sum;
  }

  private static Telemetry metrics() {
    return ChanxMetrics.create(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  private static Telemetry traces() {
    return ChanxTracing.create(sdk());
  }

  private static OpenTelemetrySdk sdk() {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder()
            .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(0.01))).build())
        .build();
  }

  /**
   * The records chanx-micrometer makes for such a frame, made straight on meters like its own: per
   * frame its size counted, its outcome counted and its handler timed; per group send the fan-out
   * timed and its recipients recorded.
   */
  private record BareRecords(BareMeters meters) implements ChannelTelemetry {

    @Override
    public FrameScope frame(String message, int size, String traceparent) {
      meters.bytes().increment(size);
      long start = System.nanoTime();
      return new FrameScope() {
        @Override
        public void close() {
          long sendStart = System.nanoTime();
          meters.fanout().record(System.nanoTime() - sendStart, TimeUnit.NANOSECONDS);
          meters.recipients().record(19);
          meters.ok().increment();
          meters.handled().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
      };
    }
  }

  /** A span per frame made current, as the SDK makes it: no name lookup, no attributes, no publish span. */
  private record BareSpans(Tracer tracer) implements ChannelTelemetry {

    @Override
    public FrameScope frame(String message, int size, String traceparent) {
      Span span = tracer.spanBuilder("process bench new_chat_message").setParent(Context.root())
          .setSpanKind(SpanKind.CONSUMER).startSpan();
      Scope scope = span.makeCurrent();
      return new FrameScope() {
        @Override
        public void close() {
          scope.close();
          span.end();
        }
      };
    }
  }

  /** {@return the option's value, a whole number of at least {@code least}} */
  private static int number(String[] args, int i, String option, int least) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    int value;
    try {
      value = Integer.parseInt(args[i]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a whole number, not " + args[i]);
    }
    if (value < least) {
      throw new IllegalArgumentException(option + " takes at least " + least + ", not " + value);
    }
    return value;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
