package dev.chanx.bench.schema;

import java.util.Locale;

/** The frames of the schema benchmark: valid, as a client would send them, and a few invalid ones. */
final class SchemaFrames {

  /** The tutorial chat message, the same 100 bytes as the dispatch benchmark's. */
  static final String CHAT = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\""
      + "Hello everyone! Is anybody here for the 9 o'clock?" + "\",\"name\":\"Alice\"}}";

  /** An order of 20 line items (about 4 KB), from {@code bench/spec/checkout.asyncapi.yaml}. */
  static final String CHECKOUT = checkout(20, "ada.lovelace@example.org");

  /** A batch of 12 payments, four kinds in turn (about 3 KB), from {@code bench/spec/payments.asyncapi.yaml}. */
  static final String PAYMENTS = payments(12, false);

  /** Invalid frames both validators must refuse: one rule broken each. */
  static final String CHECKOUT_BAD_EMAIL = checkout(20, "ada.lovelace@");
  static final String PAYMENTS_DESCRIPTOR_ON_TRANSFER = payments(12, true);
  static final String PAYMENTS_REPEATED_LABEL = PAYMENTS.replace("\"labels\":[\"q4\",\"eu\",\"retail\"]",
      "\"labels\":[\"q4\",\"eu\",\"q4\"]");

  private SchemaFrames() {}

  private static String checkout(int items, String email) {
    StringBuilder out = new StringBuilder(4096);
    out.append("{\"action\":\"place_order\",\"payload\":{\"orderId\":\"ord-2024-000042\",")
        .append("\"placedAt\":\"2024-11-26T09:15:30.250Z\",")
        .append("\"customer\":{\"id\":918273,\"name\":\"Ada Lovelace\",\"email\":\"").append(email)
        .append("\",\"phone\":\"+442079460000\",\"vip\":true},\"items\":[");
    for (int i = 0; i < items; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(String.format(Locale.ROOT,
          "{\"sku\":\"SKU-%05d\",\"name\":\"Item number %d, blue\",\"quantity\":%d,\"unitPrice\":%.2f,"
              + "\"currency\":\"GBP\",\"tags\":[\"blue\",\"cotton\",\"sale\"],"
              + "\"dimensions\":{\"widthCm\":%.1f,\"heightCm\":%.1f,\"depthCm\":%.1f,\"weightKg\":%.3f}}",
          i, i, 1 + i % 5, 9.99 + i, 10.0 + i, 20.5, 3.25, 0.125 + i / 100.0));
    }
    out.append("],\"shipping\":{\"method\":\"express\",\"address\":{\"street\":\"12 St James's Square\",")
        .append("\"city\":\"London\",\"postcode\":\"SW1Y 4JH\",\"country\":\"GB\"},")
        .append("\"deliverBy\":\"2024-11-29T18:00:00+00:00\",\"instructions\":\"Leave at the door\"},")
        .append("\"billing\":{\"street\":\"12 St James's Square\",\"city\":\"London\",\"postcode\":\"SW1Y 4JH\",")
        .append("\"country\":\"GB\"},\"notes\":[\"gift\",\"fragile\"],\"total\":1234.56,\"giftWrap\":false}}");
    return out.toString();
  }

  private static String payments(int count, boolean descriptorOnTransfer) {
    StringBuilder out = new StringBuilder(4096);
    out.append("{\"action\":\"submit_payments\",\"payload\":{\"batchId\":\"batch-0a1b2c3d\",\"payments\":[");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out.append(',');
      }
      String method = switch (i % 4) {
        case 0 -> "{\"kind\":\"card\",\"network\":\"visa\",\"last4\":\"4242\",\"expiry\":\"09/27\","
            + "\"authentication\":{\"type\":\"three_ds\",\"version\":\"2.2.0\","
            + "\"transactionId\":\"3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d\"}}";
        case 1 -> "{\"kind\":\"card\",\"network\":\"mastercard\",\"last4\":\"0005\",\"expiry\":\"12/26\","
            + "\"authentication\":{\"type\":\"exemption\",\"reason\":\"low_value\"}}";
        case 2 -> "{\"kind\":\"bank_transfer\",\"iban\":\"GB82WEST12345698765432\",\"bic\":\"NWBKGB2L\","
            + "\"reference\":\"Invoice 2024-11-0042\"}";
        default -> "{\"kind\":\"wallet\",\"provider\":\"apple_pay\",\"token\":\"tok_4eC39HqLyjWDarjtT1zdp7dc\"}";
      };
      String payer = i % 2 == 0
          ? "{\"name\":\"Grace Hopper\",\"email\":\"grace.hopper@example.com\",\"birthDate\":\"1906-12-09\"}"
          : "{\"legalName\":\"Analytical Engines Ltd\",\"vatId\":\"GB123456789\",\"email\":\"billing@example.co.uk\"}";
      boolean card = i % 4 < 2;
      out.append(String.format(Locale.ROOT, "{\"id\":\"pay-%06d\",\"amount\":%.2f,\"currency\":\"%s\",\"method\":%s,"
          + "\"payer\":%s,%s\"labels\":[\"web\",\"batch-%d\"]}", 100000 + i, 19.99 + 7 * i,
          i % 3 == 0 ? "EUR" : i % 3 == 1 ? "GBP" : "USD", method, payer,
          card || (descriptorOnTransfer && i == 2) ? "\"statementDescriptor\":\"ENGINES LTD\"," : "", i));
    }
    out.append("],\"labels\":[\"q4\",\"eu\",\"retail\"]}}");
    return out.toString();
  }
}
