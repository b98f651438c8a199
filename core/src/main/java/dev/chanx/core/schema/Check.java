package dev.chanx.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.codec.Loc;
import dev.chanx.core.codec.Problems;

/**
 * One compiled keyword (or a few that only make sense together) of a schema. A check applies
 * only to the instance types its keywords constrain and accepts every other value.
 */
interface Check {

  /** {@return whether the value satisfies this check}; records nothing and should allocate nothing. */
  boolean accepts(JsonNode value);

  /**
   * Records one problem for each rule of this check the value breaks; called only after
   * {@link #accepts} returned false, so it records at least one.
   */
  void collect(JsonNode value, Loc at, Problems problems);
}
