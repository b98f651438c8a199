package dev.chanx.gen.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the document's structure (known fields, their types) with asyncapi-core's model: 3.0
 * for 3.x, 2.6 for 2.x. Each object is bound on its own, without the fields that hold schemas or
 * other objects (see {@link StructureShape}): asyncapi-core refuses schema keywords that the
 * official parser accepts ({@code example}, {@code $defs}...), and schemas are read by {@link
 * SchemaReader} anyway. An object reached through a {@code $ref} is checked where it is written,
 * in whichever file, once.
 */
final class StructureCheck {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_PER_OBJECT = 10;

  private final Problems problems;
  private final RefResolver refs;
  private final Set<String> checked = new HashSet<>();

  private StructureCheck(Problems problems, RefResolver refs) {
    this.problems = problems;
    this.refs = refs;
  }

  static void check(SourceDoc root, DocumentSet docs, SpecVersion version, Problems problems) {
    ObjectNode document = root.root().deepCopy();
    if (version == SpecVersion.V3_1) {
      document.put("asyncapi", "3.0.0"); // asyncapi-core has no 3.1 model; the structure is the same
    }
    // Follows refs without saying what is wrong with them: the reader says it later, knowing
    // what each ref is for. Files it loads stay loaded, and their syntax errors are reported once.
    RefResolver quiet = new RefResolver(docs, new Problems());
    StructureShape shape = version == SpecVersion.V2 ? V2Shape.ROOT : V3Shape.ROOT;
    new StructureCheck(problems, quiet).check(root.at(""), document, shape);
  }

  private void check(Location start, JsonNode given, StructureShape expected) {
    Location where = start;
    JsonNode node = given;
    if (RefResolver.isRef(node)) {
      // The kind only words the problems of a broken ref, which nobody reads here.
      RefResolver.Target target = refs.followAll(where, RefKind.MESSAGE);
      if (target == null) {
        return;
      }
      where = target.location();
      node = target.node();
    }
    if (!checked.add(where.canonical())) {
      return;
    }
    StructureShape shape = expected.refine(node);
    if (!node.isObject()) {
      problems.at(where, "'" + Pointer.last(where.pointer()) + "' must be an object", null);
      return;
    }
    Map<String, StructureShape.Field> fields = shape.fields();
    ObjectNode own = ((ObjectNode) node).deepCopy();
    own.remove(fields.keySet());
    bind(where, own, shape.type());
    for (Map.Entry<String, StructureShape.Field> field : fields.entrySet()) {
      JsonNode value = node.get(field.getKey());
      Location at = where.child(field.getKey());
      if (value == null || value.isNull() || field.getValue().form() == StructureShape.Form.SKIP) {
        continue;
      }
      StructureShape inner = field.getValue().shape();
      switch (field.getValue().form()) {
        case ONE:
          check(at, value, inner);
          break;
        case MAP:
          if (!value.isObject()) {
            problems.at(at, "'" + field.getKey() + "' must be an object", null);
          } else {
            value.fieldNames().forEachRemaining(name -> check(at.child(name), value.get(name), inner));
          }
          break;
        default:
          if (!value.isArray()) {
            problems.at(at, "'" + field.getKey() + "' must be a list", null);
          } else {
            for (int i = 0; i < value.size(); i++) {
              check(at.child(i), value.get(i), inner);
            }
          }
          break;
      }
    }
  }

  /** Binds one object; after each failure drops the field at fault and binds again, to find them all. */
  private void bind(Location where, ObjectNode own, Class<?> type) {
    for (int i = 0; i < MAX_PER_OBJECT; i++) {
      try {
        MAPPER.treeToValue(own, type);
        return;
      } catch (JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        String field = path.isEmpty() ? null : path.get(0).getFieldName();
        if (field == null || !own.has(field)) {
          return;
        }
        report(where.child(field), e, type);
        own.remove(field);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        return; // asyncapi-core failing on its own is not the user's problem
      }
    }
  }

  private void report(Location where, JsonMappingException e, Class<?> type) {
    String field = Pointer.last(where.pointer());
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage()).contains("extension property")) {
      String close = Suggest.closest(field, fieldsOf(type));
      problems.at(where, "unknown field '" + field + "'", close != null ? "Did you mean '" + close + "'?"
          : "Check the spelling against the AsyncAPI specification; extension fields start with x-.");
    } else if (e instanceof UnrecognizedPropertyException u) {
      // A type without extension fields, such as 2.x's {oneOf: [...]}.
      List<String> known = new ArrayList<>();
      u.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
      String close = Suggest.closest(field, known);
      problems.at(where, "unknown field '" + field + "'", close != null ? "Did you mean '" + close + "'?"
          : "Use only " + String.join(", ", known) + " here.");
    } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
      List<String> allowed = new ArrayList<>();
      for (Object constant : f.getTargetType().getEnumConstants()) {
        allowed.add(constant.toString().toLowerCase(Locale.ROOT));
      }
      problems.at(where, "'" + field + "' cannot be '" + f.getValue() + "'", "Use " + String.join(" or ", allowed) + ".");
    } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      problems.at(where, "'" + field + "' must be " + describe(m.getTargetType()), null);
    } else if (String.valueOf(e.getOriginalMessage()).contains("marked non-null")) {
      problems.at(where, "'" + field + "' must have a value", null); // Lombok's @NonNull
    } else {
      String message = e.getOriginalMessage();
      int cut = message.indexOf('\n');
      message = cut >= 0 ? message.substring(0, cut) : message;
      problems.at(where, "'" + field + "' does not fit the AsyncAPI structure: " + message.replace("`", "'"), null);
    }
  }

  private static List<String> fieldsOf(Class<?> type) {
    List<String> names = new ArrayList<>();
    for (BeanPropertyDefinition p : MAPPER.getDeserializationConfig()
        .introspect(MAPPER.constructType(type)).findProperties()) {
      names.add(p.getName());
    }
    return names;
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
