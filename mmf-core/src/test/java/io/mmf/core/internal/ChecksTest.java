package io.mmf.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one validation helper: each check returns its value, and refuses on the right side of each bound. */
class ChecksTest {
  @Test
  void eachCheckReturnsTheValueItAccepts() {
    assertEquals(-2.5, Checks.finite(-2.5, "x"));
    assertEquals(0.5, Checks.positive(0.5, "x"));
    assertEquals(3, Checks.positive(3, "x"));
    assertEquals(0.0, Checks.nonNegative(0.0, "x"));
    assertEquals(7.5, Checks.nonNegative(7.5, "x"));
    assertEquals(4, Checks.nonNegative(4, "x"));
    assertEquals(0, Checks.nonNegative(0, "x"));
    assertEquals("a", Checks.notBlank("a", "x"));
    List<String> list = List.of("a");
    assertSame(list, Checks.noNulls(list, "x"));
    assertSame(list, Checks.nonEmpty(list, "x"));
  }

  @Test
  void rangesIncludeTheirBoundsAndNothingBeyond() {
    assertEquals(1.0, Checks.inRange(1, 1, 2, "x"));
    assertEquals(2.0, Checks.inRange(2, 1, 2, "x"));
    assertEquals("Invalid value for x (expected finite and in [1.0, 2.0]): " + Math.nextDown(1.0),
        assertThrows(IllegalArgumentException.class, () -> Checks.inRange(Math.nextDown(1.0), 1, 2, "x"))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> Checks.inRange(Math.nextUp(2.0), 1, 2, "x"));
    assertThrows(IllegalArgumentException.class, () -> Checks.inRange(Double.NaN, 1, 2, "x"));
    assertEquals("Invalid value for x (expected finite): Infinity",
        assertThrows(IllegalArgumentException.class, () -> Checks.finite(Double.POSITIVE_INFINITY, "x")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Checks.finite(Double.NaN, "x"));
    assertThrows(IllegalArgumentException.class, () -> Checks.positive(0.0, "x"));
    assertThrows(IllegalArgumentException.class, () -> Checks.positive(0, "x"));
    assertThrows(IllegalArgumentException.class, () -> Checks.nonNegative(-1, "x"));
    assertThrows(IllegalArgumentException.class, () -> Checks.nonNegative(-Double.MIN_VALUE, "x"));
    assertThrows(IllegalArgumentException.class, () -> Checks.notBlank(" ", "x"));
  }

  @Test
  void aNullElementIsNamedByItsIndex() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> Checks.noNulls(Arrays.asList("a", "b", null), "values"));
    assertEquals("Invalid value for values[2] (expected non-null): null", e.getMessage());
    assertEquals("Invalid value for values (expected at least one element): []",
        assertThrows(IllegalArgumentException.class, () -> Checks.nonEmpty(List.of(), "values")).getMessage());
  }
}
