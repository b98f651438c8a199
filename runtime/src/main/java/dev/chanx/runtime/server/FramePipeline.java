package dev.chanx.runtime.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.runtime.channel.ChannelHandler;
import dev.chanx.runtime.channel.Dispatcher;
import dev.chanx.runtime.message.Decoded;
import dev.chanx.runtime.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one client text frame: parse once within the server's limits, decamelize the keys if
 * the channel speaks camelCase, decode, dispatch, and answer the sender with the reply or the
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

  FramePipeline(Dispatcher<H, C, S, P> dispatcher, H handler, Guard guard) {
    this(dispatcher, handler, guard, ChannelSettings.DEFAULTS);
  }

  FramePipeline(Dispatcher<H, C, S, P> dispatcher, H handler, Guard guard, ChannelSettings settings) {
    this.dispatcher = dispatcher;
    this.handler = handler;
    this.guard = guard;
    this.settings = settings;
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

  /** Sends {@code complete} if the channel sends completion frames: a client frame has been handled. */
  void completed(ChanxConnection<S, P> connection) {
    if (settings.completionFrames()) {
      connection.deliver(CompletionFrames.COMPLETE);
    }
  }

  private void handle(ChanxConnection<S, P> connection, String text, int number) {
    JsonNode frame;
    try {
      frame = guard.reader.readTree(text);
    } catch (JsonProcessingException e) {
      refuse(connection, ParseFailure.of(e, guard.limits));
      return;
    } catch (Exception | StackOverflowError e) {
      refuse(connection, new ParseFailure(Violation.NOT_JSON, "unreadable frame"));
      return;
    }
    if (frame == null || !frame.isObject()) {
      refuse(connection, new ParseFailure(Violation.NOT_AN_OBJECT, "expected an object, got " + FrameKinds.of(frame)));
      return;
    }
    if (Surrogates.mayHide(text) && Surrogates.inTree(frame)) {
      refuse(connection, new ParseFailure(Violation.LONE_SURROGATE, "a string holds a lone UTF-16 surrogate"));
      return;
    }
    JsonNode ref = frame.get("ref");
    if (ref != null && ref.isNull()) {
      ref = null;
    }
    String tag = null;
    try {
      if (settings.camelCase()) {
        frame = CamelCase.decamelizeKeys(frame);
      }
      Decoded<C> decoded = dispatcher.decode(frame);
      tag = decoded.tag();
      if (FrameLog.MDC_KEPT) {
        FrameLog.action(tag);
      }
      if (!decoded.isValid()) {
        connection.deliver(ErrorFrames.validation(decoded.errors(), ref));
        return;
      }
      S reply;
      try {
        reply = dispatcher.dispatch(decoded.value(), handler, connection);
      } catch (Exception e) {
        LOG.warn("Handler failed for action {} (frame {}) on connection {}", tag, connection.frameId(number),
            connection.id(), e);
        connection.deliver(ErrorFrames.handlerFailed(tag, ref));
        return;
      }
      if (reply != null) {
        connection.deliver(FrameWriter.write(reply, ref, settings.camelCase()));
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

  /** Answers a frame that is not a JSON object within the limits; the socket stays open. */
  static void refuse(ChanxConnection<?, ?> connection, ParseFailure failure) {
    if (connection.firstTime(failure.kind())) {
      LOG.info("Connection {} {}; further ones are answered but not logged", connection.id(), failure.kind().text());
    }
    connection.deliver(ErrorFrames.jsonInvalid("Invalid JSON: " + failure.msg(), null));
  }
}
