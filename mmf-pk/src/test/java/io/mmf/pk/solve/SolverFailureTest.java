package io.mmf.pk.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.internal.Expm;
import io.mmf.pk.model.DoseInput;
import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.EmptyingWindows;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Window;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Solver failures: what used to surface as "singular matrix" (an IllegalArgumentException or an
 * ArithmeticException) is refused at construction where the input is at fault, and is a
 * {@link SolverException} naming the model where a valid problem cannot be solved; extreme rates end
 * in seconds, never in a hang.
 */
class SolverFailureTest {
  private static PkModel withDepotRate(double ka) {
    return PkModel.builder("ka " + ka).compartments("depot", "central", "gallbladder")
        .transfer("depot", "central", ka).elimination("central", 0.2).transfer("central", "gallbladder", 0.1)
        .windowedTransfer("gallbladder", "depot", 5).emptyingWindows(EmptyingWindows.afterEachDose(new Window(6, 1)))
        .observe("MPA", "central", 40).doseAny(DoseInput.bolus("depot", 1, 0.3)).doseUnit(DoseUnit.MG_MPA).build();
  }

  @Test
  void aZeroRateOutOfTheDepotIsRefusedAtConstruction() {
    // was: "singular matrix in column 0", exit 1, from the steady state of the README's EHC model file
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withDepotRate(0));
    assertEquals("Invalid value for transfers of model 'ka 0.0' (expected a way out of the body, through positive"
        + " rates, from every compartment a dose reaches): depot", e.getMessage());
  }

  @Test
  void aCompartmentThatOnlyFillsIsRefusedButOneNoDoseReachesIsNot() {
    PkModel.Builder b = PkModel.builder("trap").compartments("depot", "central", "trap", "unused")
        .transfer("depot", "central", 1).elimination("central", 0.2).observe("MPA", "central", 40)
        .doseAny(DoseInput.bolus("depot", 1, 0));
    assertEquals("Invalid value for transfers of model 'trap' (expected a way out of the body, through positive rates,"
        + " from every compartment a dose reaches): trap", assertThrows(IllegalArgumentException.class,
            () -> PkModel.builder("trap").compartments("depot", "central", "trap").transfer("depot", "central", 1)
                .elimination("central", 0.2).transfer("central", "trap", 0.1).observe("MPA", "central", 40)
                .doseAny(DoseInput.bolus("depot", 1, 0)).build()).getMessage());
    // no dose reaches "unused" (its inflow has rate 0), so it may keep what it never gets
    b.transfer("central", "unused", 0).build();
  }

  @Test
  void theLargestRateEndsInSecondsOnBothPaths() {
    // Double.MAX_VALUE is refused at construction now (rates are bounded); the largest accepted rate
    // must still end in seconds on both paths, with finite, non-negative levels or a SolverException
    assertThrows(IllegalArgumentException.class, () -> withDepotRate(Double.MAX_VALUE));
    PkModel m = withDepotRate(PkModel.MAX_RATE_PER_HOUR);
    DoseRecords r = DoseRecords.of(DoseRecord.dose(0, Drug.MYCOPHENOLATE_MOFETIL, 1000).withAdditionalDoses(3, 12));
    for (ConcentrationSolver solver : new ConcentrationSolver[] {new ExactSolver(), new NumericalSolver()}) {
      assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
        try {
          ConcentrationProfile p = solver.simulate(m, r, ConcentrationSolver.grid(1, 48));
          for (int i = 0; i < p.size(); i++) {
            assertTrue(Double.isFinite(p.concentrationMgPerL(i)) && p.concentrationMgPerL(i) >= 0);
          }
        } catch (SolverException e) {
          assertEquals(m.name(), e.modelName());
          assertTrue(e.getMessage().startsWith("Solver failed on model 'ka 10000.0' at "), e.getMessage());
        }
      }, solver.getClass().getSimpleName());
    }
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try {
        SteadyState.Summary s = new ExactSolver().steadyStateSummary(m, Dose.ofMg(1000), Formulation.MMF_TABLET_500,
            DosingInterval.TWICE_DAILY, 0);
        assertTrue(Double.isFinite(s.aucTauMgHPerL()));
      } catch (SolverException e) {
        assertEquals(m.name(), e.modelName());
      }
    });
  }

  @Test
  void aNonFiniteExponentialIsRefusedNotSquaredForever() {
    double[] m = {-Double.MAX_VALUE, 0, Double.MAX_VALUE, -1};
    double[] out = new double[4];
    assertThrows(ArithmeticException.class, () -> new Expm(2).exp(m, 2, out));
    // finite, however large: at most about 1030 squarings
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> new Expm(2).exp(m, 0.5, out));
  }
}
