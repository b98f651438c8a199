package dev.chanx.bench.observe;

import com.sun.management.ThreadMXBean;
import dev.chanx.core.codec.TextFrame;
import dev.chanx.micrometer.ChanxMetrics;
import dev.chanx.opentelemetry.ChanxTracing;
import dev.chanx.server.FanoutProbe;
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

/**
 * The runtime's share of a broadcast (as {@code FanoutCpu}: the in-memory layer and each member's
 * outbox, Jetty's send path left out) with telemetry off and with metrics and traces on (1 %
 * sampling), by this thread's CPU time: rounds alternate which goes first; the medians of 15
 * rounds, and the median of the per-round ratios. Jetty's send path and the kernel, which the
 * load run includes, cost some 30 times more per delivery, so this ratio is the runtime's worst case.
 *
 * <p>Run: {@code java -cp bench/target-bench/chanx-bench.jar dev.chanx.bench.observe.ObserveFanoutCpu}.
 */
public final class ObserveFanoutCpu {

  private static final int ROUNDS = 15;

  private ObserveFanoutCpu() {}

  public static void main(String[] args) {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
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
      int sends = 10_000_000 / members;
      double[][] cpu = new double[2][ROUNDS];
      double[] ratio = new double[ROUNDS];
      for (int round = -4; round < ROUNDS; round++) {
        for (int i = 0; i < 2; i++) {
          int which = Math.floorMod(round + i, 2);
          long before = threads.getCurrentThreadCpuTime();
          for (int s = 0; s < sends; s++) {
            probes[which].broadcastToOthers(frame);
          }
          if (round >= 0) {
            cpu[which][round] = (threads.getCurrentThreadCpuTime() - before) / (double) sends / (members - 1);
          }
        }
        if (round >= 0) {
          ratio[round] = cpu[1][round] / cpu[0][round];
        }
      }
      System.out.printf("%4d members: telemetry off %.1f, on %.1f CPU ns per recipient (medians of %d rounds);"
          + " on/off %.3f (median of per-round ratios)%n", members, median(cpu[0]), median(cpu[1]), ROUNDS,
          median(ratio));
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
