package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Operation;
import dev.chanx.gen.model.Parameter;
import dev.chanx.gen.model.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Says how two models differ, one line per difference, such as {@code
 * channels[chat].receives[handle].messages[say].tag: 'say' vs 'said'}. Everything is compared
 * except where things are written (pointers) and which document they come from (source,
 * asyncapi version). Schema references are keys of {@link ApiModel#schemas()}, compared as
 * written: twins keep their named schemas under the same names.
 */
final class ModelDiff {

  private final List<String> out = new ArrayList<>();

  private ModelDiff() {}

  /** The differences between {@code a} and {@code b}; empty when they are the same model. */
  static List<String> between(ApiModel a, ApiModel b) {
    ModelDiff diff = new ModelDiff();
    diff.model(a, b);
    return diff.out;
  }

  private void model(ApiModel a, ApiModel b) {
    same("title", a.title(), b.title());
    same("version", a.version(), b.version());
    same("description", a.description(), b.description());
    keyed("channels", a.channels(), b.channels(), Channel::key, this::channel);
    keyed("schemas", List.copyOf(a.schemas().keySet()), List.copyOf(b.schemas().keySet()), k -> k,
        (path, ka, kb) -> schema(path, a.schemas().get(ka), b.schemas().get(kb)));
  }

  private void channel(String path, Channel a, Channel b) {
    same(path + ".address", a.address(), b.address());
    same(path + ".title", a.title(), b.title());
    same(path + ".summary", a.summary(), b.summary());
    same(path + ".description", a.description(), b.description());
    same(path + ".discriminator", a.discriminator(), b.discriminator());
    keyed(path + ".parameters", a.parameters(), b.parameters(), Parameter::name, (p, pa, pb) -> {
      same(p + ".description", pa.description(), pb.description());
      schema(p + ".schema", pa.schema(), pb.schema());
    });
    keyed(path + ".receives", a.receives(), b.receives(), Operation::key, this::operation);
    keyed(path + ".sends", a.sends(), b.sends(), Operation::key, this::operation);
    schema(path + ".query", a.query(), b.query());
  }

  private void operation(String path, Operation a, Operation b) {
    same(path + ".action", a.action(), b.action());
    same(path + ".title", a.title(), b.title());
    same(path + ".summary", a.summary(), b.summary());
    same(path + ".description", a.description(), b.description());
    keyed(path + ".messages", a.messages(), b.messages(), Message::key, this::message);
    keyed(path + ".replies", a.replies(), b.replies(), Message::key, this::message);
  }

  private void message(String path, Message a, Message b) {
    same(path + ".name", a.name(), b.name());
    same(path + ".title", a.title(), b.title());
    same(path + ".summary", a.summary(), b.summary());
    same(path + ".description", a.description(), b.description());
    same(path + ".tag", a.tag(), b.tag());
    same(path + ".examples", a.examples(), b.examples());
    same(path + ".correlationId", a.correlationId(), b.correlationId());
    schema(path + ".payload", a.payload(), b.payload());
  }

  private void schema(String path, Schema a, Schema b) {
    if (a == null || b == null) {
      same(path, a == null ? null : "a schema", b == null ? null : "a schema");
      return;
    }
    same(path + ".ref", a.ref(), b.ref());
    same(path + ".name", a.name(), b.name());
    same(path + ".title", a.title(), b.title());
    same(path + ".description", a.description(), b.description());
    same(path + ".types", a.types(), b.types());
    same(path + ".format", a.format(), b.format());
    same(path + ".const", a.constValue(), b.constValue());
    same(path + ".enum", a.enumValues(), b.enumValues());
    same(path + ".default", a.defaultValue(), b.defaultValue());
    same(path + ".examples", a.examples(), b.examples());
    same(path + ".deprecated", a.deprecated(), b.deprecated());
    same(path + ".minLength", a.minLength(), b.minLength());
    same(path + ".maxLength", a.maxLength(), b.maxLength());
    same(path + ".pattern", a.pattern(), b.pattern());
    number(path + ".minimum", a.minimum(), b.minimum());
    number(path + ".maximum", a.maximum(), b.maximum());
    number(path + ".exclusiveMinimum", a.exclusiveMinimum(), b.exclusiveMinimum());
    number(path + ".exclusiveMaximum", a.exclusiveMaximum(), b.exclusiveMaximum());
    number(path + ".multipleOf", a.multipleOf(), b.multipleOf());
    same(path + ".minItems", a.minItems(), b.minItems());
    same(path + ".maxItems", a.maxItems(), b.maxItems());
    same(path + ".uniqueItems", a.uniqueItems(), b.uniqueItems());
    same(path + ".required", a.required(), b.required());
    same(path + ".additionalPropertiesAllowed", a.additionalPropertiesAllowed(), b.additionalPropertiesAllowed());
    same(path + ".discriminator", a.discriminator(), b.discriminator());
    if (a.items() != null || b.items() != null) {
      schema(path + ".items", a.items(), b.items());
    }
    if (a.additionalProperties() != null || b.additionalProperties() != null) {
      schema(path + ".additionalProperties", a.additionalProperties(), b.additionalProperties());
    }
    keyed(path + ".properties", List.copyOf(a.properties().keySet()), List.copyOf(b.properties().keySet()),
        k -> k, (p, ka, kb) -> schema(p, a.properties().get(ka), b.properties().get(kb)));
    indexed(path + ".oneOf", a.oneOf(), b.oneOf());
    indexed(path + ".anyOf", a.anyOf(), b.anyOf());
  }

  private void indexed(String path, List<Schema> a, List<Schema> b) {
    same(path + ".size", a.size(), b.size());
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      schema(path + "[" + i + "]", a.get(i), b.get(i));
    }
  }

  /** Compares the keys in order, then the items whose keys both sides have. */
  private <T> void keyed(String path, List<T> a, List<T> b, Function<T, String> key, Pair<T> each) {
    List<String> ka = a.stream().map(key).toList();
    List<String> kb = b.stream().map(key).toList();
    same(path, ka, kb);
    for (T item : a) {
      int j = kb.indexOf(key.apply(item));
      if (j >= 0) {
        each.compare(path + "[" + key.apply(item) + "]", item, b.get(j));
      }
    }
  }

  private void number(String path, BigDecimal a, BigDecimal b) {
    if (a == null || b == null ? a != b : a.compareTo(b) != 0) {
      out.add(path + ": " + show(a) + " vs " + show(b));
    }
  }

  private void same(String path, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      out.add(path + ": " + show(a) + " vs " + show(b));
    }
  }

  private static String show(Object value) {
    if (value == null) {
      return "null";
    }
    return value instanceof String || value instanceof JsonNode && ((JsonNode) value).isTextual()
        ? "'" + (value instanceof JsonNode ? ((JsonNode) value).asText() : value) + "'" : String.valueOf(value);
  }

  /** Compares two items found under the same key. */
  private interface Pair<T> {
    void compare(String path, T a, T b);
  }
}
