package io.mmf.pk.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Drug;
import io.mmf.pk.dosing.CovariateInterpolation;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.dosing.SteadyStateMode;
import io.mmf.pk.model.CovariateModel;
import io.mmf.pk.model.DoseInput;
import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.PkModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConcentrationSolver} must do with dose records, checked against closed forms and
 * superposition written here (one compartment; oral doses through a depot with F and a lag, intravenous
 * doses and infusions straight into it), on both sides of each edge. The anchors' bug lists
 * (event-records.md, section 1.3) are the cases: EVID 4 with SS and lag, SS with II shorter than an
 * infusion, SS 2 after a dose change, ADDL with lag, record order at one instant, resets at a dose time,
 * covariates carried forward and back.
 */
abstract class ConcentrationSolverContract {
  static final double KA = 1.3;
  static final double K = 0.25;
  static final double V = 40;
  static final double LAG = 0.75;
  static final double F = 0.8;
  static final Drug ORAL = Drug.MYCOPHENOLATE_MOFETIL;
  static final Drug IV = Drug.MYCOPHENOLATE_SODIUM;

  /** The solver under test. */
  abstract ConcentrationSolver solver();

  /** Its relative accuracy on these models. */
  abstract double tolerance();

  static PkModel model(double k, double f, double lag) {
    return PkModel.builder("1cpt").compartments("depot", "central").transfer("depot", "central", KA)
        .elimination("central", k).observe("MPA", "central", V).dose(ORAL, DoseInput.bolus("depot", f, lag))
        .dose(IV, DoseInput.bolus("central", 1, 0)).doseUnit(DoseUnit.MG_MPA).build();
  }

  static final PkModel MODEL = model(K, F, LAG);

  /** mg entering from {@code mg} of a drug (the model's unit is mg MPA). */
  static double entering(Drug drug, double mg, double f) {
    return mg * drug.mpaMassFraction() * f;
  }

  /** Concentration at t of an oral dose a (mg entering) given at td (Bateman, after the lag). */
  static double oral(double t, double td, double a, double k, double lag) {
    double s = t - td - lag;
    return s <= 0 ? 0 : a * KA / (V * (KA - k)) * (Math.exp(-k * s) - Math.exp(-KA * s));
  }

  static double oral(double t, double td, double a) {
    return oral(t, td, a, K, LAG);
  }

  /** Concentration at t of an intravenous bolus a given at td (counted at td itself if {@code atTd}). */
  static double iv(double t, double td, double a, boolean atTd) {
    double s = t - td;
    return s < 0 || s == 0 && !atTd ? 0 : a / V * Math.exp(-K * s);
  }

  /** Concentration at t of an infusion at rate r (mg/h entering) from ts for d hours. */
  static double infusion(double t, double ts, double r, double d) {
    double s = t - ts;
    if (s <= 0) {
      return 0;
    }
    double plateau = r / (K * V);
    return s <= d ? plateau * (1 - Math.exp(-K * s)) : plateau * (1 - Math.exp(-K * d)) * Math.exp(-K * (s - d));
  }

  /** The integral of {@link #infusion} from ts to t. */
  static double infusionAuc(double t, double ts, double r, double d) {
    double s = t - ts;
    if (s <= 0) {
      return 0;
    }
    double plateau = r / (K * V);
    double during = Math.min(s, d);
    double auc = plateau * (during - (1 - Math.exp(-K * during)) / K);
    if (s > d) {
      auc += plateau * (1 - Math.exp(-K * d)) * (1 - Math.exp(-K * (s - d))) / K;
    }
    return auc;
  }

  /** A dose repeated every ii from t0 back to the infinite past: the sum of its copies (j &gt;= 1). */
  static double past(DoubleUnaryOperator copy, double t0, double ii) {
    double sum = 0;
    for (int j = 1; j < 2000; j++) {
      double c = copy.applyAsDouble(t0 - j * ii);
      sum += c;
      if (j > 10 && c < 1e-30) {
        break;
      }
    }
    return sum;
  }

  void assertClose(double expected, double actual, String what) {
    assertEquals(expected, actual, tolerance() * Math.abs(expected) + 1e-12, what);
  }

  private static double[] observedAt(ConcentrationProfile p) {
    double[] c = new double[p.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = p.concentrationMgPerL(i);
    }
    return c;
  }

  @Test
  void additionalDosesWithALagAreTheirSuperposition() {
    double a = entering(ORAL, 1000, F);
    DoseRecords r = DoseRecords.of(DoseRecord.dose(0, ORAL, 1000).withAdditionalDoses(5, 12));
    List<Double> times = new ArrayList<>();
    for (int j = 0; j <= 6; j++) {
      for (double dt : new double[] {-1e-3, 0, 1e-3, LAG - 1e-3, LAG, LAG + 1e-3, 5}) {
        if (j * 12 + dt >= 0) {
          times.add(j * 12 + dt);
        }
      }
    }
    double[] t = times.stream().mapToDouble(Double::doubleValue).toArray();
    ConcentrationProfile p = solver().simulate(MODEL, r, t);
    for (int i = 0; i < t.length; i++) {
      double expected = 0;
      for (int j = 0; j <= 5; j++) {
        expected += oral(t[i], 12 * j, a);
      }
      assertClose(expected, p.concentrationMgPerL(i), "t=" + t[i]);
    }
  }

  @Test
  void aLagLongerThanTheIntervalArrivesAfterLaterDoses() {
    // II 0.5 h < lag 0.75 h: each arrival falls after the next dose (the lag crosses a dose)
    double a = entering(ORAL, 100, F);
    DoseRecords r = DoseRecords.of(DoseRecord.dose(1, ORAL, 100).withAdditionalDoses(3, 0.5));
    double[] t = {1.5, 1.75 - 1e-6, 1.75 + 1e-6, 2.0, 2.25 - 1e-6, 2.25 + 1e-6, 2.6, 3.5, 6};
    ConcentrationProfile p = solver().simulate(MODEL, r, t);
    for (int i = 0; i < t.length; i++) {
      double expected = 0;
      for (int j = 0; j <= 3; j++) {
        expected += oral(t[i], 1 + 0.5 * j, a);
      }
      assertClose(expected, p.concentrationMgPerL(i), "t=" + t[i]);
    }
  }

  @Test
  void anObservationSeesTheRecordsBeforeItAtItsInstant() {
    double a = entering(IV, 500, 1);
    DoseRecords r = DoseRecords.of(DoseRecord.observation(5), DoseRecord.dose(5, IV, 500), DoseRecord.observation(5),
        DoseRecord.observation(7));
    double[] c = observedAt(solver().observe(MODEL, r));
    assertEquals(0, c[0], 0, "before the bolus record");
    assertClose(iv(5, 5, a, true), c[1], "after the bolus record");
    assertClose(iv(7, 5, a, true), c[2], "later");
    // an output time the caller asks for sees the state just before everything at its instant
    assertEquals(0, solver().simulate(MODEL, r, new double[] {5}).concentrationMgPerL(0), 0);
  }

  @Test
  void anObservationAtAnAdditionalDoseSeesTheTrough() {
    double a = entering(IV, 500, 1);
    DoseRecords r = DoseRecords.of(DoseRecord.dose(0, IV, 500).withAdditionalDoses(2, 12), DoseRecord.observation(12),
        DoseRecord.observation(12.5));
    double[] c = observedAt(solver().observe(MODEL, r));
    assertClose(iv(12, 0, a, true), c[0], "trough at the additional dose");
    assertClose(iv(12.5, 0, a, true) + iv(12.5, 12, a, true), c[1], "after it");
  }

  @Test
  void aResetAtADoseTimeCancelsWhatIsPendingButNotTheDoseAfterIt() {
    double a = entering(ORAL, 1000, F);
    // an additional dose falls at 24 h, the time of the reset: cancelled; the dose record after the
    // reset is given; an observation between the two sees nothing.
    DoseRecords r = DoseRecords.of(DoseRecord.dose(0, ORAL, 1000).withAdditionalDoses(4, 12),
        DoseRecord.observation(23.5), DoseRecord.reset(24), DoseRecord.observation(24), DoseRecord.dose(24, ORAL, 1000),
        DoseRecord.observation(24 + LAG + 0.1), DoseRecord.observation(40));
    double[] c = observedAt(solver().observe(MODEL, r));
    assertClose(oral(23.5, 0, a) + oral(23.5, 12, a), c[0], "before the reset");
    assertEquals(0, c[1], 1e-12, "after the reset");
    assertClose(oral(24 + LAG + 0.1, 24, a), c[2], "the dose after the reset, and no additional dose");
    assertClose(oral(40, 24, a), c[3], "no additional dose of the cancelled record");
    // the other order: the dose record before the reset is lost with everything else
    DoseRecords other = DoseRecords.of(DoseRecord.dose(24, ORAL, 1000), DoseRecord.reset(24),
        DoseRecord.observation(30));
    assertEquals(0, solver().observe(MODEL, other).concentrationMgPerL(0), 1e-12);
  }

  @Test
  void resetAndDoseWithASteadyStateAndALag() {
    // EVID 4 + SS 1 + lag (mrgsolve #1010, #1261, #1396): prior doses are wiped, the state is the steady
    // state of this dose every 12 h, lag included, then this dose is given.
    double a = entering(ORAL, 750, F);
    double old = entering(ORAL, 2000, F);
    DoseRecords r = DoseRecords.of(DoseRecord.dose(0, ORAL, 2000).withAdditionalDoses(10, 6),
        DoseRecord.resetAndDose(30, ORAL, 750).withSteadyState(SteadyStateMode.RESET, 12),
        DoseRecord.observation(30), DoseRecord.observation(30 + LAG), DoseRecord.observation(31), DoseRecord.observation(41));
    double[] c = observedAt(solver().observe(MODEL, r));
    double[] t = {30, 30 + LAG, 31, 41};
    for (int i = 0; i < t.length; i++) {
      double ti = t[i];
      double expected = past(td -> oral(ti, td, a), 30, 12) + oral(ti, 30, a);
      assertClose(expected, c[i], "t=" + ti);
    }
    assertClose(oral(29.9, 24, old) + oral(29.9, 18, old) + oral(29.9, 12, old) + oral(29.9, 6, old)
        + oral(29.9, 0, old), solver().simulate(MODEL, r, new double[] {29.9}).concentrationMgPerL(0), "before");
  }

  @Test
  void aSteadyStateWhoseLagSpansIntervalsKeepsTheArrivalsStillPending() {
    // lag 0.75 h, II 0.5 h: at the steady-state dose, the dose before it has not arrived yet
    double a = entering(ORAL, 100, F);
    DoseRecords r = DoseRecords.of(DoseRecord.dose(10, ORAL, 100).withSteadyState(SteadyStateMode.RESET, 0.5));
    double[] t = {10.1, 10.25 - 1e-6, 10.25 + 1e-6, 10.6, 10.75 + 1e-6, 12};
    ConcentrationProfile p = solver().simulate(MODEL, r, t);
    for (int i = 0; i < t.length; i++) {
      double ti = t[i];
      assertClose(past(td -> oral(ti, td, a), 10, 0.5) + oral(ti, 10, a), p.concentrationMgPerL(i), "t=" + ti);
    }
  }

  @Test
  void aSteadyStateInfusionLongerThanItsInterval() {
    // DUR 30 h every 12 h: two or three infusions run at once at steady state
    double a = entering(IV, 600, 1);
    double rate = a / 30;
    DoseRecords dur = DoseRecords.of(DoseRecord.dose(0, IV, 600).withDuration(30)
        .withSteadyState(SteadyStateMode.RESET, 12));
    // the same by RATE: mg of the labelled substance per h, 20 mg/h of 600 mg: 30 h
    DoseRecords byRate = DoseRecords.of(DoseRecord.dose(0, IV, 600).withRate(20)
        .withSteadyState(SteadyStateMode.RESET, 12));
    double[] t = {0.5, 6, 11.999, 12, 12.001, 18, 29.999, 30.001, 40};
    for (DoseRecords r : List.of(dur, byRate)) {
      ConcentrationProfile p = solver().simulate(MODEL, r, t);
      for (int i = 0; i < t.length; i++) {
        double ti = t[i];
        double expected = past(ts -> infusion(ti, ts, rate, 30), 0, 12) + infusion(ti, 0, rate, 30);
        assertClose(expected, p.concentrationMgPerL(i), r + " t=" + ti);
      }
    }
  }

  @Test
  void steadyStateTwoAddsToTheStateAfterADoseChange() {
    // SS 2 (superposition) after a change from 1000 to 500 mg; rxode2's docs swap SS 1 and 2: NONMEM's are pinned.
    double big = entering(ORAL, 1000, F);
    double small = entering(ORAL, 500, F);
    DoseRecords r = DoseRecords.of(DoseRecord.dose(0, ORAL, 1000).withAdditionalDoses(1, 12),
        DoseRecord.dose(24, ORAL, 500).withSteadyState(SteadyStateMode.ADD, 12).withAdditionalDoses(1, 12));
    double[] t = {23.9, 24.5, 24 + LAG + 0.01, 30, 36.5, 40};
    ConcentrationProfile p = solver().simulate(MODEL, r, t);
    for (int i = 0; i < t.length; i++) {
      double ti = t[i];
      double expected = oral(ti, 0, big) + oral(ti, 12, big);
      if (ti >= 24) {
        expected += past(td -> oral(ti, td, small), 24, 12) + oral(ti, 24, small) + oral(ti, 36, small);
      }
      assertClose(expected, p.concentrationMgPerL(i), "t=" + ti);
    }
    // and SS 1 on the same record discards the earlier doses
    DoseRecords reset = DoseRecords.of(DoseRecord.dose(0, ORAL, 1000).withAdditionalDoses(1, 12),
        DoseRecord.dose(24, ORAL, 500).withSteadyState(SteadyStateMode.RESET, 12));
    double only = past(td -> oral(30, td, small), 24, 12) + oral(30, 24, small);
    assertClose(only, solver().simulate(MODEL, reset, new double[] {30}).concentrationMgPerL(0), "SS 1");
  }

  @Test
  void aucOverAWindowThatAnInfusionEndsInside() {
    double a = entering(IV, 400, 1);
    double rate = a / 5;
    DoseRecords r = DoseRecords.of(DoseRecord.dose(2, IV, 400).withDuration(5));
    for (double[] w : new double[][] {{3, 6.9}, {3, 7}, {3, 7.1}, {6.999, 9}, {7.0001, 9}, {0, 30}}) {
      double expected = infusionAuc(w[1], 2, rate, 5) - infusionAuc(w[0], 2, rate, 5);
      assertClose(expected, solver().aucMgHPerL(MODEL, r, w[0], w[1]), "[" + w[0] + ", " + w[1] + "]");
    }
  }

  @Test
  void anInputEndsWithItsLastInfusionAndTheCurveDecaysFromThen() {
    // 0.1 mg/h from 0 to 10 h and 0.2 mg/h from 1 to 5 h into central: a solver that switches rates by
    // adding +rate and -rate keeps 0.1 + 0.2 - 0.2 - 0.1 = 2.8e-17 mg/h flowing for ever, a plateau of
    // 2.8e-18 mg/L where the curve should fall to 1e-45 mg/L by 400 h. Compared relative to the closed
    // form alone (no absolute floor), far below any floor.
    DoseRecords r = DoseRecords.of(DoseRecord.dose(0, IV, 1).withRate(0.1), DoseRecord.dose(1, IV, 0.8).withRate(0.2));
    double[] t = {3, 7, 12, 50, 100, 200, 400};
    ConcentrationProfile p = solver().simulate(MODEL, r, t);
    for (int i = 0; i < t.length; i++) {
      double expected = infusion(t[i], 0, 0.1, 10) + infusion(t[i], 1, 0.2, 4);
      assertEquals(expected, p.concentrationMgPerL(i), 1e3 * tolerance() * expected, "t=" + t[i]);
    }
  }

  @Test
  void aResetDuringAnInfusionStopsItAndLeavesNoInfusionRunning() {
    // 600 mg over 10 h from 0, reset at 4 h: nothing from then on, not the rest of the infusion. After it the
    // two overlapping infusions of the test above, from 20 h: they fall as their closed form to 1e-45 mg/L,
    // which they would not if the stopped infusion were still counted as running (the rates' rounding residue
    // would keep flowing when the last of them ends).
    double a = entering(IV, 600, 1);
    DoseRecords r = DoseRecords.of(DoseRecord.dose(0, IV, 600).withDuration(10), DoseRecord.observation(3),
        DoseRecord.reset(4), DoseRecord.observation(4), DoseRecord.observation(6), DoseRecord.observation(11),
        DoseRecord.dose(20, IV, 1).withRate(0.1), DoseRecord.dose(21, IV, 0.8).withRate(0.2),
        DoseRecord.observation(27), DoseRecord.observation(70), DoseRecord.observation(220),
        DoseRecord.observation(420));
    double[] c = observedAt(solver().observe(MODEL, r));
    assertClose(infusion(3, 0, a / 10, 10), c[0], "during the infusion");
    for (int i = 1; i <= 3; i++) {
      assertEquals(0, c[i], 1e-12, "after the reset, observation " + i);
    }
    double[] t = {27, 70, 220, 420};
    for (int i = 0; i < t.length; i++) {
      double expected = infusion(t[i], 20, 0.1, 10) + infusion(t[i], 21, 0.2, 4);
      assertEquals(expected, c[4 + i], 1e3 * tolerance() * expected, "t=" + t[i]);
    }
  }

  @Test
  void aGammaInputIntoACompartmentWithAlmostNoOutflowAccumulatesAsItsDeliveredFraction() {
    // Almost nothing leaves "closed" (1e-13 per hour: 3e-12 of the amount in 30 h, below either solver's
    // tolerance): after a dose of A mg entering by the gamma law (shape a, rate k), it holds A P(a, k t), and
    // its AUC is, by parts, (A / V) (t P(a, k t) - (a / k) P(a + 1, k t)). The exact path's lambda h ~ 0 forms.
    double a = 2.5;
    double k = 0.8;
    PkModel closed = PkModel.builder("closed").compartments("closed").elimination("closed", 1e-13)
        .observe("MPA", "closed", V).dose(IV, DoseInput.bolus("closed", 1, 0))
        .gammaInput(new PkModel.GammaLaw(1, a, k)).doseUnit(DoseUnit.MG_MPA).build();
    double amount = entering(IV, 500, 1);
    double[] t = {0.5, 2, 5, 9.5, 30};
    ConcentrationProfile p = solver().simulate(closed, DoseRecords.of(DoseRecord.dose(0, IV, 500)), t);
    for (int i = 0; i < t.length; i++) {
      double pa = org.apache.commons.math3.special.Gamma.regularizedGammaP(a, k * t[i]);
      double pa1 = org.apache.commons.math3.special.Gamma.regularizedGammaP(a + 1, k * t[i]);
      assertClose(amount * pa / V, p.concentrationMgPerL(i), "C at t=" + t[i]);
      assertClose(amount / V * (t[i] * pa - a / k * pa1), p.cumulativeAucMgHPerL(i), "AUC at t=" + t[i]);
    }
  }

  @Test
  void aResetDuringAGammaInputStopsIt() {
    // a gamma-shaped input (shape 3, 0.5 per hour: most of it arrives after 2 h) is cut by a reset at 1 h;
    // a dose after the reset is the same dose on an empty system, its curve shifted in time
    PkModel gamma = PkModel.builder("gamma").compartments("depot", "central").transfer("depot", "central", KA)
        .elimination("central", K).observe("MPA", "central", V).dose(ORAL, DoseInput.bolus("depot", 1, 0))
        .gammaInput(new PkModel.GammaLaw(1, 3, 0.5)).doseUnit(DoseUnit.MG_MPA).build();
    DoseRecords cut = DoseRecords.of(DoseRecord.dose(0, ORAL, 1000), DoseRecord.observation(0.9),
        DoseRecord.reset(1), DoseRecord.observation(1.5), DoseRecord.observation(8), DoseRecord.dose(10, ORAL, 1000),
        DoseRecord.observation(13));
    double[] c = observedAt(solver().observe(gamma, cut));
    assertTrue(c[0] > 0, "before the reset the input has begun: " + c[0]);
    assertEquals(0, c[1], 1e-12, "after the reset");
    assertEquals(0, c[2], 1e-12, "long after the reset");
    double alone = solver().observe(gamma, DoseRecords.of(DoseRecord.dose(0, ORAL, 1000), DoseRecord.observation(3)))
        .concentrationMgPerL(0);
    assertClose(alone, c[3], "the dose after the reset");
  }

  @Test
  void twoCompartmentBolusesAreBiexponentialsAcrossAResetAndASteadyState() {
    // C(t) = D / V1 [(alpha - k21) e^{-alpha t} + (k21 - beta) e^{-beta t}] / (alpha - beta), alpha and beta the
    // roots of l^2 - (k10 + k12 + k21) l + k10 k21 = 0
    double k10 = 0.3;
    double k12 = 0.5;
    double k21 = 0.2;
    PkModel two = PkModel.builder("2cpt").compartments("central", "peripheral").elimination("central", k10)
        .transfer("central", "peripheral", k12).transfer("peripheral", "central", k21).observe("MPA", "central", V)
        .dose(IV, DoseInput.bolus("central", 1, 0)).doseUnit(DoseUnit.MG_MPA).build();
    double sum = k10 + k12 + k21;
    double disc = Math.sqrt(sum * sum - 4 * k10 * k21);
    double alpha = (sum + disc) / 2;
    double beta = (sum - disc) / 2;
    double a = entering(IV, 500, 1);
    DoubleUnaryOperator unit = s -> s < 0 ? 0 : a / V * ((alpha - k21) * Math.exp(-alpha * s)
        + (k21 - beta) * Math.exp(-beta * s)) / (alpha - beta);
    DoseRecords r = DoseRecords.of(DoseRecord.dose(0, IV, 500).withAdditionalDoses(2, 8), DoseRecord.observation(19.5),
        DoseRecord.reset(20), DoseRecord.observation(25),
        DoseRecord.dose(30, IV, 500).withSteadyState(SteadyStateMode.RESET, 6), DoseRecord.observation(30),
        DoseRecord.observation(33), DoseRecord.observation(36));
    double[] c = observedAt(solver().observe(two, r));
    assertClose(unit.applyAsDouble(19.5) + unit.applyAsDouble(11.5) + unit.applyAsDouble(3.5), c[0], "before the reset");
    assertEquals(0, c[1], 1e-12, "after it");
    double[] t = {30, 33, 36};
    for (int i = 0; i < t.length; i++) {
      double ti = t[i];
      assertClose(past(td -> unit.applyAsDouble(ti - td), 30, 6) + unit.applyAsDouble(ti - 30), c[2 + i], "t=" + ti);
    }
  }

  /** Clearance (so k) from the covariate {@code cl}; F from {@code f} when given. */
  static final CovariateModel BY_CLEARANCE = c -> model(c.getOrDefault("cl", 10.0) / V, c.getOrDefault("f", F), LAG);

  @Test
  void covariatesHoldForwardOrBackAsAsked() {
    double a = entering(IV, 500, 1);
    // records must be in time order: an observation at 6 h after the record at 12 h is refused, not sorted
    assertThrows(IllegalArgumentException.class, () -> DoseRecords.of(DoseRecord.other(12),
        DoseRecord.observation(6)));
    DoseRecords ordered = DoseRecords.of(DoseRecord.dose(0, IV, 500).withCovariate("cl", 10),
        DoseRecord.observation(6), DoseRecord.other(12).withCovariate("cl", 20), DoseRecord.observation(18));
    double k1 = 10 / V;
    double k2 = 20 / V;
    double[] locf = observedAt(solver().observe(BY_CLEARANCE, ordered));
    assertClose(a / V * Math.exp(-k1 * 6), locf[0], "LOCF at 6 h");
    assertClose(a / V * Math.exp(-k1 * 12 - k2 * 6), locf[1], "LOCF at 18 h");
    // NOCB: each record's value holds from the record before it (the observation at 6 h gives none, so it
    // carries the 12-h record's value back)
    DoseRecords nocb = ordered.withInterpolation(CovariateInterpolation.NOCB);
    double[] back = observedAt(solver().observe(BY_CLEARANCE, nocb));
    assertClose(a / V * Math.exp(-k2 * 6), back[0], "NOCB at 6 h");
    assertClose(a / V * Math.exp(-k2 * 18), back[1], "NOCB at 18 h");
  }

  /**
   * The observed volume from the covariate {@code v} (a between-occasion effect on a relative F written as
   * the volume V / F, as Heida 2024's file does); the elimination rate constant fixed, so the amounts do not
   * depend on it.
   */
  static final CovariateModel BY_VOLUME = c -> PkModel.builder("1cpt").compartments("depot", "central")
      .transfer("depot", "central", KA).elimination("central", K).observe("MPA", "central", c.getOrDefault("v", V))
      .dose(ORAL, DoseInput.bolus("depot", F, LAG)).dose(IV, DoseInput.bolus("central", 1, 0))
      .doseUnit(DoseUnit.MG_MPA).build();

  @Test
  void aCovariateOnTheObservedVolumeScalesTheConcentrationsAfterItsRecord() {
    // an intravenous bolus at 0 under V = 40 L, then from 24 h (a new occasion) V = 20 L: the amount is
    // a e^{-K t} throughout, the concentration that amount over the volume in effect; the outputs a caller
    // asks for see the state just before their instant, so 24 h itself is still read with 40 L
    double a = entering(IV, 500, 1);
    DoseRecords r = DoseRecords.of(DoseRecord.dose(0, IV, 500).withCovariate("v", V),
        DoseRecord.other(24).withCovariate("v", V / 2));
    double[] times = {6, 24, 30, 36};
    ConcentrationProfile p = solver().simulate(BY_VOLUME, r, times);
    assertClose(a / V * Math.exp(-K * 6), p.concentrationMgPerL(0), "6 h, 40 L");
    assertClose(a / V * Math.exp(-K * 24), p.concentrationMgPerL(1), "24 h, just before the change");
    assertClose(a / (V / 2) * Math.exp(-K * 30), p.concentrationMgPerL(2), "30 h, 20 L");
    assertClose(a / (V / 2) * Math.exp(-K * 36), p.concentrationMgPerL(3), "36 h, 20 L");
    // the AUC over the second occasion: the integral of a e^{-K t} / 20 L from 24 to 36 h
    assertClose(a / (V / 2) / K * (Math.exp(-K * 24) - Math.exp(-K * 36)), solver().aucMgHPerL(BY_VOLUME, r, 24, 36),
        "AUC 24-36 h");
    assertClose(a / (V / 2) / K * (Math.exp(-K * 24) - Math.exp(-K * 36)),
        p.cumulativeAucMgHPerL(3) - p.cumulativeAucMgHPerL(1), "cumulative AUC 24-36 h");
    // an observation record at the change reads its own record's volume
    DoseRecords observed = DoseRecords.of(DoseRecord.dose(0, IV, 500).withCovariate("v", V),
        DoseRecord.observation(6), DoseRecord.other(24).withCovariate("v", V / 2), DoseRecord.observation(30));
    double[] c = observedAt(solver().observe(BY_VOLUME, observed));
    assertClose(a / V * Math.exp(-K * 6), c[0], "observation at 6 h");
    assertClose(a / (V / 2) * Math.exp(-K * 30), c[1], "observation at 30 h");
  }

  @Test
  void theBioavailabilityAtTheInitiatingRecordHoldsForItsAdditionalDoses() {
    // NONMEM: the F and lag in effect when a dose record is read apply to all its additional doses
    DoseRecords r = DoseRecords.of(DoseRecord.dose(0, ORAL, 1000).withAdditionalDoses(2, 12).withCovariate("f", 0.5),
        DoseRecord.other(6).withCovariate("f", 1.0), DoseRecord.observation(30));
    double a = entering(ORAL, 1000, 0.5);
    double expected = oral(30, 0, a) + oral(30, 12, a) + oral(30, 24, a);
    assertClose(expected, solver().observe(BY_CLEARANCE, r).concentrationMgPerL(0), "F of the initiating record");
  }

  @Test
  void recordsAtOneInstantThatCommuteGiveTheSameResultInAnyOrder() {
    DoseRecord oral = DoseRecord.dose(4, ORAL, 1000);
    DoseRecord iv = DoseRecord.dose(4, IV, 200).withDuration(2);
    DoseRecord other = DoseRecord.other(4);
    double[] t = {3, 4, 5, 8};
    ConcentrationProfile first = solver().simulate(MODEL, DoseRecords.of(oral, iv, other), t);
    for (List<DoseRecord> order : List.of(List.of(iv, oral, other), List.of(other, iv, oral))) {
      ConcentrationProfile p = solver().simulate(MODEL, DoseRecords.of(order), t);
      for (int i = 0; i < t.length; i++) {
        assertEquals(first.concentrationMgPerL(i), p.concentrationMgPerL(i),
            1e-14 * first.concentrationMgPerL(i), "t=" + t[i]);
      }
    }
  }
}
