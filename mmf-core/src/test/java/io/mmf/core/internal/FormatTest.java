package io.mmf.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatTest {
  @Test
  void wholeNumbersInFullOthersToFourSignificantDigits() {
    assertEquals("2000", Format.num(2000));
    assertEquals("12345", Format.num(12345)); // four significant digits would say 12350
    assertEquals("-3", Format.num(-3));
    assertEquals("2.9", Format.num(2.9));
    assertEquals("1.235", Format.num(1.23456));
    assertEquals("0.0001235", Format.num(0.000123456));
    assertEquals("NaN", Format.num(Double.NaN));
    assertEquals("Infinity", Format.num(Double.POSITIVE_INFINITY));
  }
}
