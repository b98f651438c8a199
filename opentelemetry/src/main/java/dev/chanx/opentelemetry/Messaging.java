package dev.chanx.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** OpenTelemetry's messaging attribute names, and the W3C trace context as one string. */
final class Messaging {

  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
  static final AttributeKey<String> TEMPLATE = AttributeKey.stringKey("messaging.destination.template");
  static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
  static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
  static final AttributeKey<Long> BODY_SIZE = AttributeKey.longKey("messaging.message.body.size");
  static final AttributeKey<Long> BATCH_COUNT = AttributeKey.longKey("messaging.batch.message_count");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> MESSAGE = AttributeKey.stringKey("chanx.message");
  // The AsyncAPI operation id of the frame's message: messaging conventions have no attribute for it.
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("chanx.operation");
  static final AttributeKey<List<String>> RULES = AttributeKey.stringArrayKey("chanx.validation.rules");
  static final AttributeKey<Long> LAG = AttributeKey.longKey("chanx.layer.lag_ms");

  /** Our {@code messaging.system}: OpenTelemetry lists none for WebSocket APIs. */
  static final String CHANX = "chanx";

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final TextMapSetter<String[]> SET = (carrier, key, value) -> {
    if (carrier != null && "traceparent".equals(key)) {
      carrier[0] = value;
    }
  };
  private static final TextMapGetter<String> GET = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(String carrier) {
      return List.of("traceparent");
    }

    @Override
    public String get(String carrier, String key) {
      return "traceparent".equals(key) ? carrier : null;
    }
  };

  private Messaging() {}

  /** {@return the context a {@code traceparent} names, under the root; the root when it is null or malformed} */
  static Context parent(String traceparent) {
    return traceparent == null ? Context.root() : W3C.extract(Context.root(), traceparent, GET);
  }

  /** {@return the {@code traceparent} of a context's span, or null when it has no valid one} */
  static String traceparent(Context context) {
    String[] out = new String[1];
    W3C.inject(context, out, SET);
    return out[0];
  }

  /** {@return a {@link System#nanoTime()} reading as epoch nanoseconds, for a span that started then} */
  static long epochNanos(long nanoTime) {
    long ago = System.nanoTime() - nanoTime;
    return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()) - ago;
  }
}
