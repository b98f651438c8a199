package dev.chanx.server.telemetry;

import dev.chanx.server.layer.LayerTelemetry;
import java.util.Map;

/**
 * What a server tells about its work, for metrics and traces: per channel (handshakes,
 * connections, every inbound frame, frames out, slow consumers), and through {@link #layer()}
 * its group sends.
 *
 * <p>Every method has a default that does nothing, so the server pays nothing for what no
 * implementation watches; {@code chanx-micrometer} and {@code chanx-opentelemetry} implement it.
 * What it is told are channel names and message tags as the document names them, never path
 * parameter values, group names or users, so a meter keyed by them stays bounded. Methods are
 * called on server threads: they must not block and must not throw.
 */
public interface Telemetry {

  /** Watches nothing. */
  Telemetry OFF = new Telemetry() {};

  /**
   * Called once per hosted channel when the server starts.
   *
   * @param name the channel's name, as the document names it
   * @param address the channel's address template, such as {@code /ws/chat/{room}}
   * @return what to tell about this channel; {@link ChannelTelemetry#OFF} to watch nothing
   */
  default ChannelTelemetry channel(String name, String address) {
    return ChannelTelemetry.OFF;
  }

  /**
   * Called once per hosted channel when the server starts, with the operations its client
   * messages belong to; by default the same as {@link #channel(String, String)}.
   *
   * @param name the channel's name, as the document names it
   * @param address the channel's address template, such as {@code /ws/chat/{room}}
   * @param operations the operation id of each client message, by its wire tag, as the document
   *     names them (bounded by the document); empty when the route does not say
   * @return what to tell about this channel; {@link ChannelTelemetry#OFF} to watch nothing
   */
  default ChannelTelemetry channel(String name, String address, Map<String, String> operations) {
    return channel(name, address);
  }

  /**
   * Called once when the server starts, with what gauges may read at any time.
   *
   * @param status the running server's current state
   */
  default void started(ServerStatus status) {}

  /**
   * {@return whether client frames may carry a top-level {@code traceparent} for
   * {@link ChannelTelemetry#frame}; read from frames only when true}
   */
  default boolean readsTraceparent() {
    return false;
  }

  /**
   * {@return what the channel layer tells: group sends, their fan-out and their lag}
   */
  default LayerTelemetry layer() {
    return LayerTelemetry.OFF;
  }
}
