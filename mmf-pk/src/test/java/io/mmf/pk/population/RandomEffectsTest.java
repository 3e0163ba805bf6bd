package io.mmf.pk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Omega validation at each edge, and the correlation that Cholesky sampling must reproduce. */
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

  @Test
  void samplesHaveTheRequestedVariancesAndCorrelation() {
    RandomEffects re = RandomEffects.of(List.of("a", "b"), new double[][] {{0.04, 0.03}, {0.03, 0.09}});
    SplittableRandom r = new SplittableRandom(16);
    double[] z = new double[2];
    double[] eta = new double[2];
    int n = 200_000;
    double saa = 0;
    double sbb = 0;
    double sab = 0;
    double sa = 0;
    for (int i = 0; i < n; i++) {
      re.sample(r, z, eta);
      sa += eta[0];
      saa += eta[0] * eta[0];
      sbb += eta[1] * eta[1];
      sab += eta[0] * eta[1];
    }
    assertEquals(0, sa / n, 0.002);
    assertEquals(0.04, saa / n, 0.001);
    assertEquals(0.09, sbb / n, 0.002);
    assertEquals(0.03, sab / n, 0.001);
  }
}
