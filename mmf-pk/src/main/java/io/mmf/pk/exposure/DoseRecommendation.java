package io.mmf.pk.exposure;

import io.mmf.core.drug.Dispensing;
import io.mmf.core.drug.Dose;
import io.mmf.core.target.AucTarget;
import java.util.Objects;

/**
 * The dose per administration that brings the steady-state AUC to the middle of a target window,
 * and what can actually be given.
 *
 * @param exactDose the dose that would hit the middle exactly
 * @param dispensed the nearest dose the strengths at hand can make
 * @param predictedAuc12hMgHPerL steady-state AUC (12-hour equivalent) at the dispensed dose, mg*h/L
 * @param verdict where that AUC falls in the window
 * @param target the window
 */
public record DoseRecommendation(Dose exactDose, Dispensing dispensed, double predictedAuc12hMgHPerL,
    AucTarget.Verdict verdict, AucTarget target) {

  /**
   * Validates the recommendation.
   *
   * @param exactDose dose
   * @param dispensed dispensing
   * @param predictedAuc12hMgHPerL mg*h/L
   * @param verdict verdict
   * @param target window
   * @throws NullPointerException if an object is null
   */
  public DoseRecommendation {
    Objects.requireNonNull(exactDose, "exactDose");
    Objects.requireNonNull(dispensed, "dispensed");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(target, "target");
  }
}
