package io.mmf.pk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Residual error: each SD validated by name, and the combined form's moments. */
class ResidualErrorTest {
  @Test
  void eachStandardDeviationIsValidatedByName() {
    assertEquals("Invalid value for additiveMgPerL (expected finite and >= 0): -0.1",
        assertThrows(IllegalArgumentException.class, () -> ResidualError.additive(-0.1)).getMessage());
    assertEquals("Invalid value for proportional (expected finite and >= 0): NaN",
        assertThrows(IllegalArgumentException.class, () -> ResidualError.proportional(Double.NaN)).getMessage());
    assertEquals("Invalid value for exponential (expected finite and >= 0): -1.0",
        assertThrows(IllegalArgumentException.class, () -> ResidualError.exponential(-1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> ResidualError.additive(Double.POSITIVE_INFINITY));
    assertEquals(3, ResidualError.combined(0, 0).observe(3, new SplittableRandom(1)), "no error: the concentration");
  }

  @Test
  void combinedErrorHasTheSumOfBothVariances() {
    // y = c (1 + p e1) + a e2: mean c, variance (c p)^2 + a^2
    ResidualError e = ResidualError.combined(0.5, 0.2);
    SplittableRandom r = new SplittableRandom(16);
    int n = 200_000;
    double s = 0;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double y = e.observe(4, r);
      s += y;
      ss += y * y;
    }
    double mean = s / n;
    assertEquals(4, mean, 0.01);
    assertEquals(Math.sqrt(0.8 * 0.8 + 0.5 * 0.5), Math.sqrt(ss / n - mean * mean), 0.01);
  }
}
