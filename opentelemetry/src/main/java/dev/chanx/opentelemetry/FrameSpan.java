package dev.chanx.opentelemetry;

import dev.chanx.server.telemetry.FrameScope;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.List;

/** One client frame's span, current while the frame is handled, so that its group sends join its trace. */
final class FrameSpan implements FrameScope {

  private final Span span;
  private final Scope scope;
  private List<String> rules;

  FrameSpan(Span span) {
    this.span = span;
    this.scope = span.makeCurrent();
  }

  @Override
  public void invalid(String rule) {
    if (rules == null) {
      rules = new ArrayList<>(2);
    }
    if (!rules.contains(rule)) {
      rules.add(rule);
    }
  }

  @Override
  public void failed(Throwable error) {
    span.recordException(error);
    span.setStatus(StatusCode.ERROR);
    span.setAttribute(Messaging.ERROR_TYPE, error.getClass().getName());
  }

  @Override
  public void close() {
    if (rules != null) {
      // The client's mistake, answered with an error frame: not an error of the server's.
      span.setAttribute(Messaging.ERROR_TYPE, "invalid");
      span.setAttribute(Messaging.RULES, rules);
    }
    scope.close();
    span.end();
  }
}
