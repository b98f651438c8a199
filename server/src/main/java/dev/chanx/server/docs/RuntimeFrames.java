package dev.chanx.server.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds to a document (a copy) the frames the runtime sends on its own, which Chanx's documents
 * leave out: each as a message in {@code components.messages}, and for each hosted channel in its
 * messages and a {@code send} operation (AsyncAPI 3), or its {@code subscribe} messages (2.x).
 * Everything added carries {@code x-chanx}.
 */
final class RuntimeFrames {

  static final String EXTENSION = "x-chanx";

  private final ObjectNode doc;
  private final Map<RuntimeFrame, String> names = new EnumMap<>(RuntimeFrame.class);

  private RuntimeFrames(ObjectNode doc) {
    this.doc = doc;
  }

  /** Augments {@code doc} in place for these channels; channels the document does not have are skipped. */
  static void augment(ObjectNode doc, List<ChannelFrames> channels) {
    RuntimeFrames frames = new RuntimeFrames(doc);
    boolean v3 = doc.path("asyncapi").asText().startsWith("3");
    for (ChannelFrames channel : channels) {
      String key = v3 ? (doc.path("channels").has(channel.name()) ? channel.name() : null) : frames.v2Key(channel);
      if (key != null && !channel.frames().isEmpty()) {
        if (v3) {
          frames.addV3(key, channel.frames());
        } else {
          frames.addV2(key, channel.frames());
        }
      }
    }
  }

  private void addV3(String key, Set<RuntimeFrame> frames) {
    ObjectNode channel = object(new Refs(doc).resolve(doc.path("channels").get(key)));
    if (channel == null) {
      return;
    }
    ObjectNode messages = channel.withObjectProperty("messages");
    ObjectNode operations = doc.withObjectProperty("operations");
    String channelPointer = "#/channels/" + escape(key);
    ObjectNode operation = operations.putObject(unique(operations, key + "_chanx_frames"));
    operation.put("action", "send").putObject("channel").put("$ref", channelPointer);
    operation.put("summary", "Frames the runtime sends on its own");
    ArrayNode list = operation.putArray("messages");
    ArrayNode marks = operation.putObject(EXTENSION).putArray("frames");
    for (RuntimeFrame frame : frames) {
      String name = component(frame);
      String local = messages.has(name) && !isOurs(messages.get(name), name) ? unique(messages, name) : name;
      messages.putObject(local).put("$ref", "#/components/messages/" + escape(name));
      list.addObject().put("$ref", channelPointer + "/messages/" + escape(local));
      marks.add(frame.action());
    }
  }

  private void addV2(String key, Set<RuntimeFrame> frames) {
    ObjectNode channel = object(new Refs(doc).resolve(doc.path("channels").get(key)));
    if (channel == null) {
      return;
    }
    ObjectNode subscribe = channel.withObjectProperty("subscribe");
    JsonNode message = subscribe.get("message");
    ArrayNode oneOf;
    if (message != null && message.has("oneOf") && message.get("oneOf").isArray()) {
      oneOf = (ArrayNode) message.get("oneOf");
    } else {
      ObjectNode wrapper = subscribe.putObject("message");
      oneOf = wrapper.putArray("oneOf");
      if (message != null) {
        oneOf.add(message);
      }
    }
    for (RuntimeFrame frame : frames) {
      oneOf.addObject().put("$ref", "#/components/messages/" + escape(component(frame)));
    }
  }

  /** The component message of a frame, added once per document. */
  private String component(RuntimeFrame frame) {
    return names.computeIfAbsent(frame, f -> {
      ObjectNode components = doc.withObjectProperty("components").withObjectProperty("messages");
      String name = unique(components, f.messageName());
      ObjectNode message = components.putObject(name);
      message.put("name", f.action()).put("title", f.title()).put("summary", f.description());
      message.set("payload", RuntimeFrameSchemas.frame(f));
      message.putObject(EXTENSION).put("frame", f.action());
      return name;
    });
  }

  private boolean isOurs(JsonNode message, String name) {
    return message.path("$ref").asText().equals("#/components/messages/" + escape(name));
  }

  /** A 2.x channel is keyed by its address: find the one the route serves. */
  private String v2Key(ChannelFrames channel) {
    String want = trim(channel.address());
    for (Iterator<String> it = doc.path("channels").fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (trim(key).equals(want) || key.equals(channel.name())) {
        return key;
      }
    }
    return null;
  }

  private static String unique(JsonNode container, String base) {
    String name = base;
    for (int n = 2; container.has(name); n++) {
      name = base + "_" + n;
    }
    return name;
  }

  private static ObjectNode object(JsonNode node) {
    return node instanceof ObjectNode object ? object : null;
  }

  private static String trim(String address) {
    return address.replaceAll("^/+|/+$", "");
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
