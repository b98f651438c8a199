package dev.chanx.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.codec.Loc;
import dev.chanx.core.codec.Problems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A JSON Schema (draft-07) compiled once into checks, for generated code to keep in static
 * constants. Every keyword that constrains an instance is implemented as draft-07 specifies;
 * annotations ({@code title}, {@code default}, ...) have no builder method because they validate
 * nothing. Immutable and safe to share between threads.
 */
public final class JsonSchema {

  private static final Check[] NONE = new Check[0];
  private static final JsonSchema ANYTHING = new JsonSchema(NONE, null);
  private static final JsonSchema NOTHING = new JsonSchema(new Check[] {Never.INSTANCE}, null);

  private final Check[] checks;
  private final Supplier<JsonSchema> target;
  private volatile JsonSchema resolved;

  private JsonSchema(Check[] checks, Supplier<JsonSchema> target) {
    this.checks = checks;
    this.target = target;
  }

  static JsonSchema of(Check[] checks) {
    return checks.length == 0 ? ANYTHING : new JsonSchema(checks, null);
  }

  /** {@return the schema {@code true}, which every value satisfies} */
  public static JsonSchema anything() {
    return ANYTHING;
  }

  /** {@return the schema {@code false}, which no value satisfies} */
  public static JsonSchema nothing() {
    return NOTHING;
  }

  /** {@return a builder of a schema from its keywords, called in any order} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A reference ({@code $ref}) to a schema that may not exist yet: {@code target} is called on
   * first use and its answer kept, so static constants may refer to each other, to constants
   * declared later, and to themselves.
   *
   * @param target gives the schema referred to; called once, when the reference is first used
   * @return the schema that validates as the target does
   */
  public static JsonSchema ref(Supplier<JsonSchema> target) {
    return new JsonSchema(null, target);
  }

  /**
   * Validates a value, recording a problem for every rule it breaks, each at the location of the
   * value that breaks it. A valid value is only walked once and costs no allocation.
   *
   * @param value the JSON value
   * @param at where the value sits, for the problems
   * @param problems where the problems are recorded
   * @return whether the value is valid
   */
  public boolean validate(JsonNode value, Loc at, Problems problems) {
    if (accepts(value)) {
      return true;
    }
    collect(value, at, problems);
    return false;
  }

  /**
   * Whether a value is valid: stops at the first rule broken and records nothing.
   *
   * @param value the JSON value
   * @return whether the value is valid
   */
  public boolean accepts(JsonNode value) {
    for (Check check : checks()) {
      if (!check.accepts(value)) {
        return false;
      }
    }
    return true;
  }

  /** Records the problems of a value {@link #accepts} refused. */
  void collect(JsonNode value, Loc at, Problems problems) {
    for (Check check : checks()) {
      if (!check.accepts(value)) {
        check.collect(value, at, problems);
      }
    }
  }

  /** {@return whether this is the schema {@code false} itself (after references)} */
  boolean isNothing() {
    return target == null ? this == NOTHING : resolve().isNothing();
  }

  private Check[] checks() {
    return target == null ? checks : resolve().checks();
  }

  private JsonSchema resolve() {
    JsonSchema schema = resolved;
    if (schema == null) {
      schema = target.get();
      if (schema == null) {
        throw new IllegalStateException("A JsonSchema.ref target gave null (not initialised yet?)");
      }
      resolved = schema;
    }
    return schema;
  }

  /**
   * Collects a schema's keywords, each method named for its keyword; every method returns this
   * builder and the order of calls never matters. A keyword given twice keeps its last value,
   * except those that list (properties, required, combinators), which add up.
   */
  public static final class Builder {

    final Set<String> types = new LinkedHashSet<>();
    JsonNode enumValues;
    JsonNode constant;
    Long minLength;
    Long maxLength;
    String pattern;
    String format;
    String minimum;
    String maximum;
    String exclusiveMinimum;
    String exclusiveMaximum;
    String multipleOf;
    JsonSchema items;
    JsonSchema[] tupleItems;
    JsonSchema additionalItems;
    JsonSchema contains;
    Long minItems;
    Long maxItems;
    boolean uniqueItems;
    final Map<String, JsonSchema> properties = new LinkedHashMap<>();
    final Map<String, JsonSchema> patternProperties = new LinkedHashMap<>();
    JsonSchema additionalProperties;
    final Set<String> required = new LinkedHashSet<>();
    JsonSchema propertyNames;
    Long minProperties;
    Long maxProperties;
    final Map<String, Set<String>> dependentRequired = new LinkedHashMap<>();
    final Map<String, List<JsonSchema>> dependentSchemas = new LinkedHashMap<>();
    final List<JsonSchema> allOf = new ArrayList<>();
    final List<JsonSchema[]> anyOf = new ArrayList<>();
    final List<JsonSchema[]> oneOf = new ArrayList<>();
    final List<JsonSchema> not = new ArrayList<>();
    final List<JsonSchema[]> conditions = new ArrayList<>();

    private Builder() {}

    /**
     * {@code type}: the value must be of one of these types; {@code integer} is any number with no fractional part.
     *
     * @param names {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code object}, {@code array} or {@code null}
     * @return this builder
     */
    public Builder type(String... names) {
      Collections.addAll(types, names);
      return this;
    }

    /**
     * {@code enum}: the value must equal one of these, by JSON equality.
     *
     * @param jsonArrayText the values as a JSON array, such as {@code ["red", 1]}
     * @return this builder
     */
    public Builder enumValues(String jsonArrayText) {
      enumValues = Json.parse(jsonArrayText);
      return this;
    }

    /**
     * {@code const}: the value must equal this one, by JSON equality.
     *
     * @param jsonText the value as JSON text
     * @return this builder
     */
    public Builder constant(String jsonText) {
      constant = Json.parse(jsonText);
      return this;
    }

    /**
     * {@code minLength}: a string must have at least this many characters (code points).
     *
     * @param n the bound
     * @return this builder
     */
    public Builder minLength(long n) {
      minLength = n;
      return this;
    }

    /**
     * {@code maxLength}: a string must have at most this many characters (code points).
     *
     * @param n the bound
     * @return this builder
     */
    public Builder maxLength(long n) {
      maxLength = n;
      return this;
    }

    /**
     * {@code pattern}: a string must contain a match of this ECMA-262 regular expression.
     *
     * @param ecmaRegex the regular expression as the document writes it; see {@link EcmaRegex#toJava}
     * @return this builder
     */
    public Builder pattern(String ecmaRegex) {
      pattern = ecmaRegex;
      return this;
    }

    /**
     * {@code format}: a string must be in this format; a format this class does not know is ignored.
     *
     * @param name the format, such as {@code date-time}
     * @return this builder
     */
    public Builder format(String name) {
      format = name;
      return this;
    }

    /**
     * {@code minimum}: a number must be at least this.
     *
     * @param decimal the bound as the document writes it
     * @return this builder
     */
    public Builder minimum(String decimal) {
      minimum = decimal;
      return this;
    }

    /**
     * {@code maximum}: a number must be at most this.
     *
     * @param decimal the bound as the document writes it
     * @return this builder
     */
    public Builder maximum(String decimal) {
      maximum = decimal;
      return this;
    }

    /**
     * {@code exclusiveMinimum}: a number must be greater than this.
     *
     * @param decimal the bound as the document writes it
     * @return this builder
     */
    public Builder exclusiveMinimum(String decimal) {
      exclusiveMinimum = decimal;
      return this;
    }

    /**
     * {@code exclusiveMaximum}: a number must be less than this.
     *
     * @param decimal the bound as the document writes it
     * @return this builder
     */
    public Builder exclusiveMaximum(String decimal) {
      exclusiveMaximum = decimal;
      return this;
    }

    /**
     * {@code multipleOf}: a number divided by this must be an integer, exactly.
     *
     * @param decimal the divisor as the document writes it, greater than zero
     * @return this builder
     */
    public Builder multipleOf(String decimal) {
      multipleOf = decimal;
      return this;
    }

    /**
     * {@code items} as one schema: every element of an array must satisfy it.
     *
     * @param all the schema of every element
     * @return this builder
     */
    public Builder items(JsonSchema all) {
      items = all;
      return this;
    }

    /**
     * {@code items} as an array: each element of an array must satisfy the schema at its index.
     *
     * @param positional the schemas of the first elements, in order
     * @return this builder
     */
    public Builder tupleItems(JsonSchema... positional) {
      tupleItems = positional.clone();
      return this;
    }

    /**
     * {@code additionalItems}: the elements past the {@link #tupleItems} must satisfy this; ignored without them.
     *
     * @param schema the schema of the further elements
     * @return this builder
     */
    public Builder additionalItems(JsonSchema schema) {
      additionalItems = schema;
      return this;
    }

    /**
     * {@code contains}: an array must have an element that satisfies this.
     *
     * @param schema the schema one element at least must satisfy
     * @return this builder
     */
    public Builder contains(JsonSchema schema) {
      contains = schema;
      return this;
    }

    /**
     * {@code minItems}: an array must have at least this many elements.
     *
     * @param n the bound
     * @return this builder
     */
    public Builder minItems(long n) {
      minItems = n;
      return this;
    }

    /**
     * {@code maxItems}: an array must have at most this many elements.
     *
     * @param n the bound
     * @return this builder
     */
    public Builder maxItems(long n) {
      maxItems = n;
      return this;
    }

    /**
     * {@code uniqueItems: true}: no two elements of an array may be equal, by JSON equality.
     *
     * @return this builder
     */
    public Builder uniqueItems() {
      uniqueItems = true;
      return this;
    }

    /**
     * {@code properties}: an object's property of this name, when present, must satisfy the schema.
     *
     * @param name the property's name
     * @param schema the schema of its value
     * @return this builder
     */
    public Builder property(String name, JsonSchema schema) {
      properties.put(name, schema);
      return this;
    }

    /**
     * {@code patternProperties}: an object's properties whose names contain a match of the regular expression must satisfy the schema.
     *
     * @param ecmaRegex the ECMA-262 regular expression
     * @param schema the schema of their values
     * @return this builder
     */
    public Builder patternProperty(String ecmaRegex, JsonSchema schema) {
      patternProperties.put(ecmaRegex, schema);
      return this;
    }

    /**
     * {@code additionalProperties}: an object's properties neither named in {@link #property} nor matched by a {@link #patternProperty} must satisfy this.
     *
     * @param schema the schema of the other properties; {@link JsonSchema#nothing()} to forbid them
     * @return this builder
     */
    public Builder additionalProperties(JsonSchema schema) {
      additionalProperties = schema;
      return this;
    }

    /**
     * {@code required}: an object must have these properties.
     *
     * @param names the names of the properties
     * @return this builder
     */
    public Builder required(String... names) {
      Collections.addAll(required, names);
      return this;
    }

    /**
     * {@code propertyNames}: the name of every property of an object, as a string, must satisfy this.
     *
     * @param schema the schema of the names
     * @return this builder
     */
    public Builder propertyNames(JsonSchema schema) {
      propertyNames = schema;
      return this;
    }

    /**
     * {@code minProperties}: an object must have at least this many properties.
     *
     * @param n the bound
     * @return this builder
     */
    public Builder minProperties(long n) {
      minProperties = n;
      return this;
    }

    /**
     * {@code maxProperties}: an object must have at most this many properties.
     *
     * @param n the bound
     * @return this builder
     */
    public Builder maxProperties(long n) {
      maxProperties = n;
      return this;
    }

    /**
     * {@code dependencies} in array form: an object that has the property must have these too.
     *
     * @param property the property whose presence requires the others
     * @param required the names of the properties it requires
     * @return this builder
     */
    public Builder dependentRequired(String property, String... required) {
      Collections.addAll(dependentRequired.computeIfAbsent(property, p -> new LinkedHashSet<>()), required);
      return this;
    }

    /**
     * {@code dependencies} in schema form: an object that has the property must satisfy the schema.
     *
     * @param property the property whose presence applies the schema
     * @param schema the schema the whole object must then satisfy
     * @return this builder
     */
    public Builder dependentSchema(String property, JsonSchema schema) {
      dependentSchemas.computeIfAbsent(property, p -> new ArrayList<>()).add(schema);
      return this;
    }

    /**
     * {@code allOf}: the value must satisfy every one of these.
     *
     * @param all the schemas
     * @return this builder
     */
    public Builder allOf(JsonSchema... all) {
      Collections.addAll(allOf, all);
      return this;
    }

    /**
     * {@code anyOf}: the value must satisfy at least one of these.
     *
     * @param any the schemas
     * @return this builder
     */
    public Builder anyOf(JsonSchema... any) {
      anyOf.add(any.clone());
      return this;
    }

    /**
     * {@code oneOf}: the value must satisfy exactly one of these.
     *
     * @param one the schemas
     * @return this builder
     */
    public Builder oneOf(JsonSchema... one) {
      oneOf.add(one.clone());
      return this;
    }

    /**
     * {@code not}: the value must not satisfy this.
     *
     * @param schema the schema the value must fail
     * @return this builder
     */
    public Builder not(JsonSchema schema) {
      not.add(schema);
      return this;
    }

    /**
     * {@code if}, {@code then} and {@code else}: a value that satisfies {@code ifSchema} must satisfy {@code thenSchema}, any other must satisfy {@code elseSchema}.
     *
     * @param ifSchema the condition
     * @param thenSchema the schema when it holds, or null for none
     * @param elseSchema the schema when it does not, or null for none
     * @return this builder
     */
    public Builder condition(JsonSchema ifSchema, JsonSchema thenSchema, JsonSchema elseSchema) {
      conditions.add(new JsonSchema[] {ifSchema, thenSchema, elseSchema});
      return this;
    }

    /**
     * Compiles the keywords: regular expressions, enum sets and property maps are built here,
     * once.
     *
     * @return the schema
     * @throws IllegalArgumentException when a keyword's value is invalid, such as a regular
     *     expression with no faithful Java translation
     */
    public JsonSchema build() {
      return JsonSchema.of(Compile.checks(this));
    }
  }
}
