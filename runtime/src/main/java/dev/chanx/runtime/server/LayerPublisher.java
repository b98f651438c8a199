package dev.chanx.runtime.server;

import dev.chanx.runtime.layer.TextFrame;
import dev.chanx.runtime.message.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A publisher that serialises each push once and hands it to the server's channel layer, marked
 * when the channel transforms pushes per connection (see {@link PushFrames}).
 */
final class LayerPublisher<S extends Message> implements ChannelPublisher<S> {

  private final Node node;
  private final String groupPrefix;
  private final boolean marked;

  LayerPublisher(Node node, String groupPrefix, boolean marked) {
    this.node = node;
    this.groupPrefix = groupPrefix;
    this.marked = marked;
  }

  @Override
  public void send(String connectionId, S message) {
    node.layer.send(connectionId, frame(message));
  }

  @Override
  public void broadcast(S message, Collection<String> groups) {
    List<String> keys = new ArrayList<>(groups.size());
    for (String group : groups) {
      keys.add(groupPrefix + ChanxConnection.checkGroup(group));
    }
    node.layer.groupSend(keys, frame(message), null);
  }

  private TextFrame frame(S message) {
    TextFrame frame = FrameWriter.write(message);
    return marked ? PushFrames.mark(frame) : frame;
  }
}
