package io.mmf.pk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Omega validation at each edge (sampling: PopulationTest.sampledEtasHaveTheRequestedCovariance). */
class RandomEffectsTest {
  @Test
  void omegaIsCheckedForShapeSymmetryAndDefiniteness() {
    List<String> ab = List.of("a", "b");
    RandomEffects.of(ab, new double[][] {{1, 0.5}, {0.5 + 1e-13, 1}}); // within the symmetry tolerance
    IllegalArgumentException asym = assertThrows(IllegalArgumentException.class,
        () -> RandomEffects.of(ab, new double[][] {{1, 0.5}, {0.5 + 1e-9, 1}}));
    assertTrue(asym.getMessage().startsWith("Invalid value for omega (expected symmetric)"), asym.getMessage());
    IllegalArgumentException singular = assertThrows(IllegalArgumentException.class,
        () -> RandomEffects.of(ab, new double[][] {{1, 1}, {1, 1}}));
    assertTrue(singular.getMessage().contains("not at parameter b (pivot 0.0)"), singular.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RandomEffects.of(ab, new double[][] {{1, 0}}));
    assertThrows(IllegalArgumentException.class, () -> RandomEffects.of(ab, new double[][] {{1, 0}, {0}}));
    assertThrows(IllegalArgumentException.class, () -> RandomEffects.of(ab, new double[][] {{1, 0}, null}));
    assertThrows(IllegalArgumentException.class, () -> RandomEffects.of(List.of(), new double[0][]));
    assertThrows(IllegalArgumentException.class, () -> RandomEffects.of(List.of("a", "a"),
        new double[][] {{1, 0}, {0, 1}}));
    assertThrows(IllegalArgumentException.class, () -> RandomEffects.of(ab,
        new double[][] {{1, Double.NaN}, {Double.NaN, 1}}));
    assertThrows(IllegalArgumentException.class, () -> RandomEffects.of(List.of("a"), new double[][] {{0}}));
    Map<String, Double> zero = new LinkedHashMap<>();
    zero.put("a", 0.0);
    assertThrows(IllegalArgumentException.class, () -> RandomEffects.diagonal(zero));
    assertEquals(Math.log(1.09), RandomEffects.varianceOfCv(0.3), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> RandomEffects.varianceOfCv(0));
    assertTrue(RandomEffects.diagonal(Map.of("a", 0.5)).toString().contains("[a][[0.5]]"));
  }

  /**
   * Each refusal is the check that names the problem (a NaN is "finite", not caught later as "positive
   * definite"; a zero variance is named by its parameter), and the symmetry tolerance is relative to the
   * entry: 5e-11 apart on a covariance of 100 is within it.
   */
  @Test
  void eachRefusalNamesItsOwnReasonAndTheToleranceIsRelative() {
    List<String> ab = List.of("a", "b");
    assertEquals("Invalid value for omega[a][b] (expected finite): NaN", assertThrows(IllegalArgumentException.class,
        () -> RandomEffects.of(ab, new double[][] {{1, Double.NaN}, {Double.NaN, 1}})).getMessage());
    Map<String, Double> zero = new LinkedHashMap<>();
    zero.put("a", 0.0);
    assertEquals("Invalid value for variance of a (expected finite and > 0): 0.0", assertThrows(
        IllegalArgumentException.class, () -> RandomEffects.diagonal(zero)).getMessage());
    RandomEffects.of(ab, new double[][] {{1e4, 100}, {100 + 5e-11, 1e4}});
    assertThrows(IllegalArgumentException.class, () -> RandomEffects.of(ab, new double[][] {{1e4, 100},
        {100 + 5e-9, 1e4}}));
  }

  /**
   * A draw is L z on the generator's normal draws, L the Cholesky factor written out for a 2 x 2 omega:
   * [[2, 0], [0.5, sqrt(9 - 0.25)]] for [[4, 1], [1, 9]].
   */
  @Test
  void aDrawIsTheCholeskyFactorTimesTheGeneratorsDraws() {
    java.util.SplittableRandom g = new java.util.SplittableRandom(3);
    double z0 = g.nextGaussian();
    double z1 = g.nextGaussian();
    double[] eta = new double[2];
    RandomEffects.of(List.of("a", "b"), new double[][] {{4, 1}, {1, 9}}).sample(new java.util.SplittableRandom(3),
        new double[2], eta);
    assertEquals(2 * z0, eta[0], 1e-12);
    assertEquals(0.5 * z0 + Math.sqrt(8.75) * z1, eta[1], 1e-12);
  }
}
