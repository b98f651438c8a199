package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * An AsyncAPI object that {@link StructureCheck} binds on its own with asyncapi-core's model,
 * with the fields that hold other objects. Binding objects one by one matters: asyncapi-core's
 * map deserializers catch an entry's error, print it and carry on, so a whole-document bind
 * would neither fail nor stay quiet. Schemas are never bound: {@link SchemaReader} reads those
 * that are reached, and asyncapi-core refuses keywords the official parser accepts.
 */
interface StructureShape {

  /** How a field holds its objects; SKIP fields are left out of the bind and not checked here. */
  enum Form { ONE, MAP, LIST, SKIP }

  /** A field holding other objects. */
  record Field(Form form, StructureShape shape) {}

  /** The asyncapi-core class the object's own fields are bound to. */
  Class<?> type();

  /** The fields holding objects, which are left out of this object's bind and checked on their own. */
  Map<String, Field> fields();

  /** The shape a particular node has, for a field that may hold one of several objects. */
  default StructureShape refine(JsonNode node) {
    return this;
  }

  static void skip(Map<String, Field> f, String... names) {
    for (String name : names) {
      f.put(name, new Field(Form.SKIP, null));
    }
  }

  static Field one(StructureShape shape) {
    return new Field(Form.ONE, shape);
  }

  static Field map(StructureShape shape) {
    return new Field(Form.MAP, shape);
  }

  static Field list(StructureShape shape) {
    return new Field(Form.LIST, shape);
  }
}
