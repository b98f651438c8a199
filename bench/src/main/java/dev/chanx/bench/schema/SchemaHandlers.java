package dev.chanx.bench.schema;

import dev.chanx.bench.checkout.CheckoutHandler;
import dev.chanx.bench.checkout.CheckoutPath;
import dev.chanx.bench.checkout.CheckoutServerMessage;
import dev.chanx.bench.checkout.OrderPlaced;
import dev.chanx.bench.checkout.PlaceOrder;
import dev.chanx.bench.payments.PaymentsAccepted;
import dev.chanx.bench.payments.PaymentsHandler;
import dev.chanx.bench.payments.PaymentsPath;
import dev.chanx.bench.payments.PaymentsServerMessage;
import dev.chanx.bench.payments.SubmitPayments;
import dev.chanx.server.channel.Connection;

/** Handlers that keep the last message and answer nothing, as the dispatch benchmark's do. */
final class SchemaHandlers {

  private SchemaHandlers() {}

  /** Keeps the last order. */
  static final class Checkout implements CheckoutHandler {
    Object last;

    @Override
    public OrderPlaced handlePlaceOrder(PlaceOrder message, Connection<CheckoutServerMessage, CheckoutPath> connection) {
      last = message;
      return null;
    }
  }

  /** Keeps the last batch. */
  static final class Payments implements PaymentsHandler {
    Object last;

    @Override
    public PaymentsAccepted handleSubmitPayments(SubmitPayments message,
        Connection<PaymentsServerMessage, PaymentsPath> connection) {
      last = message;
      return null;
    }
  }
}
