package io.mmf.pk.solve;

import java.util.List;

/**
 * Exposure over one period of the periodic (steady-state) solution of a regimen. Time 0 is a dose;
 * the period is the dosing interval, or the least common multiple of the interval and 24 h when
 * emptying windows follow the clock.
 *
 * @param intervalHours dosing interval, h
 * @param periodHours period of the solution, h (a whole number of intervals)
 * @param profile the primary analyte over [0, period] on a fine grid; cumulative AUC from time 0
 * @param aucPerIntervalMgHPerL AUC over each dosing interval of the period, mg*h/L
 * @param troughMgPerL C0: concentration just before the dose at time 0, mg/L
 * @param cmaxMgPerL highest concentration in the first interval, mg/L (on the grid)
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
   * Returns AUC over the whole period, mg*h/L.
   *
   * @return AUC over the period, mg*h/L
   */
  public double aucPeriodMgHPerL() {
    return aucPerIntervalMgHPerL.stream().mapToDouble(Double::doubleValue).sum();
  }
}
