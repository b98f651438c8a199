package dev.chanx.bench.dispatch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.chanx.bench.orders.OrdersDispatcher;
import dev.chanx.bench.orders.OrdersPath;
import dev.chanx.bench.orders.SubmitOrder;
import dev.chanx.example.chat.ChatDispatcher;
import dev.chanx.example.chat.ChatPath;
import dev.chanx.example.chat.NewChatMessage;
import dev.chanx.core.message.Decoded;
import dev.chanx.server.PipelineProbe;
import dev.chanx.core.codec.StreamFrame;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One client frame, decoded, validated and dispatched, against Jackson data binding of the same
 * text into the same record with no validation.
 *
 * <ul>
 *   <li>{@code *Pipeline}: the runtime's whole frame pipeline, as a server runs it for a socket
 *       (parse within the limits, surrogate check, generated decode and validation, dispatch to a
 *       handler that keeps the message, frame ids and log context);
 *   <li>{@code *Quick}: only the generated quick path: a parser, {@code read}, {@code dispatch};
 *   <li>{@code *Decode}: the generated tree path, which invalid frames take: parse to a tree,
 *       {@code decode}, {@code dispatch};
 *   <li>{@code *Tree}: only the parse to a tree, to show what the tree costs;
 *   <li>{@code *Jackson}: the baseline, {@code ObjectReader.readValue} into the generated record.
 * </ul>
 *
 * <p>Run: {@code java -jar bench/target-bench/chanx-bench.jar} is the Redis benchmark; this one is
 * {@code java -cp bench/target-bench/chanx-bench.jar org.openjdk.jmh.Main DispatchBench -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DispatchBench {

  private final ObjectReader tree = PipelineProbe.treeReader();
  private final JsonFactory parsers = PipelineProbe.streamFactory();
  private final ObjectReader chatBinding = JsonMapper.builder().build().readerFor(NewChatMessage.class);
  private final ObjectReader orderBinding = JsonMapper.builder().build().readerFor(SubmitOrder.class);
  private final ChatDispatcher chatDispatcher = ChatDispatcher.create();
  private final OrdersDispatcher orderDispatcher = OrdersDispatcher.create();
  private final Handlers.Chat chatHandler = new Handlers.Chat();
  private final Handlers.Orders orderHandler = new Handlers.Orders();
  private PipelineProbe<?, ?, ?, ?> chatPipeline;
  private PipelineProbe<?, ?, ?, ?> orderPipeline;

  /** Builds the pipelines and checks that every variant reads each frame to the same value. */
  @Setup
  public void setUp() throws Exception {
    chatPipeline = PipelineProbe.of(chatDispatcher, chatHandler, new ChatPath("room1"));
    orderPipeline = PipelineProbe.of(orderDispatcher, orderHandler, new OrdersPath());
    chatPipeline.onText(Frames.CHAT);
    orderPipeline.onText(Frames.ORDER);
    if (chatPipeline.answers() != 0 || orderPipeline.answers() != 0) {
      throw new IllegalStateException("a benchmark frame was refused");
    }
    check(chatHandler.last, chatDecode(), chatJackson());
    check(orderHandler.last, orderDecode(), orderJackson());
    check(chatHandler.last, chatQuick(), chatJackson());
    check(orderHandler.last, orderQuick(), orderJackson());
  }

  private static void check(Object pipeline, Object decoded, Object bound) {
    if (!pipeline.equals(decoded) || !decoded.equals(bound)) {
      throw new IllegalStateException("the variants disagree: " + pipeline + " / " + decoded + " / " + bound);
    }
  }

  @Benchmark
  public Object chatPipeline() {
    chatPipeline.onText(Frames.CHAT);
    return chatHandler.last;
  }

  @Benchmark
  public Object chatDecode() throws Exception {
    Decoded<dev.chanx.example.chat.ChatClientMessage> decoded = chatDispatcher.decode(tree.readTree(Frames.CHAT));
    chatDispatcher.dispatch(decoded.value(), chatHandler, null);
    return chatHandler.last;
  }

  @Benchmark
  public Object chatQuick() throws Exception {
    try (JsonParser json = parsers.createParser(Frames.CHAT)) {
      chatDispatcher.dispatch(chatDispatcher.read(json, new StreamFrame()), chatHandler, null);
    }
    return chatHandler.last;
  }

  @Benchmark
  public JsonNode chatTree() throws Exception {
    return tree.readTree(Frames.CHAT);
  }

  @Benchmark
  public Object chatJackson() throws Exception {
    return chatBinding.readValue(Frames.CHAT);
  }

  @Benchmark
  public Object orderPipeline() {
    orderPipeline.onText(Frames.ORDER);
    return orderHandler.last;
  }

  @Benchmark
  public Object orderDecode() throws Exception {
    Decoded<dev.chanx.bench.orders.OrdersClientMessage> decoded = orderDispatcher.decode(tree.readTree(Frames.ORDER));
    orderDispatcher.dispatch(decoded.value(), orderHandler, null);
    return orderHandler.last;
  }

  @Benchmark
  public Object orderQuick() throws Exception {
    try (JsonParser json = parsers.createParser(Frames.ORDER)) {
      orderDispatcher.dispatch(orderDispatcher.read(json, new StreamFrame()), orderHandler, null);
    }
    return orderHandler.last;
  }

  @Benchmark
  public JsonNode orderTree() throws Exception {
    return tree.readTree(Frames.ORDER);
  }

  @Benchmark
  public Object orderJackson() throws Exception {
    return orderBinding.readValue(Frames.ORDER);
  }
}
