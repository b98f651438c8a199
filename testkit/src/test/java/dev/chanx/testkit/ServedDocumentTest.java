package dev.chanx.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.chanx.server.AuthResult;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.ChatRoutes;
import dev.chanx.server.testing.chat.ChatRoute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The served document also documents the error, authentication and completion frames; the file stays as it is. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServedDocumentTest {

  private static final String RESOURCE = "tutorial.asyncapi.yaml";
  private static final String ORIGINAL = read();
  private static final Path FILE = copy(ORIGINAL);

  @RegisterExtension
  static ChanxServerExtension server = ChanxServerExtension.of(() ->
      ChanxServer.create(config -> config.host("127.0.0.1").port(0)
      .asyncApi(FILE)
      .authenticate(request -> AuthResult.ok("anyone"))
      .authenticationFrames(true)
      .channel(ChatRoute.create(), new ChatRoom(), chat -> chat.completionFrames(true))
      .channel(ChatRoutes.at("system", "ws/system/"), new ChatRoom(), system -> system.authenticationFrames(false))));

  @Test
  void eachHostedChannelListsTheFramesItsRuntimeMaySend() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(get("/asyncapi/schema/"));
    JsonNode messages = doc.path("components").path("messages");
    for (String name : List.of("chanx_error", "chanx_authentication", "chanx_complete", "chanx_group_complete",
        "chanx_event_complete")) {
      assertEquals(name.substring("chanx_".length()), messages.path(name).path("x-chanx").path("frame").asText(), name);
    }
    assertEquals("error", messages.at("/chanx_error/payload/properties/action/const").asText());
    assertEquals("integer", messages.at("/chanx_authentication/payload/properties/payload/properties/status_code/type").asText());

    assertEquals(List.of("error", "authentication", "complete", "group_complete", "event_complete"),
        texts(doc.at("/operations/chat_chanx_frames/x-chanx/frames")));
    assertEquals("send", doc.at("/operations/chat_chanx_frames/action").asText());
    assertEquals("#/channels/chat/messages/chanx_complete", doc.at("/operations/chat_chanx_frames/messages/2/$ref").asText());
    assertEquals("#/components/messages/chanx_complete", doc.at("/channels/chat/messages/chanx_complete/$ref").asText());

    // The system channel sends errors only; the assistants channel is not hosted here.
    assertEquals(List.of("error"), texts(doc.at("/operations/system_chanx_frames/x-chanx/frames")));
    assertTrue(doc.at("/channels/assistants/messages/chanx_error").isMissingNode());
    // The user's own parts are untouched.
    assertEquals("#/components/messages/new_chat_message", doc.at("/channels/chat/messages/new_chat_message/$ref").asText());
  }

  @Test
  void theYamlAndTheDocsPageSayTheSame() throws Exception {
    JsonNode yaml = new YAMLMapper().readTree(get("/asyncapi/schema/?format=yaml"));
    assertEquals("complete", yaml.at("/components/messages/chanx_complete/x-chanx/frame").asText());
    String page = get("/asyncapi/docs/");
    assertTrue(page.contains("chanx_group_complete"), "the docs page lists the completion frames");
    assertTrue(page.contains("Sent by the runtime itself"), "the docs page marks them");
  }

  @Test
  void theDocumentOnDiskIsUnchanged() throws Exception {
    get("/asyncapi/schema/");
    assertEquals(ORIGINAL, Files.readString(FILE));
    assertFalse(ORIGINAL.contains("chanx_error"));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static String get(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), path);
    return response.body();
  }

  private static Path copy(String text) {
    try {
      Path file = Files.createTempFile("served", ".asyncapi.yaml");
      file.toFile().deleteOnExit();
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read() {
    try (InputStream in = ServedDocumentTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
