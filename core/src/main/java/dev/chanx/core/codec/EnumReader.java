package dev.chanx.core.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a string enum by the wire value of each constant.
 *
 * @param <E> the generated enum
 */
public final class EnumReader<E extends Enum<E>> implements ValueReader<E>, StreamReader<E> {

  private final Map<String, E> byWireValue = new HashMap<>();
  private final String expected;

  EnumReader(E[] constants, Function<E, String> wireValue) {
    List<String> shown = new ArrayList<>(constants.length);
    for (E constant : constants) {
      byWireValue.put(wireValue.apply(constant), constant);
      shown.add(Texts.repr(wireValue.apply(constant)));
    }
    expected = "Input should be " + Texts.oneOf(shown);
  }

  @Override
  public E read(JsonNode value, Loc at, Problems problems) {
    E constant = value.isTextual() ? byWireValue.get(value.textValue()) : null;
    if (constant == null) {
      problems.add(at, "enum", expected);
    }
    return constant;
  }

  @Override
  public E read(JsonParser json) throws IOException {
    E constant = json.currentToken() == JsonToken.VALUE_STRING ? byWireValue.get(json.getText()) : null;
    if (constant == null) {
      throw StreamMiss.INSTANCE;
    }
    return constant;
  }
}
