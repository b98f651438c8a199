package dev.chanx.bench.checkout;

import dev.chanx.core.schema.JsonSchema;

/** The compiled schema of {@code place_order}, for the schema benchmark to time the engine alone. */
public final class CheckoutContract {

  /** What the generated dispatcher checks every {@code place_order} frame against. */
  public static final JsonSchema PLACE_ORDER = CheckoutSchemas.PLACE_ORDER_FRAME;

  private CheckoutContract() {}
}
