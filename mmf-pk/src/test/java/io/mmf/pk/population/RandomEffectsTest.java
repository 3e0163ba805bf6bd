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
}
