package dev.chanx.core.codec;

import static dev.chanx.core.codec.Frames.error;
import static dev.chanx.core.codec.Frames.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.message.ValidationError;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReadTest {

  private final Problems problems = new Problems();
  private final Loc at = Loc.of("m");

  private List<ValidationError> errors() {
    return problems.errors();
  }

  @Test
  void requiredFieldsMustBePresentAndNotNull() {
    JsonNode object = json("{\"a\":null}");

    assertNull(Read.required(object, "b", at, problems, Read::string));
    assertNull(Read.required(object, "a", at, problems, Read::string));
    assertEquals(List.of(error("missing", "Field required", "m", "b"),
        error("string_type", "Input should be a valid string", "m", "a")), errors());
  }

  @Test
  void nullableFieldsMustBePresentButMayBeNull() {
    assertNull(Read.nullable(json("{\"a\":null}"), "a", at, problems, Read::string));
    assertNull(Read.nullable(json("{}"), "a", at, problems, Read::string));
    assertEquals(List.of(error("missing", "Field required", "m", "a")), errors());
  }

  @Test
  void optionalFieldsTakeTheirDefaultOnlyWhenAbsent() {
    assertEquals("d", Read.optional(json("{}"), "a", at, problems, Read::string, "d"));
    assertNull(Read.optionalNullable(json("{\"a\":null}"), "a", at, problems, Read::string, "d"));
    assertEquals("d", Read.optionalNullable(json("{}"), "a", at, problems, Read::string, "d"));
    assertNull(Read.optional(json("{\"a\":null}"), "a", at, problems, Read::string, "d"));
    assertEquals(List.of(error("string_type", "Input should be a valid string", "m", "a")), errors());
  }

  @Test
  void constants() {
    Read.optionalConstant(json("{}"), "kind", "x", at, problems);
    Read.optionalConstant(json("{\"kind\":\"y\"}"), "kind", "x", at, problems);
    Read.requiredConstant(json("{}"), "kind", "it's", at, problems);
    Read.requiredConstant(json("{\"kind\":1}"), "kind", "it's", at, problems);

    assertEquals(List.of(error("literal_error", "Input should be 'x'", "m", "kind"),
        error("missing", "Field required", "m", "kind"),
        error("literal_error", "Input should be \"it's\"", "m", "kind")), errors());
  }

  @Test
  void tagsAndTheirErrors() {
    assertEquals("ping", Read.tag(json("{\"action\":\"ping\"}"), "action"));
    assertNull(Read.tag(json("{\"action\":1}"), "action"));
    assertNull(Read.tag(json("\"ping\""), "action"));
    assertEquals(new ValidationError("union_tag_not_found", List.of(), "Unable to extract tag using discriminator 'action'"),
        Read.tagNotFound("action"));
    assertEquals(new ValidationError("union_tag_invalid", List.of(),
            "Input tag 'x' found using 'action' does not match any of the expected tags: 'a', 'b'"),
        Read.tagInvalid("action", "x", "'a', 'b'"));
  }

  @Test
  void objectsAndOtherKeys() {
    Read.object(json("[]"), at, problems, "Payload");
    Read.noOtherKeys(json("{\"a\":1,\"z\":2,\"b\":3}"), Set.of("a"), at, problems);

    assertEquals(List.of(error("model_type", "Input should be a valid dictionary or instance of Payload", "m"),
        error("extra_forbidden", "Extra inputs are not permitted", "m", "z"),
        error("extra_forbidden", "Extra inputs are not permitted", "m", "b")), errors());
  }

  @Test
  void formats() {
    assertEquals(UUID.fromString("6d0b4caf-95d3-410c-b85d-ce592e622aea"),
        Read.uuid(json("\"6d0b4caf-95d3-410c-b85d-ce592e622aea\""), at, problems));
    assertEquals(OffsetDateTime.parse("2024-05-01T10:00:00Z"), Read.dateTime(json("\"2024-05-01T10:00:00Z\""), at, problems));
    assertEquals(LocalDate.of(2024, 5, 1), Read.date(json("\"2024-05-01\""), at, problems));
    Read.uuid(json("\"1-2-3-4-5\""), at, problems);
    Read.dateTime(json("\"2024-05-01\""), at, problems);
    Read.date(json("\"01/05/2024\""), at, problems);

    assertEquals(List.of(error("uuid_parsing", "Input should be a valid UUID", "m"),
        error("datetime_parsing", "Input should be a valid datetime", "m"),
        error("date_parsing", "Input should be a valid date in the format YYYY-MM-DD", "m")), errors());
  }

  @Test
  void noneAcceptsOnlyNull() {
    Read.none(json("null"), at, problems);
    Read.none(json("{}"), at, problems);

    assertEquals(List.of(error("none_required", "Input should be None", "m")), errors());
  }
}
