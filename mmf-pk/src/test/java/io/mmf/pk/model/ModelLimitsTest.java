package io.mmf.pk.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The documented ranges of a model's gamma input, Savic chain and baseline on both sides: each limit
 * itself is accepted, a value just past it refused ({@link PkModel#MAX_RATE_PER_HOUR},
 * {@link PkModel#MAX_SAVIC_N}, {@link PkModel#MAX_OFFSET_MG_PER_L}, {@link PkModel.GammaLaw#MIN_SHAPE},
 * {@link PkModel.GammaLaw#MAX_SHAPE}).
 */
class ModelLimitsTest {
  private static final double RATE = PkModel.MAX_RATE_PER_HOUR;

  @Test
  void aGammaLawHasAFractionInItsUnitIntervalAShapeAndARateInRange() {
    assertDoesNotThrow(() -> new PkModel.GammaLaw(1, PkModel.GammaLaw.MIN_SHAPE, RATE));
    assertDoesNotThrow(() -> new PkModel.GammaLaw(1e-9, PkModel.GammaLaw.MAX_SHAPE, 1e-9));
    for (double[] bad : new double[][] {{0, 2, 1}, {1.0000001, 2, 1}, {1, 0.0999, 1}, {1, 5000.1, 1}, {1, 2, 0},
        {1, 2, RATE * 1.0001}, {Double.NaN, 2, 1}}) {
      assertThrows(IllegalArgumentException.class, () -> new PkModel.GammaLaw(bad[0], bad[1], bad[2]),
          java.util.Arrays.toString(bad));
    }
  }

  @Test
  void aSavicChainHasZeroToItsLimitOfCompartmentsAndARateInRange() {
    assertDoesNotThrow(() -> new PkModel.SavicTransit(0, RATE));
    assertDoesNotThrow(() -> new PkModel.SavicTransit(PkModel.MAX_SAVIC_N, 1e-9));
    for (double[] bad : new double[][] {{-0.001, 1}, {100.001, 1}, {3, 0}, {3, RATE * 1.0001}}) {
      assertThrows(IllegalArgumentException.class, () -> new PkModel.SavicTransit(bad[0], bad[1]),
          java.util.Arrays.toString(bad));
    }
  }

  @Test
  void anAnalytesBaselineRunsFromZeroToItsLimit() {
    assertDoesNotThrow(() -> new PkModel.Observed("MPA", "central", 40, 0));
    assertDoesNotThrow(() -> new PkModel.Observed("MPA", "central", 40, PkModel.MAX_OFFSET_MG_PER_L));
    assertThrows(IllegalArgumentException.class, () -> new PkModel.Observed("MPA", "central", 40, -1e-9));
    assertThrows(IllegalArgumentException.class, () -> new PkModel.Observed("MPA", "central", 40, 1000.001));
  }

  @Test
  void gammaFractionsMustAddUpToOne() {
    PkModel.Builder b = PkModel.builder("g").compartments("depot", "central").transfer("depot", "central", 1)
        .elimination("central", 0.2).observe("MPA", "central", 40)
        .dose(io.mmf.core.drug.Drug.MYCOPHENOLATE_MOFETIL, DoseInput.bolus("depot", 1, 0));
    assertDoesNotThrow(() -> b.gammaInput(new PkModel.GammaLaw(0.25, 2, 1), new PkModel.GammaLaw(0.75, 3, 1)));
    assertThrows(IllegalArgumentException.class,
        () -> b.gammaInput(new PkModel.GammaLaw(0.25, 2, 1), new PkModel.GammaLaw(0.7, 3, 1)));
  }
}
