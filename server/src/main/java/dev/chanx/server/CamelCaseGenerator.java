package dev.chanx.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * Writes through to another generator, camelizing every field name on the way; trees written
 * with {@code writeTree} are walked through it too, so their keys change as well. Used only for
 * channels with camelCase on: the others write to the plain generator.
 */
final class CamelCaseGenerator extends JsonGeneratorDelegate {

  CamelCaseGenerator(JsonGenerator out) {
    // false: copy methods (writeTree among them) go through this delegate, not around it.
    super(out, false);
  }

  /** What the frame writer writes a channel's fields through: this generator when {@code camelCase}, else none. */
  static UnaryOperator<JsonGenerator> when(boolean camelCase) {
    return camelCase ? CamelCaseGenerator::new : null;
  }

  @Override
  public void writeFieldName(String name) throws IOException {
    delegate.writeFieldName(CamelCase.camelize(name));
  }

  @Override
  public void writeFieldName(SerializableString name) throws IOException {
    String value = name.getValue();
    String camel = CamelCase.camelize(value);
    if (camel == value) {
      delegate.writeFieldName(name);
    } else {
      delegate.writeFieldName(camel);
    }
  }
}
