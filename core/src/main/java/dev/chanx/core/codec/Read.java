package dev.chanx.core.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chanx.core.message.ValidationError;
import dev.chanx.core.schema.JsonSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What generated readers call to read a frame in one pass over its parsed tree: fields by
 * presence, plain values, constants and tags. Messages and type codes are Pydantic's, as Chanx
 * reports them.
 */
public final class Read {

  // What JSON Schema's date-time and date formats accept (RFC 3339), also where the type holds them.
  private static final JsonSchema DATE_TIME = JsonSchema.builder().format("date-time").build();
  private static final JsonSchema DATE = JsonSchema.builder().format("date").build();

  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Read() {}

  // Fields, by presence. JSON null reaches the value reader unless the field is nullable, so
  // that the reader reports it as the wrong type.

  /**
   * A field that must be present and not null.
   *
   * @param <T> the type read
   * @param object the JSON object that holds the field
   * @param key the field's name on the wire
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @param reader reads the field's value when present
   * @return the value read, or null when absent, null or invalid
   */
  public static <T> T required(
      JsonNode object, String key, Loc at, Problems problems, ValueReader<T> reader) {
    JsonNode value = object.get(key);
    if (value == null) {
      problems.add(at.key(key), "missing", "Field required");
      return null;
    }
    return reader.read(value, at.key(key), problems);
  }

  /**
   * A field that must be present and may be null.
   *
   * @param <T> the type read
   * @param object the JSON object that holds the field
   * @param key the field's name on the wire
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @param reader reads the field's value when present
   * @return the value read, or null when absent, null or invalid
   */
  public static <T> T nullable(
      JsonNode object, String key, Loc at, Problems problems, ValueReader<T> reader) {
    JsonNode value = object.get(key);
    if (value == null) {
      problems.add(at.key(key), "missing", "Field required");
      return null;
    }
    return value.isNull() ? null : reader.read(value, at.key(key), problems);
  }

  /**
   * A field that may be absent (null then) but not null.
   *
   * @param <T> the type read
   * @param object the JSON object that holds the field
   * @param key the field's name on the wire
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @param reader reads the field's value when present
   * @return the value read, or null when absent, null or invalid
   */
  public static <T> T optional(
      JsonNode object, String key, Loc at, Problems problems, ValueReader<T> reader) {
    JsonNode value = object.get(key);
    return value == null ? null : reader.read(value, at.key(key), problems);
  }

  /**
   * A field that may be absent, then taking its default, but not null.
   *
   * @param <T> the type read
   * @param object the JSON object that holds the field
   * @param key the field's name on the wire
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @param reader reads the field's value when present
   * @param absent the value to return when the field is absent
   * @return the value read, {@code absent} when the field is absent, or null when invalid
   */
  public static <T> T optional(
      JsonNode object, String key, Loc at, Problems problems, ValueReader<T> reader, T absent) {
    JsonNode value = object.get(key);
    return value == null ? absent : reader.read(value, at.key(key), problems);
  }

  /**
   * A field that may be absent or null.
   *
   * @param <T> the type read
   * @param object the JSON object that holds the field
   * @param key the field's name on the wire
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @param reader reads the field's value when present
   * @return the value read, or null when absent, null or invalid
   */
  public static <T> T optionalNullable(
      JsonNode object, String key, Loc at, Problems problems, ValueReader<T> reader) {
    JsonNode value = object.get(key);
    return value == null || value.isNull() ? null : reader.read(value, at.key(key), problems);
  }

  /**
   * A field that may be null, or absent and then taking its default.
   *
   * @param <T> the type read
   * @param object the JSON object that holds the field
   * @param key the field's name on the wire
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @param reader reads the field's value when present
   * @param absent the value to return when the field is absent
   * @return the value read, {@code absent} when absent, or null when null or invalid
   */
  public static <T> T optionalNullable(
      JsonNode object, String key, Loc at, Problems problems, ValueReader<T> reader, T absent) {
    JsonNode value = object.get(key);
    if (value == null) {
      return absent;
    }
    return value.isNull() ? null : reader.read(value, at.key(key), problems);
  }

  /**
   * A constant field that must be present: it must equal {@code expected}.
   *
   * @param object the JSON object that holds the field
   * @param key the field's name on the wire
   * @param expected the only value the field may have
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   */
  public static void requiredConstant(
      JsonNode object, String key, String expected, Loc at, Problems problems) {
    JsonNode value = object.get(key);
    if (value == null) {
      problems.add(at.key(key), "missing", "Field required");
    } else {
      constant(value, expected, at.key(key), problems);
    }
  }

  /**
   * A constant field that may be absent; when present it must equal {@code expected}.
   *
   * @param object the JSON object that holds the field
   * @param key the field's name on the wire
   * @param expected the only value the field may have
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   */
  public static void optionalConstant(
      JsonNode object, String key, String expected, Loc at, Problems problems) {
    JsonNode value = object.get(key);
    if (value != null) {
      constant(value, expected, at.key(key), problems);
    }
  }

  private static void constant(JsonNode value, String expected, Loc at, Problems problems) {
    if (!value.isTextual() || !value.textValue().equals(expected)) {
      problems.add(at, "literal_error", "Input should be " + Texts.repr(expected));
    }
  }

  // Objects, keys and tags.

  /**
   * Whether the value is an object; if not, records that it should be an instance of {@code name}.
   *
   * @param value the JSON value to read
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @param name the schema's name, for the error message
   * @return true when the value is an object
   */
  public static boolean object(JsonNode value, Loc at, Problems problems, String name) {
    if (value.isObject()) {
      return true;
    }
    problems.add(at, "model_type", "Input should be a valid dictionary or instance of " + name);
    return false;
  }

  /**
   * Records every key of the object not in {@code known}, in the object's order.
   *
   * @param object the JSON object that holds the field
   * @param known the keys the schema declares
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   */
  public static void noOtherKeys(JsonNode object, Set<String> known, Loc at, Problems problems) {
    for (Iterator<String> keys = object.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!known.contains(key)) {
        problems.add(at.key(key), "extra_forbidden", "Extra inputs are not permitted");
      }
    }
  }

  /**
   * The frame as its message's schema describes it: without the reserved keys of Chanx's envelope
   * that the message does not declare. The frame itself when it has none of them.
   *
   * @param frame a frame, a JSON object
   * @param reserved the envelope's keys the message does not declare, such as {@code ref}
   * @return the frame without those keys
   */
  public static JsonNode withoutReserved(JsonNode frame, String... reserved) {
    if (!frame.isObject()) {
      return frame;
    }
    ObjectNode stripped = null;
    for (String key : reserved) {
      if (frame.has(key)) {
        stripped = stripped == null ? ((ObjectNode) frame).deepCopy() : stripped;
        stripped.remove(key);
      }
    }
    return stripped == null ? frame : stripped;
  }

  /**
   * The string value of the discriminator property, or null when absent or not a string.
   *
   * @param value the JSON value to read
   * @param discriminator the name of the discriminator property, such as {@code action}
   * @return the discriminator's string value, or null
   */
  public static String tag(JsonNode value, String discriminator) {
    if (value == null || !value.isObject()) {
      return null;
    }
    JsonNode tag = value.get(discriminator);
    return tag != null && tag.isTextual() ? tag.textValue() : null;
  }

  /**
   * The error for a frame whose discriminator is missing or not a string.
   *
   * @param discriminator the name of the discriminator property, such as {@code action}
   * @return the {@code union_tag_not_found} error
   */
  public static ValidationError tagNotFound(String discriminator) {
    return new ValidationError(
        "union_tag_not_found", List.of(), "Unable to extract tag using discriminator " + Texts.repr(discriminator));
  }

  /**
   * The error for a frame whose tag names no message.
   *
   * @param discriminator the name of the discriminator property, such as {@code action}
   * @param tag the tag read from the value
   * @param expected the known tags, quoted and joined, such as {@code 'new_chat_message', 'ping'}
   * @return the {@code union_tag_invalid} error
   */
  public static ValidationError tagInvalid(String discriminator, String tag, String expected) {
    return new ValidationError("union_tag_invalid", List.of(), tagInvalidMessage(discriminator, tag, expected));
  }

  /**
   * Reads the tag of a nested discriminated union, recording {@code union_tag_not_found} (or
   * {@code model_attributes_type} for a value that is no object) when it cannot.
   *
   * @param value the JSON value to read
   * @param discriminator the name of the discriminator property, such as {@code action}
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @return the tag, or null after recording a problem
   */
  public static String unionTag(JsonNode value, String discriminator, Loc at, Problems problems) {
    if (!value.isObject()) {
      problems.add(
          at, "model_attributes_type", "Input should be a valid dictionary or object to extract fields from");
      return null;
    }
    String tag = tag(value, discriminator);
    if (tag == null) {
      problems.add(
          at, "union_tag_not_found", "Unable to extract tag using discriminator " + Texts.repr(discriminator));
    }
    return tag;
  }

  /**
   * Records that a nested union's tag names no branch; returns null for use in a switch.
   *
   * @param <T> the type read
   * @param discriminator the name of the discriminator property, such as {@code action}
   * @param tag the tag read from the value
   * @param expected the known tags, quoted and joined
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @return always null
   */
  public static <T> T unknownTag(
      String discriminator, String tag, String expected, Loc at, Problems problems) {
    problems.add(at, "union_tag_invalid", tagInvalidMessage(discriminator, tag, expected));
    return null;
  }

  private static String tagInvalidMessage(String discriminator, String tag, String expected) {
    return "Input tag " + Texts.repr(tag) + " found using " + Texts.repr(discriminator)
        + " does not match any of the expected tags: " + expected;
  }

  // Plain values: each is a ValueReader, used as a method reference.

  /**
   * A string.
   *
   * @param value the JSON value to read
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @return the value, or null after recording a problem
   */
  public static String string(JsonNode value, Loc at, Problems problems) {
    if (value.isTextual()) {
      return value.textValue();
    }
    problems.add(at, "string_type", "Input should be a valid string");
    return null;
  }

  /**
   * An integer that fits a Java {@code int}.
   *
   * @param value the JSON value to read
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @return the value, or null after recording a problem
   */
  public static Integer int32(JsonNode value, Loc at, Problems problems) {
    if (value.isInt()) {
      return value.intValue();
    }
    BigDecimal number = Numbers.integer(value, at, problems);
    return number == null ? null : Numbers.INT32.fit(number, at, problems);
  }

  /**
   * An integer that fits a Java {@code long}.
   *
   * @param value the JSON value to read
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @return the value, or null after recording a problem
   */
  public static Long int64(JsonNode value, Loc at, Problems problems) {
    if (value.isInt() || value.isLong()) {
      return value.longValue();
    }
    BigDecimal number = Numbers.integer(value, at, problems);
    return number == null ? null : Numbers.INT64.fit(number, at, problems);
  }

  /**
   * A finite number, as a {@code double}.
   *
   * @param value the JSON value to read
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @return the value, or null after recording a problem
   */
  public static Double float64(JsonNode value, Loc at, Problems problems) {
    Double quick = Numbers.FLOAT64.quick(value, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    if (quick != null) {
      return quick;
    }
    BigDecimal number = Numbers.number(value, at, problems);
    return number == null ? null : Numbers.FLOAT64.fit(number, at, problems);
  }

  /**
   * A number, exactly.
   *
   * @param value the JSON value to read
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @return the value, or null after recording a problem
   */
  public static BigDecimal decimal(JsonNode value, Loc at, Problems problems) {
    return Numbers.number(value, at, problems);
  }

  /**
   * {@code true} or {@code false}.
   *
   * @param value the JSON value to read
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @return the value, or null after recording a problem
   */
  public static Boolean bool(JsonNode value, Loc at, Problems problems) {
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    problems.add(at, "bool_type", "Input should be a valid boolean");
    return null;
  }

  /**
   * A UUID in its canonical 8-4-4-4-12 form ({@code format: uuid}).
   *
   * @param value the JSON value to read
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @return the value, or null after recording a problem
   */
  public static UUID uuid(JsonNode value, Loc at, Problems problems) {
    if (!value.isTextual()) {
      problems.add(at, "uuid_type", "UUID input should be a string, bytes or UUID object");
      return null;
    }
    if (!UUID_TEXT.matcher(value.textValue()).matches()) {
      problems.add(at, "uuid_parsing", "Input should be a valid UUID");
      return null;
    }
    return UUID.fromString(value.textValue());
  }

  /**
   * An RFC 3339 date-time with an offset ({@code format: date-time}).
   *
   * @param value the JSON value to read
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @return the value, or null after recording a problem
   */
  public static OffsetDateTime dateTime(JsonNode value, Loc at, Problems problems) {
    if (!value.isTextual()) {
      problems.add(at, "datetime_type", "Input should be a valid datetime");
      return null;
    }
    String text = value.textValue();
    if (!DATE_TIME.accepts(value)) {
      problems.add(at, "datetime_parsing", "Input should be a valid datetime");
      return null;
    }
    // RFC 3339, as JSON Schema's format says: any case of T and Z, and a leap second, which
    // OffsetDateTime holds as the second before it.
    text = text.toUpperCase(java.util.Locale.ROOT);
    if (text.startsWith("60", 17)) {
      text = text.substring(0, 17) + "59" + text.substring(19);
    }
    return OffsetDateTime.parse(text);
  }

  /**
   * A date such as {@code 2024-05-01} ({@code format: date}).
   *
   * @param value the JSON value to read
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @return the value, or null after recording a problem
   */
  public static LocalDate date(JsonNode value, Loc at, Problems problems) {
    if (!value.isTextual()) {
      problems.add(at, "date_type", "Input should be a valid date");
      return null;
    }
    if (!DATE.accepts(value)) {
      problems.add(at, "date_parsing", "Input should be a valid date in the format YYYY-MM-DD");
      return null;
    }
    return LocalDate.parse(value.textValue());
  }

  /**
   * {@return a whole frame that is one value, not an object, read by {@code reader}; null after
   * recording the problems found}
   *
   * @param <T> the value's type
   * @param frame the frame
   * @param at the frame's place, for errors
   * @param problems where the problems found are recorded
   * @param reader reads the value
   */
  public static <T> T value(JsonNode frame, Loc at, Problems problems, ValueReader<T> reader) {
    return reader.read(frame, at, problems);
  }

  /**
   * Any JSON value, kept as the tree (for schemas without a type we can map).
   *
   * @param value the JSON value to read
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @return the value itself
   */
  public static JsonNode any(JsonNode value, Loc at, Problems problems) {
    return value;
  }

  /**
   * Only {@code null} ({@code type: 'null'}, Chanx's empty payload).
   *
   * @param value the JSON value to read
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   */
  public static Void none(JsonNode value, Loc at, Problems problems) {
    if (!value.isNull()) {
      problems.add(at, "none_required", "Input should be None");
    }
    return null;
  }

  // Composite readers, built once into static constants of generated code.

  /**
   * A reader of arrays whose elements {@code item} reads.
   *
   * @param <T> the type read
   * @param item reads each element
   * @return the list reader
   */
  public static <T> ListReader<T> listOf(ValueReader<T> item) {
    return new ListReader<>(item, null, null, null);
  }

  /**
   * A reader of objects used as maps, whose values {@code value} reads.
   *
   * @param <T> the type read
   * @param value reads each value of the map
   * @return the map reader
   */
  public static <T> MapReader<T> mapOf(ValueReader<T> value) {
    return new MapReader<>(value, null);
  }

  /**
   * A reader of a string enum, by each constant's wire value.
   *
   * @param <E> the enum type
   * @param constants the enum's constants
   * @param wireValue gives each constant's value on the wire
   * @return the enum reader
   */
  public static <E extends Enum<E>> EnumReader<E> enumOf(E[] constants, Function<E, String> wireValue) {
    return new EnumReader<>(constants, wireValue);
  }

  /**
   * A reader that maps JSON null to null and reads anything else with {@code reader}.
   *
   * @param <T> the type read
   * @param reader reads any value that is not null
   * @return the reader that accepts null
   */
  public static <T> ValueReader<T> orNull(ValueReader<T> reader) {
    return (value, at, problems) -> value.isNull() ? null : reader.read(value, at, problems);
  }
}
