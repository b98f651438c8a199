package dev.chanx.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.telemetry.Telemetry;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.RawHttp;
import dev.chanx.server.testing.chat.ChatRoute;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A traced server's document declares the traceparent clients may send; an untraced one does not. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServedDocumentTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theTraceparentIsDeclaredOnTheChannelWhenFramesAreTraced() throws Exception {
    JsonNode traced = served(ChanxTracing.create(new Spans().openTelemetry));
    assertEquals("#/components/schemas/ChanxTraceparent",
        traced.at("/channels/chat/x-chanx/clientFrameKeys/traceparent/$ref").asText());
    JsonNode schema = traced.at("/components/schemas/ChanxTraceparent");
    assertEquals("string", schema.path("type").asText());
    assertTrue("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".matches(schema.path("pattern").asText()));

    JsonNode plain = served(Telemetry.OFF);
    assertTrue(plain.at("/channels/chat/x-chanx/clientFrameKeys").isMissingNode());
    assertTrue(plain.at("/components/schemas/ChanxTraceparent").isMissingNode());
  }

  private static JsonNode served(Telemetry telemetry) throws Exception {
    ChanxServer server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
        .channel(ChatRoute.create(), new ChatRoom()).asyncApi("tutorial.asyncapi.yaml").telemetry(telemetry)).start();
    try {
      RawHttp.Answer answer = RawHttp.get(server.port(), "/asyncapi/schema/");
      assertEquals(200, answer.status());
      return JSON.readTree(answer.body());
    } finally {
      server.stop();
    }
  }
}
