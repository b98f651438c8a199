package dev.chanx.server.telemetry;

import dev.chanx.server.layer.LayerTelemetry;
import dev.chanx.server.layer.LayerTelemetry.Sending;
import java.util.List;
import java.util.Map;

/** Several telemetries told in order, such as metrics and traces together. */
final class TelemetryChain implements Telemetry {

  private final Telemetry[] all;
  private final LayerTelemetry layer;

  TelemetryChain(List<Telemetry> telemetries) {
    this.all = telemetries.toArray(new Telemetry[0]);
    LayerTelemetry[] layers = new LayerTelemetry[all.length];
    for (int i = 0; i < all.length; i++) {
      layers[i] = all[i].layer();
    }
    this.layer = new LayerChain(layers);
  }

  @Override
  public ChannelTelemetry channel(String name, String address) {
    return channel(name, address, Map.of());
  }

  @Override
  public ChannelTelemetry channel(String name, String address, Map<String, String> operations) {
    ChannelTelemetry[] channels = new ChannelTelemetry[all.length];
    for (int i = 0; i < all.length; i++) {
      channels[i] = all[i].channel(name, address, operations);
    }
    return new ChannelChain(channels);
  }

  @Override
  public void started(ServerStatus status) {
    for (Telemetry t : all) {
      t.started(status);
    }
  }

  @Override
  public boolean readsTraceparent() {
    for (Telemetry t : all) {
      if (t.readsTraceparent()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public LayerTelemetry layer() {
    return layer;
  }

  private record ChannelChain(ChannelTelemetry[] channels) implements ChannelTelemetry {

    @Override
    public void handshake(int status, long startNanos) {
      for (ChannelTelemetry c : channels) {
        c.handshake(status, startNanos);
      }
    }

    @Override
    public void opened() {
      for (ChannelTelemetry c : channels) {
        c.opened();
      }
    }

    @Override
    public void closed(int code) {
      for (ChannelTelemetry c : channels) {
        c.closed(code);
      }
    }

    @Override
    public FrameScope frame(String message, int size, String traceparent) {
      FrameScope[] scopes = new FrameScope[channels.length];
      for (int i = 0; i < channels.length; i++) {
        scopes[i] = channels[i].frame(message, size, traceparent);
      }
      return new ScopeChain(scopes);
    }

    @Override
    public void sent(int bytes) {
      for (ChannelTelemetry c : channels) {
        c.sent(bytes);
      }
    }

    @Override
    public void slowConsumer() {
      for (ChannelTelemetry c : channels) {
        c.slowConsumer();
      }
    }

    @Override
    public void recovery(String status, String reason) {
      for (ChannelTelemetry c : channels) {
        c.recovery(status, reason);
      }
    }
  }

  private record ScopeChain(FrameScope[] scopes) implements FrameScope {

    @Override
    public void invalid(String rule) {
      for (FrameScope s : scopes) {
        s.invalid(rule);
      }
    }

    @Override
    public void failed(Throwable error) {
      for (FrameScope s : scopes) {
        s.failed(error);
      }
    }

    @Override
    public void close() {
      // The last opened is closed first, as nested scopes are (a span made current, for one).
      for (int i = scopes.length - 1; i >= 0; i--) {
        scopes[i].close();
      }
    }
  }

  private record LayerChain(LayerTelemetry[] layers) implements LayerTelemetry {

    @Override
    public Sending sending(String group) {
      Sending[] sends = new Sending[layers.length];
      for (int i = 0; i < layers.length; i++) {
        sends[i] = layers[i].sending(group);
      }
      return new SendingChain(sends);
    }

    @Override
    public void received(String group, String context, long sentAtMillis, int recipients, long startNanos) {
      for (LayerTelemetry l : layers) {
        l.received(group, context, sentAtMillis, recipients, startNanos);
      }
    }
  }

  private record SendingChain(Sending[] sends) implements LayerTelemetry.Sending {

    @Override
    public String context() {
      for (Sending s : sends) {
        String context = s.context();
        if (context != null) {
          return context;
        }
      }
      return null;
    }

    @Override
    public boolean watched() {
      for (Sending s : sends) {
        if (s.watched()) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void done(int recipients, long startNanos) {
      for (int i = sends.length - 1; i >= 0; i--) {
        sends[i].done(recipients, startNanos);
      }
    }
  }
}
