package dev.chanx.runtime.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.runtime.channel.ChannelHandler;
import dev.chanx.runtime.channel.Dispatcher;
import dev.chanx.runtime.message.Decoded;
import dev.chanx.runtime.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one client text frame: parse once, decode, dispatch, and answer the sender with the
 * reply or the error frame, echoing the frame's {@code ref}. Never throws.
 */
final class FramePipeline<H extends ChannelHandler<S, P>, C extends Message, S extends Message, P> {

  private static final Logger LOG = LoggerFactory.getLogger(FramePipeline.class);
  private static final int MAX_ERROR_TEXT = 120;

  private final Dispatcher<H, C, S, P> dispatcher;
  private final H handler;

  FramePipeline(Dispatcher<H, C, S, P> dispatcher, H handler) {
    this.dispatcher = dispatcher;
    this.handler = handler;
  }

  void onText(ChanxConnection<S, P> connection, String text) {
    JsonNode frame;
    try {
      frame = Json.TREE_READER.readTree(text);
    } catch (JsonProcessingException e) {
      connection.deliver(ErrorFrames.jsonInvalid("Invalid JSON: " + describe(e), null));
      return;
    } catch (Exception e) {
      connection.deliver(ErrorFrames.jsonInvalid("Invalid JSON: unreadable frame", null));
      return;
    }
    if (frame == null || !frame.isObject()) {
      connection.deliver(ErrorFrames.jsonInvalid("Invalid JSON: expected an object, got " + kind(frame), null));
      return;
    }
    JsonNode ref = frame.get("ref");
    if (ref != null && ref.isNull()) {
      ref = null;
    }
    String tag = null;
    try {
      Decoded<C> decoded = dispatcher.decode(frame);
      tag = decoded.tag();
      if (!decoded.isValid()) {
        connection.deliver(ErrorFrames.validation(decoded.errors(), ref));
        return;
      }
      S reply;
      try {
        reply = dispatcher.dispatch(decoded.value(), handler, connection);
      } catch (Exception e) {
        LOG.warn("Handler failed for action {} on connection {}", tag, connection.id(), e);
        connection.deliver(ErrorFrames.handlerFailed(tag, ref));
        return;
      }
      if (reply != null) {
        connection.deliver(FrameWriter.write(reply, ref));
      }
      // Completion frames (issue 5) go here: after every client frame, answered or not.
    } catch (Exception | StackOverflowError e) {
      LOG.error("Failed to process frame (action {}) on connection {}", tag, connection.id(), e);
      connection.deliver(ErrorFrames.generic(ref));
    }
  }

  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      message = "malformed frame";
    }
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    if (message.length() > MAX_ERROR_TEXT) {
      message = message.substring(0, MAX_ERROR_TEXT) + "...";
    }
    JsonLocation at = e.getLocation();
    return at == null ? message : message + " at line " + at.getLineNr() + " column " + at.getColumnNr();
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
