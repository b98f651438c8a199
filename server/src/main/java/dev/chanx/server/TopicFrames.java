package dev.chanx.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.codec.FrameWriter;
import dev.chanx.core.codec.TextFrame;
import dev.chanx.core.message.Message;
import dev.chanx.core.message.ValidationError;
import java.util.List;

/**
 * The frames of Chanx 2.10's topic wire: a message, confirmation or error with the routing
 * envelope beside its {@code action} and {@code payload}, flat on the same object:
 * {@code {"action":"subscribed","payload":null,"version":1,"topic":"room:lobby","ref":"1"}}.
 */
final class TopicFrames {

  /** The envelope's version; Chanx's {@code ENVELOPE_VERSION}. */
  static final int VERSION = 1;

  /** Why a topic-addressed frame could not be served; Chanx's {@code TopicErrorReason}. */
  enum Reason {
    UNKNOWN_TOPIC("unknown_topic"), UNAUTHORIZED("unauthorized"), NOT_SUBSCRIBED("not_subscribed");

    final String wire;

    Reason(String wire) {
      this.wire = wire;
    }
  }

  private TopicFrames() {}

  /**
   * A message on a topic, answering {@code ref} (or null), with {@code seq} when not null; its
   * keys camelized when {@code camelCase}, as a channel's own messages are (the envelope's keys are
   * single words either way).
   */
  static TextFrame message(Message message, String topic, Long seq, JsonNode ref, boolean camelCase) {
    return FrameWriter.write(out -> {
      message.writeFields(camelCase ? new CamelCaseGenerator(out) : out);
      out.writeNumberField("version", VERSION);
      out.writeStringField("topic", topic);
      if (seq != null) {
        out.writeNumberField("seq", seq);
      }
    }, ref);
  }

  /** {@code subscribed} or {@code unsubscribed}, answering {@code ref}. */
  static TextFrame confirm(String action, String topic, JsonNode ref) {
    return FrameWriter.write(out -> {
      out.writeStringField("action", action);
      out.writeNullField("payload");
      out.writeNumberField("version", VERSION);
      out.writeStringField("topic", topic);
    }, ref);
  }

  /** An error with a machine-readable reason beside the detail: {@code {"detail":..., "reason":...}}. */
  static TextFrame refused(Reason reason, String detail, String topic, JsonNode ref) {
    return FrameWriter.write(out -> {
      out.writeStringField("action", "error");
      out.writeObjectFieldStart("payload");
      out.writeStringField("detail", detail);
      out.writeStringField("reason", reason.wire);
      out.writeEndObject();
      out.writeNumberField("version", VERSION);
      out.writeStringField("topic", topic);
    }, ref);
  }

  /** An error whose payload is an object holding only {@code detail}, such as a handler that failed. */
  static TextFrame detail(String detail, String topic, JsonNode ref) {
    return FrameWriter.write(out -> {
      out.writeStringField("action", "error");
      out.writeObjectFieldStart("payload");
      out.writeStringField("detail", detail);
      out.writeEndObject();
      out.writeNumberField("version", VERSION);
      out.writeStringField("topic", topic);
    }, ref);
  }

  /** Validation problems of a frame on a topic: the list of {type, loc, msg}, as on a channel. */
  static TextFrame validation(List<ValidationError> errors, String topic, JsonNode ref) {
    return FrameWriter.write(out -> {
      out.writeStringField("action", "error");
      out.writeArrayFieldStart("payload");
      for (ValidationError error : errors) {
        out.writeStartObject();
        out.writeStringField("type", error.type());
        out.writeArrayFieldStart("loc");
        for (Object part : error.loc()) {
          if (part instanceof Integer || part instanceof Long) {
            out.writeNumber(((Number) part).longValue());
          } else {
            out.writeString(String.valueOf(part));
          }
        }
        out.writeEndArray();
        out.writeStringField("msg", error.msg());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeNumberField("version", VERSION);
      out.writeStringField("topic", topic);
    }, ref);
  }
}
