package dev.chanx.gen.codegen;

import static dev.chanx.gen.codegen.CompiledChannel.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.SpecProblem;
import dev.chanx.gen.Target;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.read.SpecReader;
import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.core.message.Decoded;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Channels whose messages share no constant ({@code codegen/untagged.yaml}), generated, compiled
 * and fed frames: the dispatcher and the Java client's decoder pick a message by the values of an
 * enum, by a key only that message has, or by order, and report a frame that is none of them.
 */
class UntaggedDispatchTest {

  private static final Path DOCUMENT = Path.of("src/test/resources/codegen/untagged.yaml");

  @TempDir
  static Path workDir;

  static ApiModel model;
  static ClassLoader loader;

  @BeforeAll
  static void generateAndCompile() throws Exception {
    model = SpecReader.read(DOCUMENT, null);
    loader = InMemoryJavac.compile(JavaGenerator.generate(model, "com.example",
        Set.of(Target.SERVER, Target.JAVA_CLIENT)), workDir);
  }

  private static Decoded<?> dispatch(String channel, String frame) throws Exception {
    String prefix = Character.toUpperCase(channel.charAt(0)) + channel.substring(1);
    ChannelRoute<?, ?, ?, ?> route = (ChannelRoute<?, ?, ?, ?>) Class.forName(
        "com.example." + channel + "." + prefix + "Route", true, loader).getMethod("create").invoke(null);
    return route.dispatcher().decode(CompiledChannel.parse(frame));
  }

  private static Decoded<?> clientDecodes(String channel, String frame) throws Exception {
    String prefix = Character.toUpperCase(channel.charAt(0)) + channel.substring(1);
    Method decode = Class.forName("com.example." + channel + "." + prefix + "ServerMessageDecoder", true, loader)
        .getDeclaredMethod("decode", JsonNode.class);
    decode.setAccessible(true);
    return (Decoded<?>) decode.invoke(null, CompiledChannel.parse(frame));
  }

  private static String typeOf(Decoded<?> decoded) {
    assertTrue(decoded.isValid(), decoded::toString);
    return decoded.value().getClass().getSimpleName();
  }

  @Test
  void disjointEnumsPickTheMessageWhoseValuesHoldTheTag() throws Exception {
    assertEquals("Text", typeOf(dispatch("speak", "{\"type\":\"Speak\",\"text\":\"Hello\"}")));
    for (String control : List.of("Flush", "Clear", "Close")) {
      Decoded<?> decoded = dispatch("speak", "{\"type\":\"" + control + "\"}");
      assertEquals("Control", typeOf(decoded));
      assertEquals(control, decoded.tag());
    }
    assertEquals("{\"type\":\"Clear\"}", CompiledChannel.write(dispatch("speak", "{\"type\":\"Clear\"}").value()));
    assertEquals(List.of(error("string_too_short", List.of("Speak", "text"), "String should have at least 1 character")),
        dispatch("speak", "{\"type\":\"Speak\",\"text\":\"\"}").errors());
    assertEquals(List.of(error("union_tag_invalid", List.of(), "Input tag 'Shout' found using 'type' does not match"
        + " any of the expected tags: 'Speak', 'Flush', 'Clear', 'Close'")),
        dispatch("speak", "{\"type\":\"Shout\"}").errors());
    assertEquals(List.of(error("union_tag_not_found", List.of(), "Unable to extract tag using discriminator 'type'")),
        dispatch("speak", "{\"text\":\"Hello\"}").errors());
  }

  @Test
  void theJavaClientPicksWhatTheServerSendsByItsEnumToo() throws Exception {
    assertEquals("Flushed", typeOf(clientDecodes("speak", "{\"type\":\"Cleared\",\"sequence_id\":3}")));
    assertEquals("Warning", typeOf(clientDecodes("speak", "{\"type\":\"Warning\",\"description\":\"slow\"}")));
    assertEquals(List.of(error("greater_than_equal", List.of("Flushed", "sequence_id"),
        "Input should be greater than or equal to 0")),
        clientDecodes("speak", "{\"type\":\"Flushed\",\"sequence_id\":-1}").errors());
  }

  @Test
  void aKeyOnlyOneMessageRequiresPicksIt() throws Exception {
    assertEquals("Ping", typeOf(dispatch("feed", "{\"action\":\"ping\"}")));
    assertEquals("Subscribe", typeOf(dispatch("feed", "{\"subscribe\":{\"channel\":\"btc\"}}")));
    assertEquals("Unsubscribe", typeOf(dispatch("feed", "{\"unsubscribe\":{\"channel\":\"btc\"}}")));
    // The key decides, so the errors are that message's alone, from the frame's root.
    assertEquals(List.of(error("missing", List.of("unsubscribe", "channel"), "Field required"),
        error("extra_forbidden", List.of("extra"), "Extra inputs are not permitted")),
        dispatch("feed", "{\"unsubscribe\":{},\"extra\":1}").errors());
    // No key, no tag: each keyed message says what it lacks.
    assertEquals(List.of(error("missing", List.of("Subscribe", "subscribe"), "Field required"),
        error("missing", List.of("Unsubscribe", "unsubscribe"), "Field required"),
        error("extra_forbidden", List.of("Unsubscribe", "channel"), "Extra inputs are not permitted")),
        dispatch("feed", "{\"channel\":\"btc\"}").errors());
    assertEquals("Subscribed", typeOf(clientDecodes("feed", "{\"subscribed\":\"btc\"}")));
    assertEquals("Unsubscribed", typeOf(clientDecodes("feed", "{\"unsubscribed\":\"btc\"}")));
  }

  @Test
  void otherwiseTheFirstMessageThatAcceptsTheFrameWins() throws Exception {
    assertEquals("Quantity", typeOf(dispatch("values", "{\"value\":2.5}")));
    assertEquals("Word", typeOf(dispatch("values", "{\"value\":\"two\"}")));
    assertEquals(List.of(error("float_type", List.of("Quantity", "value"), "Input should be a valid number"),
        error("string_type", List.of("Word", "value"), "Input should be a valid string")),
        dispatch("values", "{\"value\":true}").errors());
    // count comes first: an integer is a count, any other number an amount.
    assertEquals("Count", typeOf(clientDecodes("values", "{\"value\":2}")));
    assertEquals("Amount", typeOf(clientDecodes("values", "{\"value\":2.5,\"currency\":\"EUR\"}")));
  }

  @Test
  void theOrderDecidingIsAWarningNamingTheMessages() {
    assertEquals(List.of("untagged.yaml#/channels/values (line 83): messages 'quantity' and 'word' of channel"
        + " 'values' (what clients send) have no tag or key of their own: a frame is read as the first of them, in"
        + " this order, whose payload accepts it. Give each a property with its own const value (such as type) to"
        + " have the frame say which it is.",
        "untagged.yaml#/channels/values (line 83): messages 'count' and 'amount' of channel 'values' (what the"
        + " server sends) have no tag or key of their own: a frame is read as the first of them, in this order,"
        + " whose payload accepts it. Give each a property with its own const value (such as type) to have the"
        + " frame say which it is."),
        model.warnings().stream().map(SpecProblem::render).toList());
  }
}
