package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.model.JsonType;
import dev.chanx.gen.model.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads JSON Schemas into normalised {@link Schema}s. A {@code $ref} becomes a reference to a
 * named schema, which is read once and kept under its canonical location; that is also what
 * lets recursive schemas end.
 */
final class SchemaReader {

  // Stands for a named schema while it is being read; compared by identity.
  private static final Schema PENDING = Schema.builder("").build();

  private final RefResolver refs;
  private final Problems problems;
  private final Map<String, Schema> named = new LinkedHashMap<>();
  private final Map<String, Location> locations = new HashMap<>();
  // Named schemas being merged inline by allOf while they are still being read.
  private final Set<String> inlined = new HashSet<>();
  // Named schemas being read right now that are nothing but a $ref: a repeat is a cycle.
  private Deque<String> pureChain = new ArrayDeque<>();

  private final ContractReader contracts;

  SchemaReader(RefResolver refs, Problems problems, boolean assertFormats) {
    this.refs = refs;
    this.problems = problems;
    this.contracts = new ContractReader(problems, this::namedKey, assertFormats);
  }

  /**
   * Warns where a schema that a value takes (a property's, an array's items, a map's values) says
   * how objects or arrays look but not that the value is one: JSON Schema then allows any value,
   * so the generated type is {@code JsonNode}, which is seldom what the author meant.
   */
  void warnUntyped(Location where, Schema asWritten) {
    Schema s = deref(asWritten);
    if (s.ref() != null || !s.types().isEmpty() || !s.oneOf().isEmpty() || !s.anyOf().isEmpty()) {
      return;
    }
    boolean object = !s.properties().isEmpty() || s.additionalProperties() != null;
    if (object || s.items() != null) {
      String type = object ? "object" : "array";
      problems.warn(where, "this schema describes an " + type + " but has no type, so any JSON value is allowed"
          + " here and the generated type is JsonNode", "Add type: " + type + " to get a "
          + (object ? "record" : "List") + ".");
    }
  }

  /**
   * Reads a schema that is checked at run time, with its {@link Schema#contract()}: a message's
   * payload, a path parameter's schema, a WebSocket binding's query.
   */
  Schema readPayload(Location where) {
    Schema schema = read(where);
    return schema.toBuilder().contract(contracts.read(where)).build();
  }

  /** Follows the reference held at {@code holder}, reading the named schema; its key, or null. */
  private String namedKey(Location holder, JsonNode node) {
    RefResolver.Target target = followSchema(holder);
    if (target == null) {
      return null;
    }
    readNamed(target, holder);
    return target.location().canonical();
  }

  /** A message object, where a schema is referred to by mistake: its payload is what was meant. */
  private static final java.util.regex.Pattern MESSAGE_OBJECT =
      java.util.regex.Pattern.compile("/components/messages/[^/]+|/channels/[^/]+/messages/[^/]+");

  /**
   * The schema a {@code $ref} at {@code holder} leads to; a reference to a message object (Coinbase
   * lists messages among a oneOf's choices) leads to that message's payload, with a warning.
   */
  private RefResolver.Target followSchema(Location holder) {
    RefResolver.Target target = refs.follow(holder, RefKind.SCHEMA);
    if (target == null || !MESSAGE_OBJECT.matcher(target.location().pointer()).matches()
        || !target.node().path("payload").isObject() || target.node().path("payload").has("schemaFormat")) {
      return target;
    }
    problems.warn(holder, "this $ref names a message object ('" + target.location().pointer() + "') where a schema"
        + " belongs; it is read as that message's payload", "Refer to '" + target.location().pointer()
        + "/payload' instead.");
    Location payload = target.location().child("payload");
    return new RefResolver.Target(payload, payload.node());
  }

  /** Every named schema reached so far, in the order first reached. */
  Map<String, Schema> named() {
    return Collections.unmodifiableMap(named);
  }

  /** Where the named schema with this key is written, or null. */
  Location location(String key) {
    return locations.get(key);
  }

  /** Reads the schema written at {@code where} as a named schema, as a reference to it would; its key. */
  String readNamed(Location where) {
    readNamed(new RefResolver.Target(where, where.node()), where);
    return where.canonical();
  }

  /** Puts {@code schema} in the place of the named schema with this key. */
  void replace(String key, Schema schema) {
    named.put(key, schema);
  }

  /** The schema a reference leads to, following chains; the schema itself when it is none. */
  Schema deref(Schema schema) {
    Schema current = schema;
    for (int hops = 0; current.ref() != null && hops <= named.size(); hops++) {
      Schema target = named.get(current.ref());
      if (target == null || target == PENDING) {
        return current;
      }
      current = target;
    }
    return current;
  }

  /** Reads the schema written at {@code where}. */
  Schema read(Location where) {
    JsonNode node = where.node();
    String pointer = where.canonical();
    if (node.isBoolean()) {
      return Schema.builder(pointer).build(); // true: anything; false cannot be said in the model
    }
    if (!node.isObject()) {
      problems.at(where, "a schema must be an object", "Write it as a JSON Schema object, such as {type: string}.");
      return Schema.builder(pointer).build();
    }
    if (RefResolver.isRef(node)) {
      return readRef(where, node);
    }
    Schema.Builder builder = Schema.builder(pointer);
    SchemaKeywords.read(where, node, builder, this, problems);
    Schema schema = builder.build();
    schema = choices(where, node, schema);
    if (node.path("allOf").isArray()) {
      schema = mergeAllOf(where, schema);
    }
    // Every schema written out keeps its draft-07 words, which the model reduces (diff compares them).
    return schema.toBuilder().contract(contracts.read(where)).build();
  }

  private Schema readRef(Location holder, JsonNode node) {
    String pointer = holder.canonical();
    RefResolver.Target target = followSchema(holder);
    if (target == null) {
      return Schema.builder(pointer).build();
    }
    String key = target.location().canonical();
    if (pureChain.contains(key)) {
      List<String> chain = new ArrayList<>();
      boolean inCycle = false;
      for (String k : pureChain) {
        inCycle |= k.equals(key);
        if (inCycle) {
          chain.add(k);
        }
      }
      chain.add(key);
      refs.cycle(holder, chain);
      return Schema.builder(pointer).build();
    }
    readNamed(target, holder);
    // Annotations beside a $ref (Pydantic writes a default there) stay on the reference.
    Schema.Builder ref = Schema.builder(pointer).ref(key);
    SchemaKeywords.annotations(node, ref);
    if (node.path("nullable").asBoolean(false)) {
      ref.type(JsonType.NULL);
    }
    return ref.build();
  }

  private void readNamed(RefResolver.Target target, Location holder) {
    String key = target.location().canonical();
    if (named.containsKey(key)) {
      return;
    }
    named.put(key, PENDING); // keeps the order first reached, and ends recursion
    locations.put(key, target.location());
    boolean pure = RefResolver.isRef(target.node());
    Deque<String> outer = pureChain;
    if (pure) {
      pureChain.addLast(key);
    } else {
      pureChain = new ArrayDeque<>();
    }
    refs.enter(holder);
    try {
      Schema schema = read(target.location());
      named.put(key, schema.toBuilder().name(nameOf(target.location())).build());
      // Read after the schema is in place, so that a reference back to it ends here.
      named.put(key, named.get(key).toBuilder().contract(contracts.read(target.location())).build());
    } finally {
      refs.leave();
      if (pure) {
        outer.removeLast();
      }
      pureChain = outer;
    }
  }

  private static String nameOf(Location where) {
    String last = Pointer.last(where.pointer());
    if (!last.isEmpty()) {
      return last;
    }
    String file = where.doc().name();
    file = file.substring(file.lastIndexOf('/') + 1);
    int dot = file.indexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  /** Adds oneOf/anyOf; one schema or null (Pydantic's Optional) becomes that schema, nullable. */
  private Schema choices(Location where, JsonNode node, Schema base) {
    Schema result = base;
    for (String keyword : List.of("oneOf", "anyOf")) {
      JsonNode list = node.path(keyword);
      if (!list.isArray()) {
        continue;
      }
      List<Schema> options = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        options.add(read(where.child(keyword).child(i)));
      }
      Schema nullable = options.size() == 2 ? nullableOf(result, options) : null;
      if (nullable != null) {
        result = nullable;
        continue;
      }
      Schema.Builder builder = result.toBuilder();
      for (Schema option : options) {
        if (keyword.equals("oneOf")) {
          builder.oneOf(option);
        } else {
          builder.anyOf(option);
        }
      }
      result = builder.build();
    }
    return result;
  }

  private Schema nullableOf(Schema base, List<Schema> options) {
    Schema other;
    if (isNullOnly(options.get(0))) {
      other = options.get(1);
    } else if (isNullOnly(options.get(1))) {
      other = options.get(0);
    } else {
      return null;
    }
    if (other.ref() != null) {
      // A reference that may also be null: the named schema, or null.
      Schema.Builder ref = Schema.builder(base.pointer()).ref(other.ref()).type(JsonType.NULL)
          .title(base.title()).description(base.description()).defaultValue(base.defaultValue())
          .deprecated(base.deprecated());
      base.examples().forEach(ref::example);
      return ref.build();
    }
    Schema merged = SchemaMerge.merge(base, other, this::deref);
    return merged.types().isEmpty() ? merged : merged.toBuilder().type(JsonType.NULL).build();
  }

  private static boolean isNullOnly(Schema s) {
    return s.ref() == null && s.types().equals(Set.of(JsonType.NULL)) && s.properties().isEmpty()
        && s.enumValues().isEmpty() && s.oneOf().isEmpty() && s.anyOf().isEmpty();
  }

  private Schema mergeAllOf(Location where, Schema base) {
    JsonNode list = where.node().get("allOf");
    Schema result = base;
    for (int i = 0; i < list.size(); i++) {
      Location at = where.child("allOf").child(i);
      Schema member = read(at);
      String pending = member.ref() != null ? deref(member).ref() : null;
      if (pending != null) {
        // A recursive structure (A has a B, B is all of A) reaches A while A is still being read:
        // merge A's own words instead; only a schema that includes itself cannot be merged.
        if (!inlined.add(pending)) {
          problems.at(at, "allOf includes the schema it belongs to", "Refer to it from a property instead.");
          continue;
        }
        try {
          member = read(locations.get(pending));
        } finally {
          inlined.remove(pending);
        }
      }
      result = SchemaMerge.merge(result, member, this::deref);
    }
    // The merged parts describe themselves; the whole keeps its own words.
    return result.toBuilder().title(base.title()).description(base.description()).build();
  }
}
