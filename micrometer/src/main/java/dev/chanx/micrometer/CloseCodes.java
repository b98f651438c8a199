package dev.chanx.micrometer;

/** WebSocket close codes as a bounded tag: clients may close with any code from 3000 to 4999. */
final class CloseCodes {

  private CloseCodes() {}

  /** {@return the code as a tag: the codes the protocol defines, else {@code other}} */
  static String tag(int code) {
    return switch (code) {
      case 1000, 1001, 1002, 1003, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015 ->
          String.valueOf(code);
      default -> "other";
    };
  }
}
