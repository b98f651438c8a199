package dev.chanx.server.presence;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.chanx.core.codec.FrameWriter;
import dev.chanx.core.codec.TextFrame;
import dev.chanx.core.presence.PresenceFrames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The presence frames: {@code {"action": ..., "payload": {"scope": ..., "members": [{"id": ..., "data": ...}]}}}. */
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

  /** {@return the frames of events, in order: each run of joins, or of leaves, as one frame} */
  static List<TextFrame> diffs(String group, List<PresenceEvent> events) {
    List<TextFrame> frames = new ArrayList<>();
    int start = 0;
    while (start < events.size()) {
      boolean join = events.get(start).join();
      int end = start;
      while (end < events.size() && events.get(end).join() == join) {
        end++;
      }
      List<PresenceEvent> run = events.subList(start, end);
      frames.add(FrameWriter.write(out -> {
        start(out, join ? PresenceFrames.JOIN : PresenceFrames.LEAVE, group);
        for (PresenceEvent event : run) {
          member(out, event.key(), event.data());
        }
        end(out);
      }, null));
      start = end;
    }
    return frames;
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
