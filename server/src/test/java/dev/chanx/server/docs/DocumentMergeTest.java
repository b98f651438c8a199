package dev.chanx.server.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Documents of one server, one per channel, served as one. */
class DocumentMergeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static AsyncApiDocument document(String title, String channel, String pingDescription) {
    return AsyncApiDocument.parse(channel + ".yaml", """
        asyncapi: 3.0.0
        info: {title: %s, version: 2.0.0}
        servers: {development: {host: 'localhost:8000', protocol: ws}}
        channels:
          %s:
            address: ws/%s/
            messages: {ping: {$ref: '#/components/messages/ping'}}
        operations:
          %s_ping:
            action: receive
            channel: {$ref: '#/channels/%s'}
            messages: [{$ref: '#/channels/%s/messages/ping'}]
        components:
          messages:
            ping: {payload: {$ref: '#/components/schemas/Ping'}}
          schemas:
            Ping: {type: object, description: %s}
        """.formatted(title, channel, channel, channel, channel, channel, pingDescription));
  }

  private static JsonNode tree(AsyncApiDocument document) throws Exception {
    return JSON.readTree(document.json());
  }

  @Test
  void channelsOperationsAndComponentsOfEveryDocumentAreServedTogether() throws Exception {
    AsyncApiDocument merged = AsyncApiDocument.merge("Tutorial",
        document("Chat", "chat", "Ping."), document("Jobs", "jobs", "Ping."));

    JsonNode tree = tree(merged);
    assertEquals("Tutorial", tree.path("info").path("title").asText());
    assertEquals("2.0.0", tree.path("info").path("version").asText());
    assertEquals(List.of("chat", "jobs"), List.copyOf(iterable(tree.path("channels"))));
    assertEquals(List.of("chat_ping", "jobs_ping"), List.copyOf(iterable(tree.path("operations"))));
    assertEquals(List.of("Ping"), List.copyOf(iterable(tree.path("components").path("schemas"))));
    assertEquals(List.of("development"), List.copyOf(iterable(tree.path("servers"))));
    String page = new String(merged.html(), StandardCharsets.UTF_8);
    assertTrue(page.contains("ws/chat/") && page.contains("ws/jobs/"));
  }

  @Test
  void aSharedNameWithDifferentContentIsRefusedNamingBothDocuments() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AsyncApiDocument.merge("T",
        document("Chat", "chat", "Ping."), document("Jobs", "jobs", "Another ping.")));

    assertEquals("components.schemas.Ping differs between 'Chat' and 'Jobs': give it another name in one of them",
        e.getMessage());
  }

  private static List<String> iterable(JsonNode object) {
    List<String> names = new java.util.ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
