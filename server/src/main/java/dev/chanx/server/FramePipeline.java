package dev.chanx.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chanx.core.codec.FrameWriter;
import dev.chanx.server.channel.ChannelHandler;
import dev.chanx.server.channel.Dispatcher;
import dev.chanx.core.message.BinaryMessage;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.Message;
import dev.chanx.core.codec.StreamFrame;
import dev.chanx.core.message.ValidationError;
import dev.chanx.core.presence.PresenceFrames;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chanx.server.telemetry.ChannelTelemetry;
import dev.chanx.server.telemetry.FrameScope;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one client text frame: read a plainly valid frame straight into its message (the quick
 * path), else parse it once within the server's limits, decamelize the keys if the channel speaks
 * camelCase and decode it, dispatch, and answer the sender with the reply or the
 * error frame, echoing the frame's {@code ref}, then {@code complete} if the channel sends
 * completion frames. Never throws; a frame the client got wrong is logged once per kind and
 * connection, never its text (unless the server logs frame contents).
 */
final class FramePipeline<H extends ChannelHandler<S, P>, C extends Message, S extends Message, P> {

  private static final Logger LOG = LoggerFactory.getLogger(FramePipeline.class);

  private final Dispatcher<H, C, S, P> dispatcher;
  private final H handler;
  private final Guard guard;
  private final ChannelSettings settings;
  // The stream readers know the schema's keys, not their camelCase spellings.
  private final boolean quickPath;
  // The topics mounted on the channel, or null.
  private final TopicRouter topics;
  private final ChannelTelemetry telemetry;
  // Whether a top-level traceparent is taken from frames (and kept from the message) for the telemetry.
  private final boolean traceparent;

  FramePipeline(Dispatcher<H, C, S, P> dispatcher, H handler, Guard guard) {
    this(dispatcher, handler, guard, ChannelSettings.DEFAULTS);
  }

  FramePipeline(Dispatcher<H, C, S, P> dispatcher, H handler, Guard guard, ChannelSettings settings) {
    this(dispatcher, handler, guard, settings, null, ChannelTelemetry.OFF, false);
  }

  FramePipeline(Dispatcher<H, C, S, P> dispatcher, H handler, Guard guard, ChannelSettings settings,
      TopicRouter topics, ChannelTelemetry telemetry, boolean traceparent) {
    this.topics = topics;
    this.dispatcher = dispatcher;
    this.handler = handler;
    this.guard = guard;
    this.settings = settings;
    this.quickPath = !settings.camelCase() && (topics == null || !topics.standalone());
    this.telemetry = telemetry;
    this.traceparent = traceparent;
  }

  void onText(ChanxConnection<S, P> connection, String text) {
    if (!guard.inFlight.enter()) {
      LOG.debug("Frame on connection {} not handled: the server is stopping", connection.id());
      return;
    }
    int frame = connection.nextFrame();
    boolean mdc = FrameLog.MDC_KEPT;
    if (mdc) {
      FrameLog.enter(connection.id(), connection.frameId(frame));
    }
    try {
      if (settings.logContents()) {
        FrameLog.received(connection.frameId(frame), text);
      }
      handle(connection, text, frame);
      completed(connection);
    } finally {
      if (mdc) {
        FrameLog.exit();
      }
      guard.inFlight.exit();
    }
  }

  /** After the channel's {@code onConnect}: on a topic's own route, the socket subscribes to its topic. */
  void connected(ChanxConnection<S, P> connection) {
    if (topics != null) {
      topics.connected(connection);
    }
  }

  /**
   * Handles one client binary frame as the channel's binary message, like a text frame; false,
   * having done nothing, when the channel takes no binary frames.
   */
  boolean onBinary(ChanxConnection<S, P> connection, ByteBuffer data) {
    int size = data.remaining();
    C message;
    try {
      message = dispatcher.decodeBinary(data);
    } catch (RuntimeException e) {
      LOG.error("Failed to decode a binary frame on connection {}", connection.id(), e);
      message = null;
    }
    if (message == null) {
      return false;
    }
    if (!guard.inFlight.enter()) {
      LOG.debug("Frame on connection {} not handled: the server is stopping", connection.id());
      return true;
    }
    int frame = connection.nextFrame();
    boolean mdc = FrameLog.MDC_KEPT;
    if (mdc) {
      FrameLog.enter(connection.id(), connection.frameId(frame));
    }
    try {
      answer(connection, null, message, null, frame, size, null);
      completed(connection);
    } finally {
      if (mdc) {
        FrameLog.exit();
      }
      guard.inFlight.exit();
    }
    return true;
  }

  /** Sends {@code complete} if the channel sends completion frames: a client frame has been handled. */
  void completed(ChanxConnection<S, P> connection) {
    if (settings.completionFrames()) {
      connection.deliver(CompletionFrames.COMPLETE);
    }
  }

  private void handle(ChanxConnection<S, P> connection, String text, int number) {
    // Escapes may hide a lone surrogate, which only the tree path looks for.
    boolean escapes = Surrogates.mayHide(text);
    // A frame that may name a topic takes the tree path, where the topic router sees it.
    if (quickPath && !escapes && (topics == null || !text.contains("\"topic\""))) {
      StreamFrame top = new StreamFrame(traceparent);
      C message = readQuickly(text, top);
      if (message != null) {
        answer(connection, top.tag(), message, top.ref(), number, text.length(), top.traceparent());
        return;
      }
    }
    JsonNode frame;
    try {
      frame = guard.reader.readTree(text);
    } catch (JsonProcessingException e) {
      refuse(connection, ParseFailure.of(e, guard.limits), text.length());
      return;
    } catch (Exception | StackOverflowError e) {
      refuse(connection, new ParseFailure(Violation.NOT_JSON, "unreadable frame"), text.length());
      return;
    }
    if (frame == null || !frame.isObject() && !(dispatcher.acceptsValues() && isValue(frame))) {
      refuse(connection, new ParseFailure(Violation.NOT_AN_OBJECT, "expected an object, got " + FrameKinds.of(frame)),
          text.length());
      return;
    }
    if (escapes && Surrogates.inTree(frame)) {
      refuse(connection, new ParseFailure(Violation.LONE_SURROGATE, "a string holds a lone UTF-16 surrogate"),
          text.length());
      return;
    }
    JsonNode ref = frame.get("ref");
    if (ref != null && ref.isNull()) {
      ref = null;
    }
    String parent = traceparent && frame instanceof ObjectNode object ? Traceparents.take(object) : null;
    if (topics != null && frame.isObject() && (topics.standalone() || TopicRouter.addressed(frame))) {
      topics.handle(connection, (ObjectNode) frame, ref);
      return;
    }
    if (frame.isObject() && PresenceFrames.REQUEST.equals(frame.path("action").asText(null))
        && connection.presenceRequest(frame.path("payload").path("scope").asText(null))) {
      return;
    }
    Decoded<C> decoded;
    try {
      if (settings.camelCase()) {
        frame = CamelCase.decamelizeKeys(frame);
      }
      decoded = dispatcher.decode(frame);
    } catch (Exception | StackOverflowError e) {
      LOG.error("Failed to decode frame {} on connection {}", connection.frameId(number), connection.id(), e);
      try (FrameScope scope = telemetry.frame(null, text.length(), parent)) {
        scope.failed(e);
        connection.deliver(ErrorFrames.generic(ref));
      }
      return;
    }
    if (decoded.isValid()) {
      answer(connection, decoded.tag(), decoded.value(), ref, number, text.length(), parent);
      return;
    }
    if (FrameLog.MDC_KEPT) {
      FrameLog.action(decoded.tag());
    }
    // The client hears what is wrong either way; a request of the server's that it answered so fails now.
    connection.refusesReply(ref, decoded.errors());
    try (FrameScope scope = telemetry.frame(decoded.tag(), text.length(), parent)) {
      for (ValidationError error : decoded.errors()) {
        scope.invalid(error.type());
      }
      connection.deliver(ErrorFrames.validation(decoded.errors(), ref));
    }
  }

  // A JSON value a message may be: not an object, not null (no frame is nothing).
  private static boolean isValue(JsonNode frame) {
    return frame.isArray() || frame.isTextual() || frame.isNumber() || frame.isBoolean();
  }

  /**
   * The quick path: the message read straight from the text, or null when the frame takes the
   * tree path (anything invalid or unusual, which the tree path then reports).
   */
  private C readQuickly(String text, StreamFrame top) {
    try (JsonParser json = guard.streams.createParser(text)) {
      C message = dispatcher.read(json, top);
      return message != null && json.nextToken() == null ? message : null;
    } catch (Exception | StackOverflowError e) {
      return null;
    }
  }

  /** Dispatches a valid message and answers the sender with the reply, or the error frame. */
  private void answer(ChanxConnection<S, P> connection, String tag, C message, JsonNode ref, int number, int size,
      String parent) {
    if (FrameLog.MDC_KEPT) {
      FrameLog.action(tag);
    }
    // The message's own tag, not the frame's copy: a binary frame has none on the wire, and the
    // telemetry looks it up per frame, where the constant's cached hash and identity are cheaper.
    try (FrameScope scope = telemetry.frame(message.wireTag(), size, parent)) {
      if (connection.answers(ref, message)) {
        LOG.debug("Frame {} ({}) on connection {} answers a request of the server's", connection.frameId(number), tag,
            connection.id());
        return;
      }
      S reply;
      try {
        reply = dispatcher.dispatch(message, handler, connection);
      } catch (Exception e) {
        LOG.warn("Handler failed for action {} (frame {}) on connection {}", tag, connection.frameId(number),
            connection.id(), e);
        scope.failed(e);
        connection.deliver(ErrorFrames.handlerFailed(tag, ref));
        return;
      }
      if (reply instanceof BinaryMessage binary) {
        connection.deliverBinary(binary.data());
      } else if (reply != null) {
        connection.deliver(FrameWriter.write(reply, ref, CamelCaseGenerator.when(settings.camelCase())));
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug("Frame {} ({}) handled on connection {}{}", connection.frameId(number), tag, connection.id(),
            reply == null ? "" : ", answered");
      }
    } catch (Exception | StackOverflowError e) {
      LOG.error("Failed to process frame {} (action {}) on connection {}", connection.frameId(number), tag,
          connection.id(), e);
      connection.deliver(ErrorFrames.generic(ref));
    }
  }

  /** Answers a frame that is not a JSON object within the limits, and tells the telemetry. */
  private void refuse(ChanxConnection<?, ?> connection, ParseFailure failure, int size) {
    try (FrameScope scope = telemetry.frame(null, size, null)) {
      scope.invalid(failure.kind().rule());
      refuse(connection, failure);
    }
  }

  /** Answers a frame that is not a JSON object within the limits; the socket stays open. */
  static void refuse(ChanxConnection<?, ?> connection, ParseFailure failure) {
    if (connection.firstTime(failure.kind())) {
      LOG.info("Connection {} {}; further ones are answered but not logged", connection.id(), failure.kind().text());
    }
    connection.deliver(ErrorFrames.jsonInvalid("Invalid JSON: " + failure.msg(), null));
  }
}
