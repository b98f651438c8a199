package dev.chanx.micrometer;

import dev.chanx.server.telemetry.ChannelTelemetry;
import dev.chanx.server.telemetry.FrameScope;
import dev.chanx.server.telemetry.ServerStatus;
import dev.chanx.server.telemetry.TagTable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The meters of one channel; those per message, status or code are made on first use. */
final class ChannelMeters implements ChannelTelemetry {

  private final MeterRegistry registry;
  private final String channel;
  // Wire tag -> operation id, from the generated route: bounded by the document.
  private final Map<String, String> operations;
  private final AtomicInteger open = new AtomicInteger();
  private final Counter opened;
  private final SentTally sent = new SentTally();
  private final Counter slowConsumers;
  // Tags the dispatcher knows (the document's), or unknown: bounded by the document.
  private final TagTable<MessageMeters> messages;
  private final ConcurrentHashMap<Integer, Handshakes> handshakes = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Counter> closed = new ConcurrentHashMap<>();
  // "status/reason" -> recoveries; both come from the runtime: a handful of constants.
  private final ConcurrentHashMap<String, Counter> recoveries = new ConcurrentHashMap<>();

  ChannelMeters(MeterRegistry registry, String channel, Map<String, String> operations) {
    this.registry = registry;
    this.channel = channel;
    this.operations = Map.copyOf(operations);
    this.messages = new TagTable<>(m -> new MessageMeters(registry, channel,
        this.operations.getOrDefault(m, MeterNames.UNKNOWN), m));
    Gauge.builder(MeterNames.CONNECTIONS_OPEN, open, AtomicInteger::get).tag("channel", channel)
        .description("Sockets open now").strongReference(true).register(registry);
    opened = Counter.builder(MeterNames.CONNECTIONS_OPENED).tag("channel", channel)
        .description("Sockets admitted").register(registry);
    // Counted per delivery, on many threads: function counters over slots summed when read (see SentTally).
    FunctionCounter.builder(MeterNames.FRAMES_SENT, sent, SentTally::frames).tag("channel", channel)
        .description("Frames queued to sockets").register(registry);
    FunctionCounter.builder(MeterNames.FRAMES_SENT_BYTES, sent, SentTally::bytes).tag("channel", channel)
        .baseUnit("bytes").description("Size of frames queued to sockets").register(registry);
    slowConsumers = Counter.builder(MeterNames.SLOW_CONSUMERS).tag("channel", channel)
        .description("Sockets closed because they stopped reading").register(registry);
  }

  @Override
  public void handshake(int status, long startNanos) {
    Handshakes h = handshakes.get(status);
    if (h == null) {
      // Statuses come from the runtime and authenticators: a handful of HTTP codes.
      h = handshakes.computeIfAbsent(status, s -> new Handshakes(registry, channel, String.valueOf(s)));
    }
    h.count.increment();
    h.duration.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void opened() {
    open.incrementAndGet();
    opened.increment();
  }

  @Override
  public void closed(int code) {
    open.decrementAndGet();
    String tag = CloseCodes.tag(code);
    Counter counter = closed.get(tag);
    if (counter == null) {
      counter = closed.computeIfAbsent(tag, t -> Counter.builder(MeterNames.CONNECTIONS_CLOSED)
          .tags("channel", channel, "code", t).description("Sockets closed").register(registry));
    }
    counter.increment();
  }

  @Override
  public FrameScope frame(String message, int size, String traceparent) {
    return new FrameMeasure(messages.get(message == null ? MeterNames.UNKNOWN : message), size);
  }

  @Override
  public void sent(int bytes) {
    sent.add(bytes);
  }

  @Override
  public void slowConsumer() {
    slowConsumers.increment();
  }

  @Override
  public void recovery(String status, String reason) {
    String why = reason == null ? MeterNames.NONE : reason;
    recoveries.computeIfAbsent(status + '/' + why, k -> Counter.builder(MeterNames.RECOVERIES)
        .tags("channel", channel, "status", status, "reason", why)
        .description("Groups a reconnecting client asked to recover, by how it went").register(registry))
        .increment();
  }

  /** Registers the gauges of this channel's outgoing queues, read from the running server. */
  void outbox(ServerStatus status) {
    Gauge.builder(MeterNames.OUTBOX_FRAMES, status, s -> s.queuedFrames(channel)).tag("channel", channel)
        .description("Frames waiting unwritten in the outgoing queues of the channel's sockets")
        .strongReference(true).register(registry);
    Gauge.builder(MeterNames.OUTBOX_BYTES, status, s -> s.queuedBytes(channel)).tag("channel", channel)
        .baseUnit("bytes").description("Bytes waiting unwritten in the outgoing queues of the channel's sockets")
        .strongReference(true).register(registry);
  }

  /** The handshake meters of one status. */
  private static final class Handshakes {

    final Counter count;
    final Timer duration;

    Handshakes(MeterRegistry registry, String channel, String status) {
      count = Counter.builder(MeterNames.HANDSHAKES).tags("channel", channel, "status", status)
          .description("Handshakes answered").register(registry);
      duration = Timer.builder(MeterNames.HANDSHAKE_DURATION).tags("channel", channel, "status", status)
          .description("Time to answer a handshake").pauseDetector(MessageMeters.NO_PAUSES).register(registry);
    }
  }
}
