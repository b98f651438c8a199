package dev.chanx.core.codec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.message.ValidationError;
import dev.chanx.core.schema.JsonSchema;
import java.util.List;

/**
 * Reads a message whose generated reader does not hold its whole schema: the reader builds the
 * value and reports, in Pydantic's words, what it checks; the compiled schema then checks the
 * rest. A problem the schema finds at, inside or around a place where the reader already reported
 * one is that problem told again (a oneOf that no branch fits, around the branches' own errors),
 * so only the schema's problems elsewhere are added.
 */
public final class Contract {

  private Contract() {}

  /**
   * Reads a value that must also hold to its schema.
   *
   * @param <T> the value's type
   * @param schema the message's compiled schema
   * @param payload what the schema describes: the frame without the envelope's reserved keys
   * @param frame the frame, as the reader reads it
   * @param at where the message's problems are located
   * @param problems where problems are recorded
   * @param reader the message's generated reader
   * @return the value, or null when anything is wrong with it
   */
  public static <T> T read(JsonSchema schema, JsonNode payload, JsonNode frame, Loc at, Problems problems,
      ValueReader<T> reader) {
    int before = problems.count();
    T value = reader.read(frame, at, problems);
    if (schema.accepts(payload)) {
      return value;
    }
    List<ValidationError> known = problems.errors().subList(before, problems.count());
    Problems found = new Problems();
    schema.validate(payload, at, found);
    for (ValidationError error : found.errors()) {
      if (known.stream().noneMatch(k -> related(error.loc(), k.loc()))) {
        problems.add(error);
      }
    }
    return null;
  }

  // Whether one location is the other or inside it.
  private static boolean related(List<Object> a, List<Object> b) {
    int common = Math.min(a.size(), b.size());
    return a.subList(0, common).equals(b.subList(0, common));
  }
}
