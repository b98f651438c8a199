package dev.chanx.runtime.server;

import dev.chanx.runtime.message.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A publisher that serialises each push once and hands it to the server's channel layer. */
final class LayerPublisher<S extends Message> implements ChannelPublisher<S> {

  private final Node node;
  private final String groupPrefix;

  LayerPublisher(Node node, String groupPrefix) {
    this.node = node;
    this.groupPrefix = groupPrefix;
  }

  @Override
  public void send(String connectionId, S message) {
    node.layer.send(connectionId, FrameWriter.write(message));
  }

  @Override
  public void broadcast(S message, Collection<String> groups) {
    List<String> keys = new ArrayList<>(groups.size());
    for (String group : groups) {
      keys.add(groupPrefix + ChanxConnection.checkGroup(group));
    }
    node.layer.groupSend(keys, FrameWriter.write(message), null);
  }
}
