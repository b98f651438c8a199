package dev.chanx.bench.observe;

import dev.chanx.example.ChatServer;
import dev.chanx.micrometer.ChanxMetrics;
import dev.chanx.opentelemetry.ChanxTracing;
import dev.chanx.server.ChanxServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The example chat for the observability overhead run: {@code --telemetry off} as it ships, or
 * {@code --telemetry on} with Prometheus metrics (scraped every 15 s, as a Prometheus would) and
 * OpenTelemetry traces sampled at 1 % (parent-based, a batch processor, spans exported to a
 * counter instead of a collector, so no network is measured).
 *
 * <p>Run: {@code java -cp chanx-bench.jar dev.chanx.bench.observe.ObservedChatServer --port 8000 --telemetry on}.
 * With {@code -Dchanx.bench.telemetry=metrics} (or {@code traces}), "on" is only that half, to
 * tell the two modules' shares apart ({@code OverheadBench} passes JVM options through
 * {@code CHANX_BENCH_SERVER_JVM_OPTS}). Two more values are experiments on where the cost is:
 * {@code empty} gives the server a telemetry that watches everything and records nothing
 * ({@link EmptyTelemetry}; with {@code -Dchanx.bench.spin=N} it also spins N ns per frame, with
 * {@code -Dchanx.bench.touch=N} it reads N cache lines per frame), and
 * {@code detached} makes the registry, its scrape and the SDK but gives the server neither half;
 * {@code traces-noop} is the traces half over the API's no-op implementation instead of the SDK:
 * chanx's own work per frame and group send, and the frame's span made current, without the
 * SDK's span; {@code both-noop} is both halves with the traces half over that no-op, so that
 * against {@code both} it measures the SDK's own share beside the meters; {@code bare} makes the
 * two libraries' calls per frame and group send with none of chanx's code around them
 * ({@link BareTelemetry}): against off, the floor the libraries set; {@code bare-lean} the same
 * without the two counters per frame.
 * {@code -Dchanx.bench.skip=sent,frame,fanout} leaves those hooks out of the metrics half
 * ({@link PartialTelemetry}), and {@code -Dchanx.bench.scrape=N} scrapes every N seconds instead
 * of 15 ({@code 0}: never); {@code -Dchanx.bench.extra-records=N} records each frame in N more
 * timers ({@link ExtraRecords}).
 */
public final class ObservedChatServer {

  private ObservedChatServer() {}

  public static void main(String[] args) {
    int port = 8000;
    boolean on = false;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--telemetry" -> on = switch (args[i + 1]) {
          case "on" -> true;
          case "off" -> false;
          default -> throw new IllegalArgumentException("--telemetry takes on or off");
        };
        default -> throw new IllegalArgumentException("usage: --port N --telemetry on|off");
      }
    }
    int listen = port;
    String half = System.getProperty("chanx.bench.telemetry", "both");
    if (!List.of("both", "metrics", "traces", "traces-noop", "both-noop", "empty", "detached", "bare", "bare-lean")
        .contains(half)) {
      throw new IllegalArgumentException("-Dchanx.bench.telemetry takes both, metrics, traces, traces-noop, both-noop,"
          + " empty, detached, bare or bare-lean, not " + half);
    }
    // What the "on" server makes, and whether it gives the server what it made.
    boolean metrics = on && List.of("both", "metrics", "both-noop", "detached").contains(half);
    boolean traces = on && List.of("both", "traces", "detached").contains(half);
    boolean attached = !half.equals("detached");
    boolean empty = on && half.equals("empty");
    boolean bare = on && half.startsWith("bare");
    boolean noopTraces = on && List.of("traces-noop", "both-noop").contains(half);
    // Seconds between scrapes, as a Prometheus's scrape_interval; 0 for none, to measure what they cost.
    long scrapeEvery = CountSwitch.of("scrape", 15);
    // Like the other switches, an "off" server leaves it out; an "on" one without meters cannot honour it.
    OptionalLong extra = CountSwitch.of("extra-records");
    if (extra.isPresent() && on && !(metrics && attached)) {
      throw new IllegalArgumentException("-Dchanx.bench.extra-records needs the meters attached: --telemetry on"
          + " with -Dchanx.bench.telemetry both, metrics or both-noop");
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ChanxServer server = ChatServer.create(config -> {
      config.port(listen);
      if (metrics) {
        ChanxMetrics meters = ChanxMetrics.create(registry);
        if (attached) {
          config.telemetry(PartialTelemetry.of(meters));
          if (extra.isPresent()) {
            config.telemetry(new ExtraRecords(registry, Math.toIntExact(extra.getAsLong())));
          }
        }
        config.textEndpoint("/metrics", "text/plain;version=0.0.4;charset=utf-8", registry::scrape);
      }
      if (traces) {
        ChanxTracing spans = ChanxTracing.create(tracing());
        if (attached) {
          config.telemetry(spans);
        }
      }
      if (noopTraces) {
        config.telemetry(ChanxTracing.create(OpenTelemetry.noop()));
      }
      if (empty) {
        config.telemetry(new EmptyTelemetry());
      }
      if (bare) {
        config.telemetry(new BareTelemetry(registry, tracing().getTracer("bare"), half.equals("bare-lean")));
        config.textEndpoint("/metrics", "text/plain;version=0.0.4;charset=utf-8", registry::scrape);
      }
    }).start();
    if ((metrics || bare) && scrapeEvery > 0) {
      ScheduledExecutorService scraper = Executors.newSingleThreadScheduledExecutor(job -> {
        Thread thread = new Thread(job, "scraper");
        thread.setDaemon(true);
        return thread;
      });
      scraper.scheduleAtFixedRate(registry::scrape, scrapeEvery, scrapeEvery, TimeUnit.SECONDS);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop"));
  }

  private static OpenTelemetrySdk tracing() {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder()
            .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(0.01)))
            .addSpanProcessor(BatchSpanProcessor.builder(new CountingExporter()).build())
            .build())
        .build();
  }

  /** Takes exported spans and counts them: what a collector costs is not the runtime's. */
  private static final class CountingExporter implements SpanExporter {

    private final AtomicLong spans = new AtomicLong();

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
      spans.addAndGet(batch.size());
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      System.out.println("spans exported: " + spans.get());
      return CompletableResultCode.ofSuccess();
    }
  }
}
