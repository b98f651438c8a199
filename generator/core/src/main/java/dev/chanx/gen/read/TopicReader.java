package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.model.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a channel's {@code x-topic} as Chanx 2.10 writes it: {@code {name, pattern,
 * parameters}}, the parameters being the pattern's placeholders in order.
 */
final class TopicReader {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern NAME = Pattern.compile("\\w+");

  private TopicReader() {}

  /** The topic, or null when {@code x-topic} cannot be read (a problem says why). */
  static Topic read(ReadContext ctx, String channelKey, Location at) {
    JsonNode node = at.node();
    String hint = "Write it as Chanx does: x-topic: {name: room, pattern: 'room:{room_name}', parameters: [room_name]}.";
    if (!node.isObject()) {
      ctx.problems.at(at, "x-topic of channel '" + channelKey + "' is not an object", hint);
      return null;
    }
    JsonNode name = node.get("name");
    JsonNode pattern = node.get("pattern");
    if (name == null || !name.isTextual() || name.asText().isEmpty()) {
      ctx.problems.at(at, "x-topic of channel '" + channelKey + "' has no name", hint);
      return null;
    }
    if (pattern == null || !pattern.isTextual() || pattern.asText().isEmpty()) {
      ctx.problems.at(at, "x-topic of channel '" + channelKey + "' has no pattern", hint);
      return null;
    }
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(pattern.asText());
    while (m.find()) {
      String placeholder = m.group(1);
      if (!NAME.matcher(placeholder).matches() || names.contains(placeholder)) {
        ctx.problems.at(at.child("pattern"), "topic pattern '" + pattern.asText() + "' of channel '" + channelKey
            + "' has placeholder {" + placeholder + "}, which is " + (names.contains(placeholder) ? "there twice"
                : "not a name of letters, digits and _"),
            "Name each parameter once, such as room:{room_name}.");
        return null;
      }
      names.add(placeholder);
    }
    JsonNode listed = node.get("parameters");
    if (listed != null && !listed.isNull()) {
      List<String> declared = new ArrayList<>();
      listed.forEach(p -> declared.add(p.asText()));
      if (!listed.isArray() || !declared.equals(names)) {
        ctx.problems.at(at.child("parameters"), "x-topic parameters " + declared + " of channel '" + channelKey
            + "' are not those of its pattern '" + pattern.asText() + "', " + names,
            "List the pattern's placeholders, in its order.");
        return null;
      }
    }
    return new Topic(name.asText(), pattern.asText(), names);
  }
}
