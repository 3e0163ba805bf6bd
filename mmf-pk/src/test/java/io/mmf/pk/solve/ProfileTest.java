package io.mmf.pk.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.ModelFamilies;
import io.mmf.pk.model.ModelFamilies.Disposition;
import io.mmf.pk.model.PkModel;
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

  private static ConcentrationProfile profile(double[] t, double[] c) {
    return new ConcentrationProfile(List.of("MPA"), t, new double[][] {c}, new double[][] {new double[t.length]});
  }

  @Test
  void aLevelSegmentIsInsideABandThatIncludesItsLevelAtEitherBound() {
    ConcentrationProfile flat = profile(new double[] {0, 1, 2}, new double[] {1, 1, 1});
    assertEquals(2, flat.hoursInBand(1, 2), 1e-12, "level at the lower bound");
    assertEquals(2, flat.hoursInBand(0, 1), 1e-12, "level at the upper bound");
    assertEquals(2, flat.hoursInBand(1, 1), 1e-12, "a band of one level");
    assertEquals(0, flat.hoursInBand(1.5, 2), 1e-12, "level below the band");
    assertEquals(0, flat.hoursInBand(0, 0.5), 1e-12, "level above the band");
  }

  @Test
  void aRisingSegmentSpendsTheShareOfItsRiseThatLiesInTheBand() {
    // 1 -> 3 mg/L in 1 h: inside [2, 5] for the upper half of the rise, 0.5 h; [1.5, 2] is a quarter of it
    ConcentrationProfile rise = profile(new double[] {0, 1}, new double[] {1, 3});
    assertEquals(0.5, rise.hoursInBand(2, 5), 1e-12);
    assertEquals(0.25, rise.hoursInBand(1.5, 2), 1e-12);
    assertEquals(0, triangle().hoursInBand(1, 1), 1e-12, "a band of one level on a sloping curve: no time");
    for (double[] bad : new double[][] {{-0.1, 1}, {2, 1.9}, {0, Double.POSITIVE_INFINITY}, {Double.NaN, 1}}) {
      assertThrows(IllegalArgumentException.class, () -> triangle().hoursInBand(bad[0], bad[1]),
          bad[0] + ", " + bad[1]);
    }
  }

  @Test
  void theMaximumIsTheFirstOfTiedPeaksAndTimesAreAsGiven() {
    ConcentrationProfile plateau = profile(new double[] {0, 1.5, 4}, new double[] {0, 2, 2});
    assertEquals(1, plateau.indexOfMax());
    assertEquals(4, plateau.timeHours(2));
    assertEquals(1.5, plateau.timeHours(1));
  }

  @Test
  void profilesAreEqualWhenEveryColumnIs() {
    ConcentrationProfile a = triangle();
    assertEquals(a, triangle());
    assertEquals(a.hashCode(), triangle().hashCode());
    double[] t = {0, 1, 2};
    double[][] c = {{0, 2, 0}};
    double[][] auc = {{0, 1, 2}};
    assertNotEquals(a, new ConcentrationProfile(List.of("MPAG"), t, c, auc), "analytes");
    assertNotEquals(a, new ConcentrationProfile(List.of("MPA"), new double[] {0, 1, 3}, c, auc), "times");
    assertNotEquals(a, new ConcentrationProfile(List.of("MPA"), t, new double[][] {{0, 2, 0.5}}, auc), "levels");
    assertNotEquals(a, new ConcentrationProfile(List.of("MPA"), t, c, new double[][] {{0, 1, 2.5}}), "AUCs");
    assertNotEquals(a, "MPA");
  }

  @Test
  void aGridRunsFromZeroToItsEndAndIsRefusedPastTenMillionSteps() {
    assertArrayEquals(new double[] {0}, ConcentrationSolver.grid(1, 0), 0, "an end of 0: one point");
    assertArrayEquals(new double[] {0, 10_000, 20_000}, ConcentrationSolver.grid(10_000, 20_000), 0);
    for (double[] bad : new double[][] {{-1, 1}, {Double.POSITIVE_INFINITY, 1}, {1, -1}, {1, Double.NaN},
        {1e-6, 11}}) {
      assertThrows(IllegalArgumentException.class, () -> ConcentrationSolver.grid(bad[0], bad[1]),
          bad[0] + ", " + bad[1]);
    }
  }

  @Test
  void theNumericalSolversTolerancesAreCheckedAtTheirBounds() {
    assertDoesNotThrow(() -> new NumericalSolver(0.5, 1e-300));
    for (double[] bad : new double[][] {{1, 1e-13}, {0, 1e-13}, {-1e-12, 1e-13}, {1e-12, 0}, {1e-12, -1},
        {1e-12, Double.POSITIVE_INFINITY}, {Double.NaN, 1e-13}}) {
      assertThrows(IllegalArgumentException.class, () -> new NumericalSolver(bad[0], bad[1]),
          bad[0] + ", " + bad[1]);
    }
  }

  @Test
  void bothSolversRefuseAClockTimeOutsideTheDayAndTimesOutOfOrder() {
    PkModel m = ModelFamilies.firstOrder("1cpt", 1.5, 0, new Disposition(10, 50, 0, 1), DoseUnit.MG_MMF);
    Formulation f = Formulation.MMF_TABLET_500;
    for (ConcentrationSolver s : List.of(new ExactSolver(), new NumericalSolver())) {
      for (double clock : new double[] {24, -0.5}) {
        assertThrows(IllegalArgumentException.class,
            () -> s.steadyState(m, Dose.ofMg(1000), f, DosingInterval.TWICE_DAILY, clock), s + " " + clock);
        assertThrows(IllegalArgumentException.class,
            () -> s.steadyStateSummary(m, Dose.ofMg(1000), f, DosingInterval.TWICE_DAILY, clock), s + " " + clock);
        assertThrows(IllegalArgumentException.class,
            () -> s.course(m, Dose.ofMg(1000), f, DosingInterval.TWICE_DAILY, clock), s + " " + clock);
      }
      DoseRecords one = DoseRecords.of(DoseRecord.dose(0, Drug.MYCOPHENOLATE_MOFETIL, 1000));
      assertThrows(IllegalArgumentException.class, () -> s.aucMgHPerL(m, one, 5, 3), s + " from after to");
      assertThrows(IllegalArgumentException.class, () -> s.aucMgHPerL(m, one, -1, 3), s + " negative from");
    }
  }
}
