package dev.chanx.server.telemetry;

import dev.chanx.server.layer.LayerTelemetry;
import dev.chanx.server.layer.LayerTelemetry.Sending;
import java.util.Map;

/**
 * Two telemetries told in order, such as metrics and traces together; more are chained as pairs
 * ({@link Telemetries#of}).
 *
 * <p>A pair, not an array: each call site in it sees one implementation (the first's or the
 * second's), so the JIT inlines both calls straight, where a loop over an array has one call site
 * that sees both and must dispatch on the type each time; and no array is made per frame or per
 * group send. Where one side watches nothing ({@code OFF}, {@code NONE}) the other is returned
 * alone, with no pair around it.
 */
final class TelemetryChain implements Telemetry {

  private final Telemetry first;
  private final Telemetry second;
  private final LayerTelemetry layer;

  TelemetryChain(Telemetry first, Telemetry second) {
    this.first = first;
    this.second = second;
    this.layer = layers(first.layer(), second.layer());
  }

  @Override
  public ChannelTelemetry channel(String name, String address) {
    return channel(name, address, Map.of());
  }

  @Override
  public ChannelTelemetry channel(String name, String address, Map<String, String> operations) {
    ChannelTelemetry one = first.channel(name, address, operations);
    ChannelTelemetry two = second.channel(name, address, operations);
    return one == ChannelTelemetry.OFF ? two : two == ChannelTelemetry.OFF ? one : new ChannelChain(one, two);
  }

  @Override
  public void started(ServerStatus status) {
    first.started(status);
    second.started(status);
  }

  @Override
  public boolean readsTraceparent() {
    return first.readsTraceparent() || second.readsTraceparent();
  }

  @Override
  public LayerTelemetry layer() {
    return layer;
  }

  private static LayerTelemetry layers(LayerTelemetry one, LayerTelemetry two) {
    return one == LayerTelemetry.OFF ? two : two == LayerTelemetry.OFF ? one : new LayerChain(one, two);
  }

  private record ChannelChain(ChannelTelemetry first, ChannelTelemetry second) implements ChannelTelemetry {

    @Override
    public void handshake(int status, long startNanos) {
      first.handshake(status, startNanos);
      second.handshake(status, startNanos);
    }

    @Override
    public void opened() {
      first.opened();
      second.opened();
    }

    @Override
    public void closed(int code) {
      first.closed(code);
      second.closed(code);
    }

    @Override
    public FrameScope frame(String message, int size, String traceparent) {
      FrameScope one = first.frame(message, size, traceparent);
      FrameScope two = second.frame(message, size, traceparent);
      return one == FrameScope.NONE ? two : two == FrameScope.NONE ? one : new ScopeChain(one, two);
    }

    @Override
    public void sent(int bytes) {
      first.sent(bytes);
      second.sent(bytes);
    }

    @Override
    public void slowConsumer() {
      first.slowConsumer();
      second.slowConsumer();
    }

    @Override
    public void recovery(String status, String reason) {
      first.recovery(status, reason);
      second.recovery(status, reason);
    }
  }

  private record ScopeChain(FrameScope first, FrameScope second) implements FrameScope {

    @Override
    public void invalid(String rule) {
      first.invalid(rule);
      second.invalid(rule);
    }

    @Override
    public void failed(Throwable error) {
      first.failed(error);
      second.failed(error);
    }

    @Override
    public void close() {
      // The last opened is closed first, as nested scopes are (a span made current, for one).
      second.close();
      first.close();
    }
  }

  private record LayerChain(LayerTelemetry first, LayerTelemetry second) implements LayerTelemetry {

    @Override
    public Sending sending(String group) {
      Sending one = first.sending(group);
      Sending two = second.sending(group);
      return one == Sending.NONE ? two : two == Sending.NONE ? one : new SendingChain(one, two);
    }

    @Override
    public void received(String group, String context, long sentAtMillis, int recipients, long startNanos) {
      first.received(group, context, sentAtMillis, recipients, startNanos);
      second.received(group, context, sentAtMillis, recipients, startNanos);
    }
  }

  private record SendingChain(Sending first, Sending second) implements Sending {

    @Override
    public String context() {
      String context = first.context();
      return context != null ? context : second.context();
    }

    @Override
    public boolean watched() {
      return first.watched() || second.watched();
    }

    @Override
    public void done(int recipients, long startNanos) {
      second.done(recipients, startNanos);
      first.done(recipients, startNanos);
    }
  }
}
