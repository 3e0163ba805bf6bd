package io.mmf.pk.exposure;

import io.mmf.core.target.AucTarget;
import io.mmf.core.target.TargetVerdict;
import io.mmf.core.regimen.Regimen;
import io.mmf.pk.solve.SteadyState;
import java.util.Objects;

/**
 * What a regimen achieves on a model: AUC over the first dosing interval, the steady state, and the
 * verdict against a target window.
 *
 * @param regimen the regimen simulated
 * @param firstDoseAucTauMgHPerL AUC from the first dose to the second, mg*h/L
 * @param steadyState the periodic steady state at the regimen's target dose
 * @param target the window judged against
 * @param steadyStateAuc12hMgHPerL steady-state AUC0-tau expressed over 12 h (AUC x 12 / tau), mg*h/L
 * @param verdict the 12-hour equivalent (and the trough, where the target has a trough criterion)
 *     judged against the target; for a target no source gives for the condition, a comparison for
 *     orientation only ({@link TargetVerdict#isVerdict()} false)
 */
public record ExposureSummary(Regimen regimen, double firstDoseAucTauMgHPerL, SteadyState steadyState,
    AucTarget target, double steadyStateAuc12hMgHPerL, TargetVerdict verdict) {

  /**
   * Validates the summary.
   *
   * @param regimen regimen
   * @param firstDoseAucTauMgHPerL mg*h/L
   * @param steadyState steady state
   * @param target window
   * @param steadyStateAuc12hMgHPerL mg*h/L
   * @param verdict verdict
   * @throws NullPointerException if an object is null
   */
  public ExposureSummary {
    Objects.requireNonNull(regimen, "regimen");
    Objects.requireNonNull(steadyState, "steadyState");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(verdict, "verdict");
  }

  /**
   * Whether the verdict used an AUC scaled from another interval to 12 h.
   *
   * @return true when the dosing interval is not the target's interval
   */
  public boolean scaledToTargetInterval() {
    return regimen.interval().hours() != target.intervalHours();
  }
}
