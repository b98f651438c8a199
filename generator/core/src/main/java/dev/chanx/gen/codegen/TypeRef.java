package dev.chanx.gen.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.chanx.gen.model.Schema;

/** The Java type a schema maps to, as the writers need it. */
sealed interface TypeRef {

  /** The Java type; {@code boxed} when the value may be null. */
  TypeName javaType(boolean boxed);

  /** A value of a library type, with the schema whose constraints apply. */
  record Scalar(ScalarKind kind, Schema schema) implements TypeRef {
    @Override
    public TypeName javaType(boolean boxed) {
      return boxed ? kind.type().box() : kind.type();
    }
  }

  /** A generated record, sealed interface or enum. */
  record Named(Decl decl) implements TypeRef {
    @Override
    public TypeName javaType(boolean boxed) {
      return decl.name();
    }

    ClassName name() {
      return decl.name();
    }
  }

  /** An array. */
  record ListOf(TypeRef item, boolean itemNullable, Schema schema) implements TypeRef {
    @Override
    public TypeName javaType(boolean boxed) {
      return Types.listOf(item.javaType(true));
    }
  }

  /** An object whose keys are data ({@code additionalProperties} with a schema, or free-form). */
  record MapOf(TypeRef value, boolean valueNullable) implements TypeRef {
    @Override
    public TypeName javaType(boolean boxed) {
      return Types.mapOf(value.javaType(true));
    }
  }

  /** The library types a schema without properties maps to. */
  enum ScalarKind {
    STRING(Types.STRING, "string"),
    INT32(TypeName.INT, "int32"),
    INT64(TypeName.LONG, "int64"),
    FLOAT64(TypeName.DOUBLE, "float64"),
    DECIMAL(Types.BIG_DECIMAL, "decimal"),
    BOOLEAN(TypeName.BOOLEAN, "bool"),
    UUID(Types.UUID, "uuid"),
    DATE_TIME(Types.OFFSET_DATE_TIME, "dateTime"),
    DATE(Types.LOCAL_DATE, "date"),
    JSON(Types.JSON_NODE, "any");

    private final TypeName type;
    private final String reader;

    ScalarKind(TypeName type, String reader) {
      this.type = type;
      this.reader = reader;
    }

    TypeName type() {
      return type;
    }

    /** The name of the {@code Read} method that reads a plain value of this kind. */
    String reader() {
      return reader;
    }

    boolean isNumber() {
      return this == INT32 || this == INT64 || this == FLOAT64 || this == DECIMAL;
    }
  }
}
