package dev.chanx.gen.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.server.channel.Dispatcher;
import dev.chanx.core.codec.StreamFrame;

/**
 * A dispatcher's quick path run as the frame pipeline runs it: the whole text or nothing, within
 * the same limits as the tree, and never for text with escapes that may hide a lone surrogate.
 */
public final class QuickRead {

  /** The runtime's defaults, which the tests' tree readers share. */
  public static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder().maxNestingDepth(32).maxNumberLength(100).build();

  private static final JsonFactory PARSERS = JsonFactory.builder().streamReadConstraints(LIMITS).build();

  /** What the quick path made of a frame. */
  public record Result(Object message, String tag, JsonNode ref) {}

  private QuickRead() {}

  /** The quick path's message, tag and ref, or null when the frame takes the tree path. */
  public static Result of(Dispatcher<?, ?, ?, ?> dispatcher, String text) {
    if (text.contains("\\u")) {
      return null;
    }
    StreamFrame frame = new StreamFrame();
    try (JsonParser json = PARSERS.createParser(text)) {
      Object message = dispatcher.read(json, frame);
      return message != null && json.nextToken() == null ? new Result(message, frame.tag(), frame.ref()) : null;
    } catch (Exception | StackOverflowError e) {
      return null;
    }
  }
}
