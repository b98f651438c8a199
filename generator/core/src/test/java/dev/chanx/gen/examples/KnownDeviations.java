package dev.chanx.gen.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chanx.core.message.ValidationError;
import java.util.List;
import java.util.Map;

/**
 * Examples that do not round-trip as written, each with the exact reason, so that the tests
 * document it instead of skipping the example; an entry that stops being true fails its test.
 *
 * <p>Spec bugs are examples that break their own document's schema: the generated reader must
 * refuse them with exactly these errors, and accept them once {@code repairs} are removed. What
 * the writer then writes may differ from what was read, each difference named in {@link Written}.
 */
final class KnownDeviations {

  /**
   * What to expect of one example.
   *
   * @param why the reason, in one sentence
   * @param errors the exact errors the generated reader reports for the example as written
   * @param repairs JSON pointers whose removal makes the example fit its schema
   * @param written how the generated writer's JSON differs from the (repaired) frame, or null
   */
  record Deviation(String why, List<ValidationError> errors, List<String> repairs, Written written) {

    /** The frame without the members at {@link #repairs}. */
    JsonNode repaired(JsonNode frame) {
      return Written.without(frame, repairs);
    }
  }

  /**
   * How the written JSON differs from the frame read, by what the generated code does on purpose
   * or cannot yet do.
   *
   * @param why the reasons, in one sentence each
   * @param dropped JSON pointers of members the writer leaves out
   * @param filled members the writer adds (defaults), by JSON pointer
   */
  record Written(String why, List<String> dropped, Map<String, JsonNode> filled) {

    JsonNode apply(JsonNode frame) {
      JsonNode copy = without(frame, dropped);
      filled.forEach((pointer, value) -> {
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) copy.at(pointer.substring(0, slash))).set(pointer.substring(slash + 1), value);
      });
      return copy;
    }

    static JsonNode without(JsonNode frame, List<String> pointers) {
      JsonNode copy = frame.deepCopy();
      for (String pointer : pointers) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        if (!(parent instanceof ObjectNode object) || object.remove(pointer.substring(slash + 1)) == null) {
          throw new IllegalArgumentException("nothing at " + pointer + " in " + frame);
        }
      }
      return copy;
    }
  }

  // Why what is written differs from what was read.
  private static final String DEFAULTS = "A property's default is applied when the frame leaves it out, and so"
      + " written back. ";
  private static final String NULLS = "An optional property that is null is held as Java null, as if absent, and"
      + " not written (a generator gap: absent and null are not told apart). ";
  private static final String UNNAMED = "Keys an open object schema does not name are ignored when read, so they"
      + " are not written back. ";

  private static final String KRAKEN = "peers/kraken-request-reply-multiple-channels.yml root/subscriptionStatus server ";
  private static final String SLACK = "peers/slack-socket-mode-client.yml root/event client ";

  private static final String KRAKEN_BUG = "Kraken's subscriptionStatus examples write pair as a string where"
      + " the schema wants an array, and a status (unsubscribed, error) outside the status enum it shares with"
      + " systemStatus";
  private static final String SLACK_BUG = "Slack's event schema indents is_ext_shared_channel under authorizations"
      + " (beside items) instead of payload, whose additionalProperties is false; and the branches of event's oneOf"
      + " are closed (additionalProperties: false) without the event_ts every example has, which the properties"
      + " beside the oneOf do not add to them in JSON Schema";

  private static final List<String> SLACK_NULLS =
      List.of("/payload/context_enterprise_id", "/payload/authorizations/0/enterprise_id");

  static final Map<String, Deviation> BY_EXAMPLE = Map.of(
      KRAKEN + "examples[0]", new Deviation(KRAKEN_BUG + ".",
          List.of(
              error("missing", "Field required", "subscriptionStatus", "SubscriptionStatusError", "errorMessage"),
              error("list_type", "Input should be a valid list", "subscriptionStatus", "SubscriptionStatusError", "pair"),
              error("enum", "Input should be 'online', 'maintenance', 'cancel_only', 'limit_only' or 'post_only'",
                  "subscriptionStatus", "SubscriptionStatusError", "status"),
              error("list_type", "Input should be a valid list", "subscriptionStatus", "SubscriptionStatusSuccess", "pair"),
              error("enum", "Input should be 'online', 'maintenance', 'cancel_only', 'limit_only' or 'post_only'",
                  "subscriptionStatus", "SubscriptionStatusSuccess", "status")),
          List.of("/pair", "/status"),
          new Written(DEFAULTS, List.of(), Map.of("/subscription/depth", IntNode.valueOf(10)))),
      KRAKEN + "examples[1]", new Deviation(KRAKEN_BUG + "; and a book depth of 42, outside the depth enum.",
          List.of(
              error("list_type", "Input should be a valid list", "subscriptionStatus", "SubscriptionStatusError", "pair"),
              error("enum", "Input should be 'online', 'maintenance', 'cancel_only', 'limit_only' or 'post_only'",
                  "subscriptionStatus", "SubscriptionStatusError", "status"),
              error("enum", "Input should be 10, 25, 100, 500 or 1000",
                  "subscriptionStatus", "SubscriptionStatusError", "subscription", "depth"),
              error("missing", "Field required", "subscriptionStatus", "SubscriptionStatusSuccess", "channelID"),
              error("missing", "Field required", "subscriptionStatus", "SubscriptionStatusSuccess", "channelName"),
              error("list_type", "Input should be a valid list", "subscriptionStatus", "SubscriptionStatusSuccess", "pair"),
              error("enum", "Input should be 'online', 'maintenance', 'cancel_only', 'limit_only' or 'post_only'",
                  "subscriptionStatus", "SubscriptionStatusSuccess", "status"),
              error("enum", "Input should be 10, 25, 100, 500 or 1000",
                  "subscriptionStatus", "SubscriptionStatusSuccess", "subscription", "depth")),
          List.of("/pair", "/status", "/subscription/depth"),
          new Written(DEFAULTS, List.of(),
              Map.of("/subscription/depth", IntNode.valueOf(10), "/subscription/interval", IntNode.valueOf(1)))),
      SLACK + "examples[0]", new Deviation(SLACK_BUG + "; and its channelJoin schema has no channel, which the"
          + " channel_join example has (so no choice of event's oneOf fits).",
          List.of(
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "ChannelJoin", "channel"),
              slack("literal_error", "Input should be 'reaction_added'", "event", "ReactionAdded", "type"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "ReactionAdded", "subtype"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "ReactionAdded", "text"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "ReactionAdded", "inviter"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "ReactionAdded", "ts"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "ReactionAdded", "channel"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "ReactionAdded", "channel_type"),
              slack("literal_error", "Input should be 'message_deleted'", "event", "MessageDeleted", "subtype"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "MessageDeleted", "user"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "MessageDeleted", "text"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "MessageDeleted", "inviter"),
              slack("extra_forbidden", "Extra inputs are not permitted", "is_ext_shared_channel")),
          List.of("/payload/is_ext_shared_channel", "/payload/event/channel", "/payload/event/event_ts"),
          new Written(NULLS, SLACK_NULLS, Map.of())),
      SLACK + "examples[1]", new Deviation(SLACK_BUG + ".",
          List.of(slack("extra_forbidden", "Extra inputs are not permitted", "is_ext_shared_channel"),
              slack("one_of_none", "Input should match exactly one of the oneOf schemas, but matches none", "event")),
          List.of("/payload/is_ext_shared_channel", "/payload/event/event_ts"),
          new Written(NULLS + UNNAMED, plus(SLACK_NULLS, "/payload/event/item/type"), Map.of())),
      SLACK + "examples[2]", new Deviation(SLACK_BUG + "; and its messageDeleted schema has no hidden, which the"
          + " message_deleted example has (so no choice of event's oneOf fits).",
          List.of(
              slack("literal_error", "Input should be 'channel_join'", "event", "ChannelJoin", "subtype"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "ChannelJoin", "previous_message"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "ChannelJoin", "channel"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "ChannelJoin", "hidden"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "ChannelJoin", "deleted_ts"),
              slack("literal_error", "Input should be 'reaction_added'", "event", "ReactionAdded", "type"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "ReactionAdded", "subtype"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "ReactionAdded", "previous_message"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "ReactionAdded", "channel"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "ReactionAdded", "hidden"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "ReactionAdded", "deleted_ts"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "ReactionAdded", "ts"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "ReactionAdded", "channel_type"),
              slack("extra_forbidden", "Extra inputs are not permitted", "event", "MessageDeleted", "hidden"),
              slack("extra_forbidden", "Extra inputs are not permitted", "is_ext_shared_channel")),
          List.of("/payload/is_ext_shared_channel", "/payload/event/hidden", "/payload/event/event_ts"),
          new Written(NULLS + UNNAMED, plus(SLACK_NULLS, "/payload/event/previous_message/type",
              "/payload/event/previous_message/blocks/0/elements/0/elements"), Map.of())),
      "frames.yaml game/chat client payload examples[0]", new Deviation("The example is valid.", List.of(),
          List.of(), new Written(NULLS, List.of("/to"), Map.of())));

  private KnownDeviations() {}

  private static List<String> plus(List<String> pointers, String... more) {
    List<String> all = new java.util.ArrayList<>(pointers);
    all.addAll(List.of(more));
    return List.copyOf(all);
  }

  private static ValidationError error(String type, String msg, Object... loc) {
    return new ValidationError(type, List.of(loc), msg);
  }

  /** An error inside the payload of Slack's events_api frame. */
  private static ValidationError slack(String type, String msg, Object... inPayload) {
    Object[] loc = new Object[inPayload.length + 2];
    loc[0] = "events_api";
    loc[1] = "payload";
    System.arraycopy(inPayload, 0, loc, 2, inPayload.length);
    return error(type, msg, loc);
  }
}
