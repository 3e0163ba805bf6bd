package io.mmf.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.dosing.SteadyStateMode;
import io.mmf.pk.model.CovariateModel;
import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.ModelFamilies;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.solve.ConcentrationSolver;
import io.mmf.pk.solve.ExactSolver;
import io.mmf.pk.solve.SteadyState;
import io.mmf.testkit.pk.Oracles;
import io.mmf.testkit.pk.Oracles.Tolerance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each oracle passes on what obeys its law and fails on what breaks it. */
class OraclesTest {
  private static final ExactSolver EXACT = new ExactSolver();
  private static final PkModel M1 = ModelFamilies.firstOrder("M1", 1.5, 0.25,
      new ModelFamilies.Disposition(12, 30, 20, 300), DoseUnit.MG_MPA);
  private static final DoseRecords BID = DoseRecords.of(
      DoseRecord.dose(0, Drug.MYCOPHENOLATE_MOFETIL, 1000).withAdditionalDoses(5, 12),
      DoseRecord.dose(30, Drug.MYCOPHENOLATE_SODIUM, 720).withRate(360),
      DoseRecord.observation(40));
  private static final DoseRecords EXTRA = DoseRecords.of(DoseRecord.dose(7, Drug.MYCOPHENOLATE_MOFETIL, 500)
      .withDuration(2));
  private static final double[] TIMES = {0, 0.5, 1, 2, 4, 8, 12, 13, 24, 30, 31, 36, 48, 60, 72, 96};

  /** A solver that is the exact one plus a constant: neither linear nor superposable. */
  private static final ConcentrationSolver OFFSET = new Shifted(1e-3, 1);
  /** A solver whose steady state is 1 % high. */
  private static final ConcentrationSolver HIGH_STEADY_STATE = new Shifted(0, 1.01);

  private record Shifted(double offsetMgPerL, double steadyStateFactor) implements ConcentrationSolver {
    @Override
    public ConcentrationProfile simulate(CovariateModel model, DoseRecords records, double[] timesHours) {
      ConcentrationProfile p = EXACT.simulate(model, records, timesHours);
      double[][] c = {p.analyteConcentrationsMgPerL(0).clone()};
      double[][] auc = {p.analyteCumulativeAucMgHPerL(0).clone()};
      for (int i = 0; i < c[0].length; i++) {
        c[0][i] += offsetMgPerL;
        auc[0][i] += offsetMgPerL * timesHours[i];
      }
      return ConcentrationProfile.of(p.analytes(), timesHours, c, auc);
    }

    @Override
    public ConcentrationProfile observe(CovariateModel model, DoseRecords records) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SteadyState steadyState(PkModel model, Dose dose, Formulation formulation, DosingInterval interval,
        double firstDoseClockHours) {
      SteadyState s = EXACT.steadyState(model, dose, formulation, interval, firstDoseClockHours);
      return new SteadyState(s.intervalHours(), s.periodHours(), s.profile(),
          s.aucPerIntervalMgHPerL().stream().map(a -> a * steadyStateFactor).toList(), s.troughMgPerL(),
          s.cmaxMgPerL(), s.tmaxHours());
    }
  }

  @Test
  void theExactSolverObeysEveryLaw() {
    Oracles.assertLinearInDose(EXACT, M1, BID, TIMES, 3.7, Tolerance.EXACT);
    Oracles.assertSuperposition(EXACT, M1, BID, EXTRA, TIMES, Tolerance.EXACT);
    Oracles.assertSteadyStateMassBalance(EXACT, M1, Dose.ofMg(1000), Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY, 1e-9);
    Oracles.assertNonNegative(EXACT.simulate(M1, BID, TIMES));
  }

  @Test
  void aConstantOffsetBreaksLinearityAndSuperposition() {
    AssertionError linear = assertThrows(AssertionError.class,
        () -> Oracles.assertLinearInDose(OFFSET, M1, BID, TIMES, 2, Tolerance.NUMERICAL));
    assertTrue(linear.getMessage().startsWith("linearity in dose (x2.0): at index 0, t=0.0 h"), linear.getMessage());
    AssertionError sum = assertThrows(AssertionError.class,
        () -> Oracles.assertSuperposition(OFFSET, M1, BID, EXTRA, TIMES, Tolerance.NUMERICAL));
    assertTrue(sum.getMessage().startsWith("superposition"), sum.getMessage());
  }

  @Test
  void aSteadyStateOnePercentOffBreaksTheMassBalance() {
    AssertionError e = assertThrows(AssertionError.class, () -> Oracles.assertSteadyStateMassBalance(
        HIGH_STEADY_STATE, M1, Dose.ofMg(1000), Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY, 1e-3));
    assertTrue(e.getMessage().startsWith("steady-state mass balance"), e.getMessage());
    Oracles.assertSteadyStateMassBalance(HIGH_STEADY_STATE, M1, Dose.ofMg(1000), Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY, 0.02);
  }

  @Test
  void arrayOraclesJudgeEachPointOnBothSidesOfTheTolerance() {
    double[] t = {0, 1, 2};
    double[] base = {0, 2, 1};
    Oracles.assertLinearInDose(t, base, new double[] {0, 4, 2 * (1 + 0.9e-8)}, 2, Tolerance.EXACT);
    assertThrows(AssertionError.class,
        () -> Oracles.assertLinearInDose(t, base, new double[] {0, 4, 2 * (1 + 1.2e-8)}, 2, new Tolerance(1e-8, 0)));
    Oracles.assertSuperposed(t, base, base, new double[] {0, 4, 2}, Tolerance.EXACT);
    AssertionError e = assertThrows(AssertionError.class,
        () -> Oracles.assertSuperposed(t, base, base, new double[] {0, 4, 2.1}, Tolerance.EXACT));
    assertTrue(e.getMessage().startsWith("superposition: at index 2, t=2.0 h, expected 2.0 but was 2.1 "), e.getMessage());
    assertThrows(AssertionError.class, () -> Oracles.assertSuperposed(t, base, base, new double[] {0, 4, Double.NaN},
        Tolerance.EXACT));
    assertThrows(IllegalArgumentException.class, () -> Oracles.assertSuperposed(t, base, base, new double[2],
        Tolerance.EXACT));
  }

  @Test
  void negativeOrNonFiniteConcentrationsFail() {
    double[] t = {0, 1, 2};
    Oracles.assertNonNegative(t, new double[] {0, 0.0, 1e-300});
    for (double bad : new double[] {-1e-300, -0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
      AssertionError e = assertThrows(AssertionError.class, () -> Oracles.assertNonNegative(t, new double[] {0, bad, 1}));
      assertTrue(e.getMessage().contains("concentration[1] at t=1.0 h"), e.getMessage());
    }
  }

  @Test
  void aucMayNotFallBeyondRoundingNorTimeRunBackwards() {
    double[] t = {0, 1, 2};
    Oracles.assertAucMonotone(t, new double[] {0, 5, 5});
    Oracles.assertAucMonotone(t, new double[] {0, 5, 5 * (1 - 0.5 * Oracles.AUC_ROUNDING)});
    assertThrows(AssertionError.class, () -> Oracles.assertAucMonotone(t, new double[] {0, 5,
        5 * (1 - 2 * Oracles.AUC_ROUNDING)}));
    assertThrows(AssertionError.class, () -> Oracles.assertAucMonotone(new double[] {0, 2, 1}, new double[] {0, 1, 2}));
    assertThrows(AssertionError.class, () -> Oracles.assertAucMonotone(t, new double[] {0, Double.NaN, 2}));
  }

  @Test
  void scalingKeepsEverythingButAmountsAndRates() {
    DoseRecords ss = DoseRecords.of(DoseRecord.dose(0, Drug.MYCOPHENOLATE_MOFETIL, 1000)
            .withSteadyState(SteadyStateMode.RESET, 12).withCovariate("weightKg", 70),
        DoseRecord.reset(24), DoseRecord.resetAndDose(30, Drug.MYCOPHENOLATE_SODIUM, 360).withRate(720),
        DoseRecord.other(31).withCovariate("weightKg", 72));
    assertEquals(ss, Oracles.scaled(ss, 1));
    DoseRecords twice = Oracles.scaled(ss, 2);
    assertEquals(2000, twice.records().get(0).amountMg());
    assertEquals(12, twice.records().get(0).intervalHours());
    assertEquals(SteadyStateMode.RESET, twice.records().get(0).steadyState());
    assertEquals(1440, twice.records().get(2).rateMgPerHour());
    assertEquals(List.of(0.0, 24.0, 30.0, 31.0), twice.records().stream().map(DoseRecord::timeHours).toList());
    assertEquals(72.0, twice.records().get(3).covariates().get("weightKg"));
    assertThrows(IllegalArgumentException.class, () -> Oracles.scaled(ss, 0));
    assertThrows(IllegalArgumentException.class, () -> Oracles.merged(ss, EXTRA));
    assertThrows(IllegalArgumentException.class, () -> Oracles.assertSuperposition(EXACT,
        M1.withEmptyingWindows(io.mmf.pk.model.EmptyingWindows.afterEachDose(new io.mmf.pk.model.Window(4, 1))),
        BID, EXTRA, TIMES, Tolerance.EXACT));
  }

  @Test
  void theSlowestModeIsTheTerminalRate() {
    // one compartment, ka 1.5 > k 0.4: the terminal rate is k
    PkModel one = ModelFamilies.firstOrder("one", 1.5, 0, new ModelFamilies.Disposition(4, 10, 0, 1), DoseUnit.MG_MPA);
    assertEquals(0.4, Oracles.slowestDecayPerHour(one), 1e-12);
  }

  @Test
  void aGammaInputDeliversAllButOneIn1e16WithinItsHours() {
    // shape 1 is first order: Q(1, k t) = e^(-k t) falls to 1e-16 at t = ln(1e16) / k
    PkModel exponential = ModelFamilies.gammaAbsorption("a=1", List.of(new PkModel.GammaLaw(1, 1, 0.5)), 0,
        new ModelFamilies.Disposition(12, 30, 0, 1), DoseUnit.MG_MPA);
    double hours = Oracles.gammaInputHours(exponential);
    assertTrue(hours >= Math.log(1e16) / 0.5 && hours <= 1.1 * Math.log(1e16) / 0.5, "" + hours);
    PkModel two = ModelFamilies.gammaAbsorption("two", List.of(new PkModel.GammaLaw(0.5, 1, 0.5),
        new PkModel.GammaLaw(0.5, 1, 0.05)), 0, new ModelFamilies.Disposition(12, 30, 0, 1), DoseUnit.MG_MPA);
    assertTrue(Oracles.gammaInputHours(two) >= Math.log(1e16) / 0.05, "the slower law decides");
    assertEquals(0, Oracles.gammaInputHours(M1));
    Oracles.assertSteadyStateMassBalance(EXACT, two, Dose.ofMg(1000), Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY, 1e-9);
  }
}
