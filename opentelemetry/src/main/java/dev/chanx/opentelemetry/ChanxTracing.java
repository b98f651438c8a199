package dev.chanx.opentelemetry;

import dev.chanx.server.layer.LayerTelemetry;
import dev.chanx.server.telemetry.ChannelNames;
import dev.chanx.server.telemetry.ChannelTelemetry;
import dev.chanx.server.telemetry.Telemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.util.Map;
import java.util.Objects;

/**
 * OpenTelemetry spans for a Chanx server: one per handshake and per client frame, named after
 * the channel and the message, and one per group send on the node that makes it and on each
 * node that delivers it, joined into one trace through the channel layer:
 *
 * <pre>{@code
 * OpenTelemetry otel = ...; // the SDK, configured by the application
 * ChanxServer.create(config -> {
 *   config.channel(ChatRoute.create(), new ChatRoom());
 *   config.telemetry(ChanxTracing.create(otel));
 * }).start();
 * }</pre>
 *
 * <p>Only the OpenTelemetry API is needed; sampling, export and resources are the SDK's. A client
 * frame may carry a W3C {@code traceparent} at its top level: its span is then a child of the
 * client's, and the served document declares the field. Attributes follow OpenTelemetry's
 * messaging conventions; every span is listed in {@code docs/reference/observability.md}.
 */
public final class ChanxTracing implements Telemetry {

  /** The instrumentation scope's name. */
  public static final String SCOPE = "dev.chanx";

  private final Tracer tracer;
  // The hosted channels, as the spans of layer sends name them.
  private final ChannelNames channels = new ChannelNames();
  private final LayerSpans layer;

  private ChanxTracing(Tracer tracer) {
    this.tracer = tracer;
    this.layer = new LayerSpans(tracer, this::channelOfGroup);
  }

  /**
   * {@return tracing through this OpenTelemetry (its tracer provider decides sampling and export)}
   *
   * @param openTelemetry the application's OpenTelemetry
   */
  public static ChanxTracing create(OpenTelemetry openTelemetry) {
    return new ChanxTracing(Objects.requireNonNull(openTelemetry, "openTelemetry").getTracer(SCOPE));
  }

  @Override
  public ChannelTelemetry channel(String name, String address) {
    return channel(name, address, Map.of());
  }

  @Override
  public ChannelTelemetry channel(String name, String address, Map<String, String> operations) {
    channels.add(name);
    return new ChannelSpans(tracer, name, address, operations);
  }

  @Override
  public boolean readsTraceparent() {
    return true;
  }

  @Override
  public LayerTelemetry layer() {
    return layer;
  }

  /** The channel a group key ({@code <channel>/<group>}) belongs to, never the group; {@code unknown} for none hosted. */
  private String channelOfGroup(String group) {
    return channels.of(group, "unknown");
  }
}
