package dev.chanx.server.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/** The readable page of a document: info, servers, channels, operations, messages; no scripts. */
final class DocsPage {

  private static final String CSS = loadCss();

  private final JsonNode doc;
  private final Refs refs;
  private final MessageSection messages;
  private final Html html = new Html();

  private DocsPage(JsonNode doc) {
    this.doc = doc;
    this.refs = new Refs(doc);
    this.messages = new MessageSection(doc, refs);
  }

  /** Renders a whole page; everything taken from the document is escaped. */
  static String render(JsonNode doc) {
    return new DocsPage(doc).page();
  }

  private String page() {
    JsonNode info = doc.path("info");
    String title = info.path("title").asText("AsyncAPI document");
    html.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .element("title", null, title).raw("<style>").raw(CSS).raw("</style></head><body><main>")
        .element("h1", null, title)
        .raw("<p class=\"meta\">").text("Version " + info.path("version").asText("?") + " · AsyncAPI "
            + doc.path("asyncapi").asText("?")).raw(" · <a href=\"/asyncapi/schema/\">JSON</a> · ")
        .raw("<a href=\"/asyncapi/schema/?format=yaml\">YAML</a></p>");
    paragraph(info.path("description"));
    servers();
    channels();
    operations();
    messages.render(html);
    return html.raw("</main></body></html>").toString();
  }

  private void servers() {
    JsonNode servers = doc.path("servers");
    if (servers.isEmpty()) {
      return;
    }
    html.raw("<h2>Servers</h2><table><thead><tr><th>Name</th><th>Host</th><th>Protocol</th>"
        + "<th>Path</th><th>Description</th></tr></thead><tbody>");
    for (Iterator<Map.Entry<String, JsonNode>> it = servers.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> server = it.next();
      JsonNode s = refs.resolve(server.getValue());
      html.raw("<tr>").element("td", "field", server.getKey()).element("td", "code", s.path("host").asText())
          .element("td", null, s.path("protocol").asText()).element("td", "code", s.path("pathname").asText())
          .element("td", null, s.path("description").asText()).raw("</tr>");
    }
    html.raw("</tbody></table>");
  }

  private void channels() {
    html.raw("<h2>Channels</h2>");
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("channels").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode channel = refs.resolve(entry.getValue());
      html.raw("<section class=\"card\" id=\"").text(Html.id("channel", entry.getKey())).raw("\">")
          .element("h3", null, entry.getKey()).raw("<p>Address ")
          .element("code", null, channel.path("address").asText("(none)")).raw("</p>");
      topic(channel.path("x-topic"));
      paragraph(channel.path("description"));
      parameters(channel.path("parameters"));
      if (!channel.path("messages").isEmpty()) {
        html.raw("<p>Messages: ");
        messages.links(channel.path("messages"), html);
        html.raw("</p>");
      }
      html.raw("</section>");
    }
  }

  /** A channel's x-topic, as Chanx 2.10 writes it: reached over the connection at its address, per frame. */
  private void topic(JsonNode topic) {
    if (!topic.isObject()) {
      return;
    }
    html.raw("<p>Topic ").element("code", null, topic.path("pattern").asText()).raw(" (")
        .text(topic.path("name").asText()).raw("): subscribe with ")
        .element("code", null, "{\"version\":1,\"topic\":\"" + topic.path("pattern").asText()
            + "\",\"ref\":\"1\",\"action\":\"subscribe\"}")
        .raw(" on the connection at this address; its frames carry the topic.</p>");
  }

  private void parameters(JsonNode parameters) {
    if (parameters.isEmpty()) {
      return;
    }
    html.raw("<table><thead><tr><th>Parameter</th><th>Description</th><th>Values</th></tr></thead><tbody>");
    for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode p = refs.resolve(entry.getValue());
      String values = p.has("enum") ? "one of " + p.get("enum") : p.has("default") ? "default " + p.get("default") : "";
      html.raw("<tr>").element("td", "field", entry.getKey()).element("td", null, p.path("description").asText())
          .element("td", "code", values).raw("</tr>");
    }
    html.raw("</tbody></table>");
  }

  private void operations() {
    html.raw("<h2>Operations</h2>");
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("operations").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode op = refs.resolve(entry.getValue());
      String action = op.path("action").asText();
      html.raw("<section class=\"card\" id=\"").text(Html.id("operation", entry.getKey())).raw("\">")
          .raw("<h3>").element("span", "badge " + ("send".equals(action) ? "send" : "receive"),
              "send".equals(action) ? "server sends" : "client sends").raw(" ").text(entry.getKey()).raw("</h3>");
      String channel = refs.name(op.path("channel"), "");
      if (!channel.isEmpty()) {
        html.raw("<p>Channel <a href=\"#").text(Html.id("channel", channel)).raw("\">").text(channel).raw("</a></p>");
      }
      if (!op.path("summary").asText().isBlank()) {
        html.element("p", "summary", op.path("summary").asText());
      }
      paragraph(op.path("description"));
      html.raw("<p>Messages: ");
      messages.links(op.path("messages"), html);
      html.raw("</p>");
      JsonNode reply = refs.resolve(op.path("reply"));
      if (!reply.path("messages").isEmpty()) {
        html.raw("<p>Replies: ");
        messages.links(reply.path("messages"), html);
        html.raw("</p>");
      }
      html.raw("</section>");
    }
  }

  private void paragraph(JsonNode text) {
    if (text.isTextual() && !text.asText().isBlank()) {
      html.element("p", "text", text.asText());
    }
  }

  private static String loadCss() {
    try (InputStream in = DocsPage.class.getResourceAsStream("docs.css")) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
