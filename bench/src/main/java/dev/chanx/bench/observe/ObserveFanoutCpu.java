package dev.chanx.bench.observe;

import com.sun.management.ThreadMXBean;
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
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The runtime's share of a broadcast (as {@code FanoutCpu}: the in-memory layer and each member's
 * outbox, Jetty's send path left out) with telemetry off and with metrics and traces on (1 %
 * sampling), by this thread's CPU time: rounds alternate which goes first; the medians of 15
 * rounds, and the median of the per-round ratios. Jetty's send path and the kernel, which the
 * load run includes, cost some 30 times more per delivery, so this ratio is the runtime's worst case.
 * Then the same for a client frame as the fan-out load sends them: the frame's telemetry scope (its
 * span made current, its handler timer) around its broadcast to the other 19 members of a room of 20.
 *
 * <p>Run: {@code java -cp bench/target-bench/chanx-bench.jar dev.chanx.bench.observe.ObserveFanoutCpu}.
 */
public final class ObserveFanoutCpu {

  private static final int ROUNDS = 15;
  private static final String MESSAGE = "new_chat_message";

  private ObserveFanoutCpu() {}

  public static void main(String[] args) {
    TextFrame frame = TextFrame.of(
        "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"" + "x".repeat(60) + "\"}}");
    OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder()
            .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(0.01))).build())
        .build();
    Telemetry on = Telemetries.of(List.of(ChanxMetrics.create(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)),
        ChanxTracing.create(sdk)));
    for (int members : new int[] {20, 1000}) {
      FanoutProbe[] probes = {FanoutProbe.of(members), FanoutProbe.of(members, on)};
      double[][] cpu = rounds(10_000_000 / members, which -> probes[which].broadcastToOthers(frame));
      for (int i = 0; i < 2; i++) {
        for (int r = 0; r < ROUNDS; r++) {
          cpu[i][r] /= members - 1;
        }
      }
      System.out.printf("%4d members: telemetry off %.1f, on %.1f CPU ns per recipient (medians of %d rounds);"
          + " on/off %.3f (median of per-round ratios)%n", members, median(cpu[0]), median(cpu[1]), ROUNDS,
          median(ratios(cpu)));
    }
    // The load's client frame: the probe's channel is "bench", so the frame's telemetry is that channel's too.
    FanoutProbe[] probes = {FanoutProbe.of(20), FanoutProbe.of(20, on)};
    ChannelTelemetry[] channels = {ChannelTelemetry.OFF,
        on.channel("bench", "ws/bench/{room}/", Map.of(MESSAGE, "sendChatMessage"))};
    double[][] cpu = rounds(500_000, which -> {
      try (FrameScope scope = channels[which].frame(MESSAGE, 100, null)) {
        probes[which].broadcastToOthers(frame);
      }
    });
    System.out.printf("client frame broadcast to 19: telemetry off %.0f, on %.0f CPU ns per frame (medians of %d"
        + " rounds); on - off %.0f ns per frame, %.1f per delivery (median of per-round differences)%n",
        median(cpu[0]), median(cpu[1]), ROUNDS, median(differences(cpu)), median(differences(cpu)) / 19);
  }

  /** One thing done off (0) and on (1), in alternating order: CPU ns per time, per round, after 4 unreported rounds. */
  private static double[][] rounds(int times, java.util.function.IntConsumer once) {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    double[][] cpu = new double[2][ROUNDS];
    for (int round = -4; round < ROUNDS; round++) {
      for (int i = 0; i < 2; i++) {
        int which = Math.floorMod(round + i, 2);
        long before = threads.getCurrentThreadCpuTime();
        for (int s = 0; s < times; s++) {
          once.accept(which);
        }
        if (round >= 0) {
          cpu[which][round] = (threads.getCurrentThreadCpuTime() - before) / (double) times;
        }
      }
    }
    return cpu;
  }

  private static double[] ratios(double[][] cpu) {
    double[] ratio = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      ratio[r] = cpu[1][r] / cpu[0][r];
    }
    return ratio;
  }

  private static double[] differences(double[][] cpu) {
    double[] more = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      more[r] = cpu[1][r] - cpu[0][r];
    }
    return more;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
