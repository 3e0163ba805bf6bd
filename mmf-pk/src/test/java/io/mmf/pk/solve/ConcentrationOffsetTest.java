package io.mmf.pk.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.model.CovariateModel;
import io.mmf.pk.model.DoseInput;
import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.PkModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A constant baseline concentration on an observed analyte ({@link PkModel.Observed#offsetMgPerL()}, Fromage
 * 2025's C0) on both paths, against the hand-written closed form of a one-compartment bolus plus the baseline:
 * C(t) = D/V e^(-k t) + c0 after a dose at 0, cumulative AUC D/(V k) (1 - e^(-k t)) + c0 t, at steady state
 * trough D/V e^(-k tau) / (1 - e^(-k tau)) + c0 and AUC over the interval D/(V k) + c0 tau.
 */
class ConcentrationOffsetTest {
  private static final double V = 20;
  private static final double K = 0.3;
  private static final double C0 = 2.5;
  private static final double D = 720;
  private static final Drug EC = Drug.MYCOPHENOLATE_SODIUM;

  private static PkModel model(double offset) {
    return PkModel.builder("bolus + baseline").doseUnit(DoseUnit.MG_MPA).compartments("central")
        .elimination("central", K).observe("MPA", "central", V, offset).dose(EC, DoseInput.bolus("central", 1, 0))
        .build();
  }

  private static double conc(double t) {
    return D / V * Math.exp(-K * t) + C0;
  }

  private static double cumulativeAuc(double t) {
    return D / (V * K) * (1 - Math.exp(-K * t)) + C0 * t;
  }

  @Test
  void bothPathsAddTheBaselineToEveryConcentrationAndAuc() {
    PkModel m = model(C0);
    assertFalse(m.isLinearInDose());
    assertTrue(model(0).isLinearInDose());
    DoseRecords one = DoseRecords.of(DoseRecord.dose(0, EC, D));
    double[] t = {0, 0.5, 3, 12, 30};
    for (ConcentrationSolver s : List.of(new ExactSolver(), new NumericalSolver())) {
      String what = s.getClass().getSimpleName();
      ConcentrationProfile p = s.simulate(m, one, t);
      for (int i = 0; i < t.length; i++) {
        // at 0 the value is the one just before the dose: the baseline alone
        double c = t[i] == 0 ? C0 : conc(t[i]);
        assertEquals(c, p.concentrationMgPerL(i), 1e-9 * c, what + " C(" + t[i] + ")");
        assertEquals(cumulativeAuc(t[i]), p.cumulativeAucMgHPerL(i), 1e-9 * (1 + cumulativeAuc(t[i])), what);
      }
      double window = cumulativeAuc(10) - cumulativeAuc(2);
      assertEquals(window, s.aucMgHPerL(m, one, 2, 10), 1e-9 * window, what + " AUC 2-10");
      // observation records read the same concentrations
      ConcentrationProfile obs = s.observe(m, DoseRecords.of(DoseRecord.dose(0, EC, D), DoseRecord.observation(3)));
      assertEquals(conc(3), obs.concentrationMgPerL(0), 1e-9 * conc(3), what + " observed");
      // the steady state: trough, Cmax just after the dose, AUC over the interval, the profile
      double e = Math.exp(-K * 12);
      double trough = D / V * e / (1 - e) + C0;
      double auc = D / (V * K) + C0 * 12;
      SteadyState ss = s.steadyState(m, Dose.ofMg(D), Formulation.EC_MPS_TABLET_360, DosingInterval.TWICE_DAILY);
      assertEquals(trough, ss.troughMgPerL(), 1e-8 * trough, what + " trough");
      assertEquals(auc, ss.aucTauMgHPerL(), 1e-8 * auc, what + " AUC");
      // Cmax just after the dose: located exactly by the exact path, the first grid point (tau / 1200) numerically
      double at = s instanceof ExactSolver ? 0 : 12.0 / 1200;
      assertEquals(D / V / (1 - e) * Math.exp(-K * at) + C0, ss.cmaxMgPerL(), 1e-8 * ss.cmaxMgPerL(), what + " Cmax");
      assertEquals(trough, ss.profile().concentrationMgPerL(ss.profile().size() - 1), 1e-8 * trough, what);
      assertEquals(auc, ss.profile().cumulativeAucMgHPerL(ss.profile().size() - 1), 1e-8 * auc, what);
      SteadyState.Summary sum = s.steadyStateSummary(m, Dose.ofMg(D), Formulation.EC_MPS_TABLET_360,
          DosingInterval.TWICE_DAILY, 0);
      assertEquals(auc, sum.aucTauMgHPerL(), 1e-8 * auc, what);
      assertEquals(trough, sum.troughMgPerL(), 1e-8 * trough, what);
      // the first interval after one dose: the baseline is there too (the model says so; it is not a
      // first dose's exposure, which is why such a model is for one steady-state interval only)
      SteadyState.Course course = s.course(m, Dose.ofMg(D), Formulation.EC_MPS_TABLET_360,
          DosingInterval.TWICE_DAILY, 0);
      assertEquals(cumulativeAuc(12), course.firstDoseAucTauMgHPerL(), 1e-8 * cumulativeAuc(12), what);
    }
  }

  @Test
  void exposureWithABaselineIsNotProportionalToDose() {
    PkModel m = model(C0);
    ExactSolver s = new ExactSolver();
    double at360 = s.steadyState(m, Dose.ofMg(360), Formulation.EC_MPS_TABLET_360, DosingInterval.TWICE_DAILY)
        .aucTauMgHPerL();
    double at720 = s.steadyState(m, Dose.ofMg(720), Formulation.EC_MPS_TABLET_360, DosingInterval.TWICE_DAILY)
        .aucTauMgHPerL();
    assertEquals(360 / (V * K) + C0 * 12, at360, 1e-9 * at360);
    assertEquals(2 * at360 - C0 * 12, at720, 1e-9 * at720);
  }

  @Test
  void aBaselineOutOfRangeIsRefusedAndCovariatesMayNotChangeIt() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> model(-0.1)).getMessage()
        .contains("Invalid value for offset of MPA"));
    assertThrows(IllegalArgumentException.class, () -> model(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> model(PkModel.MAX_OFFSET_MG_PER_L * 1.01));
    model(PkModel.MAX_OFFSET_MG_PER_L);
    model(0);
    // a covariate that changes the baseline at a record: both paths refuse (the exact path adds one
    // baseline over the whole history)
    CovariateModel changing = c -> model(c.getOrDefault("x", 0.0) == 0 ? C0 : 2 * C0);
    DoseRecords r = DoseRecords.of(List.of(DoseRecord.dose(0, EC, D).withCovariate("x", 0.0),
        DoseRecord.observation(6).withCovariate("x", 1.0)));
    for (ConcentrationSolver s : List.of(new ExactSolver(), new NumericalSolver())) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.observe(changing, r));
      assertTrue(e.getMessage().contains("baselines"), e.getMessage());
    }
  }
}
