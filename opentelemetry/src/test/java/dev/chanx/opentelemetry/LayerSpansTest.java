package dev.chanx.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.layer.LayerTelemetry.Sending;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

/**
 * Group sends under a parent that was not sampled make no span, yet carry the parent's context,
 * so that other nodes follow the decision; under a sampled parent they are spans as before. The
 * SDK here samples every span it is asked about, so a span made where none should be is exported.
 */
class LayerSpansTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";

  private final Spans spans = new Spans();
  private final LayerSpans layer = new LayerSpans(spans.openTelemetry.getTracer("test"), group -> "chat");

  @Test
  void aSendUnderAnUnsampledFrameMakesNoSpanAndCarriesTheFramesContext() {
    Sending sending;
    try (Scope frame = parent(TraceFlags.getDefault()).makeCurrent()) {
      sending = layer.sending("chat/room1");
    }
    assertEquals("00-" + TRACE + "-" + SPAN + "-00", sending.context());
    assertFalse(sending.watched());
    sending.done(19, System.nanoTime());
    assertEquals(0, spans.names().size(), "spans made: " + spans.names());
  }

  @Test
  void aSendUnderASampledFrameIsAPublishSpanItsChild() throws InterruptedException {
    Sending sending;
    try (Scope frame = parent(TraceFlags.getSampled()).makeCurrent()) {
      sending = layer.sending("chat/room1");
    }
    assertTrue(sending.watched());
    sending.done(19, System.nanoTime());
    SpanData publish = spans.await("publish chat");
    assertEquals(TRACE, publish.getTraceId());
    assertEquals(SPAN, publish.getParentSpanId());
    assertTrue(sending.context().startsWith("00-" + TRACE + "-" + publish.getSpanId()));
  }

  @Test
  void aDeliveryOfAnUnsampledSendMakesNoSpanAndOfASampledOneAReceiveSpan() throws InterruptedException {
    layer.received("chat/room1", "00-" + TRACE + "-" + SPAN + "-00", 0, 3, System.nanoTime());
    assertEquals(0, spans.names().size(), "spans made: " + spans.names());
    layer.received("chat/room1", "00-" + TRACE + "-" + SPAN + "-01", 0, 3, System.nanoTime());
    SpanData receive = spans.await("receive chat");
    assertEquals(SPAN, receive.getParentSpanId());
  }

  @Test
  void aSendWithNoTraceAroundItIsLeftToTheSampler() throws InterruptedException {
    layer.sending("chat/room1").done(1, System.nanoTime());
    // A send with no frame around it (a push): the SDK decides, and this one samples everything.
    assertEquals(SpanId.getInvalid(), spans.await("publish chat").getParentSpanId());
  }

  private static Context parent(TraceFlags flags) {
    return Context.root().with(Span.wrap(SpanContext.create(TRACE, SPAN, flags, TraceState.getDefault())));
  }
}
