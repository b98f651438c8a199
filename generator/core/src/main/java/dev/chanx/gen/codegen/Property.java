package dev.chanx.gen.codegen;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One property of a generated record.
 *
 * @param wireName the property's name in JSON
 * @param javaName the record component, or for a constant the accessor method that exposes it
 * @param role how the property is generated
 * @param type the component's type (components only)
 * @param required whether the schema lists it in {@code required}
 * @param nullable whether JSON null is allowed
 * @param constant the constant value (constants only)
 * @param constantName the {@code public static final} field holding the constant (constants only)
 * @param defaultValue the schema's {@code default} applied when the property is absent, or null
 * @param doc the text for its {@code @param} tag
 */
record Property(
    String wireName,
    String javaName,
    Role role,
    TypeRef type,
    boolean required,
    boolean nullable,
    String constant,
    String constantName,
    JsonNode defaultValue,
    String doc) {

  /** How a property becomes Java. */
  enum Role {
    /** A record component. */
    COMPONENT,
    /** A string {@code const}: a static constant, always written, checked on input. */
    CONSTANT,
    /** A property whose only type is null: always written as null, refused when not null. */
    NULL
  }

  /** Whether the component may hold null: optional or nullable. */
  boolean boxed() {
    return !required || nullable;
  }
}
