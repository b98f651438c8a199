package dev.chanx.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.IntUnaryOperator;

/** Connects the clients, sends at the fixed rate, warms up, measures, drains, and disconnects. */
final class Scenario {

  private static final long DRAIN_MILLIS = 2_000;

  private Scenario() {}

  /**
   * Runs one scenario against running servers.
   *
   * @param port the port client {@code i} connects to
   * @param ready waits until the servers are ready for traffic (all joined, all subscribed)
   * @param redisCpuSeconds redis-server's CPU time so far, NaN without Redis
   */
  static Result run(String name, BenchOptions options, IntUnaryOperator port, Ready ready,
      DoubleSupplier redisCpuSeconds) throws Exception {
    long owed = (long) Math.ceil(options.clients() * options.rate() * options.seconds()) * options.recipients();
    Recorder recorder = new Recorder((int) Math.min(Integer.MAX_VALUE - 8, owed * 2));
    ExecutorService listeners = Executors.newFixedThreadPool(2);
    HttpClient http = HttpClient.newBuilder().executor(listeners).build();
    List<LoadClient> clients = new ArrayList<>();
    for (int i = 0; i < options.clients(); i++) {
      clients.add(LoadClient.connect(http, port.applyAsInt(i), options.room(i), "c" + i, recorder));
    }
    ready.await();
    ScheduledExecutorService senders = Executors.newScheduledThreadPool(2);
    long period = (long) (1e9 / options.rate());
    for (LoadClient client : clients) {
      senders.scheduleAtFixedRate(client::sendOne, ThreadLocalRandom.current().nextLong(period), period,
          TimeUnit.NANOSECONDS);
    }
    Thread.sleep(TimeUnit.SECONDS.toMillis(options.warmupSeconds()));
    long start = recorder.openWindow(TimeUnit.SECONDS.toNanos(options.seconds()));
    sleepUntil(start);
    double cpuBefore = processCpuSeconds();
    double redisBefore = redisCpuSeconds.getAsDouble();
    sleepUntil(start + TimeUnit.SECONDS.toNanos(options.seconds()));
    double cpu = processCpuSeconds() - cpuBefore;
    double redis = redisCpuSeconds.getAsDouble() - redisBefore;
    senders.shutdownNow();
    Thread.sleep(DRAIN_MILLIS);
    for (LoadClient client : clients) {
      client.close();
    }
    listeners.shutdown();
    return new Result(name, options.seconds(), recorder.sentCount(), recorder.skippedCount(),
        recorder.sentCount() * options.recipients(), recorder.sortedLatencies(), cpu, redis);
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left = nanoTime - System.nanoTime();
    if (left > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  private static double processCpuSeconds() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  /** Waits until the servers can take the load. */
  @FunctionalInterface
  interface Ready {
    void await() throws Exception;
  }
}
