package io.mmf.pk.population;

import io.mmf.core.target.AucTarget;
import io.mmf.core.regimen.Regimen;
import java.util.Objects;

/**
 * Probability of target attainment of one regimen over a simulated population: the fractions of
 * subjects whose AUC0-12 (12-hour equivalent) falls below, inside and above the target, after the
 * first dose and at steady state, with the distributions of AUC, C0 and Cmax.
 *
 * @param regimen the regimen
 * @param target the window
 * @param subjects number of subjects
 * @param firstDose fractions for AUC over the first dosing interval
 * @param steadyState fractions for AUC over a dosing interval at steady state
 * @param aucFirstDose AUC0-tau after the first dose, mg*h/L (12-hour equivalent)
 * @param aucSteadyState AUC0-tau at steady state, mg*h/L (12-hour equivalent)
 * @param troughSteadyState C0 at steady state, mg/L
 * @param cmaxSteadyState Cmax at steady state, mg/L
 */
public record Attainment(Regimen regimen, AucTarget target, long subjects, Fractions firstDose,
    Fractions steadyState, Summary aucFirstDose, Summary aucSteadyState, Summary troughSteadyState,
    Summary cmaxSteadyState) {

  /**
   * Validates the result.
   *
   * @param regimen regimen
   * @param target target
   * @param subjects count
   * @param firstDose fractions
   * @param steadyState fractions
   * @param aucFirstDose summary
   * @param aucSteadyState summary
   * @param troughSteadyState summary
   * @param cmaxSteadyState summary
   * @throws NullPointerException if an object is null
   */
  public Attainment {
    Objects.requireNonNull(regimen, "regimen");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(firstDose, "firstDose");
    Objects.requireNonNull(steadyState, "steadyState");
  }

  /**
   * Fractions of subjects below, inside and above a window (they sum to 1).
   *
   * @param below fraction below the lower bound
   * @param within fraction inside, bounds included
   * @param above fraction above the upper bound
   */
  public record Fractions(double below, double within, double above) {}
}
