package dev.chanx.core.schema;

import java.util.ArrayList;
import java.util.List;

/** Turns a builder's keywords into checks, by family, type first so its problem comes first. */
final class Compile {

  private Compile() {}

  static Check[] checks(JsonSchema.Builder keywords) {
    List<Check> checks = new ArrayList<>();
    ValueChecks.add(keywords, checks);
    StringChecks.add(keywords, checks);
    NumberChecks.add(keywords, checks);
    ArrayChecks.add(keywords, checks);
    ObjectChecks.add(keywords, checks);
    Combinators.add(keywords, checks);
    return checks.toArray(new Check[0]);
  }
}
