package dev.chanx.bench.dispatch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.chanx.bench.orders.SubmitOrder;
import dev.chanx.example.chat.NewChatMessage;
import dev.chanx.server.PipelineProbe;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Where the parse to a tree spends its time, by CPU time per frame: the runtime's reader against
 * the same reader with duplicate keys refused by the tree ({@code FAIL_ON_READING_DUP_TREE_KEY},
 * a map lookup it does anyway) instead of by the parser ({@code STRICT_DUPLICATE_DETECTION}, a
 * {@code HashSet} per object of three keys or more), a reader with neither, and data binding.
 * Usage: {@code java -cp chanx-bench.jar dev.chanx.bench.dispatch.ParseExperiments [seconds]}.
 */
public final class ParseExperiments {

  private static volatile int sink;

  private ParseExperiments() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
    ObjectReader runtime = PipelineProbe.treeReader();
    // The runtime's limits (Limits.DEFAULTS), duplicates refused while building the tree instead.
    StreamReadConstraints constraints = StreamReadConstraints.builder().maxNestingDepth(32)
        .maxStringLength(64 * 1024).maxNameLength(64 * 1024).maxNumberLength(100).build();
    ObjectReader dupByTree = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build().reader();
    ObjectReader noDupCheck = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build().reader();
    ObjectReader strictBinding = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build().reader();
    JsonMapper plain = JsonMapper.builder().build();
    check(dupByTree);
    Map<String, Callable<Object>> variants = new LinkedHashMap<>();
    for (String message : new String[] {"chat", "order"}) {
      String frame = message.equals("chat") ? Frames.CHAT : Frames.ORDER;
      Class<?> type = message.equals("chat") ? NewChatMessage.class : SubmitOrder.class;
      variants.put(message + ": tree, runtime reader (STRICT_DUPLICATE_DETECTION)", () -> runtime.readTree(frame));
      variants.put(message + ": tree, duplicates refused by the tree", () -> dupByTree.readTree(frame));
      variants.put(message + ": tree, no duplicate check", () -> noDupCheck.readTree(frame));
      ObjectReader plainBinding = plain.readerFor(type);
      ObjectReader strictTyped = strictBinding.forType(type);
      variants.put(message + ": data binding, STRICT_DUPLICATE_DETECTION", () -> strictTyped.readValue(frame));
      variants.put(message + ": data binding, plain (the JMH baseline)", () -> plainBinding.readValue(frame));
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    Map<String, Double> nanos = new LinkedHashMap<>();
    Map<String, Double> bytes = new LinkedHashMap<>();
    for (int round = 0; round < 2; round++) {
      for (Map.Entry<String, Callable<Object>> variant : variants.entrySet()) {
        long ops = 0;
        long cpu = threads.getCurrentThreadCpuTime();
        long allocated = threads.getThreadAllocatedBytes(self);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
          for (int i = 0; i < 50; i++) {
            sink += System.identityHashCode(variant.getValue().call());
          }
          ops += 50;
        }
        nanos.put(variant.getKey(), (threads.getCurrentThreadCpuTime() - cpu) / (double) ops);
        bytes.put(variant.getKey(), (threads.getThreadAllocatedBytes(self) - allocated) / (double) ops);
      }
    }
    System.out.println("| parse | CPU ns/frame | bytes allocated/frame |\n|---|---|---|");
    nanos.forEach((name, ns) -> System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f |%n", name, ns, bytes.get(name)));
  }

  /** The alternative reader still refuses a duplicate key. */
  private static void check(ObjectReader reader) {
    try {
      reader.readTree("{\"action\":\"a\",\"action\":\"b\"}");
    } catch (Exception e) {
      return;
    }
    throw new IllegalStateException("duplicate key accepted");
  }
}
