package dev.chanx.opentelemetry;

import dev.chanx.server.telemetry.ChannelTelemetry;
import dev.chanx.server.telemetry.FrameScope;
import dev.chanx.server.telemetry.TagTable;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The spans of one channel: {@code handshake <channel>} and {@code process <channel> <message>}. */
final class ChannelSpans implements ChannelTelemetry {

  private final Tracer tracer;
  private final String channel;
  private final String address;
  private final String handshakeName;
  private final String unknownName;
  // Wire tag -> operation id, from the generated route.
  private final Map<String, String> operations;
  // Message tag -> span name, made once per tag rather than concatenated per frame; tags are the
  // dispatcher's, bounded by the document.
  private final TagTable<String> frameNames;

  ChannelSpans(Tracer tracer, String channel, String address, Map<String, String> operations) {
    this.tracer = tracer;
    this.channel = channel;
    this.address = address;
    this.operations = Map.copyOf(operations);
    this.handshakeName = "handshake " + channel;
    this.unknownName = "process " + channel;
    this.frameNames = new TagTable<>(m -> unknownName + " " + m);
  }

  @Override
  public void handshake(int status, long startNanos) {
    Span span = tracer.spanBuilder(handshakeName)
        .setParent(Context.root())
        .setSpanKind(SpanKind.SERVER)
        .setStartTimestamp(Messaging.epochNanos(startNanos), TimeUnit.NANOSECONDS)
        .setAttribute(Messaging.SYSTEM, Messaging.CHANX)
        .setAttribute(Messaging.DESTINATION, channel)
        .setAttribute(Messaging.TEMPLATE, address)
        .setAttribute(Messaging.HTTP_STATUS, (long) status)
        .startSpan();
    if (status >= 500) {
      span.setStatus(StatusCode.ERROR);
      span.setAttribute(Messaging.ERROR_TYPE, String.valueOf(status));
    }
    span.end();
  }

  @Override
  public FrameScope frame(String message, int size, String traceparent) {
    Span span = tracer.spanBuilder(frameName(message))
        .setParent(Messaging.parent(traceparent))
        .setSpanKind(SpanKind.CONSUMER)
        .startSpan();
    // Most frames are not sampled: their attributes would be dropped, so they are not made.
    if (span.isRecording()) {
      span.setAttribute(Messaging.SYSTEM, Messaging.CHANX);
      span.setAttribute(Messaging.DESTINATION, channel);
      span.setAttribute(Messaging.TEMPLATE, address);
      span.setAttribute(Messaging.OPERATION_NAME, "process");
      span.setAttribute(Messaging.OPERATION_TYPE, "process");
      span.setAttribute(Messaging.BODY_SIZE, (long) size);
      if (message != null) {
        span.setAttribute(Messaging.MESSAGE, message);
        String operation = operations.get(message);
        if (operation != null) {
          span.setAttribute(Messaging.OPERATION, operation);
        }
      }
    }
    return new FrameSpan(span);
  }

  /** {@return the span name of a frame of this message: {@code process <channel> <message>}} */
  private String frameName(String message) {
    return message == null ? unknownName : frameNames.get(message);
  }
}
