package dev.chanx.server;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.chanx.core.codec.FrameWriter;
import dev.chanx.server.channel.ChannelEvents;
import dev.chanx.server.channel.ChannelHandler;
import dev.chanx.core.codec.TextFrame;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.Message;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chanx.server.layer.FramePositions;
import dev.chanx.server.layer.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the pushes that reach this node to the connections of one hosted channel: decodes a
 * push once, calls the handler's transform for each connection, and sends the frame as it was
 * serialised to every connection whose transform left the event as it was; only a changed event
 * is serialised again, for its connection. A push that does not decode is dropped and logged.
 */
final class PushDelivery<H extends ChannelHandler<S, P>, S extends Message, P> {

  private static final Logger LOG = LoggerFactory.getLogger(PushDelivery.class);
  // Pushes come from this application's own servers: Jackson's default limits, not a client's.
  private static final ObjectReader READER = JsonMapper.builder().build().reader();

  /** A push as this node decoded it: the event (null when undecodable) and its frame for clients. */
  private record Entry<S>(TextFrame marked, S event, TextFrame frame) {}

  private final String channel;
  private final ChannelEvents<H, S, P> events;
  private final H handler;
  // The last push decoded: the layer hands a group's push to its members one after another,
  // so it is decoded once per node, not once per member.
  private volatile Entry<S> last;

  PushDelivery(String channel, ChannelEvents<H, S, P> events, H handler) {
    this.channel = channel;
    this.events = events;
    this.handler = handler;
  }

  /** Whether the channel has event transforms; only then are its pushes marked. */
  boolean transforms() {
    return events != null;
  }

  /** Hands a marked push to one connection of the channel, transformed for it; replayed or live. */
  void deliver(ChanxConnection<S, P> connection, TextFrame marked, boolean replayed) {
    Entry<S> entry = entry(marked);
    if (events == null) {
      connection.deliver(entry.frame(), replayed);
      return;
    }
    if (entry.event() == null) {
      return;
    }
    S out;
    try {
      out = events.transform(entry.event(), handler, connection);
    } catch (Exception e) {
      LOG.warn("Event transform failed for action {} on connection {}; not sent there",
          entry.event().wireTag(), connection.id(), e);
      return;
    }
    // A camelCase channel's pushes travel as the document writes them: camelized per connection here.
    boolean camelCase = connection.settings().camelCase();
    if (out == entry.event() && !camelCase) {
      connection.deliver(entry.frame(), replayed);
    } else if (out != null) {
      TextFrame written = FrameWriter.write(out, null, CamelCaseGenerator.when(camelCase));
      // A recoverable push keeps its positions through the transform.
      Map<String, Position> positions = FramePositions.of(entry.frame());
      if (positions != null) {
        written = FramePositions.write(written, new ArrayList<>(positions.keySet()), List.copyOf(positions.values()));
      }
      connection.deliver(written, replayed);
    }
  }

  private Entry<S> entry(TextFrame marked) {
    Entry<S> entry = last;
    if (entry == null || entry.marked() != marked) {
      entry = decode(marked);
      last = entry;
    }
    return entry;
  }

  private Entry<S> decode(TextFrame marked) {
    byte[] bytes = PushFrames.unmark(marked);
    TextFrame frame = TextFrame.ofUtf8(bytes);
    if (events == null) {
      return new Entry<>(marked, null, frame);
    }
    try {
      JsonNode tree = READER.readTree(bytes);
      if (tree instanceof ObjectNode object) {
        object.remove(FramePositions.KEY); // the runtime's, not the message's
      }
      Decoded<S> decoded = events.decode(tree);
      if (decoded.isValid()) {
        return new Entry<>(marked, decoded.value(), frame);
      }
      LOG.warn("Dropped a push to channel {}: it does not fit its schema: {}", channel, decoded.errors());
    } catch (Exception e) {
      LOG.warn("Dropped a push to channel {}: it cannot be read: {}", channel, e.toString());
    }
    return new Entry<>(marked, null, frame);
  }
}
