package dev.chanx.example;

import dev.chanx.micrometer.ChanxMetrics;
import dev.chanx.server.ServerConfig;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** What {@code --metrics} adds: the server's meters and the JVM's, as Prometheus text at {@code /metrics}. */
final class Metrics {

  /** The Prometheus text format's content type. */
  static final String PROMETHEUS_TEXT = "text/plain;version=0.0.4;charset=utf-8";

  private Metrics() {}

  // tag::metrics[]
  /** Adds the meters to a server being configured, and serves them at {@code /metrics}. */
  static PrometheusMeterRegistry serve(ServerConfig config) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    config.telemetry(ChanxMetrics.create(registry));
    config.textEndpoint("/metrics", PROMETHEUS_TEXT, registry::scrape);
    return registry;
  }
  // end::metrics[]
}
