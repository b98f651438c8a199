package dev.chanx.gen.codegen;

import static dev.chanx.gen.codegen.CompiledChannel.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenAPI-style polymorphism ({@code codegen/polymorphism.yaml}): a base schema with a
 * discriminator and subtypes that are {@code allOf} it become a sealed interface and a record per
 * subtype, read by the discriminator's value and checked by every rule of the subtype.
 */
class PolymorphismTest {

  @TempDir
  static Path workDir;

  static CompiledChannel pets;

  @BeforeAll
  static void generateAndCompile() {
    pets = CompiledChannel.of(Path.of("src/test/resources/codegen/polymorphism.yaml"), "pets", "Pets", workDir);
  }

  private static Object component(Object record, String name) throws Exception {
    return record.getClass().getMethod(name).invoke(record);
  }

  @Test
  void theBaseIsASealedInterfaceOfItsSubtypes() {
    Class<?> pet = pets.type("Pet");
    assertTrue(pet.isSealed() && pet.isInterface());
    assertEquals(List.of("Dog", "Cat"), List.of(pet.getPermittedSubclasses()).stream().map(Class::getSimpleName)
        .toList(), "the mapping's subtypes, then those that are allOf the base");
    assertTrue(pets.type("Cat").isRecord());
  }

  @Test
  void theDiscriminatorPicksTheSubtypeByNameOrMapping() throws Exception {
    Object adopt = pets.value("{\"action\":\"adopt\",\"pet\":{\"kind\":\"Cat\",\"name\":\"Tom\",\"lives\":9}}");
    Object cat = component(adopt, "pet");
    assertEquals("Cat", cat.getClass().getSimpleName());
    assertEquals(9L, component(cat, "lives"));
    assertEquals("Tom", component(cat, "name"), "a subtype has the base's properties");
    assertEquals("{\"action\":\"adopt\",\"pet\":{\"kind\":\"Cat\",\"name\":\"Tom\",\"lives\":9}}",
        CompiledChannel.write(adopt), "a subtype writes its own discriminator value");
    Object dog = component(pets.value("{\"action\":\"adopt\",\"pet\":{\"kind\":\"dog\",\"name\":\"Rex\"}}"), "pet");
    assertEquals("Dog", dog.getClass().getSimpleName());
    assertEquals("CityShelter", pets.value("{\"action\":\"register\",\"kind\":\"CityShelter\",\"city\":\"Oslo\"}")
        .getClass().getSimpleName(), "a message whose payload is the base, with AsyncAPI's string discriminator");
  }

  @Test
  void aSubtypeIsCheckedByAllItsRules() {
    assertEquals(List.of(error("less_than_equal", List.of("adopt", "pet", "Cat", "lives"),
        "Input should be less than or equal to 9")),
        pets.errors("{\"action\":\"adopt\",\"pet\":{\"kind\":\"Cat\",\"name\":\"Tom\",\"lives\":10}}"));
    assertEquals(List.of(error("missing", List.of("adopt", "pet", "Cat", "lives"), "Field required")),
        pets.errors("{\"action\":\"adopt\",\"pet\":{\"kind\":\"Cat\",\"name\":\"Tom\"}}"));
    assertEquals(List.of(error("string_too_short", List.of("adopt", "pet", "dog", "name"),
        "String should have at least 1 character")),
        pets.errors("{\"action\":\"adopt\",\"pet\":{\"kind\":\"dog\",\"name\":\"\"}}"));
    assertEquals(List.of(error("too_long", List.of("adopt", "pet", "dog", "tags"),
        "List should have at most 2 items after validation, not 3")),
        pets.errors("{\"action\":\"adopt\",\"pet\":{\"kind\":\"dog\",\"name\":\"Rex\",\"tags\":[\"a\",\"b\",\"c\"]}}"));
  }

  @Test
  void anUnknownOrMissingDiscriminatorIsReported() {
    assertEquals(List.of(error("union_tag_invalid", List.of("adopt", "pet"),
        "Input tag 'Cow' found using 'kind' does not match any of the expected tags: 'dog', 'Cat'")),
        pets.errors("{\"action\":\"adopt\",\"pet\":{\"kind\":\"Cow\",\"name\":\"Daisy\"}}"));
    assertEquals(List.of(error("union_tag_not_found", List.of("adopt", "pet"),
        "Unable to extract tag using discriminator 'kind'")),
        pets.errors("{\"action\":\"adopt\",\"pet\":{\"name\":\"Tom\"}}"));
  }
}
