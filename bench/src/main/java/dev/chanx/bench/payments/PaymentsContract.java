package dev.chanx.bench.payments;

import dev.chanx.core.schema.JsonSchema;

/** The compiled schema of {@code submit_payments}, for the schema benchmark to time the engine alone. */
public final class PaymentsContract {

  /** What the generated dispatcher checks every {@code submit_payments} frame against. */
  public static final JsonSchema SUBMIT_PAYMENTS = PaymentsSchemas.SUBMIT_PAYMENTS_FRAME;

  private PaymentsContract() {}
}
