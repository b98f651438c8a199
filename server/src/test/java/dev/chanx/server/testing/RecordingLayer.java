package dev.chanx.server.testing;

import dev.chanx.server.layer.ChannelLayer;
import dev.chanx.server.layer.InMemoryChannelLayer;
import dev.chanx.server.layer.LocalDelivery;
import dev.chanx.core.codec.TextFrame;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/** The in-memory layer, reporting every group discard so tests can wait for it. */
public final class RecordingLayer implements ChannelLayer {

  private final InMemoryChannelLayer layer = new InMemoryChannelLayer();
  /** Group keys as connections are removed from them. */
  public final BlockingQueue<String> discarded = new LinkedBlockingQueue<>();

  /** The current members of a group. */
  public Set<String> members(String group) {
    return layer.members(group);
  }

  @Override public void start(LocalDelivery localDelivery) { layer.start(localDelivery); }

  @Override
  public CompletableFuture<Void> groupAdd(String group, String connectionId) {
    return layer.groupAdd(group, connectionId);
  }

  @Override
  public void groupDiscard(String group, String connectionId) {
    layer.groupDiscard(group, connectionId);
    discarded.add(group);
  }

  @Override
  public void groupSend(Collection<String> groups, TextFrame frame, String excludeConnectionId) {
    layer.groupSend(groups, frame, excludeConnectionId);
  }

  @Override public void send(String connectionId, TextFrame frame) { layer.send(connectionId, frame); }
}
