package dev.chanx.server;

import dev.chanx.server.layer.LayerTelemetry;
import dev.chanx.server.layer.LocalDelivery;
import dev.chanx.server.layer.LocalRecipient;
import dev.chanx.core.codec.TextFrame;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/** The open sockets of this node by connection id; the channel layer delivers through it. */
final class LocalConnections implements LocalDelivery {

  private final ConcurrentHashMap<String, ChanxConnection<?, ?>> open = new ConcurrentHashMap<>();
  private final String nodeId;
  private volatile LayerTelemetry telemetry = LayerTelemetry.OFF;

  LocalConnections(String nodeId) {
    this.nodeId = nodeId;
  }

  void add(ChanxConnection<?, ?> connection) {
    connection.local(true);
    open.put(connection.id(), connection);
  }

  void remove(ChanxConnection<?, ?> connection) {
    // Layers may hold the connection itself (see recipient): it refuses frames from now on.
    connection.local(false);
    open.remove(connection.id(), connection);
  }

  /** Says what the layer tells the server's telemetry, before the layer starts. */
  void telemetry(LayerTelemetry layerTelemetry) {
    this.telemetry = layerTelemetry;
  }

  @Override
  public LayerTelemetry telemetry() {
    return telemetry;
  }

  Collection<ChanxConnection<?, ?>> all() {
    return open.values();
  }

  @Override
  public boolean deliver(String connectionId, TextFrame frame) {
    ChanxConnection<?, ?> connection = open.get(connectionId);
    return connection != null && connection.receive(frame);
  }

  @Override
  public LocalRecipient recipient(String connectionId) {
    return open.get(connectionId);
  }

  @Override
  public String nodeId() {
    return nodeId;
  }
}
