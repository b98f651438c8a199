package dev.chanx.gen.read;

import dev.chanx.gen.model.Schema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Chooses, per channel, the top-level property whose constant value tells client messages
 * apart (Chanx's {@code action}), and checks that it does.
 */
final class DiscriminatorInference {

  // The names real documents use, in order of preference; then alphabetical.
  private static final List<String> PREFERRED = List.of("action", "type", "event");

  private final UnaryOperator<Schema> deref;
  private final Problems problems;

  DiscriminatorInference(UnaryOperator<Schema> deref, Problems problems) {
    this.deref = deref;
    this.problems = problems;
  }

  /** The channel's discriminator: {@code explicit} when given, else inferred; null when none fits. */
  String choose(ChannelDraft channel, String explicit) {
    List<MessageUse> client = channel.clientMessages();
    if (explicit != null) {
      if (client.size() >= 2) {
        for (MessageUse m : client) {
          if (tag(m, explicit) == null) {
            problems.at(m.entry(), "message '" + m.key() + "' of " + channel.describe()
                + " has no constant value for '" + explicit + "'",
                "Give its payload a property " + explicit + " with a const value, or name another property with --discriminator.");
          }
        }
        checkDistinct(channel, client, explicit);
      }
      return explicit;
    }
    if (client.size() >= 2) {
      List<String> common = candidates(client, all(client));
      if (common.isEmpty()) {
        problems.at(channel.location, "the messages of " + channel.describe()
            + " cannot be told apart: no property has a distinct constant value in each of them",
            "Give each message a property such as action with a const value, or name one with --discriminator.");
        return null;
      }
      List<String> distinct = new ArrayList<>();
      for (String name : common) {
        if (distinctValues(client, name)) {
          distinct.add(name);
        }
      }
      String chosen = preferred(distinct.isEmpty() ? common : distinct);
      checkDistinct(channel, client, chosen);
      return chosen;
    }
    // Nothing to tell apart: still name the property that frames carry, for tags and clients.
    Map<String, MessageUse> pool = new LinkedHashMap<>();
    client.forEach(m -> pool.putIfAbsent(m.message().pointer(), m));
    channel.serverMessages().forEach(m -> pool.putIfAbsent(m.message().pointer(), m));
    if (pool.isEmpty()) {
      channel.declared.values().forEach(m -> pool.putIfAbsent(m.message().pointer(), m));
    }
    Collection<MessageUse> messages = pool.values();
    List<String> inAll = candidates(messages, all(messages));
    if (!inAll.isEmpty()) {
      return preferred(inAll);
    }
    if (client.size() == 1) {
      List<String> inClient = candidates(client, all(client));
      if (!inClient.isEmpty()) {
        return preferred(inClient);
      }
    }
    List<String> inAny = candidates(messages, any(messages));
    return inAny.isEmpty() ? null : preferred(inAny);
  }

  /** The message's constant for the discriminator, or null. */
  String tag(MessageUse message, String discriminator) {
    return discriminator == null ? null : PayloadConstants.of(message.message().payload(), discriminator, deref);
  }

  private Predicate<String> all(Collection<MessageUse> messages) {
    return name -> messages.stream().allMatch(m -> tag(m, name) != null);
  }

  private Predicate<String> any(Collection<MessageUse> messages) {
    return name -> messages.stream().anyMatch(m -> tag(m, name) != null);
  }

  private List<String> candidates(Collection<MessageUse> messages, Predicate<String> test) {
    Set<String> names = new TreeSet<>();
    messages.forEach(m -> names.addAll(PayloadConstants.names(m.message().payload(), deref)));
    List<String> out = new ArrayList<>();
    for (String name : names) {
      if (test.test(name)) {
        out.add(name);
      }
    }
    return out;
  }

  private boolean distinctValues(List<MessageUse> messages, String name) {
    Set<String> seen = new HashSet<>();
    return messages.stream().allMatch(m -> seen.add(tag(m, name)));
  }

  private static String preferred(List<String> names) {
    for (String p : PREFERRED) {
      if (names.contains(p)) {
        return p;
      }
    }
    return names.stream().sorted().findFirst().orElse(null);
  }

  private void checkDistinct(ChannelDraft channel, List<MessageUse> client, String discriminator) {
    Map<String, MessageUse> byTag = new HashMap<>();
    for (MessageUse m : client) {
      String tag = tag(m, discriminator);
      MessageUse first = tag == null ? null : byTag.putIfAbsent(tag, m);
      if (first != null) {
        problems.at(m.entry(), "messages '" + first.key() + "' and '" + m.key() + "' of " + channel.describe()
            + " both have " + discriminator + " '" + tag + "'",
            "Give each client message its own " + discriminator + " value; the server picks the handler by it.");
      }
    }
  }
}
