package io.mmf.pk.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileTest {
  private static ConcentrationProfile triangle() {
    return new ConcentrationProfile(List.of("MPA"), new double[] {0, 1, 2},
        new double[][] {{0, 2, 0}}, new double[][] {{0, 1, 2}});
  }

  @Test
  void hoursInBandInterpolatesLinearly() {
    // 0 -> 2 -> 0 mg/L over 2 h: above 1 mg/L from 0.5 h to 1.5 h.
    assertEquals(1.0, triangle().hoursInBand(1, 3), 1e-12);
    assertEquals(2.0, triangle().hoursInBand(0, 2), 1e-12);
    assertEquals(0.0, triangle().hoursInBand(2.5, 3), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> triangle().hoursInBand(3, 1));
  }

  @Test
  void maxAndAucBetweenPoints() {
    assertEquals(1, triangle().indexOfMax());
    assertEquals(1, triangle().aucBetweenMgHPerL(1, 2), 1e-12);
  }

  @Test
  void gridIsEvenAndIncludesTheEnd() {
    assertArrayEquals(new double[] {0, 0.5, 1, 1.5}, ConcentrationSolver.grid(0.5, 1.5), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> ConcentrationSolver.grid(0, 1));
  }
}
