package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.JsonType;
import dev.chanx.gen.model.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each schema form a document may use, normalised (schema-forms.yaml). */
class SchemaReaderTest {

  private final ApiModel model = Fixtures.read("schema-forms.yaml");
  private final Schema sample = model.schemas().get("/components/schemas/Sample");
  private final Map<String, Schema> p = sample.properties();

  @Test
  void allOfIsMergedKeepingTheOuterWords() {
    assertEquals("Sample", sample.name());
    assertEquals("Sample", sample.title());
    assertEquals("Outer words win.", sample.description());
    assertEquals(Set.of(JsonType.OBJECT), sample.types());
    assertEquals(List.of("id", "action"), sample.required());
    assertEquals("/components/schemas/Base/properties/id", p.get("id").pointer());
    assertEquals("uuid", p.get("id").format());
    assertEquals("^[a-f0-9-]+$", p.get("id").pattern());
    assertEquals(36, p.get("id").minLength());
    assertTrue(model.schemas().containsKey("/components/schemas/Base"), "a merged $ref is still a named schema");
  }

  @Test
  void nullTypesAndNullableBecomeNull() {
    assertEquals(Set.of(JsonType.STRING, JsonType.NULL), p.get("nullable_list").types());
    assertEquals(Set.of(JsonType.INTEGER, JsonType.NULL), p.get("nullable_flag").types());
  }

  @Test
  void oneChoiceOrNullIsThatChoiceMadeNullable() {
    Schema optionalRef = p.get("optional_ref");
    assertEquals("/components/schemas/Node", optionalRef.ref());
    assertTrue(optionalRef.isNullable());
    assertEquals("Optional Ref", optionalRef.title());
    assertTrue(optionalRef.defaultValue().isNull());
    Schema optionalInline = p.get("optional_inline");
    assertEquals(Set.of(JsonType.STRING, JsonType.NULL), optionalInline.types());
    assertEquals(5, optionalInline.maxLength());
    assertTrue(optionalInline.oneOf().isEmpty());
  }

  @Test
  void numbersAreExactAndDraft4ExclusiveBoundsBecomeValues() {
    Schema price = p.get("price");
    assertNull(price.minimum());
    assertEquals(BigDecimal.ZERO, price.exclusiveMinimum());
    assertEquals(new BigDecimal("10.50"), price.maximum());
    assertEquals(new BigDecimal("0.01"), price.multipleOf());
    assertEquals(BigDecimal.ONE, p.get("ratio").exclusiveMaximum());
    assertEquals(new BigInteger("12345678901234567890"), p.get("big").constValue().bigIntegerValue());
  }

  @Test
  void keepsConstEnumDefaultAndExamples() {
    assertEquals("sample", p.get("action").constValue().asText());
    Schema color = p.get("color");
    assertEquals(List.of("red", "green"), color.enumValues().stream().map(n -> n.asText()).toList());
    assertEquals("red", color.defaultValue().asText());
    assertEquals("red", color.examples().get(0).asText());
    assertEquals("old", p.get("legacy").examples().get(0).asText());
    assertTrue(p.get("legacy").deprecated());
  }

  @Test
  void additionalPropertiesTrueFalseOrSchema() {
    assertNull(p.get("labels").additionalPropertiesAllowed());
    assertEquals(JsonType.STRING, p.get("labels").additionalProperties().singleType());
    assertEquals(Boolean.FALSE, p.get("closed").additionalPropertiesAllowed());
  }

  @Test
  void propertiesWithoutTypeAllowAnyValue() {
    // JSON Schema checks properties of objects only: without a type, any value is allowed.
    assertEquals(Set.of(), p.get("untyped").types());
    assertTrue(model.warnings().stream().anyMatch(w -> w.render().matches("schema-forms\\.yaml#/components/schemas/"
        + ".*/untyped \\(line 40\\): this schema describes an object but has no type, so any JSON value is allowed"
        + " here and the generated type is JsonNode\\. Add type: object to get a record\\.")), model.warnings()::toString);
  }

  @Test
  void discriminatorAsObjectOrString() {
    assertEquals("kind", p.get("shape").discriminator());
    assertEquals("kind", model.schemas().get("/components/schemas/Square").discriminator());
  }

  @Test
  void defsAreNamedByTheirKey() {
    Schema circle = model.schemas().get("/components/schemas/Sample/$defs/Circle");
    assertEquals("Circle", circle.name());
    assertEquals("circle", circle.properties().get("kind").constValue().asText());
  }

  @Test
  void recursiveSchemasEndAtTheirReference() {
    Schema node = model.schemas().get("/components/schemas/Node");
    Schema children = node.properties().get("children");
    assertEquals("/components/schemas/Node", children.items().ref());
    assertTrue(children.uniqueItems());
    assertEquals(0, children.minItems());
  }

  @Test
  void unknownKeywordsAreIgnored() {
    assertEquals(Set.of(JsonType.STRING), p.get("ignored").types());
  }

  @Test
  void escapedAndPercentEncodedRefs() {
    assertEquals("/components/schemas/a~1b~0c", p.get("escaped").ref());
    assertEquals("a/b~c", model.schemas().get("/components/schemas/a~1b~0c").name());
    assertEquals("/components/schemas/with space", p.get("spaced").ref());
    assertEquals(JsonType.BOOLEAN, model.resolve(p.get("spaced")).singleType());
  }

  @Test
  void aReferenceToAMessageObjectWhereASchemaBelongsReadsItsPayloadWithAWarning() {
    ApiModel feed = Fixtures.read("message-as-schema.yaml");
    Schema payload = feed.resolve(feed.channels().get(0).sends().get(0).messages().get(0).payload());
    Schema tick = feed.resolve(payload.oneOf().get(1));
    assertEquals(Set.of("tick"), tick.properties().keySet());
    assertEquals(List.of("message-as-schema.yaml#/channels/feed/messages/update/payload/oneOf/1 (line 13): this $ref"
        + " names a message object ('/components/messages/tick') where a schema belongs; it is read as that"
        + " message's payload. Refer to '/components/messages/tick/payload' instead."),
        feed.warnings().stream().map(dev.chanx.gen.SpecProblem::render).toList());
  }
}
