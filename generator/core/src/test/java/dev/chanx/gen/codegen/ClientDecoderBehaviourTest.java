package dev.chanx.gen.codegen;

import static dev.chanx.gen.codegen.CompiledChannel.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.Target;
import dev.chanx.gen.read.SpecReader;
import dev.chanx.core.message.Decoded;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java client's decoder of what the server sends, generated for the tutorial and the Gemini
 * document, compiled, and fed server frames: it validates them as the dispatcher validates client
 * frames, including messages no constant names.
 */
@ExtendWith(SharedSpecs.Needed.class)
class ClientDecoderBehaviourTest {

  @TempDir
  static Path workDir;

  static ClassLoader tutorial;
  static ClassLoader gemini;

  @BeforeAll
  static void generateAndCompile() throws Exception {
    tutorial = compile(SharedSpecs.tutorial(), workDir.resolve("tutorial"));
    gemini = compile(SharedSpecs.path("peers/websocket-gemini.yml"), workDir.resolve("gemini"));
  }

  private static ClassLoader compile(Path document, Path dir) throws Exception {
    List<GeneratedFile> files = JavaGenerator.generate(SpecReader.read(document, null), "com.example",
        Set.of(Target.JAVA_CLIENT));
    return InMemoryJavac.compile(files, dir);
  }

  private static Decoded<?> decode(ClassLoader loader, String decoder, String frame) throws Exception {
    Method decode = Class.forName(decoder, true, loader).getDeclaredMethod("decode",
        com.fasterxml.jackson.databind.JsonNode.class);
    decode.setAccessible(true);
    return (Decoded<?>) decode.invoke(null, CompiledChannel.parse(frame));
  }

  @Test
  void aServerFrameIsReadAsItsTypedMessage() throws Exception {
    Decoded<?> pong = decode(tutorial, "com.example.chat.ChatServerMessageDecoder", "{\"action\":\"pong\",\"payload\":null}");
    assertTrue(pong.isValid(), pong::toString);
    assertEquals("PongMessage", pong.value().getClass().getSimpleName());

    Decoded<?> chat = decode(tutorial, "com.example.chat.ChatServerMessageDecoder",
        "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"Hi\",\"name\":\"Al\"}}");
    assertEquals("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"Hi\",\"name\":\"Al\"}}",
        CompiledChannel.write(chat.value()));
  }

  @Test
  void aServerFrameThatBreaksItsSchemaIsReportedLikeAClientFrame() throws Exception {
    Decoded<?> missing = decode(tutorial, "com.example.chat.ChatServerMessageDecoder",
        "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"Hi\"}}");
    assertEquals(List.of(error("missing", List.of("new_chat_message", "payload", "name"), "Field required")),
        missing.errors());

    Decoded<?> ping = decode(tutorial, "com.example.chat.ChatServerMessageDecoder", "{\"action\":\"ping\"}");
    assertEquals(List.of(error("union_tag_invalid", List.of(), "Input tag 'ping' found using 'action' does not"
        + " match any of the expected tags: 'new_chat_message', 'pong'")), ping.errors());
  }

  @Test
  void aUnionWithItsOwnDiscriminatorIsReadWithoutAChannelTag() throws Exception {
    Decoded<?> heartbeat = decode(gemini, "com.example.marketdatav1.MarketDataV1ServerMessageDecoder",
        "{\"type\":\"heartbeat\",\"socket_sequence\":3}");
    assertTrue(heartbeat.isValid(), heartbeat::toString);
    assertEquals("Heartbeat", heartbeat.value().getClass().getSimpleName());

    Decoded<?> unknown = decode(gemini, "com.example.marketdatav1.MarketDataV1ServerMessageDecoder",
        "{\"type\":\"trade\"}");
    assertFalse(unknown.isValid());
  }
}
