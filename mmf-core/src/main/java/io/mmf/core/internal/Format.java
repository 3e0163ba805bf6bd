package io.mmf.core.internal;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting for messages: at most four significant digits, no trailing zeros. */
public final class Format {
  private Format() {}

  /**
   * Formats a number for a message: {@code 2000 -> "2000"}, {@code 2.9 -> "2.9"},
   * {@code 1.23456 -> "1.235"}.
   *
   * @param v the number
   * @return its short text
   */
  public static String num(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return BigDecimal.valueOf(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
