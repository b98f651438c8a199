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
 * apart (Chanx's {@code action}), and checks that it does. When none does, it chooses the property
 * whose values (constants or string enums) pick the most messages; {@link DispatchProof} decides
 * how the others are picked.
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
          if (values(m, explicit).isEmpty()) {
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
      List<String> distinct = new ArrayList<>();
      for (String name : common) {
        if (distinctValues(client, name)) {
          distinct.add(name);
        }
      }
      if (!distinct.isEmpty()) {
        return preferred(distinct);
      }
      // No constant in each: the property whose values (constants or enums) pick the most messages,
      // the others left to a key of their own or to their order (DispatchProof).
      String best = null;
      int most = 0;
      for (String name : names(client)) {
        int picked = picked(client, name);
        if (picked > most || picked == most && picked > 0 && preferred(List.of(best, name)).equals(name)) {
          best = name;
          most = picked;
        }
      }
      if (best != null) {
        return best;
      }
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

  /** The string values the discriminator may take in the message: its constant or enum; else empty. */
  List<String> values(MessageUse message, String discriminator) {
    return discriminator == null ? List.of()
        : PayloadConstants.values(message.message().payload(), discriminator, deref);
  }

  /** How many of the messages the property picks: those with values no other message has. */
  private int picked(List<MessageUse> messages, String name) {
    return DispatchProof.tagsBy(messages, m -> values(m, name)).size();
  }

  private Set<String> names(Collection<MessageUse> messages) {
    Set<String> names = new TreeSet<>();
    messages.forEach(m -> names.addAll(PayloadConstants.names(m.message().payload(), deref)));
    return names;
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
      MessageUse first = null;
      String tag = null;
      for (String value : values(m, discriminator)) {
        MessageUse before = byTag.putIfAbsent(value, m);
        if (first == null && before != null && before != m) {
          first = before;
          tag = value;
        }
      }
      if (first != null) {
        problems.at(m.entry(), "messages '" + first.key() + "' and '" + m.key() + "' of " + channel.describe()
            + " both have " + discriminator + " '" + tag + "'",
            "Give each client message its own " + discriminator + " value; the server picks the handler by it.");
      }
    }
  }
}
