package io.mmf.pk.solve.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Drug;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.dosing.SteadyStateMode;
import io.mmf.pk.model.DoseInput;
import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Presets;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.solve.ExactSolver;
import org.junit.jupiter.api.Test;

/**
 * Zero-order inputs switch on and off: the rate state of a compartment holds the sum of the infusions in
 * progress there, summed in the order they started, and exactly 0 when none is. Adding +rate at each start
 * and -rate at each end, as the engine did, leaves an ulp of residue once overlapping infusions of
 * different rates have ended (0.1 + 0.2 - 0.2 - 0.1 is 2.8e-17): an input for ever, and a negative one
 * makes the AUC fall. The rates here are chosen so that the signed sums do not cancel: the first three
 * tests fail on that bookkeeping (0.10000000000000003 mg/h from 5 h, 0.20000000000000004 after the
 * steady state's hand-over, a concentration that stops decaying at 40 h).
 */
class InfusionRateTest {
  /** Depot to central at 2 / h, elimination 1 / h, V 5 L; doses in mg of MPA, so EC-MPS rates enter as given. */
  private static final PkModel ORAL = PkModel.builder("oral").compartments("depot", "central")
      .transfer("depot", "central", 2).elimination("central", 1).observe("MPA", "central", 5)
      .doseAny(DoseInput.bolus("depot", 1, 0)).doseUnit(DoseUnit.MG_MPA).build();

  private static DoseRecord infusion(double startHours, double rateMgPerHour, double hours) {
    return DoseRecord.dose(startHours, Drug.MYCOPHENOLATE_SODIUM, rateMgPerHour * hours).withRate(rateMgPerHour);
  }

  /** The depot's input rate at each time (outputs see the state just before everything at their instant). */
  private static double[] depotRate(PkModel model, DoseRecords records, double[] times) {
    ExactEngine.Compiled c = ExactEngine.compile(model, records, times, false, times[times.length - 1], -1, false);
    Layout layout = c.session().layout;
    assertEquals(1, layout.rateTarget.length, "one compartment receives zero-order inputs");
    double[] rate = new double[times.length];
    Walk.run(c.plan(), new double[layout.size], (output, state, epoch) -> rate[output] = state[layout.n], null, null);
    return rate;
  }

  /** Rates summed one after another from 0, in the order they started. */
  private static double inOrder(double... rates) {
    double s = 0;
    for (double r : rates) {
      s += r;
    }
    return s;
  }

  @Test
  void theRateIsTheSumOfTheInfusionsRunningAndExactlyZeroOnceTheyHaveEnded() {
    // signed bookkeeping (on at 0 and 1 h, off at 5 and 10 h) leaves this, which is why these rates
    assertNotEquals(0.0, 0.1 + 0.2 - 0.2 - 0.1);
    DoseRecords two = DoseRecords.of(infusion(0, 0.1, 10), infusion(1, 0.2, 4));
    double[] times = {0.5, 2, 7, 11, 50};
    double[] expected = {0.1, 0.1 + 0.2, 0.1, 0, 0};
    double[] rate = depotRate(ORAL, two, times);
    for (int i = 0; i < times.length; i++) {
      assertEquals(expected[i], rate[i], "input rate at t=" + times[i]);
    }
    // three at once, the last two ending together
    DoseRecords three = DoseRecords.of(infusion(0, 0.1, 3), infusion(1, 0.2, 5), infusion(2, 0.3, 1));
    double[] t3 = {0.5, 1.5, 2.5, 3.5, 5.5, 6.5, 10};
    double[] e3 = {0.1, 0.1 + 0.2, inOrder(0.1, 0.2, 0.3), 0.2, 0.2, 0, 0};
    double[] r3 = depotRate(ORAL, three, t3);
    for (int i = 0; i < t3.length; i++) {
      assertEquals(e3[i], r3[i], "input rate at t=" + t3[i]);
    }
  }

  @Test
  void aSteadyStateOfOverlappingInfusionsHandsOverItsRatesAndEndsAtExactlyZero() {
    // SS 1 at 24 h, 0.1 mg/h for 3.5 h every hour: three earlier doses still running at 24 h, ending at
    // 24.5, 25.5 and 26.5 h, and the dose at 24 h ending at 27.5 h. Then SS 2 at 40 h onto an infusion of
    // 0.2 mg/h running from 39 to 44 h.
    DoseRecords records = DoseRecords.of(
        DoseRecord.dose(24, Drug.MYCOPHENOLATE_SODIUM, 0.35).withRate(0.1).withSteadyState(SteadyStateMode.RESET, 1),
        infusion(39, 0.2, 5),
        DoseRecord.dose(40, Drug.MYCOPHENOLATE_SODIUM, 0.35).withRate(0.1).withSteadyState(SteadyStateMode.ADD, 1));
    double[] times = {24.25, 24.75, 25.75, 26.75, 27.75, 39.5, 40.25, 43.75, 44.5, 60};
    double[] expected = {inOrder(0.1, 0.1, 0.1, 0.1), inOrder(0.1, 0.1, 0.1), 0.1 + 0.1, 0.1, 0, 0.2,
        inOrder(0.2, 0.1, 0.1, 0.1, 0.1), 0.2, 0, 0};
    double[] rate = depotRate(ORAL, records, times);
    for (int i = 0; i < times.length; i++) {
      assertEquals(expected[i], rate[i], "input rate at t=" + times[i]);
    }
  }

  @Test
  void concentrationsDecayAtTheSlowestRateOnceEveryInfusionHasEnded() {
    // After 10 h nothing enters: C(t) = a e^{-t} + b e^{-2 t}, so from 40 h on C(t + 1) / C(t) is e^{-1}
    // to 1e-13 all the way down to C(200) ~ 1e-84 mg/L; a residual input of 2.8e-17 mg/h would hold C
    // at 5.6e-18 mg/L instead (and a negative one would take it below 0, clamped to 0 in the profile).
    double[] times = new double[201];
    for (int i = 0; i < times.length; i++) {
      times[i] = i;
    }
    ConcentrationProfile p = new ExactSolver().simulate(ORAL,
        DoseRecords.of(infusion(0, 0.1, 10), infusion(1, 0.2, 4)), times);
    double[] auc = p.analyteCumulativeAucMgHPerL(0);
    for (int i = 1; i < times.length; i++) {
      assertTrue(auc[i] >= auc[i - 1], "AUC falls from " + auc[i - 1] + " to " + auc[i] + " at t=" + times[i]);
    }
    for (int i = 40; i < times.length - 1; i++) {
      double c = p.concentrationMgPerL(i);
      assertTrue(c > 0, "t=" + times[i] + ": " + c);
      assertEquals(Math.exp(-1), p.concentrationMgPerL(i + 1) / c, 1e-9, "decay from t=" + times[i]);
    }
  }

  /** Slow enough that the rate's column dominates the generator's norm (so Pade's solve pivots on other rows). */
  private static final PkModel SLOW = PkModel.builder("slow").compartments("depot", "central")
      .transfer("depot", "central", 0.1).elimination("central", 0.05).observe("MPA", "central", 50)
      .doseAny(DoseInput.bolus("depot", 1, 0)).doseUnit(DoseUnit.MG_MPA).build();

  @Test
  void scalingAndSquaringKeepsEveryRateConstantWithinASegment() {
    // What the rate bookkeeping relies on between changes: the propagators keep a rate as it is, their
    // rate rows the identity's, so a rate set to 0 takes nothing from the compartments. The modal form
    // writes those rows so; on the Pade path (the open gallbladder of Jiao 2008, or any model when the
    // modal form is not allowed) they come out so from the solve and the squarings, by their zeros.
    for (PkModel m : new PkModel[] {Presets.jiao2008(70), SLOW, ORAL}) {
      checkRateRows(m);
    }
  }

  private static void checkRateRows(PkModel m) {
    int depot = m.inputStateIndex(Drug.MYCOPHENOLATE_MOFETIL);
    for (boolean substeps : new boolean[] {false, true}) {
      Layout layout = new Layout(m, new int[] {depot}, 1);
      Session s = new Session(layout, substeps, false);
      Propagation prop = s.epoch(m).propagation(true);
      assertInstanceOf(Propagation.Pade.class, prop);
      for (double h : new double[] {0.01, 0.37, 1, 2.5, 3, 4, 5, 7, 11.3, 24, 100}) {
        Step step = prop.step(h);
        for (double[] matrix : substeps ? new double[][] {step.matrix, step.sub} : new double[][] {step.matrix}) {
          int row = layout.n * layout.size;
          for (int j = 0; j < layout.size; j++) {
            assertEquals(j == layout.n ? 1.0 : 0.0, matrix[row + j], m.name() + " h=" + h + " column " + j);
          }
        }
      }
    }
  }
}
