package dev.chanx.gen.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.examples.QuickRead;
import dev.chanx.server.channel.ChannelHandler;
import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.server.channel.Dispatcher;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.Message;
import dev.chanx.core.message.ValidationError;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

/**
 * The dispatcher generated from the project's chat document, fed any frame the server would
 * hand it: decoding never throws; an invalid frame gets at least one error in Chanx's shape; a
 * valid one writes itself back as JSON that decodes to the same message, and dispatches. The
 * quick path takes no frame the tree path refuses, and builds the same message from those it takes.
 *
 * <p>Seeds: {@code GeneratedDispatcherFuzzTestInputs/<method>/} beside this class in the test resources.
 */
class GeneratedDispatcherFuzzTest {

  private static final JsonFactory WRITER = new JsonFactory();
  @SuppressWarnings("rawtypes")
  private static final Dispatcher DISPATCHER;
  private static final ChannelHandler<?, ?> HANDLER;

  static {
    try {
      ChannelRoute<?, ?, ?, ?> route = GeneratedChat.route();
      DISPATCHER = route.dispatcher();
      Class<?> handler = Class.forName(GeneratedChat.PACKAGE + ".chat.ChatHandler", true,
          route.getClass().getClassLoader());
      // Every handler method returns null: no reply.
      HANDLER = (ChannelHandler<?, ?>) Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler},
          (proxy, method, args) -> method.getName().equals("toString") ? "handler" : null);
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @FuzzTest(maxDuration = "5m")
  @SuppressWarnings("unchecked")
  void anyFrameDecodesToAMessageOrToErrorsAndValidOnesRoundTrip(byte[] input) throws Exception {
    String text = new String(input, StandardCharsets.UTF_8);
    JsonNode frame = Frames.asTheServerReadsIt(text);
    QuickRead.Result quick = QuickRead.of(DISPATCHER, text);
    if (frame == null) {
      assertNull(quick, "the quick path took a frame the server refuses to parse");
      return; // the server answers json_invalid before any dispatcher sees it
    }
    Decoded<?> decoded = DISPATCHER.decode(frame);
    assertNotNull(decoded);
    if (quick != null) {
      assertTrue(decoded.isValid(), () -> "the quick path took a frame the tree path refuses: " + decoded.errors());
      assertEquals(decoded.value(), quick.message());
      assertEquals(decoded.tag(), quick.tag());
    }
    if (!decoded.isValid()) {
      assertFalse(decoded.errors().isEmpty());
      for (ValidationError error : decoded.errors()) {
        assertFalse(error.type().isEmpty(), error::toString);
        assertNotNull(error.msg(), error::toString);
        assertTrue(error.loc().stream().allMatch(part -> part instanceof String || part instanceof Integer), error::toString);
        if (decoded.tag() != null && !error.loc().isEmpty()) {
          assertEquals(decoded.tag(), error.loc().get(0), error::toString);
        }
      }
      return;
    }
    Message message = (Message) decoded.value();
    assertEquals(decoded.tag(), message.wireTag());
    String written = write(message);
    Decoded<?> again = DISPATCHER.decode(Frames.asTheServerReadsIt(written));
    assertTrue(again.isValid(), () -> written + " -> " + again.errors());
    assertEquals(written, write((Message) again.value()));
    assertNull(DISPATCHER.dispatch(message, HANDLER, null));
  }

  private static String write(Message message) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = WRITER.createGenerator(out)) {
      message.writeJson(generator);
    }
    return out.toString();
  }
}
