package dev.chanx.bench.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The client frames the dispatch benchmark decodes: valid, as a client would send them. */
final class Frames {

  /** The tutorial chat message: 100 bytes, like the load tool's. */
  static final String CHAT = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\""
      + "Hello everyone! Is anybody here for the 9 o'clock?" + "\",\"name\":\"Alice\"}}";

  /** A large nested order: 20 line items, each with tags and dimensions, two addresses (about 4 KB). */
  static final String ORDER = order(20);

  private Frames() {}

  static int utf8Length(String frame) {
    return frame.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String order(int items) {
    StringBuilder out = new StringBuilder(4096);
    out.append("{\"action\":\"submit_order\",\"payload\":{\"orderId\":\"ord-2024-000042\",")
        .append("\"customer\":{\"id\":918273,\"name\":\"Ada Lovelace\",\"email\":\"ada@example.org\",\"vip\":true},")
        .append("\"items\":[");
    for (int i = 0; i < items; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(String.format(Locale.ROOT,
          "{\"sku\":\"SKU-%05d\",\"name\":\"Item number %d, blue\",\"quantity\":%d,\"unitPrice\":%.2f,"
              + "\"tags\":[\"blue\",\"cotton\",\"sale\"],"
              + "\"dimensions\":{\"widthCm\":%.1f,\"heightCm\":%.1f,\"depthCm\":%.1f,\"weightKg\":%.3f}}",
          i, i, 1 + i % 5, 9.99 + i, 10.0 + i, 20.5, 3.25, 0.125 + i / 100.0));
    }
    out.append("],\"shipping\":{\"method\":\"express\",\"address\":{\"street\":\"12 St James's Square\",")
        .append("\"city\":\"London\",\"postcode\":\"SW1Y 4JH\",\"country\":\"GB\"},\"instructions\":\"Leave at the door\"},")
        .append("\"billing\":{\"street\":\"12 St James's Square\",\"city\":\"London\",\"postcode\":\"SW1Y 4JH\",")
        .append("\"country\":\"GB\"},\"notes\":[\"gift\",\"fragile\"],\"total\":1234.56,\"giftWrap\":false}}");
    return out.toString();
  }
}
