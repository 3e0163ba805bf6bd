package io.mmf.testkit.pk;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.dosing.DoseEvent;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.dosing.EventKind;
import io.mmf.pk.dosing.SteadyStateMode;
import io.mmf.pk.model.CovariateModel;
import io.mmf.pk.model.DoseInput;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.solve.ConcentrationSolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.special.Gamma;

/**
 * Assertions of the laws every linear pharmacokinetic model obeys, to call on one's own outputs: a
 * curve from mmf, from another engine, or from code that wraps either. Each throws an {@link
 * AssertionError} naming the law, the index and time, and the values when it fails, and returns
 * normally otherwise; they depend on no test framework, so they work under JUnit, TestNG or a plain
 * {@code main}.
 *
 * <p>Two forms: over arrays of numbers (times, concentrations, cumulative AUC) that came from anywhere,
 * and over a {@link ConcentrationSolver}, which the oracle runs on the transformed inputs itself (a
 * history scaled in dose, two histories merged, a steady state against a single dose to infinity). The
 * laws hold for any linear model: superposition and the steady-state mass balance further need
 * kinetics that do not depend on when doses are given, so they refuse models with emptying windows.
 *
 * <p>Comparisons allow rounding: {@code |actual - expected| <= relative * |expected| + ofPeak * peak},
 * where the peak is the largest magnitude among the compared values (so tails far below the peak are
 * judged on the scale of the curve, as a solver's error is).
 */
public final class Oracles {
  private Oracles() {}

  /**
   * How far apart two values may be: {@code relative * |expected| + ofPeak * peak}.
   *
   * @param relative relative tolerance, finite, in [0, 1)
   * @param ofPeak tolerance as a fraction of the peak, finite, in [0, 1)
   */
  public record Tolerance(double relative, double ofPeak) {
    /**
     * 1e-8 relative and 1e-11 of the peak: what an exact solver meets (mmf's stays within about 1e-9: a
     * history scaled in dose is not segmented identically, since an infusion's end F x AMT / RATE rounds
     * differently).
     */
    public static final Tolerance EXACT = new Tolerance(1e-8, 1e-11);
    /** 1e-6 relative and 1e-9 of the peak: what an adaptive ODE solver at tight tolerances meets. */
    public static final Tolerance NUMERICAL = new Tolerance(1e-6, 1e-9);

    /**
     * Validates the tolerance.
     *
     * @param relative relative tolerance
     * @param ofPeak tolerance relative to the peak
     * @throws IllegalArgumentException if a value is not finite or not in [0, 1)
     */
    public Tolerance {
      if (!(relative >= 0 && relative < 1) || !(ofPeak >= 0 && ofPeak < 1)) {
        throw new IllegalArgumentException("Invalid tolerance (expected relative and ofPeak in [0, 1)): "
            + relative + ", " + ofPeak);
      }
    }

    boolean close(double expected, double actual, double peak) {
      return Math.abs(actual - expected) <= relative * Math.abs(expected) + ofPeak * peak;
    }
  }

  /**
   * Asserts that no concentration is negative or NaN.
   *
   * @param timesHours the times, h, one per value
   * @param concentrationsMgPerL the concentrations, mg/L
   * @throws AssertionError if a value is negative, NaN or infinite
   * @throws IllegalArgumentException if the arrays differ in length
   * @throws NullPointerException if an array is null
   */
  public static void assertNonNegative(double[] timesHours, double[] concentrationsMgPerL) {
    sameLength(timesHours, concentrationsMgPerL);
    for (int i = 0; i < timesHours.length; i++) {
      double c = concentrationsMgPerL[i];
      if (!(c >= 0) || c == Double.POSITIVE_INFINITY) {
        throw new AssertionError("non-negativity: concentration[" + i + "] at t=" + timesHours[i] + " h is " + c
            + " mg/L (expected finite and >= 0)");
      }
    }
  }

  /**
   * Asserts that every analyte of a profile is finite and non-negative, and that each cumulative AUC
   * is non-decreasing.
   *
   * @param profile the profile
   * @throws AssertionError if a concentration is negative or not finite, or an AUC decreases
   * @throws NullPointerException if {@code profile} is null
   */
  public static void assertNonNegative(ConcentrationProfile profile) {
    Objects.requireNonNull(profile, "profile");
    for (int a = 0; a < profile.analytes().size(); a++) {
      assertNonNegative(profile.timesHours(), profile.analyteConcentrationsMgPerL(a));
      assertAucMonotone(profile.timesHours(), profile.analyteCumulativeAucMgHPerL(a));
    }
  }

  /**
   * Relative rounding a cumulative AUC may fall by between two times in {@link #assertAucMonotone}: an
   * exact solver that propagates the AUC as a state (a matrix exponential) rounds it afresh at every
   * output, so once the curve has washed out its AUC can come out one ulp lower than before.
   */
  public static final double AUC_ROUNDING = 1e-12;

  /**
   * Asserts that a cumulative AUC never decreases over time (beyond {@link #AUC_ROUNDING} of its value),
   * and that the times do not go backwards.
   *
   * @param timesHours the times, h, non-decreasing
   * @param cumulativeAucMgHPerL the cumulative AUC at each time, mg*h/L
   * @throws AssertionError if the AUC decreases, is NaN or infinite, or a time goes backwards
   * @throws IllegalArgumentException if the arrays differ in length
   * @throws NullPointerException if an array is null
   */
  public static void assertAucMonotone(double[] timesHours, double[] cumulativeAucMgHPerL) {
    sameLength(timesHours, cumulativeAucMgHPerL);
    double highest = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < timesHours.length; i++) {
      double auc = cumulativeAucMgHPerL[i];
      if (!Double.isFinite(auc)) {
        throw new AssertionError("AUC monotone in time: AUC[" + i + "] at t=" + timesHours[i] + " h is " + auc);
      }
      if (i > 0 && timesHours[i] < timesHours[i - 1]) {
        throw new AssertionError("AUC monotone in time: t[" + i + "]=" + timesHours[i] + " h is before t["
            + (i - 1) + "]=" + timesHours[i - 1] + " h");
      }
      if (auc < highest - AUC_ROUNDING * Math.abs(highest)) {
        throw new AssertionError("AUC monotone in time: AUC falls from " + highest + " (its highest so far) to "
            + auc + " mg*h/L at t=" + timesHours[i] + " h (index " + i + ")");
      }
      highest = Math.max(highest, auc);
    }
  }

  /**
   * Asserts linearity in dose: the curve of a history whose every amount (and rate) is multiplied by
   * {@code factor} is {@code factor} times the curve of the history.
   *
   * @param timesHours the times, h
   * @param baseMgPerL the curve of the history
   * @param scaledMgPerL the curve of the scaled history
   * @param factor the factor, finite and &gt; 0
   * @param tolerance the allowed difference
   * @throws AssertionError if a point differs by more than the tolerance
   * @throws IllegalArgumentException if the arrays differ in length or {@code factor} is not finite and &gt; 0
   * @throws NullPointerException if an argument is null
   */
  public static void assertLinearInDose(double[] timesHours, double[] baseMgPerL, double[] scaledMgPerL,
      double factor, Tolerance tolerance) {
    positive(factor, "factor");
    sameLength(timesHours, baseMgPerL);
    sameLength(timesHours, scaledMgPerL);
    double[] expected = new double[baseMgPerL.length];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = baseMgPerL[i] * factor;
    }
    compare("linearity in dose (x" + factor + ")", timesHours, expected, scaledMgPerL, tolerance);
  }

  /**
   * Asserts superposition: the curve of two histories given together is the sum of their curves.
   *
   * @param timesHours the times, h
   * @param aMgPerL the curve of the first history
   * @param bMgPerL the curve of the second history
   * @param bothMgPerL the curve of both histories together
   * @param tolerance the allowed difference
   * @throws AssertionError if a point differs from the sum by more than the tolerance
   * @throws IllegalArgumentException if the arrays differ in length
   * @throws NullPointerException if an argument is null
   */
  public static void assertSuperposed(double[] timesHours, double[] aMgPerL, double[] bMgPerL, double[] bothMgPerL,
      Tolerance tolerance) {
    sameLength(timesHours, aMgPerL);
    sameLength(timesHours, bMgPerL);
    sameLength(timesHours, bothMgPerL);
    double[] sum = new double[aMgPerL.length];
    for (int i = 0; i < sum.length; i++) {
      sum[i] = aMgPerL[i] + bMgPerL[i];
    }
    compare("superposition", timesHours, sum, bothMgPerL, tolerance);
  }

  /**
   * Asserts the steady-state mass balance of a linear time-invariant model: the AUC over one dosing
   * interval at steady state equals the AUC from zero to infinity of a single dose (both F x Dose / CL).
   *
   * @param aucTauSteadyStateMgHPerL AUC over one interval at steady state, mg*h/L
   * @param aucSingleDoseToInfinityMgHPerL AUC of one dose from 0 to infinity, mg*h/L
   * @param relative relative tolerance, in [0, 1)
   * @throws AssertionError if they differ by more than {@code relative} of the single-dose AUC
   * @throws IllegalArgumentException if {@code relative} is not in [0, 1)
   */
  public static void assertSteadyStateMassBalance(double aucTauSteadyStateMgHPerL,
      double aucSingleDoseToInfinityMgHPerL, double relative) {
    Tolerance tolerance = new Tolerance(relative, 0);
    if (!Double.isFinite(aucTauSteadyStateMgHPerL) || !Double.isFinite(aucSingleDoseToInfinityMgHPerL)
        || !tolerance.close(aucSingleDoseToInfinityMgHPerL, aucTauSteadyStateMgHPerL, 0)) {
      throw new AssertionError("steady-state mass balance: AUC over an interval at steady state is "
          + aucTauSteadyStateMgHPerL + " mg*h/L, a single dose's AUC to infinity is " + aucSingleDoseToInfinityMgHPerL
          + " mg*h/L (relative tolerance " + relative + ")");
    }
  }

  /**
   * Runs a solver on a history and on the history scaled in dose, and asserts linearity at the given
   * times, for concentrations and cumulative AUC.
   *
   * @param solver the solver
   * @param model the model
   * @param records the history
   * @param timesHours output times, h, non-decreasing
   * @param factor dose factor, finite and &gt; 0
   * @param tolerance the allowed difference
   * @throws AssertionError if the law fails
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as the solver's {@code simulate}, or if {@code factor} is invalid
   */
  public static void assertLinearInDose(ConcentrationSolver solver, CovariateModel model, DoseRecords records,
      double[] timesHours, double factor, Tolerance tolerance) {
    ConcentrationProfile base = solver.simulate(model, records, timesHours);
    ConcentrationProfile scaled = solver.simulate(model, scaled(records, factor), timesHours);
    assertNonNegative(base);
    assertNonNegative(scaled);
    for (int a = 0; a < base.analytes().size(); a++) {
      assertLinearInDose(timesHours, base.analyteConcentrationsMgPerL(a), scaled.analyteConcentrationsMgPerL(a),
          factor, tolerance);
      assertLinearInDose(timesHours, base.analyteCumulativeAucMgHPerL(a), scaled.analyteCumulativeAucMgHPerL(a),
          factor, tolerance);
    }
  }

  /**
   * Runs a solver on two histories and on both merged in time, and asserts superposition of
   * concentrations at the given times. Holds for histories without resets or steady-state records, on
   * models without emptying windows (whose kinetics would depend on when the doses come).
   *
   * @param solver the solver
   * @param model the model
   * @param a the first history
   * @param b the second history
   * @param timesHours output times, h, non-decreasing
   * @param tolerance the allowed difference
   * @throws AssertionError if the law fails
   * @throws IllegalArgumentException if a history has a reset or a steady-state record, or the model has
   *     emptying windows
   * @throws NullPointerException if an argument is null
   */
  public static void assertSuperposition(ConcentrationSolver solver, PkModel model, DoseRecords a, DoseRecords b,
      double[] timesHours, Tolerance tolerance) {
    timeInvariant(model, "superposition");
    ConcentrationProfile pa = solver.simulate(model, a, timesHours);
    ConcentrationProfile pb = solver.simulate(model, b, timesHours);
    ConcentrationProfile both = solver.simulate(model, merged(a, b), timesHours);
    for (int k = 0; k < pa.analytes().size(); k++) {
      assertSuperposed(timesHours, pa.analyteConcentrationsMgPerL(k), pb.analyteConcentrationsMgPerL(k),
          both.analyteConcentrationsMgPerL(k), tolerance);
    }
  }

  /**
   * Runs a solver's steady state of a regimen and a single dose to infinity, and asserts the steady-state
   * mass balance. "Infinity" is 60 time constants of the model's slowest mode (from the eigenvalues of
   * its rate matrix, computed here by Commons Math, independently of any solver) after the longest lag
   * and zero-order input a model may have and its gamma-shaped input ({@link #gammaInputHours}): what is
   * left beyond it is below e^-60 of the AUC.
   *
   * @param solver the solver
   * @param model a model without emptying windows
   * @param dose dose per administration
   * @param formulation what is given
   * @param interval the dosing interval
   * @param relative relative tolerance, in (0, 1)
   * @throws AssertionError if the law fails
   * @throws IllegalArgumentException if the model has emptying windows or eliminates nothing, or
   *     {@code relative} is not in (0, 1)
   * @throws NullPointerException if an argument is null
   */
  public static void assertSteadyStateMassBalance(ConcentrationSolver solver, PkModel model, Dose dose,
      Formulation formulation, DosingInterval interval, double relative) {
    timeInvariant(model, "the steady-state mass balance");
    if (!(relative > 0 && relative < 1)) {
      throw new IllegalArgumentException("Invalid value for relative (expected in (0, 1)): " + relative);
    }
    double aucTau = solver.steadyState(model, dose, formulation, interval).aucTauMgHPerL();
    double horizon = 60 / slowestDecayPerHour(model) + 2 * DoseInput.MAX_HOURS + gammaInputHours(model);
    DosingSchedule single = DosingSchedule.of(List.of(DoseEvent.at(0, dose, formulation)));
    assertSteadyStateMassBalance(aucTau, solver.aucMgHPerL(model, single, 0, horizon), relative);
  }

  /**
   * How long a model's gamma-shaped input (Savic chain, gamma laws) takes to deliver all but 1e-16 of a
   * dose: the largest t with Q(a, k t) above 1e-16 over its laws (Commons Math's regularised gamma
   * function, not a solver's); 0 for a model without one.
   *
   * @param model the model
   * @return the time, h, &gt;= 0
   * @throws NullPointerException if {@code model} is null
   */
  public static double gammaInputHours(PkModel model) {
    double longest = 0;
    for (PkModel.GammaLaw law : model.gammaInput()) {
      double x = law.shape() + 1;
      while (Gamma.regularizedGammaQ(law.shape(), x) > 1e-16) {
        x *= 1.1;
      }
      longest = Math.max(longest, x / law.ratePerHour());
    }
    return longest;
  }

  /**
   * The decay rate of a model's slowest mode: the smallest -Re(lambda) over the eigenvalues lambda of
   * its rate matrix (outside emptying windows).
   *
   * @param model the model
   * @return the rate, 1/h, &gt; 0
   * @throws IllegalArgumentException if a mode does not decay (the model keeps some drug for ever)
   * @throws NullPointerException if {@code model} is null
   */
  public static double slowestDecayPerHour(PkModel model) {
    int n = model.compartments().size();
    double[] a = model.rateMatrix(false);
    double[][] rows = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a, i * n, rows[i], 0, n);
    }
    double slowest = Double.POSITIVE_INFINITY;
    for (double re : new EigenDecomposition(new Array2DRowRealMatrix(rows, false)).getRealEigenvalues()) {
      slowest = Math.min(slowest, -re);
    }
    if (!(slowest > 0)) {
      throw new IllegalArgumentException("Invalid model (expected every mode to decay): " + model.name()
          + " has a mode decaying at " + slowest + " per hour");
    }
    return slowest;
  }

  /**
   * A history with every dose amount and rate multiplied by a factor (durations, times, intervals and
   * everything else unchanged): under a linear model, its curve is the factor times the history's.
   *
   * @param records the history
   * @param factor the factor, finite and &gt; 0
   * @return the scaled history
   * @throws IllegalArgumentException if {@code factor} is not finite and &gt; 0
   * @throws NullPointerException if {@code records} is null
   */
  public static DoseRecords scaled(DoseRecords records, double factor) {
    positive(factor, "factor");
    List<DoseRecord> out = new ArrayList<>();
    for (DoseRecord r : records.records()) {
      out.add(scaled(r, factor));
    }
    return DoseRecords.of(out).withInterpolation(records.interpolation());
  }

  /**
   * Two histories merged in time (a stable merge: at a shared instant, the first history's records come
   * first).
   *
   * @param a the first history
   * @param b the second history
   * @return the merged history
   * @throws IllegalArgumentException if a history has a reset or a steady-state record (merging would
   *     change what they act on)
   * @throws NullPointerException if an argument is null
   */
  public static DoseRecords merged(DoseRecords a, DoseRecords b) {
    List<DoseRecord> all = new ArrayList<>(a.records());
    all.addAll(b.records());
    for (DoseRecord r : all) {
      if (r.kind() == EventKind.RESET || r.kind() == EventKind.RESET_AND_DOSE
          || r.steadyState() != SteadyStateMode.NONE) {
        throw new IllegalArgumentException("Invalid record for superposition (expected no reset or steady"
            + " state): " + r);
      }
    }
    all.sort(Comparator.comparingDouble(DoseRecord::timeHours));
    return DoseRecords.of(all).withInterpolation(a.interpolation());
  }

  private static DoseRecord rebuilt(DoseRecord r, double factor) {
    DoseRecord out = switch (r.kind()) {
      case OBSERVATION -> DoseRecord.observation(r.timeHours());
      case OTHER -> DoseRecord.other(r.timeHours());
      case RESET -> DoseRecord.reset(r.timeHours());
      case DOSE, RESET_AND_DOSE -> {
        DoseRecord d = r.kind() == EventKind.DOSE
            ? DoseRecord.dose(r.timeHours(), r.drug(), r.amountMg() * factor)
            : DoseRecord.resetAndDose(r.timeHours(), r.drug(), r.amountMg() * factor);
        if (r.rateMgPerHour() > 0) {
          d = d.withRate(r.rateMgPerHour() * factor);
        }
        if (r.durationHours() > 0) {
          d = d.withDuration(r.durationHours());
        }
        if (r.intervalHours() > 0) {
          d = d.withAdditionalDoses(r.additionalDoses(), r.intervalHours());
        }
        if (r.steadyState() != SteadyStateMode.NONE) {
          d = d.withSteadyState(r.steadyState(), r.intervalHours());
        }
        yield d;
      }
    };
    for (Map.Entry<String, Double> c : r.covariates().entrySet()) {
      out = out.withCovariate(c.getKey(), c.getValue());
    }
    return out;
  }

  private static DoseRecord scaled(DoseRecord r, double factor) {
    // A record this copy does not reproduce item for item (an item added to DoseRecord later) is an
    // error here, not a silently different history.
    if (!rebuilt(r, 1).equals(r)) {
      throw new IllegalStateException("mmf-testkit cannot copy this record item for item: " + r);
    }
    return rebuilt(r, factor);
  }

  private static void timeInvariant(PkModel model, String law) {
    if (model.emptyingWindows().isPresent()) {
      throw new IllegalArgumentException("Invalid model for " + law + " (expected no emptying windows: its"
          + " kinetics depend on when doses are given): " + model.name());
    }
  }

  private static void compare(String law, double[] timesHours, double[] expected, double[] actual,
      Tolerance tolerance) {
    Objects.requireNonNull(tolerance, "tolerance");
    double peak = 0;
    for (int i = 0; i < expected.length; i++) {
      peak = Math.max(peak, Math.max(Math.abs(expected[i]), Math.abs(actual[i])));
    }
    for (int i = 0; i < expected.length; i++) {
      if (!Double.isFinite(actual[i]) || !Double.isFinite(expected[i])
          || !tolerance.close(expected[i], actual[i], peak)) {
        throw new AssertionError(law + ": at index " + i + ", t=" + timesHours[i] + " h, expected " + expected[i]
            + " but was " + actual[i] + " (difference " + Math.abs(actual[i] - expected[i]) + ", allowed "
            + (tolerance.relative() * Math.abs(expected[i]) + tolerance.ofPeak() * peak) + ")");
      }
    }
  }

  private static void sameLength(double[] times, double[] values) {
    if (times.length != values.length) {
      throw new IllegalArgumentException("Invalid arrays (expected one value per time): " + times.length
          + " times, " + values.length + " values");
    }
  }

  private static void positive(double factor, String name) {
    if (!(factor > 0 && Double.isFinite(factor))) {
      throw new IllegalArgumentException("Invalid value for " + name + " (expected finite and > 0): " + factor);
    }
  }
}
