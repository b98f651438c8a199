package dev.chanx.gen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.examples.FrameExample.Side;
import dev.chanx.server.channel.Dispatcher;
import dev.chanx.core.message.Decoded;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick path (a dispatcher's {@code read}, straight from the parser) against the tree path
 * ({@code decode}), on every client example of every document and on variants of each: keys
 * reordered, removed, doubled and added, a {@code ref} before and after, every value swapped
 * for one of another type. Whenever the quick path takes a frame, the tree path must find it
 * valid and build an equal message with the same tag and ref; everything else it must leave to
 * the tree path. Most valid examples must take the quick path, or it would be worth nothing.
 */
class QuickPathAgreementTest {

  @TempDir
  static Path work;

  private static final ObjectReader SERVER_READER = JsonMapper.builder(
          JsonFactory.builder().streamReadConstraints(QuickRead.LIMITS).build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build()
      .reader();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<JsonNode> SWAPS = List.of(NODES.nullNode(), NODES.textNode("x"), NODES.numberNode(1),
      NODES.numberNode(1.5), NODES.numberNode(-1), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode());

  @Test
  void theQuickPathTakesOnlyWhatTheTreePathFindsValidAndBuildsTheSame() throws Exception {
    SharedSpecs.assumePresent(); // the shares and counts below are of all the examples, most of them there
    Map<Path, CompiledDocument> compiled = new HashMap<>();
    int valid = 0;
    int quick = 0;
    int variants = 0;
    List<String> slow = new ArrayList<>();
    for (Path document : ExampleDocuments.all()) {
      for (FrameExample example : FrameExample.of(document)) {
        if (example.side() != Side.CLIENT || !example.frame().isObject()) {
          continue;
        }
        CompiledDocument doc = compiled.computeIfAbsent(document,
            d -> CompiledDocument.of(d, work.resolve("doc" + compiled.size())));
        Dispatcher<?, ?, ?, ?> dispatcher = doc.route(example.channel()).dispatcher();
        ObjectNode frame = tagFirst((ObjectNode) example.frame(), dispatcher.discriminator());
        for (String text : variants(frame, dispatcher.discriminator())) {
          variants++;
          agree(example, dispatcher, text);
        }
        if (dispatcher.decode(frame).isValid()) {
          valid++;
          if (QuickRead.of(dispatcher, frame.toString()) != null) {
            quick++;
          } else {
            slow.add(example.id());
          }
        }
      }
    }
    assertTrue(variants > 1000, "too few variants: " + variants);
    int taken = quick;
    int all = valid;
    assertTrue(taken * 10 >= all * 8, () -> "only " + taken + " of " + all
        + " valid examples took the quick path; the others:\n  " + String.join("\n  ", slow));
  }

  @Test
  void theTutorialChatTakesTheQuickPathWithItsRef() throws Exception {
    CompiledDocument chat = CompiledDocument.of(Path.of("../../spec/chat.asyncapi.yaml"), work.resolve("chat"));
    Dispatcher<?, ?, ?, ?> dispatcher = chat.route("chat").dispatcher();
    String text = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\",\"name\":\"Ann\"},\"ref\":\"r1\"}";
    QuickRead.Result result = QuickRead.of(dispatcher, text);
    assertTrue(result != null, "the tutorial's message took the tree path");
    assertEquals("new_chat_message", result.tag());
    assertEquals(NODES.textNode("r1"), result.ref());
    assertEquals(dispatcher.decode(SERVER_READER.readTree(text)).value(), result.message());
  }

  private static void agree(FrameExample example, Dispatcher<?, ?, ?, ?> dispatcher, String text) throws Exception {
    QuickRead.Result quick = QuickRead.of(dispatcher, text);
    if (quick == null) {
      return;
    }
    JsonNode tree;
    try {
      tree = SERVER_READER.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(example.id() + ": the quick path took a frame the server cannot parse: " + text, e);
    }
    Decoded<?> decoded = dispatcher.decode(tree);
    assertTrue(decoded.isValid(), () -> example.id() + ": the quick path took a frame the tree path refuses: " + text
        + "\n  " + decoded.errors());
    assertEquals(decoded.value(), quick.message(), () -> example.id() + ": " + text);
    assertEquals(decoded.tag(), quick.tag(), () -> example.id() + ": " + text);
    JsonNode ref = tree.get("ref");
    assertEquals(ref == null || ref.isNull() ? null : ref, quick.ref(), () -> example.id() + ": " + text);
  }

  private static ObjectNode tagFirst(ObjectNode frame, String discriminator) {
    ObjectNode out = NODES.objectNode();
    if (frame.has(discriminator)) {
      out.set(discriminator, frame.get(discriminator));
    }
    out.setAll(frame);
    return out;
  }

  /** The frame and its variants, as text; a key written twice needs text, not a tree. */
  private static List<String> variants(ObjectNode frame, String discriminator) {
    List<String> out = new ArrayList<>();
    String text = frame.toString();
    out.add(text);
    List<String> keys = new ArrayList<>();
    frame.fieldNames().forEachRemaining(keys::add);
    ObjectNode reversed = NODES.objectNode();
    for (int i = keys.size() - 1; i >= 0; i--) {
      reversed.set(keys.get(i), frame.get(keys.get(i)));
    }
    out.add(reversed.toString());
    for (String key : keys) {
      ObjectNode without = frame.deepCopy();
      without.remove(key);
      out.add(without.toString());
      String body = text.substring(1);
      out.add("{\"" + key + "\":" + frame.get(key) + "," + body);
    }
    if (!keys.isEmpty()) {
      out.add("{\"ref\":7," + text.substring(1));
      out.add(text.substring(0, text.length() - 1) + ",\"ref\":\"r\"}");
      out.add(text.substring(0, text.length() - 1) + ",\"ref\":null}");
      out.add("{\"ref\":1,\"ref\":2," + text.substring(1));
      out.add(text.substring(0, text.length() - 1) + ",\"unknown_key\":1}");
      out.add(text + " {}");
    }
    out.add("{\"" + discriminator + "\":\"no_such_message\"}");
    swapLeaves(frame, frame, 0, out, new int[] {0});
    return out;
  }

  /** Every value down to depth 4 (the first 40 per frame) swapped for each of {@link #SWAPS}. */
  private static void swapLeaves(ObjectNode root, JsonNode node, int depth, List<String> out, int[] budget) {
    if (depth > 4) {
      return;
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (budget[0]++ >= 40) {
          return;
        }
        JsonNode kept = field.getValue();
        for (JsonNode swap : SWAPS) {
          field.setValue(swap);
          out.add(root.toString());
        }
        field.setValue(kept);
        swapLeaves(root, kept, depth + 1, out, budget);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size() && i < 2; i++) {
        JsonNode kept = node.get(i);
        for (JsonNode swap : SWAPS) {
          ((ArrayNode) node).set(i, swap);
          out.add(root.toString());
        }
        ((ArrayNode) node).set(i, kept);
        swapLeaves(root, kept, depth + 1, out, budget);
      }
    }
  }
}
