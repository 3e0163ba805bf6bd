package io.mmf.pk.tdm;

import io.mmf.core.internal.Checks;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.target.AucTarget;
import io.mmf.core.regimen.Regimen;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.exposure.DoseRecommendation;
import io.mmf.core.regimen.DoseCeiling;
import io.mmf.core.regimen.RegimenCheck;
import io.mmf.pk.exposure.DoseAdvice;
import io.mmf.pk.exposure.Exposures;
import io.mmf.pk.model.CovariateModel;
import io.mmf.pk.model.Interactions;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.population.PopulationModel;
import io.mmf.pk.population.RandomEffects;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.solve.ConcentrationSolver;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One patient's MAP estimate ({@link MapEstimator}): the random effects, their Laplace covariance, the
 * individual model and what follows from it (curve, AUC with an interval, dose advice). Immutable and
 * thread-safe.
 */
public final class MapEstimate {
  /** Posterior draws {@link #assess(Regimen, AucTarget, Collection)} uses. */
  public static final int DEFAULT_DRAWS = 1000;
  /** Seed of those draws, fixed so that the same data give the same report. */
  public static final long DEFAULT_SEED = 20_261_122L;

  private final PopulationModel population;
  private final ConcentrationSolver solver;
  private final DoseRecords history;
  private final List<Sample> samples;
  private final double[] eta;
  private final double[][] covariance;
  /** Null without between-occasion variability; else which kappas follow eta in theta. */
  private final OccasionPlan plan;
  /** eta, then the sampled occasions' kappas. */
  private final double[] theta;
  /** The Laplace covariance of theta. */
  private final double[][] thetaCovariance;
  /** The prior SD of each element of theta: the estimator searched within {@link MapEstimator#EDGE_SD} of them. */
  private final double[] priorSd;
  private final double[] predicted;
  private final double objective;
  private final int evaluations;
  private final PkModel individual;

  MapEstimate(PopulationModel population, ConcentrationSolver solver, DoseRecords history, List<Sample> samples,
      OccasionPlan plan, double[] theta, double[][] covariance, double[] priorSd, double[] predicted,
      double objective, int evaluations) {
    this.population = population;
    this.solver = solver;
    this.history = history;
    this.samples = samples;
    this.plan = plan;
    this.theta = theta;
    this.thetaCovariance = covariance;
    this.priorSd = priorSd;
    int n = population.randomEffects().parameters().size();
    this.eta = Arrays.copyOf(theta, n);
    this.covariance = new double[n][];
    for (int i = 0; i < n; i++) {
      this.covariance[i] = Arrays.copyOf(covariance[i], n);
    }
    this.predicted = predicted;
    this.objective = objective;
    this.evaluations = evaluations;
    this.individual = plan == null ? population.individual(eta) : population.individual(eta, plan.lastKappa(theta));
  }

  /**
   * Returns the occasions whose between-occasion random effects were estimated: those that hold a
   * sample, by their number under the model's definition
   * ({@link io.mmf.pk.population.OccasionVariability.Labelled#numbers()}), in time order.
   *
   * @return the numbers (empty without between-occasion variability)
   */
  public double[] sampledOccasions() {
    return plan == null ? new double[0] : plan.sampled.clone();
  }

  /**
   * The estimated kappa of one sampled occasion, in
   * {@link io.mmf.pk.population.OccasionVariability#parameters()} order (0 for a variance of 0).
   *
   * @param occasion index in {@link #sampledOccasions()}
   * @return a copy (log scale for a log-normal parameter)
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public double[] kappa(int occasion) {
    if (plan == null || occasion < 0 || occasion >= plan.sampled.length) {
      throw new IndexOutOfBoundsException("occasion " + occasion + " of " + sampledOccasions().length);
    }
    return plan.kappa(theta, occasion);
  }

  /**
   * Returns the random-effect names, in the order of {@link #eta()}.
   *
   * @return the names
   */
  public List<String> parameters() {
    return population.randomEffects().parameters();
  }

  /**
   * Returns how each random effect enters its parameter ({@link PopulationModel#distributions()}), in the
   * order of {@link #eta()}: exp(eta) is a factor on the typical value only for {@code log-normal} ones.
   *
   * @return one distribution name per random effect
   */
  public List<String> distributions() {
    return population.distributions();
  }

  /**
   * Returns the estimated random effects: each parameter is its typical value times exp(eta).
   *
   * @return a copy of eta (log scale, dimensionless)
   */
  public double[] eta() {
    return eta.clone();
  }

  /**
   * The Laplace approximation's standard error of one random effect.
   *
   * @param i index in {@link #parameters()}
   * @return SD of eta[i] (log scale)
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public double etaStandardError(int i) {
    return Math.sqrt(covariance[i][i]);
  }

  /**
   * Returns the Laplace covariance of eta (inverse Hessian of the negative log posterior at the mode).
   *
   * @return a copy, log scale
   */
  public double[][] covariance() {
    double[][] c = new double[covariance.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = covariance[i].clone();
    }
    return c;
  }

  /** The estimated vector theta, eta then the sampled occasions' kappas (for tests). */
  double[] theta() {
    return theta.clone();
  }

  /** The Laplace covariance of theta (for tests). */
  double[][] thetaCovariance() {
    double[][] c = new double[thetaCovariance.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = thetaCovariance[i].clone();
    }
    return c;
  }

  /**
   * Returns the patient's model at the estimate: with between-occasion variability, on the last sampled
   * occasion (eta and that occasion's kappa).
   *
   * @return the individual model
   */
  public PkModel individual() {
    return individual;
  }

  /**
   * Returns the samples the estimate was made from.
   *
   * @return the samples, in time order
   */
  public List<Sample> samples() {
    return samples;
  }

  /**
   * Returns the dose history the estimate was made from (a schedule's records, for a schedule).
   *
   * @return the history
   */
  public DoseRecords history() {
    return history;
  }

  /**
   * Returns the individual model's concentration at each sample time.
   *
   * @return mg/L, one per sample
   */
  public double[] predictedMgPerL() {
    return predicted.clone();
  }

  /**
   * Returns the minimised objective: the negative log posterior density, up to a constant.
   *
   * @return the objective value (dimensionless)
   */
  public double objective() {
    return objective;
  }

  /**
   * Returns how many times the objective was evaluated (optimiser and Hessian).
   *
   * @return the count
   */
  public int evaluations() {
    return evaluations;
  }

  /**
   * The individual curve over the dose history.
   *
   * @param timesHours output times on the history's clock, h, finite, &gt;= 0, non-decreasing
   * @return the profile
   * @throws IllegalArgumentException if the times are invalid
   */
  public ConcentrationProfile curve(double[] timesHours) {
    return simulate(theta, timesHours);
  }

  /**
   * The individual with random effects theta over the history: with between-occasion variability, each
   * sampled occasion on its kappa, the others on 0; after the history the last occasion holds.
   */
  private ConcentrationProfile simulate(double[] t, double[] timesHours) {
    return solver.simulate(model(t), records(), timesHours);
  }

  private double auc(double[] t, double fromHours, double toHours) {
    return solver.aucMgHPerL(model(t), records(), fromHours, toHours);
  }

  /** The individual with random effects theta, for {@link #records()}. */
  private CovariateModel model(double[] t) {
    return plan == null ? population.individual(t) : plan.model(population, t);
  }

  /** The history, with between-occasion variability labelled by occasion. */
  private DoseRecords records() {
    return plan == null ? history : plan.labelled.records();
  }

  /** The Laplace posterior of theta (eta, then the sampled occasions' kappas). */
  private RandomEffects posterior() {
    List<String> names = new java.util.ArrayList<>(parameters());
    if (plan != null) {
      names.addAll(plan.names());
    }
    return RandomEffects.of(names, thetaCovariance);
  }

  /**
   * The 95 % band of the individual curve: at each time, the 2.5th and 97.5th percentiles of the
   * concentration over draws of the Laplace posterior, eta ~ N(estimate, covariance), each solved exactly,
   * truncated as in {@link #assess(Regimen, AucTarget, Collection, DoseCeiling, List, int, long)}.
   *
   * @param timesHours output times on the history's clock, h, finite, &gt;= 0, non-decreasing
   * @param draws posterior draws, 100 to 10^5
   * @param seed seed of the draws
   * @return {lower, upper}, mg/L, each one value per time
   * @throws NullPointerException if {@code timesHours} is null
   * @throws IllegalArgumentException if the times are invalid or the draws out of range
   * @throws EstimationException if more posterior draws fall outside the bounds or the model's valid range
   *     than inside
   */
  public double[][] curveBand(double[] timesHours, int draws, long seed) {
    Checks.notNull(timesHours, "timesHours");
    if (draws < 100 || draws > 100_000) {
      throw new IllegalArgumentException(Checks.invalid("draws", "100 to 10^5", draws));
    }
    Draws posterior = new Draws(draws, seed);
    double[][] byTime = new double[timesHours.length][draws];
    for (int d = 0; d < draws; d++) {
      CovariateModel m = posterior.next(false);
      double[] c = solver.simulate(m, records(), timesHours).analyteConcentrationsMgPerL(0);
      for (int k = 0; k < c.length; k++) {
        byTime[k][d] = c[k];
      }
    }
    double[][] band = new double[2][timesHours.length];
    for (int k = 0; k < timesHours.length; k++) {
      Arrays.sort(byTime[k]);
      band[0][k] = quantile(byTime[k], 0.025);
      band[1][k] = quantile(byTime[k], 0.975);
    }
    return band;
  }

  /**
   * The individual AUC over a window of the dose history, exactly.
   *
   * @param fromHours start, h on the history's clock, &gt;= 0
   * @param toHours end, h, &gt;= {@code fromHours}
   * @return AUC, mg*h/L
   * @throws IllegalArgumentException if the window is invalid
   */
  public double aucMgHPerL(double fromHours, double toHours) {
    return auc(theta, fromHours, toHours);
  }

  /**
   * The clinical reading of the estimate with {@value #DEFAULT_DRAWS} posterior draws and a fixed seed.
   *
   * @param regimen the regimen the patient is on (its interval fixes the AUC window after the sampled dose,
   *     {@link #sampledDoseHours()}; its dose is the one the dose advice scales)
   * @param target the target window
   * @param available strengths at hand for the dose advice (countable forms of the regimen's drug);
   *     empty for no rounding
   * @return the assessment
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the strengths are mixed or of another drug
   */
  public TdmAssessment assess(Regimen regimen, AucTarget target, Collection<Formulation> available) {
    return assess(regimen, target, available, RegimenCheck.labelCeiling(regimen.formulation()), List.of(),
        DEFAULT_DRAWS, DEFAULT_SEED);
  }

  /**
   * The clinical reading of the estimate with {@value #DEFAULT_DRAWS} posterior draws and a fixed seed,
   * with dose advice under a patient's ceiling.
   *
   * @param regimen the regimen the patient is on
   * @param target the condition's target
   * @param available strengths at hand (may be empty)
   * @param ceiling the patient's ceiling ({@code RegimenCheck.ceiling(condition, patient, formulation)})
   * @param interactions co-medication effects applied to the population's model (managed first)
   * @return the assessment
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the strengths are mixed or of another drug
   */
  public TdmAssessment assess(Regimen regimen, AucTarget target, Collection<Formulation> available,
      DoseCeiling ceiling, List<Interactions.Effect> interactions) {
    return assess(regimen, target, available, ceiling, interactions, DEFAULT_DRAWS, DEFAULT_SEED);
  }

  /**
   * The clinical reading of the estimate: AUC over the dosing interval that starts at the sampled dose (the
   * last dose at or before the last sample, {@link #sampledDoseHours()}) with its 95 % interval, the verdict, the individual steady-state AUC, the dose that brings it to
   * the target's middle, and the probability that the AUC at that dose lies in the target.
   *
   * <p>The interval and the probability come from draws of the Laplace posterior, eta ~ N(estimate,
   * covariance), each solved exactly, truncated to the estimator's bounds ({@link MapEstimator#EDGE_SD}
   * prior SDs) and to the model's valid range: a draw outside is redrawn and counted
   * ({@link TdmAssessment#rejectedDraws()}); the dose advice uses linearity in dose (AUC at dose d = d x AUC
   * per mg at steady state). A model with a baseline concentration or of one steady-state interval only
   * (Fromage 2025) scales no dose: no recommendation, advice {@code MODEL_NOT_FOR_DOSING} (a dose above
   * the ceiling still to be reduced), each draw solved at the advice's dose.
   *
   * <p>With between-occasion variability the two answer different questions, as a pharmacometrician
   * reads them: the AUC of the sampled interval is on the observed occasion, its estimate at the
   * posterior mode of (eta, that occasion's kappa) and its interval from the joint Laplace posterior of
   * eta and the sampled occasions' kappas (what the samples say about that interval). The steady-state
   * AUC, the dose advice and the probability of target attainment are for occasions to come, whose kappa
   * the samples cannot know: the point at eta with kappa 0 (the median occasion), each draw eta from the
   * posterior plus a new occasion's kappa from its prior N(0, Pi), so the probability is spread by the
   * between-occasion variability as well.
   *
   * @param regimen the regimen the patient is on
   * @param target the target window
   * @param available strengths at hand (may be empty: the advice is then the exact dose)
   * @param draws posterior draws, 100 to 10^6
   * @param seed seed of the draws
   * @return the assessment
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the draws are out of range, or the strengths are mixed or of
   *     another drug
   */
  public TdmAssessment assess(Regimen regimen, AucTarget target, Collection<Formulation> available, int draws,
      long seed) {
    return assess(regimen, target, available, RegimenCheck.labelCeiling(Checks.notNull(regimen,
        "regimen").formulation()), List.of(), draws, seed);
  }

  /**
   * The clinical reading of the estimate, with dose advice under a ceiling (see
   * {@link #assess(Regimen, AucTarget, Collection, int, long)}).
   *
   * @param regimen the regimen the patient is on
   * @param target the condition's target
   * @param available strengths at hand (may be empty)
   * @param ceiling the patient's ceiling
   * @param interactions co-medication effects applied to the population's model
   * @param draws posterior draws, 100 to 10^6
   * @param seed seed of the draws
   * @return the assessment
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the draws are out of range, or the strengths are mixed or of
   *     another drug
   * @throws EstimationException if more posterior draws fall outside the bounds or the model's valid range
   *     than inside
   */
  public TdmAssessment assess(Regimen regimen, AucTarget target, Collection<Formulation> available,
      DoseCeiling ceiling, List<Interactions.Effect> interactions, int draws, long seed) {
    Checks.notNull(regimen, "regimen");
    Checks.notNull(ceiling, "ceiling");
    Checks.notNull(interactions, "interactions");
    Checks.notNull(target, "target");
    Checks.notNull(available, "available");
    if (draws < 100 || draws > 1_000_000) {
      throw new IllegalArgumentException(Checks.invalid("draws", "100 to 10^6", draws));
    }
    double tau = regimen.interval().hours();
    double from = sampledDoseHours();
    double clock = from % 24;
    double auc = aucMgHPerL(from, from + tau);
    // the steady state at the current dose and the advice are for occasions to come: eta on a typical
    // occasion (kappa 0), the draws below adding a new occasion's kappa from its prior
    PkModel next = plan == null ? individual : population.individual(eta, new double[plan.variability.parameters()
        .size()]);
    double ssAuc = steadyStateAuc(next, regimen, clock);
    double ss12 = target.equivalentAuc(ssAuc, tau);
    // a model that covers no other dose (one steady-state interval, a baseline concentration) scales none
    boolean scalable = population.fittedOn().isForDosing() && next.isLinearInDose();
    Optional<DoseRecommendation> recommendation = available.isEmpty() || !scalable ? Optional.empty()
        : Optional.of(Exposures.doseForTargetMiddle(regimen, ss12, target, available));
    DoseAdvice advice = Exposures.forModelFittedOn(
        Exposures.advise(regimen, ss12, target.judge(ss12), available, ceiling, interactions), regimen,
        population.fittedOn(), population.name());
    double adviceMg = adviceDoseMg(advice, regimen, available.isEmpty(),
        target.aimMgHPerL() / ss12 * regimen.dose().mg(), ceiling.maxMgPerAdministration(regimen.interval()));
    double factor = adviceMg / regimen.dose().mg();

    Draws posterior = new Draws(draws, seed);
    double[] aucs = new double[draws];
    int inTarget = 0;
    for (int d = 0; d < draws; d++) {
      CovariateModel sampled = posterior.next(true);
      aucs[d] = solver.aucMgHPerL(sampled, records(), from, from + tau);
      PkModel m = posterior.onFreshOccasion;
      double atAdvice = target.equivalentAuc(m.isLinearInDose() ? factor * steadyStateAuc(m, regimen, clock)
          : steadyStateAuc(m, regimen.withDose(Dose.ofMg(adviceMg)), clock), tau);
      if (target.classify(atAdvice) == AucTarget.Verdict.WITHIN) {
        inTarget++;
      }
    }
    Arrays.sort(aucs);
    double auc12 = target.equivalentAuc(auc, tau);
    return new TdmAssessment(from, tau, auc, quantile(aucs, 0.025), quantile(aucs, 0.975), auc12,
        target.judge(auc12), target, ss12, recommendation, advice, adviceMg, (double) inTarget / draws, draws,
        posterior.rejected);
  }

  /**
   * Draws of the Laplace posterior of theta, truncated to where the estimator searched (each effect within
   * {@link MapEstimator#EDGE_SD} prior SDs of the typical patient) and to the model's valid range (a draw
   * whose rates or volumes the model refuses): the Gaussian approximation's tails reach parameter values
   * that no valid model has (e.g. Heida 2024's Vc, 320 % CV), where the true posterior has no mass. A
   * rejected draw is redrawn and counted; more rejections than accepted draws end the assessment.
   */
  private final class Draws {
    private final RandomEffects posterior = posterior();
    private final SplittableRandom random;
    private final int draws;
    private final double[] z = new double[theta.length];
    private final double[] e = new double[theta.length];
    private final double[] zk;
    private final double[] kappa;
    int rejected;
    /** With a fresh occasion: the draw's model on a new occasion's kappa (the steady state to come). */
    PkModel onFreshOccasion;

    Draws(int draws, long seed) {
      this.draws = draws;
      this.random = new SplittableRandom(seed);
      int m = plan == null ? 0 : plan.variability.parameters().size();
      this.zk = new double[m];
      this.kappa = new double[m];
    }

    /**
     * The next accepted draw's model over the history (with between-occasion variability, on the sampled
     * occasions' kappas); with {@code freshOccasion}, also {@link #onFreshOccasion}.
     */
    CovariateModel next(boolean freshOccasion) {
      while (true) {
        posterior.sample(random, z, e);
        boolean inside = true;
        for (int i = 0; i < e.length; i++) {
          e[i] += theta[i];
          inside &= Math.abs(e[i]) <= MapEstimator.EDGE_SD * priorSd[i];
        }
        if (inside) {
          try {
            if (plan == null) {
              onFreshOccasion = population.individual(e);
              return onFreshOccasion;
            }
            CovariateModel over = plan.model(population, e);
            if (freshOccasion) {
              plan.variability.sample(random, zk, kappa);
              onFreshOccasion = population.individual(Arrays.copyOf(e, eta.length), kappa);
            }
            return over;
          } catch (IllegalArgumentException outsideValidRange) {
            // rejected below
          }
        }
        if (++rejected > draws) {
          throw new EstimationException(String.format(Locale.ROOT, "The posterior of the MAP estimate under %s"
              + " lies mostly outside the model's valid range or the estimator's bounds (%d draws rejected,"
              + " more than the %d to accept): no interval can be given", population.name(), rejected, draws));
        }
      }
    }
  }

  /**
   * Returns the start of the sampled interval: the last dose given at or before the last sample (the
   * history's first dose if every sample precedes it).
   *
   * @return h on the history's clock
   */
  public double sampledDoseHours() {
    double[] doses = history.administrationTimesHours();
    double lastSample = samples.get(samples.size() - 1).timeHours();
    double from = doses[0];
    for (double d : doses) {
      from = d <= lastSample ? d : from;
    }
    return from;
  }

  private double steadyStateAuc(PkModel m, Regimen regimen, double clock) {
    return solver.steadyStateSummary(m, regimen.dose(), regimen.formulation(), regimen.interval(), clock)
        .aucTauMgHPerL();
  }

  /** Linear interpolation between order statistics (type 7). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  @Override
  public String toString() {
    return "MapEstimate[" + population.name() + ", eta " + parameters() + " = " + Arrays.toString(eta) + "]";
  }

  /**
   * The dose the advice settles on, mg per administration, never above the ceiling: the advised
   * dispensable dose; for a form measured by volume, the exact dose the advice names (that for the aim,
   * or the ceiling where the advice stops at it); else the current dose, or the ceiling when the current
   * dose is above it.
   */
  private static double adviceDoseMg(DoseAdvice advice, Regimen regimen, boolean measured, double exactMg,
      double maxMg) {
    if (advice.changesDose() && advice.recommendation().isPresent()) {
      return advice.recommendation().get().dispensed().dose().mg();
    }
    if (advice.kind() == DoseAdvice.Kind.CHANGE_DOSE) {
      return exactMg;
    }
    if (measured && (advice.kind() == DoseAdvice.Kind.CAPPED_AT_CEILING
        || advice.kind() == DoseAdvice.Kind.REDUCE_TO_CEILING)) {
      return maxMg;
    }
    return Math.min(regimen.dose().mg(), maxMg);
  }
}
