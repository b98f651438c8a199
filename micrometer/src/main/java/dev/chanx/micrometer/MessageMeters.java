package dev.chanx.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.pause.NoPauseDetector;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/** The meters of one message of one channel, tagged with the operation it belongs to. */
final class MessageMeters {

  /**
   * What the server's timers use instead of the registry's pause detector. They time the server's
   * own work, not requests at an expected pace, so a JVM pause filled in as made-up samples would
   * only skew them; and a detector costs every record an atomic update shared by all threads.
   */
  static final NoPauseDetector NO_PAUSES = new NoPauseDetector();

  private final MeterRegistry registry;
  private final String channel;
  private final String operation;
  private final String message;
  final Counter ok;
  final Counter invalid;
  final Counter handlerError;
  final Counter bytes;
  final Timer handledOk;
  final Timer handledError;
  // Rule -> failures; rules are the runtime's and the schema's codes (missing, string_type, not_json...).
  private final ConcurrentHashMap<String, Counter> failures = new ConcurrentHashMap<>();

  MessageMeters(MeterRegistry registry, String channel, String operation, String message) {
    this.registry = registry;
    this.channel = channel;
    this.operation = operation;
    this.message = message;
    ok = received(MeterNames.OK);
    invalid = received(MeterNames.INVALID);
    handlerError = received(MeterNames.HANDLER_ERROR);
    bytes = Counter.builder(MeterNames.FRAMES_RECEIVED_BYTES)
        .tags("channel", channel, "operation", operation, "message", message)
        .baseUnit("bytes").description("Size of client frames, in characters as received").register(registry);
    handledOk = handled(MeterNames.OK);
    handledError = handled(MeterNames.HANDLER_ERROR);
  }

  /** The failures of one rule. */
  Counter failures(String rule) {
    Counter counter = failures.get(rule);
    if (counter == null) {
      counter = failures.computeIfAbsent(rule, r -> Counter.builder(MeterNames.VALIDATION_FAILURES)
          .tags("channel", channel, "operation", operation, "message", message, "rule", r)
          .description("Problems found in client frames").register(registry));
    }
    return counter;
  }

  private Counter received(String outcome) {
    return Counter.builder(MeterNames.FRAMES_RECEIVED)
        .tags("channel", channel, "operation", operation, "message", message, "outcome", outcome)
        .description("Client frames").register(registry);
  }

  private Timer handled(String outcome) {
    return Timer.builder(MeterNames.HANDLER_DURATION)
        .tags("channel", channel, "operation", operation, "message", message, "outcome", outcome)
        .description("Time from a valid frame's message being known to its reply queued")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(10_000))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .pauseDetector(NO_PAUSES)
        .register(registry);
  }
}
