package dev.chanx.gen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.gen.SharedSpecs;
import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.ValidationError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kraken's seven channels at {@code /} generate one endpoint that compiles, whose dispatcher
 * knows every message a client may send there and whose client decoder knows every reply and push.
 */
@ExtendWith(SharedSpecs.Needed.class)
class SharedAddressEndpointTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path work;

  private static CompiledDocument kraken;

  @BeforeAll
  static void compile() {
    kraken = CompiledDocument.of(SharedSpecs.path("peers/kraken-request-reply-multiple-channels.yml"), work);
  }

  @Test
  void oneRouteServesTheAddress() {
    ChannelRoute<?, ?, ?, ?> route = kraken.route("root");
    assertEquals("/", route.address());
    assertEquals(List.of(), route.parameterNames());
    assertEquals("event", route.dispatcher().discriminator());
  }

  @Test
  void itsDispatcherDecodesWhatClientsSendOnAnyOfTheChannels() {
    assertEquals("ping", valid(kraken.decodeClientFrame("root", frame("{\"event\":\"ping\",\"reqid\":7}"))));
    assertEquals("subscribe", valid(kraken.decodeClientFrame("root",
        frame("{\"event\":\"subscribe\",\"pair\":[\"XBT/EUR\"],\"subscription\":{\"name\":\"ticker\"}}"))));
    assertEquals("unsubscribe", valid(kraken.decodeClientFrame("root",
        frame("{\"event\":\"unsubscribe\",\"subscription\":{\"name\":\"ticker\"}}"))));
  }

  @Test
  void whatOnlyTheServerSendsIsNotAClientMessage() {
    Decoded<?> decoded = kraken.decodeClientFrame("root", frame("{\"event\":\"heartbeat\"}"));
    assertEquals(List.of(new ValidationError("union_tag_invalid", List.of(),
            "Input tag 'heartbeat' found using 'event' does not match any of the expected tags: "
                + "'ping', 'subscribe', 'unsubscribe'")),
        decoded.errors());
  }

  @Test
  void itsClientDecoderKnowsEveryReplyAndPush() {
    for (String event : List.of("pong", "heartbeat", "systemStatus")) {
      assertEquals(event, valid(kraken.decodeServerFrame("root", frame("{\"event\":\"" + event + "\"}"))));
    }
    assertEquals("currencyInfo", valid(kraken.decodeServerFrame("root", frame("{\"event\":\"currencyInfo\"}"))));
    assertEquals("subscriptionStatus", valid(kraken.decodeServerFrame("root",
        frame("{\"event\":\"subscriptionStatus\",\"errorMessage\":\"no\"}"))));
  }

  @Test
  void itsHandlerHasOneMethodPerReceiveOperation() {
    // ChannelRoute<RootHandler, RootClientMessage, RootServerMessage, RootPath>
    ParameterizedType route = (ParameterizedType) kraken.route("root").getClass().getGenericInterfaces()[0];
    Class<?> handler = (Class<?>) route.getActualTypeArguments()[0];
    assertEquals(List.of("receivePing", "subscribe", "unsubscribe"), Arrays.stream(handler.getDeclaredMethods())
        .filter(m -> Modifier.isAbstract(m.getModifiers())).map(Method::getName).sorted().toList());
  }

  private static String valid(Decoded<?> decoded) {
    assertTrue(decoded.isValid(), () -> "expected a valid frame but got " + decoded.errors());
    return decoded.tag();
  }

  private static JsonNode frame(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
