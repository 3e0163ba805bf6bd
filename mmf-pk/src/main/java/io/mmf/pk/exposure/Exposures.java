package io.mmf.pk.exposure;

import io.mmf.core.internal.Checks;
import io.mmf.core.condition.Condition;
import io.mmf.core.drug.Dispensing;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.internal.Format;
import io.mmf.core.regimen.DoseCeiling;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.target.AucTarget;
import io.mmf.core.target.TargetVerdict;
import io.mmf.pk.dosing.DoseEvent;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.model.Interactions;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.population.FittedPopulation;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.solve.ConcentrationSolver;
import io.mmf.pk.solve.SteadyState;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Exposure of a regimen against a target, the dose that meets it, and safe dose advice.
 *
 * <p>The dose finder relies on linearity: every mmf model is linear in dose (AUC doubles when the
 * dose doubles; a property test checks it), so one steady state at the current dose fixes the AUC at
 * any other. {@link #advise} turns that into advice under the rules of {@link DoseAdvice}: never above
 * the {@link DoseCeiling}, no change inside the target, interactions managed first, nothing against a
 * target no source gives for the condition. Stateless and thread-safe.
 */
public final class Exposures {
  private Exposures() {}

  /**
   * Summarises a regimen against {@link AucTarget#DEFAULT}: no condition, so a comparison for
   * orientation only.
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
   * Summarises a regimen against a condition's own target.
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
   * Summarises a regimen against a target, the first dose at time 0.
   *
   * @param solver the solver
   * @param model the model
   * @param regimen the regimen
   * @param target the target; an AUC over another interval is compared as its 12-hour equivalent
   * @return the summary
   * @throws NullPointerException if an argument is null
   */
  public static ExposureSummary summarise(ConcentrationSolver solver, PkModel model, Regimen regimen,
      AucTarget target) {
    return summarise(solver, model, regimen, target, 0);
  }

  /**
   * Summarises a regimen against a target with the first dose at a clock time: for a model whose
   * gallbladder empties at clock meal times, the first-dose AUC and the steady state both depend on it.
   *
   * @param solver the solver
   * @param model the model
   * @param regimen the regimen
   * @param target the target
   * @param firstDoseClockHours when the first dose is given on the model's clock, h after midnight of day
   *     1 (0 for models whose windows follow the doses)
   * @return the summary
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the clock time is out of the solver's range
   */
  public static ExposureSummary summarise(ConcentrationSolver solver, PkModel model, Regimen regimen,
      AucTarget target, double firstDoseClockHours) {
    Checks.notNull(solver, "solver");
    Checks.notNull(regimen, "regimen");
    Checks.notNull(target, "target");
    double tau = regimen.interval().hours();
    double t0 = firstDoseClockHours;
    Dose first = regimen.steps().get(0).dose();
    ConcentrationProfile firstDose = solver.simulate(model,
        DosingSchedule.of(List.of(DoseEvent.at(t0, first, regimen.formulation()))), new double[] {t0, t0 + tau});
    SteadyState ss = solver.steadyState(model, regimen.dose(), regimen.formulation(), regimen.interval(), t0);
    double auc12 = target.equivalentAuc(ss.aucTauMgHPerL(), tau);
    TargetVerdict verdict = target.judge(auc12, OptionalDouble.of(ss.troughMgPerL()));
    return new ExposureSummary(regimen, firstDose.aucBetweenMgHPerL(0, 1), ss, target, auc12, verdict);
  }

  /**
   * The dose per administration that brings the steady-state AUC to the target's aim
   * ({@link AucTarget#aimMgHPerL()}), rounded to whole units of the strengths at hand, with the AUC
   * predicted at the rounded dose. Arithmetic, not advice: it knows no maximum (see {@link #advise}).
   *
   * @param summary a summary of the current regimen (its AUC fixes the dose-exposure line)
   * @param available strengths at hand, countable forms of the regimen's drug
   * @return the recommendation
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the strengths are empty, mixed, or of another drug than the
   *     regimen's, or the steady-state AUC is zero
   */
  public static DoseRecommendation doseForTargetMiddle(ExposureSummary summary, Collection<Formulation> available) {
    Checks.notNull(summary, "summary");
    return doseForTargetMiddle(summary.regimen(), summary.steadyStateAuc12hMgHPerL(), summary.target(), available);
  }

  /**
   * The dose per administration that brings a steady-state AUC to the target's aim, rounded to whole
   * units of the strengths at hand: the same rule as {@link #doseForTargetMiddle(ExposureSummary,
   * Collection)}, from an AUC obtained elsewhere (for instance one patient's estimated parameters).
   *
   * @param regimen the current regimen (its dose is the one the AUC belongs to)
   * @param steadyStateAuc12hMgHPerL steady-state AUC at the regimen's dose as the target's 12-hour
   *     equivalent, mg*h/L, finite and &gt; 0
   * @param target the target
   * @param available strengths at hand, countable forms of the regimen's drug
   * @return the recommendation
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the strengths are empty, mixed, or of another drug than the
   *     regimen's, or the AUC is not finite and &gt; 0
   */
  public static DoseRecommendation doseForTargetMiddle(Regimen regimen, double steadyStateAuc12hMgHPerL,
      AucTarget target, Collection<Formulation> available) {
    return recommend(regimen, steadyStateAuc12hMgHPerL, target, available, Double.POSITIVE_INFINITY).orElseThrow();
  }

  /**
   * Safe dose advice for a regimen's exposure (see {@link DoseAdvice} for the rules).
   *
   * @param summary the current regimen's exposure, against the condition's target
   * @param available strengths at hand, countable forms of the regimen's drug; empty for a form measured
   *     by volume (then the advice gives mg only)
   * @param ceiling the patient's ceiling for the condition and formulation
   *     ({@code RegimenCheck.ceiling(condition, patient, formulation)})
   * @param interactions the co-medication effects applied to the model (manageable ones that lower
   *     exposure come first when the exposure is low); empty when none
   * @return the advice
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the strengths are mixed or of another drug, or the ceiling is in
   *     another drug's mg
   */
  public static DoseAdvice advise(ExposureSummary summary, Collection<Formulation> available, DoseCeiling ceiling,
      List<Interactions.Effect> interactions) {
    Checks.notNull(summary, "summary");
    return advise(summary.regimen(), summary.steadyStateAuc12hMgHPerL(), summary.verdict(), available, ceiling,
        interactions);
  }

  /**
   * Safe dose advice from an AUC obtained elsewhere (one patient's estimate): the rules of
   * {@link #advise(ExposureSummary, Collection, DoseCeiling, List)}.
   *
   * @param regimen the current regimen (its dose is the one the AUC belongs to)
   * @param steadyStateAuc12hMgHPerL steady-state AUC at the regimen's dose, as the target's 12-hour
   *     equivalent, mg*h/L, finite and &gt; 0
   * @param verdict that AUC judged against the condition's target
   * @param available strengths at hand (empty for a measured form)
   * @param ceiling the ceiling
   * @param interactions the co-medication effects applied
   * @return the advice
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as the other overload, or if the AUC is not finite and &gt; 0
   */
  public static DoseAdvice advise(Regimen regimen, double steadyStateAuc12hMgHPerL, TargetVerdict verdict,
      Collection<Formulation> available, DoseCeiling ceiling, List<Interactions.Effect> interactions) {
    Checks.notNull(regimen, "regimen");
    Checks.notNull(verdict, "verdict");
    Checks.notNull(available, "available");
    Checks.notNull(ceiling, "ceiling");
    Checks.notNull(interactions, "interactions");
    if (ceiling.drug() != regimen.formulation().drug()) {
      throw new IllegalArgumentException(Checks.invalid("ceiling", "limits in mg of "
          + regimen.formulation().drug().abbreviation() + ", the regimen's drug", ceiling.drug()));
    }
    AucTarget target = verdict.target();
    double maxMg = ceiling.maxMgPerAdministration(regimen.interval());
    String limit = "the ceiling of " + ceiling.describe(regimen.interval());
    boolean aboveCeiling = ceiling.isExceededBy(regimen.dose().mg(), regimen.interval());
    if (!verdict.isVerdict()) {
      if (aboveCeiling) {
        return new DoseAdvice(DoseAdvice.Kind.REDUCE_TO_CEILING, Optional.empty(), List.of(), ceiling,
            reduce(regimen, ceiling) + " No exposure-based advice: " + target.population() + ".");
      }
      return new DoseAdvice(DoseAdvice.Kind.NO_VALIDATED_TARGET, Optional.empty(), List.of(), ceiling,
          "No dose advice: " + target.population() + ".");
    }
    Optional<DoseRecommendation> rec = available.isEmpty() ? Optional.empty()
        : recommend(regimen, steadyStateAuc12hMgHPerL, target, available, maxMg);
    String aim = target.isLowerBoundOnly() ? "at least " + Format.num(target.aimMgHPerL()) + " mg*h/L"
        : "the middle of the target (" + Format.num(target.aimMgHPerL()) + " mg*h/L)";
    double exact = target.aimMgHPerL() / (steadyStateAuc12hMgHPerL / regimen.dose().mg());
    if (aboveCeiling) {
      // Whatever the exposure: a dose above the patient's ceiling is never kept, nor advised.
      String under = rec.map(r -> " The dose under it nearest " + aim + " is " + r.dispensed() + " (predicted AUC0-12 "
          + Format.num(r.predictedAuc12hMgHPerL()) + ", " + r.verdict() + ").").orElse("");
      return new DoseAdvice(DoseAdvice.Kind.REDUCE_TO_CEILING, rec, List.of(), ceiling, reduce(regimen, ceiling)
          + " This holds whatever the exposure (now " + verdict.position().name().toLowerCase(java.util.Locale.ROOT)
          + " the target)." + under);
    }
    switch (verdict.position()) {
      case WITHIN -> {
        // the dose for the aim as an option, only when it is under the ceiling and inside the target itself
        boolean exactAbove = ceiling.isExceededBy(exact, regimen.interval());
        Optional<DoseRecommendation> offered = exactAbove ? Optional.empty()
            : rec.filter(r -> r.verdict() == AucTarget.Verdict.WITHIN);
        String option = exactAbove
            ? " For information only, the dose for " + aim + " (" + Format.num(Math.rint(exact))
                + " mg) would be above " + limit + "."
            : offered.map(r -> " For information only, the dose for " + aim + " would be " + r.dispensed()
                + " (predicted AUC0-12 " + Format.num(r.predictedAuc12hMgHPerL()) + ").").orElse("");
        return new DoseAdvice(DoseAdvice.Kind.NO_CHANGE, offered, List.of(), ceiling, "No change: the exposure is"
            + " within the target." + option);
      }
      case BELOW -> {
        List<Interactions.Effect> manage = interactions.stream().filter(Interactions.Effect::manageable).toList();
        if (!manage.isEmpty()) {
          StringBuilder sb = new StringBuilder("Manage the interactions before any dose change: ");
          for (int i = 0; i < manage.size(); i++) {
            Interactions.Effect e = manage.get(i);
            sb.append(i == 0 ? "" : "; ").append(e.management()).append(" [").append(e.source().ref()).append("]");
          }
          sb.append(". Then measure MPA exposure again.");
          return new DoseAdvice(DoseAdvice.Kind.MANAGE_INTERACTIONS_FIRST, rec, manage, ceiling, sb.toString());
        }
        return change(regimen, rec, ceiling, maxMg, limit, aim, exact, true);
      }
      default -> {
        return change(regimen, rec, ceiling, maxMg, limit, aim, exact, false);
      }
    }
  }

  /**
   * Advice as the model's population allows it: a model fitted on healthy volunteers or single doses
   * (Jiao 2008), or of one steady-state interval only (Fromage 2025, whose AUC is not proportional to
   * dose), gives no dose advice for a patient ({@link DoseAdvice.Kind#MODEL_NOT_FOR_DOSING}), except
   * that a regimen above the ceiling is still to be reduced, which needs no model.
   *
   * @param advice the advice from {@link #advise}
   * @param regimen the regimen the advice is about
   * @param fittedOn whom the model that produced the exposure was fitted on
   * @param modelName the model's name, for the message
   * @return {@code advice} for a model of patients at repeated doses, else the restricted advice
   * @throws NullPointerException if an argument is null
   */
  public static DoseAdvice forModelFittedOn(DoseAdvice advice, Regimen regimen, FittedPopulation fittedOn,
      String modelName) {
    Checks.notNull(advice, "advice");
    Checks.notNull(regimen, "regimen");
    Checks.notNull(fittedOn, "fittedOn");
    Checks.notNull(modelName, "modelName");
    if (fittedOn.isForDosing()) {
      return advice;
    }
    if (advice.kind() == DoseAdvice.Kind.REDUCE_TO_CEILING) {
      return new DoseAdvice(DoseAdvice.Kind.REDUCE_TO_CEILING, Optional.empty(), List.of(), advice.ceiling(),
          reduce(regimen, advice.ceiling()) + " No exposure-based advice: " + fittedOn.caveat(modelName) + ".");
    }
    return new DoseAdvice(DoseAdvice.Kind.MODEL_NOT_FOR_DOSING, Optional.empty(), List.of(), advice.ceiling(),
        "No dose advice: " + fittedOn.caveat(modelName) + "; for research, not dosing.");
  }

  private static String reduce(Regimen regimen, DoseCeiling ceiling) {
    return "The dose of " + Format.num(regimen.dose().mg()) + " mg is above the ceiling of "
        + ceiling.describe(regimen.interval()) + ": reduce it to at most "
        + Format.num(ceiling.maxMgPerAdministration(regimen.interval())) + " mg.";
  }

  private static DoseAdvice change(Regimen regimen, Optional<DoseRecommendation> rec, DoseCeiling ceiling,
      double maxMg, String limit, String aim, double exact, boolean increase) {
    String exactMg = Format.num(Math.rint(exact));
    if (ceiling.isExceededBy(exact, regimen.interval())) {
      boolean atCeiling = Math.abs(regimen.dose().mg() - maxMg) <= 1e-9 * maxMg;
      // the best dose under the ceiling: the recommendation (rounded under it), when it moves the right way
      Optional<DoseRecommendation> best = rec.filter(r -> increase
          ? r.dispensed().dose().mg() > regimen.dose().mg() : r.dispensed().dose().mg() < regimen.dose().mg());
      String offer = atCeiling ? "The regimen is at the ceiling already."
          : best.map(r -> "The highest dose under it is " + r.dispensed() + " (predicted AUC0-12 "
              + Format.num(r.predictedAuc12hMgHPerL()) + ").")
              .orElse(rec.isPresent() ? "No dispensable dose under it is closer to the target."
                  : "Give at most " + Format.num(maxMg) + " mg.");
      String text = "The dose for " + aim + " (" + exactMg + " mg) is above " + limit + ": do not exceed it. " + offer
          + (increase ? " Review adherence, interactions and the sampling, measure again, and consider another"
              + " treatment." : "");
      return new DoseAdvice(DoseAdvice.Kind.CAPPED_AT_CEILING, atCeiling ? Optional.empty() : best, List.of(),
          ceiling, text);
    }
    if (rec.isEmpty()) {
      return new DoseAdvice(DoseAdvice.Kind.CHANGE_DOSE, Optional.empty(), List.of(), ceiling,
          (increase ? "Increase" : "Reduce") + " the dose to about " + exactMg + " mg for " + aim
              + ", measured in the formulation's own units.");
    }
    DoseRecommendation r = rec.get();
    return new DoseAdvice(DoseAdvice.Kind.CHANGE_DOSE, rec, List.of(), ceiling,
        (increase ? "Increase" : "Reduce") + " to " + r.dispensed() + " for " + aim + " (predicted AUC0-12 "
            + Format.num(r.predictedAuc12hMgHPerL()) + ", " + r.verdict() + ").");
  }

  private static Optional<DoseRecommendation> recommend(Regimen regimen, double auc12, AucTarget target,
      Collection<Formulation> available, double maxMg) {
    Checks.notNull(regimen, "regimen");
    Checks.notNull(target, "target");
    Checks.notNull(available, "available");
    Formulation current = regimen.formulation();
    for (Formulation f : available) {
      if (f.drug() != current.drug()) {
        throw new IllegalArgumentException(Checks.invalid("available", "forms of " + current.drug().abbreviation()
            + ", the regimen's drug", f));
      }
    }
    Checks.positive(auc12, "steadyStateAuc12hMgHPerL");
    double perMg = auc12 / regimen.dose().mg();
    double wanted = Math.min(target.aimMgHPerL() / perMg, Dispensing.MAX_REQUEST_MG);
    Dose exact = Dose.ofMg(wanted);
    Optional<Dispensing> dispensed = Double.isInfinite(maxMg) ? Optional.of(Dispensing.nearest(exact, available))
        : target.isLowerBoundOnly() ? Dispensing.atLeast(exact, available, maxMg)
            : Dispensing.nearestAtMost(exact, available, maxMg);
    return dispensed.map(d -> {
      double predicted = perMg * d.dose().mg();
      return new DoseRecommendation(exact, d, predicted, target.classify(predicted), target);
    });
  }
}
