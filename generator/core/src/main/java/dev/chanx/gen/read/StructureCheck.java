package dev.chanx.gen.read;

import com.asyncapi.v3._0_0.model.AsyncAPI;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the document's structure (fields, their types) by binding it to asyncapi-core's model.
 * A copy is bound, with every schema replaced by an empty object: asyncapi-core refuses schema
 * keywords that real documents use and the official parser accepts ({@code example},
 * {@code const} in some places, {@code $defs}...), and schemas are read by {@link SchemaReader}.
 */
final class StructureCheck {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final int MAX_PROBLEMS = 20;

  // Objects whose fields are names chosen by the user, not AsyncAPI keywords.
  private static final Set<String> NAMED_ENTRIES = Set.of("channels", "operations", "servers",
      "messages", "parameters", "schemas", "securitySchemes", "serverVariables", "variables",
      "correlationIds", "replies", "replyAddresses", "externalDocs", "tags", "operationTraits",
      "messageTraits", "serverBindings", "channelBindings", "operationBindings", "messageBindings");
  // Fields that hold a schema: in messages and traits (payload, headers) and in bindings.
  private static final Set<String> SCHEMA_FIELDS = Set.of("payload", "headers", "query");

  private StructureCheck() {}

  static void check(SourceDoc root, SpecVersion version, Problems problems) {
    ObjectNode copy = root.root().deepCopy();
    strip(copy, "");
    if (version == SpecVersion.V3_1) {
      copy.put("asyncapi", "3.0.0"); // asyncapi-core has no 3.1 model; the structure is the same
    }
    Set<String> reported = new HashSet<>();
    for (int i = 0; i < MAX_PROBLEMS; i++) {
      try {
        MAPPER.treeToValue(copy, AsyncAPI.class);
        return;
      } catch (JsonMappingException e) {
        String pointer = pointerOf(e.getPath());
        if (!reported.add(pointer)) {
          return;
        }
        report(root.at(pointer), e, problems);
        // Drop the offending part and bind again, so that all structural problems are found.
        if (pointer.isEmpty() || !remove(copy, pointer)) {
          return;
        }
      } catch (JsonProcessingException | IllegalArgumentException e) {
        return; // asyncapi-core failing on its own is not the user's problem
      }
    }
  }

  private static void strip(JsonNode node, String key) {
    if (node instanceof ObjectNode object) {
      boolean named = NAMED_ENTRIES.contains(key);
      if (key.equals("schemas")) {
        object.fieldNames().forEachRemaining(name -> object.putObject(name));
        return;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      List<String> names = new java.util.ArrayList<>();
      fields.forEachRemaining(e -> names.add(e.getKey()));
      for (String name : names) {
        JsonNode value = object.get(name);
        if (!named && SCHEMA_FIELDS.contains(name) && value.isObject()) {
          object.putObject(name);
        } else {
          strip(value, name);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (JsonNode element : array) {
        strip(element, "");
      }
    }
  }

  private static String pointerOf(List<JsonMappingException.Reference> path) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        out.append('/').append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (ref.getIndex() >= 0) {
        out.append('/').append(ref.getIndex());
      }
    }
    return out.toString();
  }

  private static boolean remove(ObjectNode copy, String pointer) {
    JsonNode parent = copy.at(Pointer.parent(pointer));
    String last = Pointer.last(pointer);
    if (parent instanceof ObjectNode object && object.has(last)) {
      object.remove(last);
      return true;
    }
    if (parent instanceof ArrayNode array && last.matches("\\d+") && Integer.parseInt(last) < array.size()) {
      array.remove(Integer.parseInt(last));
      return true;
    }
    return false;
  }

  private static void report(Location where, JsonMappingException e, Problems problems) {
    String field = Pointer.last(where.pointer());
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage()).contains("extension property")) {
      problems.at(where, "unknown field '" + field + "'",
          "Check the spelling against the AsyncAPI specification; extension fields start with x-.");
    } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
      StringBuilder allowed = new StringBuilder();
      for (Object constant : f.getTargetType().getEnumConstants()) {
        allowed.append(allowed.length() == 0 ? "" : " or ").append(constant.toString().toLowerCase(java.util.Locale.ROOT));
      }
      problems.at(where, "'" + field + "' cannot be '" + f.getValue() + "'", "Use " + allowed + ".");
    } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      problems.at(where, "'" + field + "' must be " + describe(m.getTargetType()), null);
    } else {
      String message = e.getOriginalMessage();
      int cut = message.indexOf('\n');
      message = cut >= 0 ? message.substring(0, cut) : message;
      problems.at(where, "this does not fit the AsyncAPI structure: " + message.replace("`", "'"), null);
    }
  }

  private static String describe(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "an object";
  }
}
