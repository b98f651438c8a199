package dev.chanx.gen.codegen;

import com.palantir.javapoet.ClassName;
import dev.chanx.gen.model.Schema;
import java.util.List;

/** A Java enum for a string {@code enum}. */
final class EnumDecl extends Decl {

  private final List<String> wireValues;
  private final List<String> constants;

  EnumDecl(ClassName name, Schema schema, List<String> doc, List<String> wireValues, List<String> constants) {
    super(name, schema, doc);
    this.wireValues = List.copyOf(wireValues);
    this.constants = List.copyOf(constants);
  }

  /** The values as written in the document, in order. */
  List<String> wireValues() {
    return wireValues;
  }

  /** The Java constant for each value, same order. */
  List<String> constants() {
    return constants;
  }
}
