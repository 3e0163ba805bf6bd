package io.mmf.pk.tdm;

import io.mmf.core.internal.Checks;
import io.mmf.core.target.AucTarget;
import io.mmf.core.target.TargetVerdict;
import io.mmf.pk.exposure.DoseAdvice;
import io.mmf.pk.exposure.DoseRecommendation;
import java.util.Objects;
import java.util.Optional;

/**
 * What a MAP estimate says about a patient's exposure and dose ({@link MapEstimate#assess}).
 *
 * @param intervalStartHours the last dose at or before the last sample, h on the history's clock: the
 *     sampled interval starts here
 * @param intervalHours the regimen's dosing interval, h
 * @param aucMgHPerL the individual AUC over the sampled interval, mg*h/L
 * @param aucLowerMgHPerL 2.5th percentile of that AUC over the posterior draws, mg*h/L
 * @param aucUpperMgHPerL 97.5th percentile, mg*h/L
 * @param auc12hMgHPerL the AUC as the target's 12-hour equivalent, mg*h/L
 * @param verdict that AUC judged against the target (for orientation only where the target is not
 *     sourced for the condition)
 * @param target the target
 * @param steadyStateAuc12hMgHPerL the individual steady-state AUC at the current dose, 12-hour
 *     equivalent, mg*h/L
 * @param recommendation the dose for the target's aim rounded to the strengths at hand, with no limit
 *     applied (arithmetic; empty when no strengths were given): see {@code advice} for what to do
 * @param advice the safe dose advice: under the ceiling, no change inside the target, none without a
 *     sourced target
 * @param adviceDoseMg the dose the probability refers to, mg per administration, never above the
 *     ceiling: the advised dose when the advice changes the dose to a dispensable one; for a form measured
 *     by volume, the dose the advice names (that for the aim, or the ceiling where the advice stops at it);
 *     else the current dose (the ceiling, when the current dose is above it)
 * @param probabilityInTarget the fraction of posterior draws whose steady-state AUC at that dose lies in
 *     the target (0 to 1)
 * @param draws how many posterior draws
 * @param rejectedDraws how many draws of the Laplace posterior were redrawn because they fell outside the
 *     estimator's bounds or the model's valid range (0 in the usual case; a count near {@code draws} means
 *     the Gaussian approximation is poor for this patient)
 */
public record TdmAssessment(double intervalStartHours, double intervalHours, double aucMgHPerL,
    double aucLowerMgHPerL, double aucUpperMgHPerL, double auc12hMgHPerL, TargetVerdict verdict,
    AucTarget target, double steadyStateAuc12hMgHPerL, Optional<DoseRecommendation> recommendation,
    DoseAdvice advice, double adviceDoseMg, double probabilityInTarget, int draws, int rejectedDraws) {

  /**
   * Validates the assessment.
   *
   * @param intervalStartHours h
   * @param intervalHours h
   * @param aucMgHPerL mg*h/L
   * @param aucLowerMgHPerL mg*h/L
   * @param aucUpperMgHPerL mg*h/L
   * @param auc12hMgHPerL mg*h/L
   * @param verdict verdict
   * @param target target
   * @param steadyStateAuc12hMgHPerL mg*h/L
   * @param recommendation dose for the aim
   * @param advice safe advice
   * @param adviceDoseMg mg
   * @param probabilityInTarget 0 to 1
   * @param draws count
   * @param rejectedDraws count, &gt;= 0
   * @throws NullPointerException if an object is null
   * @throws IllegalArgumentException if the probability is outside [0, 1], the interval is not ordered or
   *     the rejected count is negative
   */
  public TdmAssessment {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(recommendation, "recommendation");
    Objects.requireNonNull(advice, "advice");
    if (!(probabilityInTarget >= 0 && probabilityInTarget <= 1)) {
      throw new IllegalArgumentException(Checks.invalid("probabilityInTarget", "0 to 1", probabilityInTarget));
    }
    if (!(aucLowerMgHPerL <= aucUpperMgHPerL)) {
      throw new IllegalArgumentException(Checks.invalid("aucLowerMgHPerL", "<= aucUpperMgHPerL " + aucUpperMgHPerL,
          aucLowerMgHPerL));
    }
    if (rejectedDraws < 0) {
      throw new IllegalArgumentException(Checks.invalid("rejectedDraws", ">= 0", rejectedDraws));
    }
  }
}
