package dev.chanx.server;

import dev.chanx.server.telemetry.ServerStatus;

/** A running server's state as gauges and the readiness check read it. */
final class NodeStatus implements ServerStatus {

  private final Node node;
  private final Guard guard;

  NodeStatus(Node node, Guard guard) {
    this.node = node;
    this.guard = guard;
  }

  @Override
  public int openConnections() {
    return node.connections.all().size();
  }

  @Override
  public long queuedFrames(String channel) {
    long frames = 0;
    for (ChanxConnection<?, ?> connection : node.connections.all()) {
      if (connection.sink() instanceof Outbox outbox && connection.channelGroups().channel().equals(channel)) {
        frames += outbox.queuedFrames();
      }
    }
    return frames;
  }

  @Override
  public long queuedBytes(String channel) {
    long bytes = 0;
    for (ChanxConnection<?, ?> connection : node.connections.all()) {
      if (connection.sink() instanceof Outbox outbox && connection.channelGroups().channel().equals(channel)) {
        bytes += outbox.queuedBytes();
      }
    }
    return bytes;
  }

  @Override
  public boolean ready() {
    return !guard.isStopping() && node.layer.ready();
  }
}
