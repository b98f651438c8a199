package dev.chanx.server.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;

/**
 * Declares, on each hosted channel of a document (a copy), the optional top-level
 * {@code traceparent} a client frame may carry when the server traces frames: one schema in
 * {@code components.schemas}, referenced from the channel's {@code x-chanx.clientFrameKeys}.
 */
final class TraceparentKey {

  static final String SCHEMA = "ChanxTraceparent";

  private TraceparentKey() {}

  /** Augments {@code doc} in place for these channels; channels the document does not have are skipped. */
  static void augment(ObjectNode doc, List<ChannelFrames> channels) {
    boolean added = false;
    for (ChannelFrames hosted : channels) {
      String key = key(doc, hosted);
      JsonNode found = key == null ? null : new Refs(doc).resolve(doc.path("channels").get(key));
      if (found instanceof ObjectNode channel) {
        channel.withObjectProperty(RuntimeFrames.EXTENSION).withObjectProperty("clientFrameKeys")
            .putObject("traceparent").put("$ref", "#/components/schemas/" + SCHEMA);
        added = true;
      }
    }
    if (added) {
      ObjectNode schema = doc.withObjectProperty("components").withObjectProperty("schemas").putObject(SCHEMA);
      schema.put("type", "string").put("title", "Traceparent")
          .put("pattern", "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")
          .put("description", "Optional on any client frame, at its top level beside the action: a W3C Trace Context"
              + " traceparent, such as 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01. The server's span for"
              + " the frame becomes a child of it; the message's own schema never sees the key.");
      schema.putObject(RuntimeFrames.EXTENSION).put("key", "traceparent");
    }
  }

  /** The channel's key: its name (AsyncAPI 3, or a 2.x document keyed by name), else its address (2.x). */
  private static String key(ObjectNode doc, ChannelFrames hosted) {
    JsonNode channels = doc.path("channels");
    if (channels.has(hosted.name())) {
      return hosted.name();
    }
    if (doc.path("asyncapi").asText().startsWith("3")) {
      return null;
    }
    String want = hosted.address().replaceAll("^/+|/+$", "");
    for (Iterator<String> it = channels.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (key.replaceAll("^/+|/+$", "").equals(want)) {
        return key;
      }
    }
    return null;
  }
}
