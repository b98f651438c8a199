package dev.chanx.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.codec.Loc;
import dev.chanx.core.codec.Problems;

/** The boolean schema {@code false}: no value is allowed. */
enum Never implements Check {
  INSTANCE;

  @Override
  public boolean accepts(JsonNode value) {
    return false;
  }

  @Override
  public void collect(JsonNode value, Loc at, Problems problems) {
    problems.add(at, "false_schema", "No value is allowed here");
  }
}
