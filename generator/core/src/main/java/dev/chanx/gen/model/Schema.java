package dev.chanx.gen.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON Schema, normalised: references are kept as {@link #ref()} to a named schema of
 * {@link ApiModel#schemas()}, {@code allOf} is merged, {@code nullable} and {@code type: [x,
 * "null"]} both become {@link JsonType#NULL} in {@link #types()}. Immutable; build with {@link
 * #builder(String)} and change with {@link #toBuilder()}.
 */
public final class Schema {

  private final String pointer;
  private final String ref;
  private final String name;
  private final String title;
  private final String description;
  private final Set<JsonType> types;
  private final String format;
  private final JsonNode constValue;
  private final List<JsonNode> enumValues;
  private final JsonNode defaultValue;
  private final List<JsonNode> examples;
  private final boolean deprecated;
  private final Integer minLength;
  private final Integer maxLength;
  private final String pattern;
  private final BigDecimal minimum;
  private final BigDecimal maximum;
  private final BigDecimal exclusiveMinimum;
  private final BigDecimal exclusiveMaximum;
  private final BigDecimal multipleOf;
  private final Schema items;
  private final Integer minItems;
  private final Integer maxItems;
  private final boolean uniqueItems;
  private final Map<String, Schema> properties;
  private final List<String> required;
  private final Boolean additionalPropertiesAllowed;
  private final Schema additionalProperties;
  private final List<Schema> oneOf;
  private final List<Schema> anyOf;
  private final String discriminator;
  private final JsonNode contract;

  private Schema(Builder b) {
    pointer = b.pointer;
    ref = b.ref;
    name = b.name;
    title = b.title;
    description = b.description;
    types = b.types.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(b.types));
    format = b.format;
    constValue = b.constValue;
    enumValues = List.copyOf(b.enumValues);
    defaultValue = b.defaultValue;
    examples = List.copyOf(b.examples);
    deprecated = b.deprecated;
    minLength = b.minLength;
    maxLength = b.maxLength;
    pattern = b.pattern;
    minimum = b.minimum;
    maximum = b.maximum;
    exclusiveMinimum = b.exclusiveMinimum;
    exclusiveMaximum = b.exclusiveMaximum;
    multipleOf = b.multipleOf;
    items = b.items;
    minItems = b.minItems;
    maxItems = b.maxItems;
    uniqueItems = b.uniqueItems;
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
    required = List.copyOf(b.required);
    additionalPropertiesAllowed = b.additionalPropertiesAllowed;
    additionalProperties = b.additionalProperties;
    oneOf = List.copyOf(b.oneOf);
    anyOf = List.copyOf(b.anyOf);
    discriminator = b.discriminator;
    contract = b.contract;
  }

  /** A new builder for a schema defined at the given JSON pointer. */
  public static Builder builder(String pointer) {
    return new Builder(pointer);
  }

  /** A schema that only refers to the named schema at {@code target}. */
  public static Schema reference(String pointer, String target) {
    return builder(pointer).ref(target).build();
  }

  /** A builder holding this schema's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Where this schema is written in the document (a JSON pointer, {@code #} not included). */
  public String pointer() { return pointer; }

  /** When non-null, this schema is the named schema at this key of {@link ApiModel#schemas()}. */
  public String ref() { return ref; }

  /** The component key of a named schema (such as {@code ChatMessagePayload}), or null. */
  public String name() { return name; }

  public String title() { return title; }

  public String description() { return description; }

  /** The allowed JSON types; empty means any. */
  public Set<JsonType> types() { return types; }

  /** Whether null is allowed ({@code type: [x, "null"]} or {@code nullable: true}). */
  public boolean isNullable() { return types.contains(JsonType.NULL); }

  /** The one non-null type when there is exactly one, else null. */
  public JsonType singleType() {
    JsonType found = null;
    for (JsonType t : types) {
      if (t != JsonType.NULL) {
        if (found != null) {
          return null;
        }
        found = t;
      }
    }
    return found;
  }

  public String format() { return format; }

  public JsonNode constValue() { return constValue; }

  public List<JsonNode> enumValues() { return enumValues; }

  public JsonNode defaultValue() { return defaultValue; }

  public List<JsonNode> examples() { return examples; }

  public boolean deprecated() { return deprecated; }

  public Integer minLength() { return minLength; }

  public Integer maxLength() { return maxLength; }

  public String pattern() { return pattern; }

  public BigDecimal minimum() { return minimum; }

  public BigDecimal maximum() { return maximum; }

  public BigDecimal exclusiveMinimum() { return exclusiveMinimum; }

  public BigDecimal exclusiveMaximum() { return exclusiveMaximum; }

  public BigDecimal multipleOf() { return multipleOf; }

  public Schema items() { return items; }

  public Integer minItems() { return minItems; }

  public Integer maxItems() { return maxItems; }

  public boolean uniqueItems() { return uniqueItems; }

  /** Properties in document order. */
  public Map<String, Schema> properties() { return properties; }

  public List<String> required() { return required; }

  /** {@code additionalProperties: true/false}; null when not written (JSON Schema: allowed). */
  public Boolean additionalPropertiesAllowed() { return additionalPropertiesAllowed; }

  /** The schema of additional properties when {@code additionalProperties} is a schema. */
  public Schema additionalProperties() { return additionalProperties; }

  public List<Schema> oneOf() { return oneOf; }

  public List<Schema> anyOf() { return anyOf; }

  /** The {@code discriminator} property name of a {@code oneOf}/{@code anyOf}, or null. */
  public String discriminator() { return discriminator; }

  /**
   * The schema exactly as JSON Schema draft-07 reads it, for validation: every keyword kept, each
   * {@code $ref} replaced by {@code {"$ref": key}} where {@code key} names a schema of {@link
   * ApiModel#schemas()}. Set on every schema written as an object, on message payloads and on named
   * schemas; null on a reference and on a schema made by merging.
   */
  public JsonNode contract() { return contract; }

  @Override
  public String toString() {
    return ref != null ? "Schema[ref=" + ref + "]" : "Schema[" + pointer + " " + types + "]";
  }

  /** Collects a schema's values; JavaPoet-style. */
  public static final class Builder {
    private String pointer;
    private String ref;
    private String name;
    private String title;
    private String description;
    private final Set<JsonType> types = EnumSet.noneOf(JsonType.class);
    private String format;
    private JsonNode constValue;
    private final List<JsonNode> enumValues = new ArrayList<>();
    private JsonNode defaultValue;
    private final List<JsonNode> examples = new ArrayList<>();
    private boolean deprecated;
    private Integer minLength;
    private Integer maxLength;
    private String pattern;
    private BigDecimal minimum;
    private BigDecimal maximum;
    private BigDecimal exclusiveMinimum;
    private BigDecimal exclusiveMaximum;
    private BigDecimal multipleOf;
    private Schema items;
    private Integer minItems;
    private Integer maxItems;
    private boolean uniqueItems;
    private final Map<String, Schema> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();
    private Boolean additionalPropertiesAllowed;
    private Schema additionalProperties;
    private final List<Schema> oneOf = new ArrayList<>();
    private final List<Schema> anyOf = new ArrayList<>();
    private String discriminator;
    private JsonNode contract;

    private Builder(String pointer) {
      this.pointer = pointer;
    }

    private Builder(Schema s) {
      pointer = s.pointer;
      ref = s.ref;
      name = s.name;
      title = s.title;
      description = s.description;
      types.addAll(s.types);
      format = s.format;
      constValue = s.constValue;
      enumValues.addAll(s.enumValues);
      defaultValue = s.defaultValue;
      examples.addAll(s.examples);
      deprecated = s.deprecated;
      minLength = s.minLength;
      maxLength = s.maxLength;
      pattern = s.pattern;
      minimum = s.minimum;
      maximum = s.maximum;
      exclusiveMinimum = s.exclusiveMinimum;
      exclusiveMaximum = s.exclusiveMaximum;
      multipleOf = s.multipleOf;
      items = s.items;
      minItems = s.minItems;
      maxItems = s.maxItems;
      uniqueItems = s.uniqueItems;
      properties.putAll(s.properties);
      required.addAll(s.required);
      additionalPropertiesAllowed = s.additionalPropertiesAllowed;
      additionalProperties = s.additionalProperties;
      oneOf.addAll(s.oneOf);
      anyOf.addAll(s.anyOf);
      discriminator = s.discriminator;
      contract = s.contract;
    }

    public Builder pointer(String v) { pointer = v; return this; }
    public Builder ref(String v) { ref = v; return this; }
    public Builder name(String v) { name = v; return this; }
    public Builder title(String v) { title = v; return this; }
    public Builder description(String v) { description = v; return this; }
    public Builder type(JsonType v) { types.add(v); return this; }
    public Builder clearTypes() { types.clear(); return this; }
    public Builder format(String v) { format = v; return this; }
    public Builder constValue(JsonNode v) { constValue = v; return this; }
    public Builder enumValue(JsonNode v) { enumValues.add(v); return this; }
    public Builder clearEnumValues() { enumValues.clear(); return this; }
    public Builder defaultValue(JsonNode v) { defaultValue = v; return this; }
    public Builder example(JsonNode v) { examples.add(v); return this; }
    public Builder deprecated(boolean v) { deprecated = v; return this; }
    public Builder minLength(Integer v) { minLength = v; return this; }
    public Builder maxLength(Integer v) { maxLength = v; return this; }
    public Builder pattern(String v) { pattern = v; return this; }
    public Builder minimum(BigDecimal v) { minimum = v; return this; }
    public Builder maximum(BigDecimal v) { maximum = v; return this; }
    public Builder exclusiveMinimum(BigDecimal v) { exclusiveMinimum = v; return this; }
    public Builder exclusiveMaximum(BigDecimal v) { exclusiveMaximum = v; return this; }
    public Builder multipleOf(BigDecimal v) { multipleOf = v; return this; }
    public Builder items(Schema v) { items = v; return this; }
    public Builder minItems(Integer v) { minItems = v; return this; }
    public Builder maxItems(Integer v) { maxItems = v; return this; }
    public Builder uniqueItems(boolean v) { uniqueItems = v; return this; }
    public Builder property(String key, Schema v) { properties.put(key, v); return this; }
    public Builder removeProperty(String key) { properties.remove(key); required.remove(key); return this; }
    public Builder required(String key) { if (!required.contains(key)) { required.add(key); } return this; }
    public Builder additionalPropertiesAllowed(Boolean v) { additionalPropertiesAllowed = v; return this; }
    public Builder additionalProperties(Schema v) { additionalProperties = v; return this; }
    public Builder oneOf(Schema v) { oneOf.add(v); return this; }
    public Builder anyOf(Schema v) { anyOf.add(v); return this; }
    public Builder discriminator(String v) { discriminator = v; return this; }
    public Builder contract(JsonNode v) { contract = v; return this; }

    public Schema build() {
      return new Schema(this);
    }
  }
}
