package dev.chanx.server.testing;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.layer.ChannelLayer;
import dev.chanx.server.layer.InMemoryChannelLayer;
import dev.chanx.server.layer.LocalDelivery;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/** An in-memory layer behind a class of its own, for tests that change one of its answers. */
public class ForwardingLayer implements ChannelLayer {

  private final InMemoryChannelLayer layer = new InMemoryChannelLayer();

  @Override public void start(LocalDelivery delivery) { layer.start(delivery); }

  @Override public CompletableFuture<Void> groupAdd(String group, String id) { return layer.groupAdd(group, id); }

  @Override public void groupDiscard(String group, String id) { layer.groupDiscard(group, id); }

  @Override
  public void groupSend(Collection<String> groups, TextFrame frame, String exclude) {
    layer.groupSend(groups, frame, exclude);
  }

  @Override public void send(String id, TextFrame frame) { layer.send(id, frame); }
}
