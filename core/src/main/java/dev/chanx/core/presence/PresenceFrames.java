package dev.chanx.core.presence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The presence frames of the channels that declare presence, written into an AsyncAPI 3 document.
 *
 * <p>A channel declares presence with {@code x-chanx: {presence: {member: <schema>}}}, the schema
 * of the data a member is tracked with. The generator reads the document with these frames added,
 * so clients get typed {@code presence_state}, {@code presence_join} and {@code presence_leave}; the
 * server serves it with them added, so the served document declares what the runtime sends. Both
 * add the same thing: components named after the channel ({@code ChatPresenceState} ...), the
 * three messages on the channel, and a {@code send} operation {@code <channel>_chanx_presence}.
 * Every frame carries {@code {scope, members: [{id, data}]}}: the group, and the members that are
 * there (state), came (join) or went (leave); a join or leave of one member also carries it as
 * {@code member}, the shape of chanx-kit's frames.
 */
public final class PresenceFrames {

  /** The action of the full list, sent once when a connection starts receiving a group's presence. */
  public static final String STATE = "presence_state";
  /** The action of members that came, batched. */
  public static final String JOIN = "presence_join";
  /** The action of members that went, batched. */
  public static final String LEAVE = "presence_leave";
  /**
   * The action a client sends to get a group's {@code presence_state} again, as chanx-kit's clients
   * do: {@code {"action": "presence_request", "payload": {"scope": <group>}}}. The runtime answers it
   * for a group the connection receives the presence of; it is not a message of the document.
   */
  public static final String REQUEST = "presence_request";
  /** How the operation that sends presence frames ends its key, after the channel's key. */
  public static final String OPERATION_SUFFIX = "_chanx_presence";

  private static final String EXTENSION = "x-chanx";

  private PresenceFrames() {}

  /**
   * A mistake in a channel's presence declaration.
   *
   * @param pointer where, as a JSON pointer such as {@code /channels/chat/x-chanx/presence}
   * @param message what is wrong
   */
  public record Problem(String pointer, String message) {}

  /**
   * Adds the presence frames of every channel that declares presence, in place.
   *
   * @param doc an AsyncAPI document; only version 3 gets frames
   * @return the mistakes found in declarations (presence in a 2.x document is one), whose channels get nothing
   */
  public static List<Problem> declare(ObjectNode doc) {
    List<Problem> problems = new ArrayList<>();
    if (!doc.path("channels").isObject()) {
      return problems;
    }
    boolean v3 = doc.path("asyncapi").asText().startsWith("3");
    List<Map.Entry<String, JsonNode>> channels = new ArrayList<>();
    doc.get("channels").fields().forEachRemaining(channels::add);
    for (Map.Entry<String, JsonNode> entry : channels) {
      JsonNode declared = entry.getValue().path(EXTENSION).path("presence");
      if (declared.isMissingNode()) {
        continue;
      }
      String pointer = "/channels/" + escape(entry.getKey()) + "/" + EXTENSION + "/presence";
      if (!v3) {
        problems.add(new Problem(pointer, "presence is read from AsyncAPI 3 documents only"));
        continue;
      }
      if (!declared.isObject() || !declared.path("member").isObject()) {
        problems.add(new Problem(pointer, "presence must be a map with member, the schema (or $ref) of a member's data"));
        continue;
      }
      add(doc, entry.getKey(), (ObjectNode) entry.getValue(), declared.get("member"));
    }
    return problems;
  }

  /**
   * {@return whether an operation key is that of the presence frames this class adds}
   *
   * @param key the operation's key
   */
  public static boolean isPresenceOperation(String key) {
    return key.endsWith(OPERATION_SUFFIX);
  }

  private static void add(ObjectNode doc, String key, ObjectNode channel, JsonNode member) {
    String prefix = upperCamel(key);
    ObjectNode components = doc.withObjectProperty("components");
    ObjectNode schemas = components.withObjectProperty("schemas");
    ObjectNode componentMessages = components.withObjectProperty("messages");

    String memberName = unique(schemas, prefix + "PresenceMember");
    ObjectNode memberSchema = schemas.putObject(memberName);
    memberSchema.put("title", memberName).put("type", "object")
        .put("description", "A member present in a group: its key, and the data it was tracked with.");
    ObjectNode memberProperties = memberSchema.putObject("properties");
    memberProperties.putObject("id").put("title", "Id").put("type", "string")
        .put("description", "The member's key, such as a user's name: one member however many connections it has.");
    memberProperties.set("data", member.deepCopy());
    memberSchema.putArray("required").add("id").add("data");

    String membersName = unique(schemas, prefix + "PresenceMembers");
    ObjectNode membersSchema = schemas.putObject(membersName);
    membersSchema.put("title", membersName).put("type", "object")
        .put("description", "Members of a group: all of them, those that came, or those that went;"
            + " a join or leave of one member also carries it as member, as chanx-kit's frames do.");
    ObjectNode membersProperties = membersSchema.putObject("properties");
    membersProperties.putObject("scope").put("title", "Scope").put("type", "string")
        .put("description", "The group, such as room1.");
    ObjectNode list = membersProperties.putObject("members");
    list.put("title", "Members").put("type", "array");
    list.putObject("items").put("$ref", "#/components/schemas/" + escape(memberName));
    // In a join or leave of one member, that member again, as chanx-kit's clients read it.
    membersProperties.putObject("member").put("$ref", "#/components/schemas/" + escape(memberName));
    membersSchema.putArray("required").add("scope").add("members");

    ObjectNode channelMessages = channel.withObjectProperty("messages");
    ObjectNode operations = doc.withObjectProperty("operations");
    String channelPointer = "#/channels/" + escape(key);
    ObjectNode operation = operations.putObject(unique(operations, key + OPERATION_SUFFIX));
    operation.put("action", "send").putObject("channel").put("$ref", channelPointer);
    operation.put("summary", "Presence of the channel's groups");
    operation.put("description", "Sent by the runtime to connections that receive a group's presence: the full list"
        + " first, then who came and who went, batched.");
    ArrayNode refs = operation.putArray("messages");
    operation.putObject(EXTENSION).put("presence", true);
    String[][] frames = {
        {STATE, "State", "Everyone present in the group, sent once when the connection starts receiving its presence."},
        {JOIN, "Join", "Members that came: a member joins once, with its first connection."},
        {LEAVE, "Leave", "Members that went: a member leaves once, when its last connection goes."}};
    for (String[] frame : frames) {
      String name = unique(schemas, prefix + "Presence" + frame[1]);
      ObjectNode schema = schemas.putObject(name);
      schema.put("title", name).put("type", "object").put("description", frame[2]);
      ObjectNode properties = schema.putObject("properties");
      properties.putObject("action").put("title", "Action").put("type", "string")
          .put("const", frame[0]).put("default", frame[0]);
      properties.putObject("payload").put("$ref", "#/components/schemas/" + escape(membersName));
      schema.putArray("required").add("payload");

      String messageName = unique(componentMessages, name);
      ObjectNode message = componentMessages.putObject(messageName);
      message.put("name", frame[0]).put("title", frame[0]).put("summary", frame[2]);
      message.putObject("payload").put("$ref", "#/components/schemas/" + escape(name));
      message.putObject(EXTENSION).put("frame", frame[0]);
      String local = unique(channelMessages, frame[0]);
      channelMessages.putObject(local).put("$ref", "#/components/messages/" + escape(messageName));
      refs.addObject().put("$ref", channelPointer + "/messages/" + escape(local));
    }
  }

  private static String upperCamel(String key) {
    StringBuilder out = new StringBuilder();
    for (String word : key.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
      }
    }
    return out.isEmpty() || !Character.isLetter(out.charAt(0)) ? "Channel" + out : out.toString();
  }

  private static String unique(JsonNode container, String base) {
    String name = base;
    for (int n = 2; container.has(name); n++) {
      name = base + n;
    }
    return name;
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
