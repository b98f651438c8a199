package dev.chanx.bench.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.ValidationMessage;
import dev.chanx.bench.checkout.CheckoutContract;
import dev.chanx.bench.checkout.CheckoutDispatcher;
import dev.chanx.bench.checkout.CheckoutPath;
import dev.chanx.bench.payments.PaymentsContract;
import dev.chanx.bench.payments.PaymentsDispatcher;
import dev.chanx.bench.payments.PaymentsPath;
import dev.chanx.bench.dispatch.Handlers;
import dev.chanx.example.chat.ChatDispatcher;
import dev.chanx.example.chat.ChatPath;
import dev.chanx.core.message.Decoded;
import dev.chanx.server.PipelineProbe;
import java.util.Set;
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
 * Generated validation and decoding against networknt json-schema-validator (draft-07, schema
 * compiled once, formats asserted), on the same schemas and frames: the tutorial chat message,
 * a 4 KB order ({@code bench/spec/checkout.asyncapi.yaml}: closed objects, bounds, enums,
 * patterns, date-time and email) and a 3 KB batch of payments
 * ({@code bench/spec/payments.asyncapi.yaml}: oneOf in oneOf, anyOf, if/then/else, not,
 * uniqueItems). The order and the batch go through their generated {@code <C>Schemas}.
 *
 * <ul>
 *   <li>{@code *Pipeline}: the runtime's frame pipeline, text to handler, as a server runs it (the
 *       quick path where it takes the frame, the chat; else parse to a tree and {@code decode});
 *   <li>{@code *Decode}: text to tree with the server's reader, generated {@code decode} (schema
 *       and reader), {@code dispatch};
 *   <li>{@code *DecodeTree}: the same from a tree parsed once: validation and record, no parse;
 *   <li>{@code *Schema}: only the compiled schema's {@code accepts} on the tree (order and batch);
 *   <li>{@code *Networknt}: text to tree with a default {@code JsonMapper}, then {@code validate(JsonNode)};
 *   <li>{@code *NetworkntTree}: {@code validate(JsonNode)} on the tree parsed once;
 *   <li>{@code *NetworkntFlag}: {@code validate(JsonNode, OutputFormat.BOOLEAN)} on that tree,
 *       networknt's cheapest answer (valid or not, no messages).
 * </ul>
 *
 * <p>Run: {@code java -cp bench/target-bench/chanx-bench.jar org.openjdk.jmh.Main SchemaBench -prof gc};
 * {@link SchemaCpuPerOp} times the same variants by thread CPU time, in rotation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SchemaBench {

  private final ObjectReader tree = PipelineProbe.treeReader();
  private final ObjectReader plain = JsonMapper.builder().build().reader();
  private final ChatDispatcher chatDispatcher = ChatDispatcher.create();
  private final CheckoutDispatcher checkoutDispatcher = CheckoutDispatcher.create();
  private final PaymentsDispatcher paymentsDispatcher = PaymentsDispatcher.create();
  private final Handlers.Chat chatHandler = new Handlers.Chat();
  private final SchemaHandlers.Checkout checkoutHandler = new SchemaHandlers.Checkout();
  private final SchemaHandlers.Payments paymentsHandler = new SchemaHandlers.Payments();
  private PipelineProbe<?, ?, ?, ?> chatPipeline;
  private PipelineProbe<?, ?, ?, ?> checkoutPipeline;
  private PipelineProbe<?, ?, ?, ?> paymentsPipeline;
  private com.networknt.schema.JsonSchema chatPeer;
  private com.networknt.schema.JsonSchema checkoutPeer;
  private com.networknt.schema.JsonSchema paymentsPeer;
  private JsonNode chatTree;
  private JsonNode checkoutTree;
  private JsonNode paymentsTree;

  /**
   * Compiles the peer's schemas and checks that both sides take every valid frame, refuse the
   * invalid ones, and that the pipeline and the tree path read the same values.
   */
  @Setup
  public void setUp() throws Exception {
    chatPeer = Peer.compile("spec/chat.asyncapi.yaml", "NewChatMessage");
    checkoutPeer = Peer.compile("spec/checkout.asyncapi.yaml", "PlaceOrder");
    paymentsPeer = Peer.compile("spec/payments.asyncapi.yaml", "SubmitPayments");
    chatTree = tree.readTree(SchemaFrames.CHAT);
    checkoutTree = tree.readTree(SchemaFrames.CHECKOUT);
    paymentsTree = tree.readTree(SchemaFrames.PAYMENTS);
    chatPipeline = PipelineProbe.of(chatDispatcher, chatHandler, new ChatPath("room1"));
    checkoutPipeline = PipelineProbe.of(checkoutDispatcher, checkoutHandler, new CheckoutPath());
    paymentsPipeline = PipelineProbe.of(paymentsDispatcher, paymentsHandler, new PaymentsPath());
    chatPipeline.onText(SchemaFrames.CHAT);
    checkoutPipeline.onText(SchemaFrames.CHECKOUT);
    paymentsPipeline.onText(SchemaFrames.PAYMENTS);
    if (chatPipeline.answers() + checkoutPipeline.answers() + paymentsPipeline.answers() != 0) {
      throw new IllegalStateException("the pipeline refused a benchmark frame");
    }
    same(chatHandler.last, chatDecode());
    same(checkoutHandler.last, checkoutDecode());
    same(paymentsHandler.last, paymentsDecode());
    for (Set<ValidationMessage> errors : new Set[] {chatNetworknt(), checkoutNetworknt(), paymentsNetworknt()}) {
      if (!errors.isEmpty()) {
        throw new IllegalStateException("networknt refused a benchmark frame: " + errors);
      }
    }
    if (!CheckoutContract.PLACE_ORDER.accepts(checkoutTree) || !PaymentsContract.SUBMIT_PAYMENTS.accepts(paymentsTree)) {
      throw new IllegalStateException("a compiled schema refused a benchmark frame");
    }
    refusedByBoth(checkoutPeer, SchemaFrames.CHECKOUT_BAD_EMAIL, checkoutDispatcher.decode(tree.readTree(
        SchemaFrames.CHECKOUT_BAD_EMAIL)));
    refusedByBoth(paymentsPeer, SchemaFrames.PAYMENTS_DESCRIPTOR_ON_TRANSFER, paymentsDispatcher.decode(
        tree.readTree(SchemaFrames.PAYMENTS_DESCRIPTOR_ON_TRANSFER)));
    refusedByBoth(paymentsPeer, SchemaFrames.PAYMENTS_REPEATED_LABEL, paymentsDispatcher.decode(
        tree.readTree(SchemaFrames.PAYMENTS_REPEATED_LABEL)));
  }

  private static void same(Object pipeline, Object decoded) {
    if (pipeline == null || !pipeline.equals(decoded)) {
      throw new IllegalStateException("the pipeline and the tree path disagree: " + pipeline + " / " + decoded);
    }
  }

  private void refusedByBoth(com.networknt.schema.JsonSchema peer, String frame, Decoded<?> ours) throws Exception {
    Set<ValidationMessage> theirs = peer.validate(plain.readTree(frame));
    if (ours.isValid() || theirs.isEmpty()) {
      throw new IllegalStateException("an invalid frame was taken: ours " + ours.errors() + ", networknt " + theirs);
    }
  }

  // The tutorial chat.

  @Benchmark
  public Object chatPipeline() {
    chatPipeline.onText(SchemaFrames.CHAT);
    return chatHandler.last;
  }

  @Benchmark
  public Object chatDecode() throws Exception {
    var decoded = chatDispatcher.decode(tree.readTree(SchemaFrames.CHAT));
    chatDispatcher.dispatch(decoded.value(), chatHandler, null);
    return chatHandler.last;
  }

  @Benchmark
  public Object chatDecodeTree() throws Exception {
    var decoded = chatDispatcher.decode(chatTree);
    chatDispatcher.dispatch(decoded.value(), chatHandler, null);
    return chatHandler.last;
  }

  @Benchmark
  public Set<ValidationMessage> chatNetworknt() throws Exception {
    return chatPeer.validate(plain.readTree(SchemaFrames.CHAT));
  }

  @Benchmark
  public Set<ValidationMessage> chatNetworkntTree() {
    return chatPeer.validate(chatTree);
  }

  @Benchmark
  public Boolean chatNetworkntFlag() {
    return chatPeer.validate(chatTree, OutputFormat.BOOLEAN);
  }

  // The 4 KB order.

  @Benchmark
  public Object checkoutPipeline() {
    checkoutPipeline.onText(SchemaFrames.CHECKOUT);
    return checkoutHandler.last;
  }

  @Benchmark
  public Object checkoutDecode() throws Exception {
    var decoded = checkoutDispatcher.decode(tree.readTree(SchemaFrames.CHECKOUT));
    checkoutDispatcher.dispatch(decoded.value(), checkoutHandler, null);
    return checkoutHandler.last;
  }

  @Benchmark
  public Object checkoutDecodeTree() throws Exception {
    var decoded = checkoutDispatcher.decode(checkoutTree);
    checkoutDispatcher.dispatch(decoded.value(), checkoutHandler, null);
    return checkoutHandler.last;
  }

  @Benchmark
  public boolean checkoutSchema() {
    return CheckoutContract.PLACE_ORDER.accepts(checkoutTree);
  }

  @Benchmark
  public Set<ValidationMessage> checkoutNetworknt() throws Exception {
    return checkoutPeer.validate(plain.readTree(SchemaFrames.CHECKOUT));
  }

  @Benchmark
  public Set<ValidationMessage> checkoutNetworkntTree() {
    return checkoutPeer.validate(checkoutTree);
  }

  @Benchmark
  public Boolean checkoutNetworkntFlag() {
    return checkoutPeer.validate(checkoutTree, OutputFormat.BOOLEAN);
  }

  // The oneOf-heavy batch of payments.

  @Benchmark
  public Object paymentsPipeline() {
    paymentsPipeline.onText(SchemaFrames.PAYMENTS);
    return paymentsHandler.last;
  }

  @Benchmark
  public Object paymentsDecode() throws Exception {
    var decoded = paymentsDispatcher.decode(tree.readTree(SchemaFrames.PAYMENTS));
    paymentsDispatcher.dispatch(decoded.value(), paymentsHandler, null);
    return paymentsHandler.last;
  }

  @Benchmark
  public Object paymentsDecodeTree() throws Exception {
    var decoded = paymentsDispatcher.decode(paymentsTree);
    paymentsDispatcher.dispatch(decoded.value(), paymentsHandler, null);
    return paymentsHandler.last;
  }

  @Benchmark
  public boolean paymentsSchema() {
    return PaymentsContract.SUBMIT_PAYMENTS.accepts(paymentsTree);
  }

  @Benchmark
  public Set<ValidationMessage> paymentsNetworknt() throws Exception {
    return paymentsPeer.validate(plain.readTree(SchemaFrames.PAYMENTS));
  }

  @Benchmark
  public Set<ValidationMessage> paymentsNetworkntTree() {
    return paymentsPeer.validate(paymentsTree);
  }

  @Benchmark
  public Boolean paymentsNetworkntFlag() {
    return paymentsPeer.validate(paymentsTree, OutputFormat.BOOLEAN);
  }
}
