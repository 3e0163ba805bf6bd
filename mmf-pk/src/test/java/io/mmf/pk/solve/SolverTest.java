package io.mmf.pk.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.dosing.DoseEvent;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.EmptyingWindows;
import io.mmf.pk.model.ModelFamilies;
import io.mmf.pk.model.ModelFamilies.Disposition;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

class SolverTest {
  private static final ExactSolver EXACT = new ExactSolver();
  private static final NumericalSolver NUMERICAL = new NumericalSolver();
  private static final DosingSchedule ONE_GRAM = DosingSchedule.of(
      List.of(DoseEvent.at(0, Dose.ofMg(1000), Formulation.MMF_TABLET_500)));

  @Test
  void oneCompartmentMatchesTheBatemanFunction() {
    double ka = 2.0;
    double cl = 10;
    double v = 50;
    double lag = 0.5;
    PkModel m = ModelFamilies.firstOrder("1cpt", ka, lag, new Disposition(cl, v, 0, 1), DoseUnit.MG_MMF);
    double k = cl / v;
    double[] times = {0, 0.5, 1, 2, 6, 12, 24};
    ConcentrationProfile p = EXACT.simulate(m, ONE_GRAM, times);
    for (int i = 0; i < times.length; i++) {
      double t = Math.max(0, times[i] - lag);
      double expected = 1000 * ka / (v * (ka - k)) * (Math.exp(-k * t) - Math.exp(-ka * t));
      assertEquals(expected, p.concentrationMgPerL(i), 1e-12 * Math.max(1, expected), "t=" + times[i]);
    }
    // AUC(0, t) closed form: D/CL * (1 - (ka e^{-k t} - k e^{-ka t}) / (ka - k))
    double t = 24 - lag;
    double auc = 1000 / cl * (1 - (ka * Math.exp(-k * t) - k * Math.exp(-ka * t)) / (ka - k));
    assertEquals(auc, p.cumulativeAucMgHPerL(times.length - 1), 1e-10 * auc);
  }

  @Test
  void mmfDoseIsConvertedForModelsInMpaUnits() {
    PkModel mpa = ModelFamilies.firstOrder("mpa", 2, 0, new Disposition(10, 50, 0, 1), DoseUnit.MG_MPA);
    PkModel mmf = ModelFamilies.firstOrder("mmf", 2, 0, new Disposition(10, 50, 0, 1), DoseUnit.MG_MMF);
    double[] t = {3};
    double ratio = EXACT.simulate(mpa, ONE_GRAM, t).concentrationMgPerL(0)
        / EXACT.simulate(mmf, ONE_GRAM, t).concentrationMgPerL(0);
    assertEquals(320.3 / 433.50, ratio, 1e-12);
  }

  @Test
  void exactAndNumericalAgreeOnTwoCompartmentsWithEhc() {
    PkModel m = ModelFamilies.enterohepatic("ehc", 3, 0.25, new Disposition(20, 40, 25, 300), 0.4, 2,
        EmptyingWindows.afterEachDose(new Window(5, 1), new Window(9, 2)), DoseUnit.MG_MPA);
    DosingSchedule s = DosingSchedule.fromRegimen(io.mmf.core.regimen.Regimen.of(Formulation.MMF_TABLET_500,
        Dose.ofMg(1000), DosingInterval.TWICE_DAILY), 6);
    double[] times = new double[145];
    for (int i = 0; i < times.length; i++) {
      times[i] = i * 0.5;
    }
    ConcentrationProfile a = EXACT.simulate(m, s, times);
    ConcentrationProfile b = NUMERICAL.simulate(m, s, times);
    for (int i = 0; i < times.length; i++) {
      assertEquals(b.concentrationMgPerL(i), a.concentrationMgPerL(i), 1e-7 * Math.max(1e-3, b.concentrationMgPerL(i)),
          "t=" + times[i]);
      assertEquals(b.cumulativeAucMgHPerL(i), a.cumulativeAucMgHPerL(i), 1e-7 * Math.max(1e-3, b.cumulativeAucMgHPerL(i)));
    }
  }

  @Test
  void steadyStateAucEqualsDoseOverClearance() {
    PkModel m = ModelFamilies.firstOrder("2cpt", 4.1, 0.21, new Disposition(32.5, 91, 35, 237), DoseUnit.MG_MMF);
    SteadyState ss = EXACT.steadyState(m, Dose.ofMg(1000), Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY);
    assertEquals(1000 / 32.5, ss.aucTauMgHPerL(), 1e-9 * 30.8);
    SteadyState num = NUMERICAL.steadyState(m, Dose.ofMg(1000), Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY);
    assertEquals(ss.aucTauMgHPerL(), num.aucTauMgHPerL(), 1e-6 * ss.aucTauMgHPerL());
    assertEquals(ss.troughMgPerL(), num.troughMgPerL(), 1e-6 * ss.troughMgPerL());
    // The numerical path's Cmax is on its grid; the exact path locates it between grid points.
    double exactOnGrid = ss.profile().concentrationMgPerL(ss.profile().indexOfMax());
    assertEquals(exactOnGrid, num.cmaxMgPerL(), 1e-6 * ss.cmaxMgPerL());
    assertTrue(ss.cmaxMgPerL() >= exactOnGrid && ss.cmaxMgPerL() < exactOnGrid * 1.0001);
    assertTrue(ss.cmaxMgPerL() > ss.troughMgPerL());
  }

  @Test
  void numericalPathSurvivesEventsARoundingApart() {
    // Found by SolverProperties: a zero-order input ending 1e-14 h after an output time made Commons Math
    // refuse the sliver in between.
    PkModel m = ModelFamilies.zeroOrder("z", 0.1 + 1e-14, 0, new Disposition(10, 50, 5, 100), DoseUnit.MG_MPA);
    double[] t = {0.1, 0.2};
    ConcentrationProfile num = NUMERICAL.simulate(m, ONE_GRAM, t);
    ConcentrationProfile exact = EXACT.simulate(m, ONE_GRAM, t);
    assertEquals(exact.concentrationMgPerL(1), num.concentrationMgPerL(1), 1e-9 * exact.concentrationMgPerL(1));
  }

  @Test
  void clockWindowsMakeThePeriodTheLeastCommonMultipleWithTheDay() {
    // Meals at 07:00-08:00 and 18:00-19:00 every day; doses every 8 h from 06:00: period lcm(8, 24) = 24 h.
    PkModel m = ModelFamilies.enterohepatic("clock", 3, 0.25, new Disposition(15, 40, 20, 300), 0.4, 3,
        EmptyingWindows.atClockTimes(new Window(7, 1), new Window(18, 1)), DoseUnit.MG_MPA);
    SteadyState exact = EXACT.steadyState(m, Dose.ofMg(1000), Formulation.MMF_TABLET_500,
        DosingInterval.THREE_TIMES_DAILY, 6);
    assertEquals(24, exact.periodHours());
    assertEquals(3, exact.aucPerIntervalMgHPerL().size());
    // Mass balance over the whole period: 3 doses x MPA / ((1 - fEHC) CL)
    double mpa = 1000 * 320.3 / 433.50;
    assertEquals(3 * mpa / (0.6 * 15), exact.aucPeriodMgHPerL(), 1e-9 * exact.aucPeriodMgHPerL());
    // The meals are not symmetric about the doses, so the intervals differ.
    assertTrue(Math.abs(exact.aucPerIntervalMgHPerL().get(0) - exact.aucPerIntervalMgHPerL().get(1)) > 0.1);
    SteadyState num = NUMERICAL.steadyState(m, Dose.ofMg(1000), Formulation.MMF_TABLET_500,
        DosingInterval.THREE_TIMES_DAILY, 6);
    for (int j = 0; j < 3; j++) {
      double a = exact.aucPerIntervalMgHPerL().get(j);
      assertEquals(a, num.aucPerIntervalMgHPerL().get(j), 1e-6 * a, "interval " + j);
    }
    assertEquals(exact.troughMgPerL(), num.troughMgPerL(), 1e-6 * exact.troughMgPerL());
  }

  @Test
  void steadyStateRejectsAnIntervalWithNoCommonPeriod() {
    PkModel m = ModelFamilies.enterohepatic("clock", 3, 0, new Disposition(15, 40, 20, 300), 0.4, 3,
        EmptyingWindows.atClockTimes(new Window(7, 1)), DoseUnit.MG_MPA);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EXACT.steadyState(m,
        Dose.ofMg(1000), Formulation.MMF_TABLET_500, DosingInterval.everyHours(Math.PI)));
    assertTrue(e.getMessage().contains("intervalHours"), e.getMessage());
  }

  @Test
  void scaledSummaryEqualsASolveAtTheNewDose() {
    PkModel m = io.mmf.pk.model.Presets.jiao2008(70);
    SteadyState.Summary one = EXACT.steadyState(m, Dose.ofMg(1000), Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY).summary();
    SteadyState.Summary solved = EXACT.steadyState(m, Dose.ofMg(1750), Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY).summary();
    SteadyState.Summary scaled = one.scaled(1.75);
    assertEquals(solved.aucTauMgHPerL(), scaled.aucTauMgHPerL(), 1e-12 * solved.aucTauMgHPerL());
    assertEquals(solved.cmaxMgPerL(), scaled.cmaxMgPerL(), 1e-12 * solved.cmaxMgPerL());
    assertEquals(solved.troughMgPerL(), scaled.troughMgPerL(), 1e-12 * solved.troughMgPerL());
    assertEquals(solved.tmaxHours(), scaled.tmaxHours(), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> one.scaled(0));
  }

  @Test
  void timesMustBeSortedAndNonNegative() {
    PkModel m = ModelFamilies.firstOrder("1cpt", 2, 0, new Disposition(10, 50, 0, 1), DoseUnit.MG_MMF);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EXACT.simulate(m, ONE_GRAM, new double[] {1, 0.5}));
    assertEquals("Invalid value for timesHours[1] (expected >= 1.0): 0.5", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EXACT.simulate(m, ONE_GRAM, new double[] {-1}));
    assertThrows(IllegalArgumentException.class, () -> EXACT.simulate(m, ONE_GRAM, new double[] {Double.NaN}));
  }
}
