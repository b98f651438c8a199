package dev.chanx.server;

import dev.chanx.core.codec.FrameWriter;
import dev.chanx.core.codec.TextFrame;
import dev.chanx.core.message.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * A publisher that serialises each push once and hands it to the server's channel layer, marked
 * when the channel transforms pushes per connection (see {@link PushFrames}). On a camelCase
 * channel an unmarked push goes out camelized; on a channel with completion frames every push is
 * followed by {@code event_complete} to the same recipients, through the same layer, so in order.
 */
final class LayerPublisher<S extends Message> implements ChannelPublisher<S> {

  private final Node node;
  private final String groupPrefix;
  private final boolean marked;
  private final Supplier<ChannelSettings> settings;

  LayerPublisher(Node node, String groupPrefix, boolean marked) {
    this(node, groupPrefix, marked, () -> ChannelSettings.DEFAULTS);
  }

  /** A publisher that reads the channel's settings when it sends: they are settled only when the server starts. */
  LayerPublisher(Node node, String groupPrefix, boolean marked, Supplier<ChannelSettings> settings) {
    this.node = node;
    this.groupPrefix = groupPrefix;
    this.marked = marked;
    this.settings = settings;
  }

  @Override
  public void send(String connectionId, S message) {
    ChannelSettings now = settings.get();
    node.layer.send(connectionId, frame(message, now));
    if (now.completionFrames()) {
      node.layer.send(connectionId, CompletionFrames.EVENT_COMPLETE);
    }
  }

  @Override
  public void broadcast(S message, Collection<String> groups) {
    List<String> keys = new ArrayList<>(groups.size());
    for (String group : groups) {
      keys.add(groupPrefix + ChanxConnection.checkGroup(group));
    }
    ChannelSettings now = settings.get();
    node.layer.groupSend(keys, frame(message, now), null);
    if (now.completionFrames()) {
      node.layer.groupSend(keys, CompletionFrames.EVENT_COMPLETE, null);
    }
  }

  private TextFrame frame(S message, ChannelSettings now) {
    // A marked push is decoded by the node that delivers it, so it travels as the document writes it.
    TextFrame frame = FrameWriter.write(message::writeFields, null, CamelCaseGenerator.when(now.camelCase() && !marked));
    return marked ? PushFrames.mark(frame) : frame;
  }
}
