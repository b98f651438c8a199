package dev.chanx.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The metadata IDEs complete {@code chanx.*} from: generated at build time from
 * {@link ChanxProperties}, one described entry for each of its settings.
 */
class ConfigurationMetadataTest {

  @Test
  void everySettingIsInTheMetadataWithADescription() throws Exception {
    JsonNode metadata;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertNotNull(in, "no META-INF/spring-configuration-metadata.json on the class path");
      metadata = new ObjectMapper().readTree(in);
    }
    TreeMap<String, String> described = new TreeMap<>();
    for (JsonNode property : metadata.get("properties")) {
      described.put(property.get("name").asText(), property.path("description").asText(""));
    }
    assertEquals(settings(ChanxProperties.class, "chanx."), described.keySet());
    described.forEach((name, description) -> assertFalse(description.isBlank(), name + " has no description"));
  }

  /** The kebab-case names of a properties class's settings, nested groups flattened. */
  private static Set<String> settings(Class<?> type, String prefix) {
    Set<String> names = new TreeSet<>();
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      String name = prefix + field.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
      if (field.getType().getDeclaringClass() == ChanxProperties.class) {
        names.addAll(settings(field.getType(), name + "."));
      } else {
        names.add(name);
      }
    }
    return names;
  }
}
