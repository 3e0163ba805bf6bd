package io.mmf.pk.solve;

import io.mmf.core.internal.Checks;
import java.util.List;

/**
 * Exposure over one period of the periodic (steady-state) solution of a regimen. Time 0 is a dose;
 * the period is the dosing interval, or the least common multiple of the interval and 24 h when
 * emptying windows follow the clock.
 *
 * @param intervalHours dosing interval, h
 * @param periodHours period of the solution, h (a whole number of intervals)
 * @param profile the observed analytes over [0, period] on a fine grid; cumulative AUC from time 0
 * @param aucPerIntervalMgHPerL AUC over each dosing interval of the period, mg*h/L
 * @param troughMgPerL C0: concentration just before the dose at time 0, mg/L
 * @param cmaxMgPerL highest concentration in the first interval, mg/L: located exactly by the exact path (the
 *     same number as its {@link Summary}, from the same walk), the grid's highest by the numerical one
 * @param tmaxHours time of Cmax after the dose, h
 */
public record SteadyState(double intervalHours, double periodHours, ConcentrationProfile profile,
    List<Double> aucPerIntervalMgHPerL, double troughMgPerL, double cmaxMgPerL, double tmaxHours) {

  /**
   * Copies the list.
   *
   * @param intervalHours h
   * @param periodHours h
   * @param profile profile
   * @param aucPerIntervalMgHPerL mg*h/L per interval
   * @param troughMgPerL mg/L
   * @param cmaxMgPerL mg/L
   * @param tmaxHours h
   */
  public SteadyState {
    aucPerIntervalMgHPerL = List.copyOf(aucPerIntervalMgHPerL);
  }

  /**
   * Returns AUC over the first dosing interval of the period (AUC0-tau at steady state), mg*h/L.
   *
   * @return AUC0-tau, mg*h/L
   */
  public double aucTauMgHPerL() {
    return aucPerIntervalMgHPerL.get(0);
  }

  /**
   * The summary numbers without the profile: what a dose-finding loop needs.
   *
   * @return AUC0-tau, Cmax, Tmax and trough
   */
  public Summary summary() {
    return new Summary(aucTauMgHPerL(), cmaxMgPerL(), tmaxHours(), troughMgPerL());
  }

  /**
   * Steady-state exposure numbers of one regimen.
   *
   * <p>Every mmf model is linear in dose (a property test checks it), so the summary of another dose
   * is this one scaled: {@link #scaled} is the per-parameter work cached, a new dose costing a few
   * multiplications.
   *
   * @param aucTauMgHPerL AUC over the first dosing interval, mg*h/L
   * @param cmaxMgPerL highest concentration in the interval, mg/L
   * @param tmaxHours its time after the dose, h
   * @param troughMgPerL concentration just before the dose, mg/L
   */
  public record Summary(double aucTauMgHPerL, double cmaxMgPerL, double tmaxHours, double troughMgPerL) {
    /**
     * This summary for a dose {@code factor} times as large.
     *
     * @param factor new dose / this dose, finite and &gt; 0
     * @return the scaled summary (Tmax unchanged)
     * @throws IllegalArgumentException if {@code factor} is not finite and &gt; 0
     */
    public Summary scaled(double factor) {
      Checks.positive(factor, "factor");
      return new Summary(aucTauMgHPerL * factor, cmaxMgPerL * factor, tmaxHours, troughMgPerL * factor);
    }
  }

  /**
   * A regimen's exposure after its first dose and at steady state: what a population simulation needs
   * per subject.
   *
   * @param firstDoseAucTauMgHPerL AUC over the first dosing interval after a single dose, mg*h/L
   * @param steadyState the steady-state summary
   */
  public record Course(double firstDoseAucTauMgHPerL, Summary steadyState) {
    /**
     * Validates the course.
     *
     * @param firstDoseAucTauMgHPerL mg*h/L, finite and &gt;= 0
     * @param steadyState the summary
     * @throws NullPointerException if {@code steadyState} is null
     * @throws IllegalArgumentException if the AUC is negative or not finite
     */
    public Course {
      java.util.Objects.requireNonNull(steadyState, "steadyState");
      Checks.nonNegative(firstDoseAucTauMgHPerL, "firstDoseAucTauMgHPerL");
    }
  }

  /**
   * Returns AUC over the whole period, mg*h/L.
   *
   * @return AUC over the period, mg*h/L
   */
  public double aucPeriodMgHPerL() {
    return aucPerIntervalMgHPerL.stream().mapToDouble(Double::doubleValue).sum();
  }
}
