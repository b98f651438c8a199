package dev.chanx.opentelemetry;

import dev.chanx.server.testing.Poll;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An OpenTelemetry SDK that samples every trace and keeps the ended spans, as one node's tracing. */
final class Spans implements SpanExporter {

  private final List<SpanData> ended = new CopyOnWriteArrayList<>();
  final OpenTelemetry openTelemetry = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder()
          .setSampler(Sampler.alwaysOn())
          .addSpanProcessor(SimpleSpanProcessor.create(this))
          .build())
      .build();

  /** Waits for the first ended span of this name. */
  SpanData await(String name) throws InterruptedException {
    SpanData[] found = new SpanData[1];
    Poll.until(Duration.ofSeconds(10), "a span named " + name + " among " + names(), () -> {
      for (SpanData span : ended) {
        if (span.getName().equals(name)) {
          found[0] = span;
          return true;
        }
      }
      return false;
    });
    return found[0];
  }

  List<String> names() {
    List<String> names = new ArrayList<>();
    for (SpanData span : ended) {
      names.add(span.getName());
    }
    return names;
  }

  void clear() {
    ended.clear();
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    ended.addAll(spans);
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
