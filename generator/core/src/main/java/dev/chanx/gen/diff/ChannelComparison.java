package dev.chanx.gen.diff;

import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Operation;
import dev.chanx.gen.model.Parameter;
import dev.chanx.gen.model.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares the channels of two documents, and in each channel its address, parameters, messages
 * and replies, in the old document's order and then what the new one adds. Channels are matched
 * by key, else by address (a renamed key); messages by their discriminator value, else by key.
 */
final class ChannelComparison {

  private static final String CONNECT_WHY = "a client connects to the address the document of its side names";

  private final Side oldSide;
  private final Side newSide;
  private final DiffOptions options;
  private final List<Change> out = new ArrayList<>();

  private ChannelComparison(Side oldSide, Side newSide, DiffOptions options) {
    this.oldSide = oldSide;
    this.newSide = newSide;
    this.options = options;
  }

  /** Every change between the two documents, with the API verdict from the rules alone. */
  static List<Change> compare(Side oldSide, Side newSide, DiffOptions options) {
    ChannelComparison comparison = new ChannelComparison(oldSide, newSide, options);
    comparison.document();
    return comparison.out;
  }

  /** The channel pairs matched by key, else by address, in the old document's order. */
  static Map<Channel, Channel> pairs(List<Channel> before, List<Channel> after) {
    Map<Channel, Channel> pairs = new LinkedHashMap<>();
    Set<Channel> taken = new LinkedHashSet<>();
    for (Channel o : before) {
      after.stream().filter(n -> n.key().equals(o.key())).findFirst().ifPresent(n -> {
        pairs.put(o, n);
        taken.add(n);
      });
    }
    for (Channel o : before) {
      if (!pairs.containsKey(o)) {
        after.stream().filter(n -> !taken.contains(n) && o.address() != null
            && java.util.Objects.equals(shape(n.address()), shape(o.address())))
            .findFirst().ifPresent(n -> {
              pairs.put(o, n);
              taken.add(n);
            });
      }
    }
    return pairs;
  }

  /** An address with its parameter names left out: {@code ws/chat/{}/}. */
  static String shape(String address) {
    return address == null ? null : address.replaceAll("\\{[^}]*}", "{}");
  }

  private void add(String kind, String channel, String oldPointer, String newPointer, String what, String why,
      Verdict verdict) {
    out.add(new Change(kind, channel, oldPointer == null ? null : oldSide.place(oldPointer),
        newPointer == null ? null : newSide.place(newPointer), what, why, verdict));
  }

  private void doc(String channel, String oldPointer, String newPointer, String field, String before, String after) {
    if (!Objects.equals(before, after)) {
      add("doc.changed", channel, Pointers.child(oldPointer, field), Pointers.child(newPointer, field),
          field + " " + (before == null ? "added" : after == null ? "removed" : "changed"),
          "documentation only", Verdict.SAFE);
    }
  }

  private void document() {
    doc(null, "/info", "/info", "title", oldSide.model().title(), newSide.model().title());
    doc(null, "/info", "/info", "version", oldSide.model().version(), newSide.model().version());
    doc(null, "/info", "/info", "description", oldSide.model().description(), newSide.model().description());
    Map<Channel, Channel> pairs = pairs(oldSide.model().channels(), newSide.model().channels());
    for (Channel o : oldSide.model().channels()) {
      Channel n = pairs.get(o);
      if (n == null) {
        add("channel.removed", o.key(), o.pointer(), null, "channel '" + o.key() + "' (" + o.address() + ") removed",
            "existing clients connect to " + o.address() + ", which the new server no longer serves",
            Verdict.of(Audience.CLIENTS, Audience.API));
      } else {
        channel(o, n);
      }
    }
    for (Channel n : newSide.model().channels()) {
      if (!pairs.containsValue(n)) {
        add("channel.added", n.key(), null, n.pointer(), "channel '" + n.key() + "' (" + n.address() + ") added",
            "new clients connect to " + n.address() + ", which an old server does not serve",
            Verdict.of(Audience.SERVERS));
      }
    }
  }

  private void channel(Channel o, Channel n) {
    String key = n.key();
    if (!o.key().equals(n.key())) {
      add("channel.renamed", key, o.pointer(), n.pointer(), "channel key '" + o.key() + "' renamed to '" + n.key() + "'",
          "the generated package and type names follow the key; the address is the same", Verdict.of(Audience.API));
    }
    doc(key, o.pointer(), n.pointer(), "title", o.title(), n.title());
    doc(key, o.pointer(), n.pointer(), "summary", o.summary(), n.summary());
    doc(key, o.pointer(), n.pointer(), "description", o.description(), n.description());
    address(o, n);
    if (!Objects.equals(o.discriminator(), n.discriminator())) {
      add("channel.discriminator.changed", key, o.pointer(), n.pointer(),
          "discriminator changed from " + quoted(o.discriminator()) + " to " + quoted(n.discriminator()),
          "every frame is told apart by another property, so neither side reads the other's frames",
          Verdict.of(Audience.CLIENTS, Audience.SERVERS, Audience.API));
    }
    if (o.query() != null || n.query() != null) {
      Schema before = o.query() != null ? o.query() : Schema.builder(n.query().pointer()).build();
      Schema after = n.query() != null ? n.query() : Schema.builder(o.query().pointer()).build();
      schema(key, before, after, Direction.CLIENT_TO_SERVER, "the query of " + n.address());
    }
    messages(o, n);
    operations(o, n);
  }

  private void address(Channel o, Channel n) {
    String key = n.key();
    String op = Pointers.child(o.pointer(), "address");
    String np = Pointers.child(n.pointer(), "address");
    if (!java.util.Objects.equals(shape(o.address()), shape(n.address()))) {
      add("channel.address.changed", key, op, np, "address changed from " + o.address() + " to " + n.address(),
          CONNECT_WHY + ": old clients miss the new server and new clients miss an old one",
          Verdict.of(Audience.CLIENTS, Audience.SERVERS));
      return;
    }
    List<Parameter> before = o.parameters();
    List<Parameter> after = n.parameters();
    for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
      Parameter p = before.get(i);
      Parameter q = after.get(i);
      if (!p.name().equals(q.name())) {
        add("channel.parameter.renamed", key, op, np,
            "address parameter '" + p.name() + "' renamed to '" + q.name() + "'",
            "the address matches the same URLs; the generated path record's component is renamed",
            Verdict.of(Audience.API));
      }
      doc(key, p.schema().pointer(), q.schema().pointer(), "description", p.description(), q.description());
      schema(key, p.schema(), q.schema(), Direction.CLIENT_TO_SERVER, "address parameter '" + q.name() + "'");
    }
  }

  private static String quoted(String s) {
    return s == null ? "none" : "'" + s + "'";
  }

  /** How a message is used on a channel. */
  private record Use(Message message, boolean client, boolean server) {}

  private static String identity(Message m) {
    return m.tag() != null ? m.tag() : "#" + m.key();
  }

  private static String name(Message m) {
    return m.tag() != null ? "'" + m.tag() + "'" : "'" + m.key() + "'";
  }

  private static Map<String, Use> uses(Channel c) {
    Map<String, Use> uses = new LinkedHashMap<>();
    for (Message m : c.clientMessages()) {
      uses.put(identity(m), new Use(m, true, false));
    }
    for (Message m : c.serverMessages()) {
      Use before = uses.get(identity(m));
      uses.put(identity(m), new Use(before != null ? before.message() : m, before != null, true));
    }
    return uses;
  }

  private void messages(Channel o, Channel n) {
    String key = n.key();
    Map<String, Use> before = uses(o);
    Map<String, Use> after = uses(n);
    retagged(key, before, after);
    for (Map.Entry<String, Use> e : before.entrySet()) {
      Use u = e.getValue();
      Use v = after.get(e.getKey());
      Message m = u.message();
      if (v == null) {
        Verdict verdict = (u.client() ? Verdict.of(Audience.CLIENTS) : Verdict.SAFE)
            .and(u.server() ? Verdict.of(Audience.SERVERS) : Verdict.SAFE).withApi(true);
        add("message.removed", key, m.pointer(), null, "message " + name(m) + " removed",
            (u.client() ? "the new server refuses it from old clients" : "")
                + (u.client() && u.server() ? "; " : "")
                + (u.server() ? "new clients refuse it from an old server" : "")
                + "; its generated type is gone", verdict);
        continue;
      }
      Message nm = v.message();
      if (u.client() && !v.client()) {
        add("message.removed", key, m.pointer(), nm.pointer(), "clients may no longer send message " + name(m),
            "the new server refuses it from old clients", Verdict.of(Audience.CLIENTS, Audience.API));
      }
      if (u.server() && !v.server()) {
        add("message.removed", key, m.pointer(), nm.pointer(), "the server may no longer send message " + name(m),
            "new clients refuse it from an old server", Verdict.of(Audience.SERVERS, Audience.API));
      }
      if (!u.client() && v.client()) {
        added(key, m.pointer(), nm, true);
      }
      if (!u.server() && v.server()) {
        added(key, m.pointer(), nm, false);
      }
      if (!m.key().equals(nm.key()) || !Objects.equals(m.name(), nm.name())) {
        add("message.renamed", key, m.pointer(), nm.pointer(),
            "message " + name(m) + " renamed from '" + label(m) + "' to '" + label(nm) + "'",
            "frames are the same; generated names may follow the message's name", Verdict.of(Audience.API));
      }
      doc(key, m.pointer(), nm.pointer(), "title", m.title(), nm.title());
      doc(key, m.pointer(), nm.pointer(), "summary", m.summary(), nm.summary());
      doc(key, m.pointer(), nm.pointer(), "description", m.description(), nm.description());
      if (!m.examples().equals(nm.examples())) {
        add("doc.changed", key, Pointers.child(m.pointer(), "examples"), Pointers.child(nm.pointer(), "examples"),
            "examples changed", "documentation only", Verdict.SAFE);
      }
      boolean client = u.client() && v.client();
      boolean server = u.server() && v.server();
      if (client || server) {
        schema(key, m.payload(), nm.payload(), Direction.of(client, server), "message " + name(nm));
      }
    }
    for (Map.Entry<String, Use> e : after.entrySet()) {
      if (!before.containsKey(e.getKey())) {
        Use v = e.getValue();
        if (v.client()) {
          added(key, null, v.message(), true);
        }
        if (v.server()) {
          added(key, null, v.message(), false);
        }
      }
    }
  }

  /**
   * A message of the same key whose discriminator value changed: reported once, then compared
   * under its new value (the maps are re-keyed so that the loops that follow match it).
   */
  private void retagged(String key, Map<String, Use> before, Map<String, Use> after) {
    for (Map.Entry<String, Use> e : new ArrayList<>(before.entrySet())) {
      if (after.containsKey(e.getKey())) {
        continue;
      }
      Message m = e.getValue().message();
      Map.Entry<String, Use> match = after.entrySet().stream()
          .filter(f -> !before.containsKey(f.getKey()) && f.getValue().message().key().equals(m.key()))
          .findFirst().orElse(null);
      if (match == null || m.tag() == null || match.getValue().message().tag() == null) {
        continue;
      }
      Message nm = match.getValue().message();
      add("message.tag.changed", key, m.pointer(), nm.pointer(),
          "message '" + m.key() + "' is told apart by " + quoted(nm.tag()) + " instead of " + quoted(m.tag()),
          "neither side knows the other's value: the new side refuses the old frames and the old side the new",
          Verdict.of(Audience.CLIENTS, Audience.SERVERS));
      Map<String, Use> rest = new LinkedHashMap<>(before);
      before.clear();
      rest.forEach((k, v) -> before.put(k.equals(e.getKey()) ? match.getKey() : k, v));
    }
  }

  private static String label(Message m) {
    return m.name() != null ? m.name() : m.key();
  }

  private void added(String key, String oldPointer, Message m, boolean client) {
    if (client) {
      add("message.added", key, oldPointer, m.pointer(), "clients may send message " + name(m),
          "new clients send it and an old server refuses it; the server's handler gets a method to implement",
          Verdict.of(Audience.SERVERS).withApi(true));
    } else {
      add("message.added", key, oldPointer, m.pointer(), "the server may send message " + name(m),
          "the new server sends it and old clients refuse a message they do not know",
          Verdict.of(Audience.CLIENTS));
    }
  }

  /** The replies each message clients send gets, by message identity. */
  private static Map<String, Set<String>> replies(Channel c) {
    Map<String, Set<String>> replies = new LinkedHashMap<>();
    for (Operation op : c.receives()) {
      for (Message m : op.messages()) {
        Set<String> set = replies.computeIfAbsent(identity(m), k -> new LinkedHashSet<>());
        op.replies().forEach(r -> set.add(identity(r)));
      }
    }
    return replies;
  }

  private void operations(Channel o, Channel n) {
    String key = n.key();
    Map<String, Set<String>> before = replies(o);
    Map<String, Set<String>> after = replies(n);
    for (Map.Entry<String, Set<String>> e : before.entrySet()) {
      Set<String> now = after.get(e.getKey());
      if (now == null || now.equals(e.getValue())) {
        continue;
      }
      Operation op = operationOf(o, e.getKey());
      Operation nop = operationOf(n, e.getKey());
      boolean lost = !now.containsAll(e.getValue());
      add("operation.reply.changed", key, Pointers.child(op.pointer(), "reply"), Pointers.child(nop.pointer(), "reply"),
          "the reply to '" + e.getKey() + "' changed from " + e.getValue() + " to " + now,
          (lost ? "an old client's request waits for a reply the new server no longer sends; " : "")
              + "the handler method's return type follows the reply",
          (lost ? Verdict.of(Audience.CLIENTS) : Verdict.SAFE).withApi(true));
    }
    for (Operation op : o.receives().isEmpty() && o.sends().isEmpty() ? List.<Operation>of() : all(o)) {
      all(n).stream().filter(q -> q.key().equals(op.key())).findFirst().ifPresent(q -> {
        doc(key, op.pointer(), q.pointer(), "title", op.title(), q.title());
        doc(key, op.pointer(), q.pointer(), "summary", op.summary(), q.summary());
        doc(key, op.pointer(), q.pointer(), "description", op.description(), q.description());
      });
    }
  }

  private static List<Operation> all(Channel c) {
    List<Operation> ops = new ArrayList<>(c.receives());
    ops.addAll(c.sends());
    return ops;
  }

  private static Operation operationOf(Channel c, String identity) {
    return c.receives().stream().filter(op -> op.messages().stream().anyMatch(m -> identity(m).equals(identity)))
        .findFirst().orElseThrow();
  }

  private void schema(String key, Schema before, Schema after, Direction direction, String subject) {
    for (SchemaChange c : SchemaComparison.compare(oldSide.model(), before, newSide.model(), after,
        options.check().assertFormats())) {
      Verdict verdict = direction.verdict(c.acceptance()).withApi(c.api());
      String why = c.kind().equals("doc.changed") ? "documentation only"
          : c.acceptance() == Acceptance.SAME && c.api() ? "the frames accepted are the same; the generated types change"
          : why(c.acceptance(), direction);
      add(c.kind(), key, c.oldPointer(), c.newPointer(), c.what() + " in " + subject, why, verdict);
    }
  }

  private static String why(Acceptance acceptance, Direction direction) {
    String subject = direction.phrase();
    return switch (acceptance) {
      case SAME -> "the values accepted are the same";
      case WIDER -> subject + " now accepts more values: "
          + (direction == Direction.CLIENT_TO_SERVER ? "an old server refuses what new clients may send"
              : direction == Direction.SERVER_TO_CLIENT ? "old clients refuse what the new server may send"
              : "the old side refuses what the new side may send");
      case NARROWER -> subject + " now accepts fewer values: "
          + (direction == Direction.CLIENT_TO_SERVER ? "the new server refuses what old clients may send"
              : direction == Direction.SERVER_TO_CLIENT ? "new clients refuse what an old server may send"
              : "the new side refuses what the old side may send");
      case INCOMPATIBLE -> subject + " accepts other values: each side refuses some of what the other may send";
    };
  }
}
