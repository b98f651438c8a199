package dev.chanx.server.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AsyncApiDocumentTest {

  private static String html(AsyncApiDocument document) {
    return new String(document.html(), StandardCharsets.UTF_8);
  }

  @Test
  void pageShowsChannelsOperationsMessagesAndResolvedPayloads() {
    String page = html(AsyncApiDocument.fromClasspath("tutorial.asyncapi.yaml"));
    assertTrue(page.contains("<code>ws/chat/{group_name}/</code>"));
    assertTrue(page.contains("group_name"));
    assertTrue(page.contains("handle_new_chat_message"));
    assertTrue(page.contains("client sends"));
    assertTrue(page.contains("server sends"));
    assertTrue(page.contains("<a href=\"#message-pong_message\">pong_message</a>"));
    // The payload of new_chat_message is a $ref: its fields appear under payload.
    assertTrue(page.contains("<td class=\"field\">payload.message</td>"));
    assertTrue(page.contains("ChatMessagePayload (object)"));
    assertFalse(page.contains("<script"));
    assertFalse(page.contains("http://"));
    assertFalse(page.contains("https://"));
  }

  @Test
  void everythingFromTheDocumentIsEscaped() {
    String page = html(AsyncApiDocument.parse("evil.yaml", """
        asyncapi: 3.0.0
        info: {title: "<script>alert(1)</script>", version: "1", description: "a & b"}
        channels:
          "x<y":
            address: "ws/<b>/"
            messages:
              m: {$ref: '#/components/messages/m'}
        components:
          messages:
            m:
              summary: "<img src=x onerror=alert(1)>"
              payload: {type: object, properties: {"<k>": {type: string, description: "\\"quoted\\""}}}
              examples: [{name: "<ex>", payload: {"<k>": "</pre><script>"}}]
        """));
    assertFalse(page.contains("<script>"));
    assertFalse(page.contains("<img"));
    assertFalse(page.contains("<b>"));
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(page.contains("a &amp; b"));
    assertTrue(page.contains("&lt;/pre&gt;&lt;script&gt;"));
    assertTrue(page.contains("id=\"channel-x_y\""));
  }

  @Test
  void cyclicReferencesAndExamplesRender() {
    String page = html(AsyncApiDocument.parse("tree.json", """
        {"asyncapi": "3.0.0", "info": {"title": "Tree", "version": "1"},
         "channels": {"t": {"address": "/t", "messages": {"node": {"$ref": "#/components/messages/node"}}}},
         "components": {
           "messages": {"node": {"payload": {"$ref": "#/components/schemas/Node"},
                                 "examples": [{"name": "leaf", "payload": {"value": 1}}]}},
           "schemas": {"Node": {"type": "object", "properties": {
             "value": {"type": "integer", "minimum": 0},
             "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}}}}}
        """));
    assertTrue(page.contains("children"));
    assertTrue(page.contains("array of Node (object)"));
    assertTrue(page.contains("minimum: 0"));
    assertTrue(page.contains("Example: leaf"));
    assertTrue(page.contains("&quot;value&quot; : 1"));
  }

  @Test
  void refusesWhatIsNotADocument() {
    assertThrows(IllegalArgumentException.class, () -> AsyncApiDocument.parse("x.yaml", "- a\n- b\n"));
    assertThrows(IllegalArgumentException.class, () -> AsyncApiDocument.parse("x.json", "{oops"));
  }
}
