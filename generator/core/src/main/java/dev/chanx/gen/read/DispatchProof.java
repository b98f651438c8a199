package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.model.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Decides how a frame picks one of a side's messages (what clients send, or what the server
 * sends) and proves at build time which messages can be told apart. In order: the discriminator's
 * value, when the message's constant or enum holds it and no other message's does; else a
 * top-level key that the message requires and no other message names (a wrapper such as {@code
 * {"subscribe": {...}}}); else the message's place in the side's order: the frame is read as the
 * first of the rest whose schema accepts it. A message that a message before it in that order
 * always takes first can never be read; that is a problem naming both, and any other use of the
 * order is a warning.
 */
final class DispatchProof {

  /** How each message of a side is picked, by message pointer. */
  record Picks(Map<String, List<String>> tags, Map<String, String> wrapperKeys) {}

  private final UnaryOperator<Schema> deref;
  private final Function<String, JsonNode> contracts;
  private final Function<String, Location> places;
  private final Problems problems;

  /**
   * @param contracts the contract of the named schema with a key, or null
   * @param places the place of a canonical pointer, for problems that name it
   */
  DispatchProof(UnaryOperator<Schema> deref, Function<String, JsonNode> contracts,
      Function<String, Location> places, Problems problems) {
    this.deref = deref;
    this.contracts = contracts;
    this.places = places;
    this.problems = problems;
  }

  /**
   * The messages that their values pick: each whose values no other message shares, with them.
   * Messages without values are left out.
   */
  static Map<MessageUse, List<String>> tagsBy(List<MessageUse> messages,
      Function<MessageUse, List<String>> values) {
    Map<String, Integer> owners = new HashMap<>();
    for (MessageUse m : messages) {
      for (String v : Set.copyOf(values.apply(m))) {
        owners.merge(v, 1, Integer::sum);
      }
    }
    Map<MessageUse, List<String>> out = new LinkedHashMap<>();
    for (MessageUse m : messages) {
      List<String> mine = values.apply(m);
      if (!mine.isEmpty() && mine.stream().allMatch(v -> owners.get(v) == 1)) {
        out.put(m, mine);
      }
    }
    return out;
  }

  /**
   * Plans one side of a channel: the messages (once each, in order) and the discriminator's values
   * in each. Reports a message that can never be read as a problem when {@code refuse}, else as a
   * warning; the order deciding between readable messages is a warning.
   *
   * @param side what the side is called in problems, such as {@code clients send}
   * @param discriminator the channel's discriminator, or null
   */
  Picks plan(ChannelDraft channel, String side, String discriminator, List<MessageUse> messages,
      Function<MessageUse, List<String>> values, boolean refuse) {
    Map<MessageUse, List<String>> tagged = tagsBy(messages, values);
    Map<String, List<String>> tags = new LinkedHashMap<>();
    tagged.forEach((m, v) -> tags.put(m.message().pointer(), v));
    List<MessageUse> rest = messages.stream().filter(m -> !tagged.containsKey(m)).toList();
    Map<String, String> keys = new LinkedHashMap<>();
    if (rest.size() < 2) {
      return new Picks(tags, keys);
    }
    List<MessageUse> ordered = new ArrayList<>();
    for (MessageUse m : rest) {
      String key = wrapperKey(m, messages);
      if (key != null) {
        keys.put(m.message().pointer(), key);
      } else {
        ordered.add(m);
      }
    }
    if (ordered.size() >= 2) {
      prove(channel, side, discriminator, ordered, values, refuse);
    }
    return new Picks(tags, keys);
  }

  // The first key the message requires that no other message of the side names.
  private String wrapperKey(MessageUse message, List<MessageUse> side) {
    Schema payload = deref.apply(message.message().payload());
    for (String key : payload.required()) {
      boolean mine = true;
      for (MessageUse other : side) {
        if (other != message && (PayloadConstants.names(other.message().payload(), deref).contains(key)
            || deref.apply(other.message().payload()).required().contains(key))) {
          mine = false;
          break;
        }
      }
      if (mine) {
        return key;
      }
    }
    return null;
  }

  private void prove(ChannelDraft channel, String side, String discriminator, List<MessageUse> ordered,
      Function<MessageUse, List<String>> values, boolean refuse) {
    boolean never = false;
    for (int j = 1; j < ordered.size(); j++) {
      MessageUse later = ordered.get(j);
      for (int i = 0; i < j; i++) {
        MessageUse earlier = ordered.get(i);
        JsonNode first = earlier.message().payload().contract();
        JsonNode second = later.message().payload().contract();
        if (!ContractInclusion.includes(first, second, contracts)) {
          continue;
        }
        never = true;
        String shared = values.apply(earlier).stream().filter(values.apply(later)::contains).findFirst()
            .orElse(null);
        String message;
        String hint = "Give each a property with its own const value (such as type), or a required key that"
            + " only one of them has.";
        if (ContractInclusion.includes(second, first, contracts)) {
          message = "messages '" + earlier.key() + "' and '" + later.key() + "' of " + channel.describe()
              + " can never be told apart: " + (shared == null ? "" : "both have " + discriminator + " '" + shared
              + "', and ") + "their payloads (" + place(earlier) + "; " + place(later) + ") accept the same frames";
        } else {
          message = "message '" + later.key() + "' of " + channel.describe() + " can never be read: "
              + (shared == null ? "" : "it and '" + earlier.key() + "' both have " + discriminator + " '" + shared
              + "', and ") + "every frame its payload (" + place(later) + ") accepts, the payload of '"
              + earlier.key() + "' ("
              + place(earlier) + ") accepts too, and '" + earlier.key() + "' is tried first";
        }
        if (shared != null) {
          hint = "Give each message its own " + discriminator + " value; the frame's " + discriminator
              + " picks the message.";
        }
        if (refuse) {
          problems.at(later.entry(), message, hint);
        } else {
          problems.warn(later.entry(), message + "; a client reads every such frame as '" + earlier.key() + "'",
              hint);
        }
        break;
      }
    }
    if (!never) {
      problems.warn(channel.location, "messages " + quoted(ordered) + " of " + channel.describe() + " (what " + side
          + ") have no tag or key of their own: a frame is read as the first of them, in this order, whose"
          + " payload accepts it", "Give each a property with its own const value (such as type) to have the"
          + " frame say which it is.");
    }
  }

  private String place(MessageUse m) {
    String pointer = m.message().payload().pointer();
    Location at = places.apply(pointer);
    return at == null ? pointer : at.display() + ", line " + at.line();
  }

  private static String quoted(List<MessageUse> messages) {
    List<String> names = messages.stream().map(m -> "'" + m.key() + "'").toList();
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }
}
