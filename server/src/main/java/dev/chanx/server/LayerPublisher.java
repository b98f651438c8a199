package dev.chanx.server;

import dev.chanx.core.codec.FrameWriter;
import dev.chanx.core.codec.TextFrame;
import dev.chanx.core.message.Message;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * A publisher that serialises each push once and hands it to the server's channel layer, marked
 * when the channel transforms pushes per connection (see {@link PushFrames}). On a camelCase
 * channel an unmarked push goes out camelized; on a channel with completion frames every push is
 * followed by {@code event_complete} to the same recipients, through the same layer, so in order.
 */
final class LayerPublisher<S extends Message> implements ChannelPublisher<S> {

  private final ChannelGroups groups;
  private final boolean marked;
  private final Supplier<ChannelSettings> settings;

  LayerPublisher(ChannelGroups groups, boolean marked) {
    this(groups, marked, () -> ChannelSettings.DEFAULTS);
  }

  /** A publisher that reads the channel's settings when it sends: they are settled only when the server starts. */
  LayerPublisher(ChannelGroups groups, boolean marked, Supplier<ChannelSettings> settings) {
    this.groups = groups;
    this.marked = marked;
    this.settings = settings;
  }

  @Override
  public void send(String connectionId, S message) {
    ChannelSettings now = settings.get();
    groups.send(connectionId, frame(message, now), completion(now));
  }

  @Override
  public void broadcast(S message, Collection<String> groupNames) {
    ChannelSettings now = settings.get();
    groups.send(groups.keys(groupNames), frame(message, now), null, completion(now));
  }

  private static TextFrame completion(ChannelSettings now) {
    return now.completionFrames() ? CompletionFrames.EVENT_COMPLETE : null;
  }

  private TextFrame frame(S message, ChannelSettings now) {
    // A marked push is decoded by the node that delivers it, so it travels as the document writes it.
    TextFrame frame = FrameWriter.write(BinaryFrames.notBinary(message), null, CamelCaseGenerator.when(now.camelCase() && !marked));
    return marked ? PushFrames.mark(frame) : frame;
  }
}
