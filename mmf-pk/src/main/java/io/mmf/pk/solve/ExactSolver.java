package io.mmf.pk.solve;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.internal.Checks;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.model.CovariateModel;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.solve.exact.ExactEngine;

/**
 * The exact path: between changes the system is linear with constant coefficients, so the augmented
 * state (amounts, zero-order input rates, AUC) is propagated by its matrix exponential, with no
 * step-size error. One engine serves every question: the model and the records are compiled once into
 * a plan of segments, each with its propagator chosen once (the modal form where the eigendecomposition
 * is safe, Pade scaling and squaring elsewhere; a gamma-shaped input, a non-integer Savic chain or the
 * gamma and double-gamma laws, convolved with the modes in closed form by incomplete gamma functions,
 * or by Gauss quadrature with a stated error bound where the modal form does not serve; see
 * docs/gamma-absorption.md), and one loop walks the plan for concentrations at
 * times, AUC over windows, Cmax located exactly, and the steady state, solved directly as the periodic
 * fixed point: with Phi the propagator of one period without doses and b the state a period of doses
 * leaves from zero, x_ss = (I - Phi)^-1 b.
 *
 * <p>Stateless and thread-safe: each call works in its own scratch space.
 */
public final class ExactSolver implements ConcentrationSolver {
  /** Grid points per dosing interval of a steady state's profile (Tmax of the grid: tau / 1200). */
  static final int STEADY_STATE_POINTS_PER_INTERVAL = 1200;

  /** Creates the solver. */
  public ExactSolver() {}

  @Override
  public ConcentrationProfile simulate(CovariateModel model, DoseRecords records, double[] timesHours) {
    Checks.notNull(model, "model");
    Checks.notNull(records, "records");
    Arguments.checkTimes(timesHours);
    return ExactEngine.simulate(model, records, timesHours);
  }

  @Override
  public ConcentrationProfile observe(CovariateModel model, DoseRecords records) {
    Checks.notNull(model, "model");
    Checks.notNull(records, "records");
    return ExactEngine.observe(model, records);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Exact path: one walk with the primary analyte's AUC integrator only; no profile.
   */
  @Override
  public double aucMgHPerL(CovariateModel model, DoseRecords records, double fromHours, double toHours) {
    Checks.notNull(model, "model");
    Checks.notNull(records, "records");
    Arguments.checkTimes(new double[] {fromHours, toHours});
    return ExactEngine.auc(model, records, fromHours, toHours);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Exact path: no grid; Cmax is located to rounding within each segment.
   */
  @Override
  public SteadyState.Summary steadyStateSummary(PkModel model, Dose dose, Formulation formulation,
      DosingInterval interval, double firstDoseClockHours) {
    Arguments.checkRegimen(model, dose, formulation, interval, firstDoseClockHours);
    return ExactEngine.summary(model, formulation.drug(), dose.mg(), interval.hours(), firstDoseClockHours);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Exact path: the single dose's segments share their propagators with the period's.
   */
  @Override
  public SteadyState.Course course(PkModel model, Dose dose, Formulation formulation, DosingInterval interval,
      double firstDoseClockHours) {
    Arguments.checkRegimen(model, dose, formulation, interval, firstDoseClockHours);
    return ExactEngine.course(model, formulation.drug(), dose.mg(), interval.hours(), firstDoseClockHours);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Exact path: the summary numbers (AUC per interval, C0, Cmax located exactly, Tmax) come from the
   * same walk as {@link #steadyStateSummary}; the profile is that steady state on a grid of 1200 points
   * per interval.
   */
  @Override
  public SteadyState steadyState(PkModel model, Dose dose, Formulation formulation, DosingInterval interval,
      double firstDoseClockHours) {
    Arguments.checkRegimen(model, dose, formulation, interval, firstDoseClockHours);
    return ExactEngine.steadyState(model, formulation.drug(), dose.mg(), interval.hours(), firstDoseClockHours,
        STEADY_STATE_POINTS_PER_INTERVAL);
  }
}
