package dev.chanx.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A number from the schema, compared with instance numbers exactly. Ints, longs and doubles take
 * primitive comparisons when the schema's number is a long or a double exactly, so that a valid
 * value costs no allocation; anything else goes through {@link BigDecimal}.
 */
final class Exact {

  private static final double TWO_TO_53 = 9007199254740992.0;

  private final BigDecimal exact;
  private final boolean isLong;
  private final long asLong;
  private final boolean isDouble;
  private final double asDouble;

  Exact(String decimal) {
    this.exact = new BigDecimal(decimal.trim());
    long l = 0;
    boolean fitsLong;
    try {
      l = exact.longValueExact();
      fitsLong = true;
    } catch (ArithmeticException e) {
      fitsLong = false;
    }
    this.isLong = fitsLong;
    this.asLong = l;
    double d = exact.doubleValue();
    this.isDouble = Double.isFinite(d) && new BigDecimal(d).compareTo(exact) == 0;
    this.asDouble = d;
  }

  /** {@return the number as messages show it}: plain unless its exponent is large. */
  String shown() {
    int exponent = exact.precision() - exact.scale() - 1;
    return Math.abs(exponent) <= 20 ? exact.toPlainString() : exact.toString();
  }

  /** {@return the sign of {@code value - this}} for a JSON number. */
  int compareTo(JsonNode value) {
    if (value.isInt() || value.isLong()) {
      long v = value.longValue();
      if (isLong) {
        return Long.compare(v, asLong);
      }
      if (isDouble && v >= -TWO_TO_53 && v <= TWO_TO_53) {
        return compare(v, asDouble);
      }
    } else if (value.isDouble() || value.isFloat()) {
      double v = value.doubleValue();
      if (!Double.isFinite(v)) {
        return v > 0 ? 1 : -1;
      }
      if (isDouble) {
        return compare(v, asDouble);
      }
    }
    return value.decimalValue().compareTo(exact);
  }

  private static int compare(double a, double b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** {@return whether {@code value / this} is an integer}, decided exactly even for 1e308 or 1e-400. */
  boolean divides(JsonNode value) {
    if ((value.isInt() || value.isLong()) && isLong && asLong != 0) {
      return value.longValue() % asLong == 0;
    }
    if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
      return false;
    }
    return divides(value.decimalValue(), exact);
  }

  /**
   * Whether {@code a / b} is an integer, with a = ua * 10^-sa and b = ub * 10^-sb: whether
   * ub divides ua * 10^(sb - sa). Modular powers keep huge exponents cheap.
   */
  static boolean divides(BigDecimal a, BigDecimal b) {
    if (a.signum() == 0) {
      return true;
    }
    BigInteger ua = a.unscaledValue().abs();
    BigInteger ub = b.unscaledValue().abs();
    long shift = (long) b.scale() - a.scale();
    if (shift >= 0) {
      BigInteger power = BigInteger.TEN.modPow(BigInteger.valueOf(shift), ub);
      return ua.mod(ub).multiply(power).mod(ub).signum() == 0;
    }
    // ub * 10^-shift must divide ua: impossible once it has more digits than ua.
    if (-shift > a.precision()) {
      return false;
    }
    return ua.mod(ub.multiply(BigInteger.TEN.pow((int) -shift))).signum() == 0;
  }
}
