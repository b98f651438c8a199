package dev.chanx.gen.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Schema;
import dev.chanx.gen.read.SpecReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One example frame of a document: a message's {@code examples[].payload}, or an {@code examples}
 * entry of its payload schema or of a choice of that schema's {@code oneOf}/{@code anyOf} (each
 * a whole frame too), as a channel's client or server sends it.
 *
 * @param document the document
 * @param channel the channel's key
 * @param message the message's key
 * @param side who sends the message on the channel
 * @param source where the example is written, such as {@code examples[1]}
 * @param frame the example
 */
record FrameExample(Path document, String channel, String message, Side side, String source, JsonNode frame) {

  /** Who sends a frame. */
  enum Side {
    CLIENT,
    SERVER
  }

  /** How tests name it: {@code peers/slack-socket-mode-client.yml root/event client examples[0]}. */
  String id() {
    return ExampleDocuments.name(document) + " " + channel + "/" + message + " " + side.name().toLowerCase(java.util.Locale.ROOT)
        + " " + source;
  }

  @Override
  public String toString() {
    return id();
  }

  /** Every example frame of a document, channel by channel, client messages first. */
  static List<FrameExample> of(Path document) {
    ApiModel model;
    try {
      model = SpecReader.read(document, null);
    } catch (SpecException e) {
      throw new AssertionError("expected " + document + " to read:\n" + e.getMessage(), e);
    }
    List<FrameExample> out = new ArrayList<>();
    for (Channel channel : model.channels()) {
      channel.clientMessages().forEach(m -> add(out, model, document, channel, m, Side.CLIENT));
      channel.serverMessages().forEach(m -> add(out, model, document, channel, m, Side.SERVER));
    }
    return out;
  }

  private static void add(List<FrameExample> out, ApiModel model, Path document, Channel channel, Message message,
      Side side) {
    List<JsonNode> examples = message.examples();
    for (int i = 0; i < examples.size(); i++) {
      out.add(new FrameExample(document, channel.key(), message.key(), side, "examples[" + i + "]", examples.get(i)));
    }
    Schema payload = model.resolve(message.payload());
    addSchemaExamples(out, document, channel, message, side, "payload", payload);
    List<Schema> choices = !payload.oneOf().isEmpty() ? payload.oneOf() : payload.anyOf();
    String keyword = !payload.oneOf().isEmpty() ? "oneOf" : "anyOf";
    for (int i = 0; i < choices.size(); i++) {
      addSchemaExamples(out, document, channel, message, side, "payload " + keyword + "[" + i + "]",
          model.resolve(choices.get(i)));
    }
  }

  private static void addSchemaExamples(List<FrameExample> out, Path document, Channel channel, Message message,
      Side side, String where, Schema schema) {
    for (int i = 0; i < schema.examples().size(); i++) {
      out.add(new FrameExample(document, channel.key(), message.key(), side, where + " examples[" + i + "]",
          schema.examples().get(i)));
    }
  }
}
