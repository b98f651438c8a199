package dev.chanx.gen.read;

import dev.chanx.gen.model.Parameter;
import dev.chanx.gen.model.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Serves channels that share an address as one endpoint, the last step of reading (before each
 * channel's discriminator is chosen, so that it is chosen over all their messages). Addresses
 * are the same when they are equal once a leading and a trailing {@code /} are dropped, whatever
 * their parameters are called; the channels must then name and declare their parameters alike
 * and bind the same ws {@code query}, or a problem says which differs. The merged channel takes
 * the place of the first of them; its operations are theirs, channel by channel in document order;
 * its name is the address's ({@link ChannelNames#fromAddress}: {@code /} is {@code root}), with a
 * suffix when a channel that stays has it. A channel alone at its address keeps its key.
 */
final class SharedAddresses {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]+}");

  private SharedAddresses() {}

  static DocumentDraft merge(DocumentDraft draft, Problems problems) {
    Map<Object, List<ChannelDraft>> groups = new LinkedHashMap<>();
    for (ChannelDraft channel : draft.channels()) {
      // A channel without an address (a problem already) shares it with nobody.
      // A topic is reached through the channel at its address, never merged with it.
      Object address = channel.address == null || channel.topic != null ? channel : endpoint(channel.address);
      groups.computeIfAbsent(address, k -> new ArrayList<>()).add(channel);
    }
    Set<String> taken = new HashSet<>();
    groups.values().stream().filter(g -> g.size() == 1).forEach(g -> taken.add(ChannelNames.normal(g.get(0).key)));
    List<ChannelDraft> channels = new ArrayList<>();
    for (List<ChannelDraft> group : groups.values()) {
      channels.add(group.size() == 1 ? group.get(0)
          : merged(ChannelNames.claim(ChannelNames.fromAddress(group.get(0).address), taken), group, problems));
    }
    return new DocumentDraft(draft.asyncapiVersion(), draft.title(), draft.version(), draft.description(), channels);
  }

  /** {@code /ws/chat/{room}/} and {@code ws/chat/{id}} → {@code ws/chat/{}}: the path a client opens. */
  static String endpoint(String address) {
    String path = address.startsWith("/") ? address.substring(1) : address;
    path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return PLACEHOLDER.matcher(path).replaceAll("{}");
  }

  /** {@code 'a', 'b' and 'c'}. */
  static String quoted(List<String> names) {
    List<String> quoted = names.stream().map(n -> "'" + n + "'").toList();
    int last = quoted.size() - 1;
    return last < 1 ? String.join("", quoted)
        : String.join(", ", quoted.subList(0, last)) + " and " + quoted.get(last);
  }

  private static ChannelDraft merged(String name, List<ChannelDraft> group, Problems problems) {
    ChannelDraft first = group.get(0);
    Schema query = null;
    ChannelDraft queryFrom = null;
    Map<String, MessageUse> declared = new LinkedHashMap<>();
    List<String> members = new ArrayList<>();
    for (ChannelDraft channel : group) {
      members.add(channel.key);
      checkParameters(first, channel, problems);
      if (channel.query != null && query == null) {
        query = channel.query;
        queryFrom = channel;
      } else if (channel.query != null && !SchemaEquivalence.same(query, channel.query)) {
        problems.at(channel.location.child("bindings"), "channel '" + channel.key + "' binds other query"
            + " parameters than channel '" + queryFrom.key + "', which shares its address '" + first.address + "'",
            "Channels that share an address are served as one endpoint: give them the same ws binding,"
                + " or give it to one of them only.");
      }
      for (MessageUse use : channel.declared.values()) {
        String key = use.key();
        // Two channels may list different messages under one key; each stays.
        for (int n = 2; declared.containsKey(key)
            && !declared.get(key).message().pointer().equals(use.message().pointer()); n++) {
          key = use.key() + "_" + n;
        }
        declared.putIfAbsent(key, use);
      }
    }
    ChannelDraft merged = new ChannelDraft(name, first.location, first.address,
        firstOf(group, c -> c.title), firstOf(group, c -> c.summary), firstOf(group, c -> c.description),
        parameters(group), query, declared, members);
    for (ChannelDraft channel : group) {
      merged.receives.addAll(channel.receives);
      merged.sends.addAll(channel.sends);
      channel.places.stream().filter(p -> !merged.places.contains(p)).forEach(merged.places::add);
    }
    return merged;
  }

  private static void checkParameters(ChannelDraft first, ChannelDraft channel, Problems problems) {
    if (channel == first) {
      return;
    }
    List<String> names = channel.parameters.stream().map(Parameter::name).toList();
    if (!names.equals(first.parameters.stream().map(Parameter::name).toList())) {
      problems.at(channel.location, "channel '" + channel.key + "' has the address of channel '" + first.key
          + "' ('" + channel.address + "', '" + first.address + "') but names its parameters differently",
          "Channels that share an address are served as one endpoint: name the parameters alike.");
      return;
    }
    for (int i = 0; i < names.size(); i++) {
      if (!SchemaEquivalence.same(first.parameters.get(i).schema(), channel.parameters.get(i).schema())) {
        Location where = channel.location.child("parameters").child(names.get(i));
        problems.at(where.node().isMissingNode() ? channel.location : where, "parameter '" + names.get(i)
            + "' of channel '" + channel.key + "' differs from that of channel '" + first.key
            + "', which shares its address '" + first.address + "'",
            "Channels that share an address are served as one endpoint: declare the parameter alike in both,"
                + " such as with one $ref to #/components/parameters.");
      }
    }
  }

  /** The first channel's parameters, each with the first description any of them gives it. */
  private static List<Parameter> parameters(List<ChannelDraft> group) {
    List<Parameter> out = new ArrayList<>();
    List<Parameter> first = group.get(0).parameters;
    for (int i = 0; i < first.size(); i++) {
      Parameter p = first.get(i);
      String description = p.description();
      for (ChannelDraft channel : group) {
        if (description == null && channel.parameters.size() > i) {
          description = channel.parameters.get(i).description();
        }
      }
      out.add(new Parameter(p.name(), description, p.schema()));
    }
    return out;
  }

  private static String firstOf(List<ChannelDraft> group, Function<ChannelDraft, String> field) {
    return group.stream().map(field).filter(Objects::nonNull).findFirst().orElse(null);
  }
}
