package io.mmf.pk.solve;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.model.PkModel;

/**
 * Solves a {@link PkModel} over dosing events. Two implementations answer the same questions:
 * {@link ExactSolver} (matrix exponential per segment, periodic steady state solved directly) and
 * {@link NumericalSolver} (Commons Math Dormand-Prince), the independent check. Implementations are
 * immutable and safe to share between threads.
 */
public interface ConcentrationSolver {

  /**
   * Concentrations and cumulative AUC (from time 0) at the given times. The value at a dose time is
   * the one just before the dose arrives.
   *
   * @param model the model
   * @param schedule the doses; time 0 is the schedule's zero (midnight of day 0 for clock windows)
   * @param timesHours output times, h, finite, &gt;= 0 and non-decreasing
   * @return the profile
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the times are invalid, or the model cannot take a dose's drug
   * @throws UnsupportedOperationException if this solver cannot solve the model
   */
  ConcentrationProfile simulate(PkModel model, DosingSchedule schedule, double[] timesHours);

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
   */
  SteadyState steadyState(PkModel model, Dose dose, Formulation formulation, DosingInterval interval,
      double firstDoseClockHours);
}
