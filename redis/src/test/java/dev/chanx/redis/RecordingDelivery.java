package dev.chanx.redis;

import dev.chanx.server.layer.LocalDelivery;
import dev.chanx.core.codec.TextFrame;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A node without sockets: every id of the node counts as connected, and deliveries land in a queue. */
final class RecordingDelivery implements LocalDelivery {

  private final String node;
  private final BlockingQueue<String> delivered = new LinkedBlockingQueue<>();

  RecordingDelivery(String node) {
    this.node = node;
  }

  @Override
  public boolean deliver(String connectionId, TextFrame frame) {
    if (!connectionId.startsWith(node + ".")) {
      return false;
    }
    delivered.add(connectionId + " " + frame.text());
    return true;
  }

  @Override
  public String nodeId() {
    return node;
  }

  /** The next delivery as {@code "<id> <frame>"}, or null after ten seconds. */
  String next() throws InterruptedException {
    return delivered.poll(10, TimeUnit.SECONDS);
  }
}
