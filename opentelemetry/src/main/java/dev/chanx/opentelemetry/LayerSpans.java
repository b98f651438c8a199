package dev.chanx.opentelemetry;

import dev.chanx.server.layer.LayerTelemetry;
import dev.chanx.server.telemetry.TagTable;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Group sends: {@code publish <channel>} where a send is made, a child of the span current then
 * (the client frame whose handler broadcast), and {@code receive <channel>} on each node that
 * delivers it, a child of the publish span carried by the layer.
 *
 * <p>Neither is made under a parent that was not sampled: parent-based sampling, the SDK's
 * default, would drop them anyway, and at 1 % sampling that is nearly every send, so an SDK span
 * (two ids, a sampling decision, a span object) per send would buy nothing. The unsampled
 * parent's context is still carried to other nodes, so they follow the decision.
 */
final class LayerSpans implements LayerTelemetry {

  private final Tracer tracer;
  private final UnaryOperator<String> channelOf;
  // Channel -> span name, made once per channel rather than concatenated per send.
  private final TagTable<String> publishNames = new TagTable<>(channel -> "publish " + channel);
  private final TagTable<String> receiveNames = new TagTable<>(channel -> "receive " + channel);

  LayerSpans(Tracer tracer, UnaryOperator<String> channelOf) {
    this.tracer = tracer;
    this.channelOf = channelOf;
  }

  @Override
  public Sending sending(String group) {
    Context current = Context.current();
    if (unsampled(Span.fromContext(current).getSpanContext())) {
      return new Unsampled(current);
    }
    String channel = channelOf.apply(group);
    Span span = tracer.spanBuilder(publishNames.get(channel))
        .setParent(current)
        .setSpanKind(SpanKind.PRODUCER)
        .startSpan();
    if (span.isRecording()) {
      span.setAttribute(Messaging.SYSTEM, Messaging.CHANX);
      span.setAttribute(Messaging.DESTINATION, channel);
      span.setAttribute(Messaging.OPERATION_NAME, "publish");
      span.setAttribute(Messaging.OPERATION_TYPE, "send");
    }
    return new Publish(span, current);
  }

  @Override
  public void received(String group, String context, long sentAtMillis, int recipients, long startNanos) {
    Context parent = Messaging.parent(context);
    if (unsampled(Span.fromContext(parent).getSpanContext())) {
      return;
    }
    String channel = channelOf.apply(group);
    Span span = tracer.spanBuilder(receiveNames.get(channel))
        .setParent(parent)
        .setSpanKind(SpanKind.CONSUMER)
        .setStartTimestamp(Messaging.epochNanos(startNanos), TimeUnit.NANOSECONDS)
        .setAttribute(Messaging.SYSTEM, Messaging.CHANX)
        .setAttribute(Messaging.DESTINATION, channel)
        .setAttribute(Messaging.OPERATION_NAME, "receive")
        .setAttribute(Messaging.OPERATION_TYPE, "receive")
        .setAttribute(Messaging.BATCH_COUNT, (long) recipients)
        .startSpan();
    if (sentAtMillis > 0) {
      span.setAttribute(Messaging.LAG, Math.max(0, System.currentTimeMillis() - sentAtMillis));
    }
    span.end();
  }

  /** {@return whether a span has a parent whose trace was not sampled} */
  private static boolean unsampled(SpanContext parent) {
    return parent.isValid() && !parent.isSampled();
  }

  /** A group send under an unsampled parent: no span, the parent's context carried as it is. */
  private record Unsampled(Context parent) implements Sending {

    @Override
    public String context() {
      return Messaging.traceparent(parent);
    }
  }

  /** One group send's span, ended once this node has delivered it. */
  private record Publish(Span span, Context parent) implements Sending {

    /** Made only for a layer that carries it; carried even when not sampled, so other nodes follow the decision. */
    @Override
    public String context() {
      return Messaging.traceparent(parent.with(span));
    }

    @Override
    public boolean watched() {
      return true;
    }

    @Override
    public void done(int recipients, long startNanos) {
      if (span.isRecording()) {
        span.setAttribute(Messaging.BATCH_COUNT, (long) recipients);
      }
      span.end();
    }
  }
}
