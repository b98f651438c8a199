package dev.chanx.micrometer;

import dev.chanx.server.layer.LayerTelemetry;
import dev.chanx.server.telemetry.ChannelNames;
import dev.chanx.server.telemetry.ChannelTelemetry;
import dev.chanx.server.telemetry.ServerStatus;
import dev.chanx.server.telemetry.Telemetry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Micrometer meters for a Chanx server, per channel and message as the document names them:
 *
 * <pre>{@code
 * PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * ChanxServer.create(config -> {
 *   config.channel(ChatRoute.create(), new ChatRoom());
 *   config.telemetry(ChanxMetrics.create(registry));
 *   config.textEndpoint("/metrics", "text/plain;version=0.0.4;charset=utf-8", registry::scrape);
 * }).start();
 * }</pre>
 *
 * <p>Tags are the channel, the operation and message (as the document names them), the outcome, the validation rule and a few bounded codes;
 * never path parameters, groups or users, so the number of series does not grow with rooms or
 * users. Every meter is listed in {@link MeterNames} and in {@code docs/reference/observability.md}.
 */
public final class ChanxMetrics implements Telemetry {

  private final MeterRegistry registry;
  // Channel name -> its meters; channels are few and fixed once the server starts.
  private final ConcurrentHashMap<String, ChannelMeters> channels = new ConcurrentHashMap<>();
  private final LayerMeters layer;
  // The same channels' names, for the channel of a group key on every group send.
  private final ChannelNames names = new ChannelNames();

  private ChanxMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.layer = new LayerMeters(registry, this::channelOfGroup);
  }

  /**
   * {@return meters for a server, registered in this registry}
   *
   * @param registry where the meters go
   */
  public static ChanxMetrics create(MeterRegistry registry) {
    return new ChanxMetrics(Objects.requireNonNull(registry, "registry"));
  }

  @Override
  public ChannelTelemetry channel(String name, String address) {
    return channel(name, address, Map.of());
  }

  @Override
  public ChannelTelemetry channel(String name, String address, Map<String, String> operations) {
    names.add(name);
    return channels.computeIfAbsent(name, n -> new ChannelMeters(registry, n, operations));
  }

  @Override
  public void started(ServerStatus status) {
    // Channels are told before the server starts, so each has its queues' gauges.
    for (ChannelMeters channel : channels.values()) {
      channel.outbox(status);
    }
    Gauge.builder(MeterNames.READY, status, s -> s.ready() ? 1 : 0)
        .description("1 while the server takes new work, 0 while stopping or its channel layer is not ready")
        .strongReference(true).register(registry);
  }

  @Override
  public LayerTelemetry layer() {
    return layer;
  }

  /** The channel a group key ({@code <channel>/<group>}) belongs to, as a tag value, never the group. */
  private String channelOfGroup(String group) {
    // Only hosted channels are tags, so a malformed key from another node cannot add series.
    return names.of(group, MeterNames.UNKNOWN);
  }
}
