package io.mmf.pk.solve;

import io.mmf.core.internal.Checks;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.model.CovariateModel;
import io.mmf.pk.model.PkModel;

/**
 * Solves a {@link PkModel} (or a {@link CovariateModel} whose parameters change at records) over a dose
 * history in NONMEM's conventions ({@link DoseRecords}; a {@link DosingSchedule} builds one). Two
 * implementations answer the same questions: {@link ExactSolver} (one engine: the history and the model
 * compiled into segments, each propagated by its matrix exponential; the steady state solved directly as
 * the periodic fixed point) and {@link NumericalSolver} (Commons Math Dormand-Prince, with its own
 * right-hand side and its own reading of the records), the independent check. Implementations are
 * immutable and safe to share between threads.
 *
 * <p>Failures of a valid problem (no steady state, a step that cannot be taken, the numerical path's
 * evaluation budget) are {@link SolverException}s, not {@link IllegalArgumentException}s.
 */
public interface ConcentrationSolver {

  /**
   * Concentrations and cumulative AUC (from time 0) at the given times. The value at a time is the one
   * just before anything at that instant acts (a dose arriving, a record), so a trough taken at a dose
   * time is the concentration just before the dose.
   *
   * @param model the model (a {@link PkModel}, or one whose parameters depend on the records' covariates)
   * @param records the dose history; time 0 is its zero (midnight of day 0 for clock windows)
   * @param timesHours output times, h, finite, &gt;= 0 and non-decreasing
   * @return the profile
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the times are invalid, the model cannot take a record's drug, or the
   *     covariate model changes more than numbers
   * @throws UnsupportedOperationException if this solver cannot solve the model
   * @throws SolverException if the solve fails
   */
  ConcentrationProfile simulate(CovariateModel model, DoseRecords records, double[] timesHours);

  /**
   * Concentrations and cumulative AUC at the history's observation records (EVID 0), one point per
   * record in record order, each seeing the records before it at its instant (see {@link
   * io.mmf.pk.dosing.DoseRecord}).
   *
   * @param model the model
   * @param records the dose history
   * @return the profile
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #simulate(CovariateModel, DoseRecords, double[])}
   * @throws UnsupportedOperationException if this solver cannot solve the model
   * @throws SolverException if the solve fails
   */
  ConcentrationProfile observe(CovariateModel model, DoseRecords records);

  /**
   * The primary analyte's AUC over a window, exactly (not by trapezoids).
   *
   * @param model the model
   * @param records the dose history
   * @param fromHours start of the window, h, &gt;= 0
   * @param toHours end of the window, h, &gt;= {@code fromHours}
   * @return AUC, mg*h/L
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the window is invalid
   * @throws UnsupportedOperationException if this solver cannot solve the model
   * @throws SolverException if the solve fails
   */
  default double aucMgHPerL(CovariateModel model, DoseRecords records, double fromHours, double toHours) {
    return simulate(model, records, new double[] {fromHours, toHours}).aucBetweenMgHPerL(0, 1);
  }

  /**
   * Concentrations and cumulative AUC (from time 0) at the given times, over a dosing schedule: {@link
   * #simulate(CovariateModel, DoseRecords, double[])} of its records.
   *
   * @param model the model
   * @param schedule the doses; time 0 is the schedule's zero (midnight of day 0 for clock windows)
   * @param timesHours output times, h, finite, &gt;= 0 and non-decreasing
   * @return the profile
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the times are invalid, or the model cannot take a dose's drug
   * @throws UnsupportedOperationException if this solver cannot solve the model
   * @throws SolverException if the solve fails
   */
  default ConcentrationProfile simulate(PkModel model, DosingSchedule schedule, double[] timesHours) {
    Checks.notNull(schedule, "schedule");
    return simulate(model, schedule.toRecords(), timesHours);
  }

  /**
   * The primary analyte's AUC over a window of a dosing schedule, exactly.
   *
   * @param model the model
   * @param schedule the doses
   * @param fromHours start of the window, h, &gt;= 0
   * @param toHours end of the window, h, &gt;= {@code fromHours}
   * @return AUC, mg*h/L
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the window is invalid
   * @throws UnsupportedOperationException if this solver cannot solve the model
   * @throws SolverException if the solve fails
   */
  default double aucMgHPerL(PkModel model, DosingSchedule schedule, double fromHours, double toHours) {
    Checks.notNull(schedule, "schedule");
    return aucMgHPerL(model, schedule.toRecords(), fromHours, toHours);
  }

  /**
   * Evenly spaced times from 0 to {@code endHours}.
   *
   * @param stepHours spacing, h, &gt; 0
   * @param endHours last time, h, &gt;= 0 (included when it falls on the grid)
   * @return the times
   * @throws IllegalArgumentException if a value is out of range or the grid exceeds 10 million points
   */
  static double[] grid(double stepHours, double endHours) {
    if (!(stepHours > 0 && Double.isFinite(stepHours))) {
      throw new IllegalArgumentException(Checks.invalid("stepHours", "finite and > 0", stepHours));
    }
    if (!(endHours >= 0 && Double.isFinite(endHours)) || endHours / stepHours > 1e7) {
      throw new IllegalArgumentException(Checks.invalid("endHours", "finite, >= 0 and at most 1e7 steps", endHours));
    }
    int n = (int) Math.floor(endHours / stepHours + 1e-9);
    double[] t = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      t[i] = i * stepHours;
    }
    return t;
  }

  /**
   * The periodic steady state of a regimen of one dose every interval, first dose at midnight.
   *
   * @param model the model
   * @param dose dose per administration
   * @param formulation what is given
   * @param interval the dosing interval
   * @return the steady state
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the model cannot take the drug
   * @throws UnsupportedOperationException if this solver cannot solve the model
   * @throws SolverException if the solve fails
   */
  default SteadyState steadyState(PkModel model, Dose dose, Formulation formulation, DosingInterval interval) {
    return steadyState(model, dose, formulation, interval, 0);
  }

  /**
   * The periodic steady state of a regimen of one dose every interval.
   *
   * @param model the model
   * @param dose dose per administration
   * @param formulation what is given
   * @param interval the dosing interval
   * @param firstDoseClockHours clock time of a dose, h after midnight in [0, 24) (matters only for
   *     clock emptying windows)
   * @return the steady state
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the clock time is out of range, the model cannot take the drug,
   *     or the interval and the 24-h meal cycle have no common period within 1000 intervals
   * @throws UnsupportedOperationException if this solver cannot solve the model
   * @throws SolverException if the solve fails
   */
  SteadyState steadyState(PkModel model, Dose dose, Formulation formulation, DosingInterval interval,
      double firstDoseClockHours);

  /**
   * The steady-state summary of a regimen (AUC over the first interval, Cmax, Tmax, C0) without the
   * profile: what a population simulation or a dose-finding loop needs. The exact path computes it
   * without a grid and locates Cmax to rounding; this default takes it from {@link #steadyState}.
   *
   * @param model the model
   * @param dose dose per administration
   * @param formulation what is given
   * @param interval the dosing interval
   * @param firstDoseClockHours clock time of a dose, h after midnight in [0, 24)
   * @return the summary
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #steadyState(PkModel, Dose, Formulation, DosingInterval, double)}
   * @throws UnsupportedOperationException if this solver cannot solve the model
   * @throws SolverException if the solve fails
   */
  default SteadyState.Summary steadyStateSummary(PkModel model, Dose dose, Formulation formulation,
      DosingInterval interval, double firstDoseClockHours) {
    return steadyState(model, dose, formulation, interval, firstDoseClockHours).summary();
  }

  /**
   * The AUC over the first interval after a single dose (given at {@code firstDoseClockHours} on the
   * schedule's clock) together with the steady-state summary. This default makes the two calls; the
   * exact path shares its propagators between them (the first dose's segments are those of the period
   * wherever nothing of earlier doses wraps in).
   *
   * @param model the model
   * @param dose dose per administration
   * @param formulation what is given
   * @param interval the dosing interval
   * @param firstDoseClockHours clock time of a dose, h after midnight in [0, 24)
   * @return the first-dose AUC and the steady-state summary
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #steadyState(PkModel, Dose, Formulation, DosingInterval, double)}
   * @throws UnsupportedOperationException if this solver cannot solve the model
   * @throws SolverException if the solve fails
   */
  default SteadyState.Course course(PkModel model, Dose dose, Formulation formulation, DosingInterval interval,
      double firstDoseClockHours) {
    SteadyState.Summary ss = steadyStateSummary(model, dose, formulation, interval, firstDoseClockHours);
    return new SteadyState.Course(firstDoseAuc(this, model, dose, formulation, interval, firstDoseClockHours), ss);
  }

  /** The single-dose AUC over [c, c + tau] with the dose at c, by {@link #aucMgHPerL}. */
  private static double firstDoseAuc(ConcentrationSolver solver, PkModel model, Dose dose, Formulation formulation,
      DosingInterval interval, double c) {
    DosingSchedule one = DosingSchedule.of(java.util.List.of(io.mmf.pk.dosing.DoseEvent.at(c, dose, formulation)));
    return solver.aucMgHPerL(model, one, c, c + interval.hours());
  }
}
