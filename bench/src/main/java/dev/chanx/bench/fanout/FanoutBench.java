package dev.chanx.bench.fanout;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.FanoutProbe;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The runtime's share of one broadcast: the in-memory layer finding a group's members and each
 * member's outbox admitting the frame and counting it written (Jetty's own send path is left
 * out: its session completes every frame at once). Time and bytes per broadcast to
 * {@code members - 1} recipients.
 *
 * <p>Run: {@code java -cp bench/target-bench/chanx-bench.jar org.openjdk.jmh.Main FanoutBench -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FanoutBench {

  @Param({"20", "1000"})
  int members;

  private final TextFrame frame = TextFrame.of(
      "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"" + "x".repeat(60) + "\"}}");
  private FanoutProbe probe;

  @Setup
  public void setUp() {
    probe = FanoutProbe.of(members);
  }

  @Benchmark
  public void broadcastToOthers() {
    probe.broadcastToOthers(frame);
  }
}
