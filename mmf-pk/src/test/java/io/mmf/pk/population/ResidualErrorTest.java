package io.mmf.pk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Residual error: each SD validated by name, and the combined form's moments. */
class ResidualErrorTest {
  @Test
  void eachStandardDeviationIsValidatedByName() {
    assertEquals("Invalid value for additiveMgPerL (expected 0 to 1000): -0.1",
        assertThrows(IllegalArgumentException.class, () -> ResidualError.additive(-0.1)).getMessage());
    assertEquals("Invalid value for proportional (expected 0 to 10): NaN",
        assertThrows(IllegalArgumentException.class, () -> ResidualError.proportional(Double.NaN)).getMessage());
    assertEquals("Invalid value for exponential (expected 0 to 5): -1.0",
        assertThrows(IllegalArgumentException.class, () -> ResidualError.exponential(-1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> ResidualError.additive(Double.POSITIVE_INFINITY));
    assertEquals(3, ResidualError.combined(0, 0).observe(3, new SplittableRandom(1)), "no error: the concentration");
  }

  /**
   * Each SD has an upper bound, taken and refused on either side of it, and at the bounds an observation
   * of a large concentration is finite: an SD of 1e308 was accepted and gave -Infinity.
   */
  @Test
  void eachStandardDeviationIsBoundedSoThatObservationsStayFinite() {
    assertEquals("Invalid value for additiveMgPerL (expected 0 to 1000): 1000.0000000000001", assertThrows(
        IllegalArgumentException.class, () -> ResidualError.additive(Math.nextUp(1000.0))).getMessage());
    assertEquals("Invalid value for proportional (expected 0 to 10): 1.0E308", assertThrows(
        IllegalArgumentException.class, () -> ResidualError.proportional(1e308)).getMessage());
    assertEquals("Invalid value for exponential (expected 0 to 5): 5.000000000000001", assertThrows(
        IllegalArgumentException.class, () -> ResidualError.exponential(Math.nextUp(5.0))).getMessage());
    SplittableRandom r = new SplittableRandom(16);
    for (ResidualError e : List.of(ResidualError.combined(1000, 10), ResidualError.exponential(5))) {
      for (int i = 0; i < 100_000; i++) {
        double y = e.observe(1e6, r);
        assertTrue(Double.isFinite(y), e + ": " + y);
      }
    }
  }

  /**
   * A seeded observation is the formula on the generator's own normal draws, in order: c exp(s z1) for the
   * exponential form, c (1 + p z1) + a z2 for the combined one (the sign of each term matters for a
   * seeded simulation, though not for the distribution).
   */
  @Test
  void aSeededObservationIsTheFormulaOnTheGeneratorsDraws() {
    SplittableRandom z = new SplittableRandom(7);
    double z1 = z.nextGaussian();
    double z2 = z.nextGaussian();
    assertEquals(4 * Math.exp(0.3 * z1), ResidualError.exponential(0.3).observe(4, new SplittableRandom(7)), 1e-12);
    assertEquals(4 * (1 + 0.2 * z1) + 0.5 * z2, ResidualError.combined(0.5, 0.2).observe(4, new SplittableRandom(7)),
        1e-12);
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
