package dev.chanx.gen.codegen;

import com.palantir.javapoet.ClassName;
import dev.chanx.gen.model.Schema;
import java.util.List;

/**
 * A message whose frame is not a JSON object: one JSON value (a string, number, boolean or array,
 * held as its Java type in a one-component record), or binary data (carried in a binary frame and
 * held as a {@code ByteBuffer}).
 */
final class ValueDecl extends Decl {

  private final TypeRef type;
  private final boolean nullable;

  /**
   * @param type the value's Java type; null for binary data
   * @param nullable whether JSON null is one of the values
   */
  ValueDecl(ClassName name, Schema schema, List<String> doc, TypeRef type, boolean nullable) {
    super(name, schema, doc);
    this.type = type;
    this.nullable = nullable;
  }

  /** Whether the frame is binary data rather than JSON. */
  boolean binary() {
    return type == null;
  }

  /** The value's type; null for binary data. */
  TypeRef type() {
    return type;
  }

  boolean nullable() {
    return nullable;
  }
}
