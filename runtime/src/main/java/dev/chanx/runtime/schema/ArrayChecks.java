package dev.chanx.runtime.schema;

import java.util.List;

/** Keywords not compiled yet. */
final class ArrayChecks {

  private ArrayChecks() {}

  static void add(JsonSchema.Builder keywords, List<Check> checks) {}
}
