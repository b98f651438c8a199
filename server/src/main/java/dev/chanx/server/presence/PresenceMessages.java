package dev.chanx.server.presence;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.chanx.core.codec.FrameWriter;
import dev.chanx.core.codec.TextFrame;
import dev.chanx.core.presence.PresenceFrames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The presence frames: {@code {"action": ..., "payload": {"scope": ..., "members": [{"id": ..., "data": ...}]}}},
 * and in a join or leave of one member also {@code "member": {"id": ..., "data": ...}}, chanx-kit's shape.
 */
final class PresenceMessages {

  private PresenceMessages() {}

  /** {@return the {@code presence_state} of a group} */
  static TextFrame state(String group, Map<String, String> members) {
    return FrameWriter.write(out -> {
      start(out, PresenceFrames.STATE, group);
      for (Map.Entry<String, String> member : members.entrySet()) {
        member(out, member.getKey(), member.getValue());
      }
      end(out);
    }, null);
  }

  /**
   * {@return the frames of events: the joins of a stretch of events in one frame, then its leaves
   * in another, a stretch ending where a member comes back in it (so that its own events keep their order)}
   */
  static List<TextFrame> diffs(String group, List<PresenceEvent> events) {
    List<TextFrame> frames = new ArrayList<>();
    List<PresenceEvent> joins = new ArrayList<>();
    List<PresenceEvent> leaves = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (PresenceEvent event : events) {
      if (!keys.add(event.key())) {
        flush(group, joins, leaves, frames);
        keys.clear();
        keys.add(event.key());
      }
      (event.join() ? joins : leaves).add(event);
    }
    flush(group, joins, leaves, frames);
    return frames;
  }

  private static void flush(String group, List<PresenceEvent> joins, List<PresenceEvent> leaves,
      List<TextFrame> frames) {
    if (!joins.isEmpty()) {
      frames.add(frame(PresenceFrames.JOIN, group, joins));
      joins.clear();
    }
    if (!leaves.isEmpty()) {
      frames.add(frame(PresenceFrames.LEAVE, group, leaves));
      leaves.clear();
    }
  }

  private static TextFrame frame(String action, String group, List<PresenceEvent> events) {
    return FrameWriter.write(out -> {
      start(out, action, group);
      for (PresenceEvent event : events) {
        member(out, event.key(), event.data());
      }
      out.writeEndArray();
      if (events.size() == 1) {
        // A lone join or leave also as chanx-kit sends it, so its clients read it.
        out.writeFieldName("member");
        member(out, events.get(0).key(), events.get(0).data());
      }
      out.writeEndObject();
    }, null);
  }

  private static void start(JsonGenerator out, String action, String group) throws IOException {
    out.writeStringField("action", action);
    out.writeObjectFieldStart("payload");
    out.writeStringField("scope", group);
    out.writeArrayFieldStart("members");
  }

  private static void member(JsonGenerator out, String key, String data) throws IOException {
    out.writeStartObject();
    out.writeStringField("id", key);
    out.writeFieldName("data");
    out.writeRawValue(data);
    out.writeEndObject();
  }

  private static void end(JsonGenerator out) throws IOException {
    out.writeEndArray();
    out.writeEndObject();
  }
}
