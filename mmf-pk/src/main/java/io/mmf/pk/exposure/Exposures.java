package io.mmf.pk.exposure;

import io.mmf.core.condition.Condition;
import io.mmf.core.drug.Dispensing;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.monitoring.AucTarget;
import io.mmf.core.regimen.Regimen;
import io.mmf.pk.dosing.DoseEvent;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.solve.ConcentrationSolver;
import io.mmf.pk.solve.SteadyState;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Exposure of a regimen against a target window, and the dose that meets it.
 *
 * <p>The dose finder relies on linearity: every mmf model is linear in dose (AUC doubles when the
 * dose doubles; a property test checks it), so one steady state at the current dose fixes the AUC at
 * any other. Stateless and thread-safe.
 */
public final class Exposures {
  private Exposures() {}

  /**
   * Summarises a regimen against the project default window (20-60 mg*h/L over 12 h).
   *
   * @param solver the solver
   * @param model the model
   * @param regimen the regimen; its first dose is the titration's start when it has one
   * @return the summary
   * @throws NullPointerException if an argument is null
   */
  public static ExposureSummary summarise(ConcentrationSolver solver, PkModel model, Regimen regimen) {
    return summarise(solver, model, regimen, AucTarget.DEFAULT);
  }

  /**
   * Summarises a regimen against a condition's own window.
   *
   * @param solver the solver
   * @param model the model
   * @param regimen the regimen
   * @param condition the condition whose target applies
   * @return the summary
   * @throws NullPointerException if an argument is null
   */
  public static ExposureSummary summarise(ConcentrationSolver solver, PkModel model, Regimen regimen,
      Condition condition) {
    return summarise(solver, model, regimen, Objects.requireNonNull(condition, "condition").target());
  }

  /**
   * Summarises a regimen against a window.
   *
   * @param solver the solver
   * @param model the model
   * @param regimen the regimen
   * @param target the window; an AUC over another interval is compared as its 12-hour equivalent
   * @return the summary
   * @throws NullPointerException if an argument is null
   */
  public static ExposureSummary summarise(ConcentrationSolver solver, PkModel model, Regimen regimen,
      AucTarget target) {
    Objects.requireNonNull(solver, "Invalid value for solver (expected non-null): null");
    Objects.requireNonNull(regimen, "Invalid value for regimen (expected non-null): null");
    Objects.requireNonNull(target, "Invalid value for target (expected non-null): null");
    double tau = regimen.interval().hours();
    Dose first = regimen.steps().get(0).dose();
    ConcentrationProfile firstDose = solver.simulate(model,
        DosingSchedule.of(List.of(DoseEvent.at(0, first, regimen.formulation()))), new double[] {0, tau});
    SteadyState ss = solver.steadyState(model, regimen.dose(), regimen.formulation(), regimen.interval());
    double auc12 = target.equivalentAuc(ss.aucTauMgHPerL(), tau);
    return new ExposureSummary(regimen, firstDose.aucBetweenMgHPerL(0, 1), ss, target, auc12, target.classify(auc12));
  }

  /**
   * The dose per administration that brings the steady-state AUC to the window's middle, rounded to
   * whole units of the strengths at hand, with the AUC predicted at the rounded dose.
   *
   * @param summary a summary of the current regimen (its AUC fixes the dose-exposure line)
   * @param available strengths at hand, countable forms of the regimen's drug
   * @return the recommendation
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the strengths are empty, mixed, or of another drug than the
   *     regimen's, or the steady-state AUC is zero
   */
  public static DoseRecommendation doseForTargetMiddle(ExposureSummary summary, Collection<Formulation> available) {
    Objects.requireNonNull(summary, "Invalid value for summary (expected non-null): null");
    return doseForTargetMiddle(summary.regimen(), summary.steadyStateAuc12hMgHPerL(), summary.target(), available);
  }

  /**
   * The dose per administration that brings a steady-state AUC to the window's middle, rounded to whole
   * units of the strengths at hand: the same rule as {@link #doseForTargetMiddle(ExposureSummary,
   * Collection)}, from an AUC obtained elsewhere (for instance one patient's estimated parameters).
   *
   * @param regimen the current regimen (its dose is the one the AUC belongs to)
   * @param steadyStateAuc12hMgHPerL steady-state AUC at the regimen's dose as the window's 12-hour
   *     equivalent, mg*h/L, finite and &gt; 0
   * @param target the window
   * @param available strengths at hand, countable forms of the regimen's drug
   * @return the recommendation
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the strengths are empty, mixed, or of another drug than the
   *     regimen's, or the AUC is not finite and &gt; 0
   */
  public static DoseRecommendation doseForTargetMiddle(Regimen regimen, double steadyStateAuc12hMgHPerL,
      AucTarget target, Collection<Formulation> available) {
    Objects.requireNonNull(regimen, "Invalid value for regimen (expected non-null): null");
    Objects.requireNonNull(target, "Invalid value for target (expected non-null): null");
    Objects.requireNonNull(available, "Invalid value for available (expected non-null): null");
    Formulation current = regimen.formulation();
    for (Formulation f : available) {
      if (f.drug() != current.drug()) {
        throw new IllegalArgumentException("Invalid value for available (expected forms of "
            + current.drug().abbreviation() + ", the regimen's drug): " + f);
      }
    }
    double auc = steadyStateAuc12hMgHPerL;
    if (!(auc > 0) || !Double.isFinite(auc)) {
      throw new IllegalArgumentException("Invalid value for steadyStateAuc12hMgHPerL (expected finite and > 0): "
          + auc);
    }
    double perMg = auc / regimen.dose().mg();
    Dose exact = Dose.ofMg(target.middleMgHPerL() / perMg);
    Dispensing dispensed = Dispensing.nearest(exact, available);
    double predicted = perMg * dispensed.dose().mg();
    return new DoseRecommendation(exact, dispensed, predicted, target.classify(predicted), target);
  }
}
