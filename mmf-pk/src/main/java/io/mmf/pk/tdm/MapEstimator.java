package io.mmf.pk.tdm;

import io.mmf.core.internal.Checks;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.dosing.SteadyStateMode;
import io.mmf.pk.population.FittedPopulation;
import io.mmf.pk.population.PopulationModel;
import io.mmf.pk.population.RandomEffects;
import io.mmf.pk.population.ResidualError;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.solve.ConcentrationSolver;
import io.mmf.pk.solve.ExactSolver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.apache.commons.math3.random.HaltonSequenceGenerator;
import org.apache.commons.math3.special.Erf;

/**
 * Maximum a posteriori (MAP) Bayesian estimation of one patient's random effects from a dose history
 * and a few measured MPA levels, under a {@link PopulationModel}: the prior is its inter-individual
 * variability (eta ~ N(0, Omega)), the likelihood its residual error. Levels below the limit of
 * quantification enter through the probability of lying below it (Beal's M3 method).
 *
 * <p>The objective minimised is the negative log posterior density up to a constant,
 * <pre>
 *   J(eta) = 1/2 eta' Omega^-1 eta + sum over quantified samples [1/2 ((y - f)/sd(f))^2 + ln sd(f)]
 *            - sum over samples below the limit ln Phi((LLOQ - f)/sd(f))
 * </pre>
 * with f the individual's predicted concentration and sd(f)^2 = add^2 + (prop f)^2; for an exponential
 * residual error, y, f and LLOQ enter on the log scale with a constant SD. Commons Math's BOBYQA
 * (Powell's derivative-free bounded trust-region method) minimises J over eta scaled by each
 * parameter's SD, within {@value #EDGE_SD} SD of the typical patient; one random effect uses Brent's
 * method. A posterior may have more than one mode (Fromage 2025's narrow absorption peaks): after the
 * first search, a fixed, deterministic screen of the prior (each effect at -2 to +2 SD, and 64 Halton
 * points within 2.5 SD) looks for a point below the mode found, and the search restarts from the best
 * one, whose mode replaces the first if it is lower. The uncertainty of the estimate is the Laplace approximation: a normal posterior with the
 * inverse of J's Hessian (central differences) as covariance.
 *
 * <p>Between-occasion variability ({@link PopulationModel#occasions()}): the history's occasions are
 * numbered by the model's definition ({@link io.mmf.pk.population.OccasionVariability#label}); the
 * kappa of every occasion that holds a sample (a sample belongs to the occasion in effect just before
 * its instant) is estimated with eta, its prior 1/2 kappa' Pi^-1 kappa added to J, each parameter then
 * TV exp(eta + kappa) over its occasion; occasions without a sample keep kappa at its prior mean 0
 * (their doses' carry-over is predicted at the typical occasion). The Laplace covariance is that of
 * the whole vector (eta, kappas), so the interval of an AUC on a sampled occasion accounts for both;
 * {@link MapEstimate#assess} says how the next occasion is predicted. A model whose occasion variances
 * are all 0 is estimated exactly as without the section.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class MapEstimator {
  /**
   * How far from the typical patient an estimate may lie, in SDs of each random effect: an estimate at
   * this edge means the model does not describe the data (wrong dose history, times or units), and is
   * reported as a failure.
   */
  public static final double EDGE_SD = 5;

  /** Objective evaluations allowed by default. */
  public static final int DEFAULT_MAX_EVALUATIONS = 5_000;

  /** Predicted concentrations are floored here (mg/L) inside the residual error model, so ln f stays finite. */
  static final double FLOOR_MG_PER_L = 1e-9;

  /** How much lower a restart's objective must be than the first mode's to replace it. */
  private static final double RESTART_GAIN = 1e-6;

  /** Halton points of the screen for other modes. */
  private static final int SCREEN_POINTS = 64;

  /** Half-width of the Halton screen, in prior SDs. */
  private static final double SCREEN_SD = 2.5;

  /** Central-difference step of the Hessian, in SDs of each random effect. */
  private static final double HESSIAN_STEP = 1e-3;

  private final PopulationModel population;
  private final ConcentrationSolver solver;
  private final int maxEvaluations;
  private final double[] sd;
  private final double[][] omegaInverse;

  private MapEstimator(PopulationModel population, ConcentrationSolver solver, int maxEvaluations) {
    this.population = population;
    this.solver = solver;
    this.maxEvaluations = maxEvaluations;
    RandomEffects re = population.randomEffects();
    int n = re.parameters().size();
    double[][] omega = new double[n][n];
    sd = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        omega[i][j] = re.omega(i, j);
      }
      sd[i] = Math.sqrt(omega[i][i]);
    }
    omegaInverse = new CholeskyDecomposition(new Array2DRowRealMatrix(omega, false)).getSolver().getInverse()
        .getData();
  }

  /**
   * An estimator on the exact solver.
   *
   * @param population the population model whose variability is the prior
   * @return the estimator
   * @throws NullPointerException if {@code population} is null
   */
  public static MapEstimator of(PopulationModel population) {
    return of(population, new ExactSolver());
  }

  /**
   * An estimator on a given solver.
   *
   * @param population the population model whose variability is the prior, fitted on patients at
   *     repeated doses
   * @param solver the solver for the individual predictions
   * @return the estimator
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the model was fitted on healthy volunteers or single doses
   *     (use {@link #ofHealthyVolunteerModel} to opt in)
   */
  public static MapEstimator of(PopulationModel population, ConcentrationSolver solver) {
    Checks.notNull(population, "population");
    Checks.notNull(solver, "solver");
    FittedPopulation fitted = population.fittedOn();
    if (fitted.isHealthyVolunteerOrSingleDose()) {
      throw new IllegalArgumentException(Checks.invalid("population", "a model fitted on patients at repeated doses",
          fitted.caveat(population.name()) + "; use MapEstimator.ofHealthyVolunteerModel to opt in for research use"));
    }
    return new MapEstimator(population, solver, DEFAULT_MAX_EVALUATIONS);
  }

  /**
   * An estimator on a model fitted on healthy volunteers or single doses, which {@link #of} refuses:
   * its prior describes neither patients nor steady state, so its estimates and any dose drawn from them
   * are for research, not for dosing a patient.
   *
   * @param population the population model
   * @param solver the solver
   * @return the estimator
   * @throws NullPointerException if an argument is null
   */
  public static MapEstimator ofHealthyVolunteerModel(PopulationModel population, ConcentrationSolver solver) {
    Checks.notNull(population, "population");
    Checks.notNull(solver, "solver");
    return new MapEstimator(population, solver, DEFAULT_MAX_EVALUATIONS);
  }

  /**
   * This estimator with another evaluation budget.
   *
   * @param evaluations objective evaluations allowed, 10 to 10^7
   * @return the estimator
   * @throws IllegalArgumentException if the budget is out of range
   */
  public MapEstimator withMaxEvaluations(int evaluations) {
    if (evaluations < 10 || evaluations > 10_000_000) {
      throw new IllegalArgumentException(Checks.invalid("maxEvaluations", "10 to 10^7", evaluations));
    }
    return new MapEstimator(population, solver, evaluations);
  }

  /**
   * Returns the population model.
   *
   * @return the prior's model
   */
  public PopulationModel population() {
    return population;
  }

  /**
   * The MAP estimate, starting from the typical patient (eta = 0).
   *
   * @param history every dose the patient took up to the last sample, on the samples' clock
   * @param samples the measured levels, in time order
   * @return the estimate
   * @throws NullPointerException if an argument or a sample is null
   * @throws IllegalArgumentException if the samples are empty or out of order, a sample is at or before
   *     the first dose, a sample lies further after the last dose than the history's longest dosing
   *     interval (doses given since are missing from the history), or a quantified level of 0 is given
   *     under an exponential residual error
   * @throws EstimationException if every sample is below the limit of quantification, the optimiser does
   *     not converge within its budget, the estimate lies at the population's edge ({@value #EDGE_SD}
   *     SD), or the posterior's curvature is not positive definite there
   */
  public MapEstimate estimate(DosingSchedule history, List<Sample> samples) {
    return estimate(history, samples, new double[sd.length]);
  }

  /**
   * The MAP estimate from a dose history in NONMEM's conventions (irregular times, missed and extra
   * doses, dose changes, steady-state and reset records: a patient's real history, e.g. from a dataset),
   * starting from the typical patient. The individual predictions at the sample times see the state just
   * before anything at their instant ({@link ConcentrationSolver#simulate}).
   *
   * @param history every dose the patient took up to the last sample, on the samples' clock
   * @param samples the measured levels, in time order
   * @return the estimate
   * @throws NullPointerException if an argument or a sample is null
   * @throws IllegalArgumentException as {@link #estimate(DosingSchedule, List)}, or if the history gives no
   *     dose
   * @throws EstimationException as {@link #estimate(DosingSchedule, List)}
   */
  public MapEstimate estimate(DoseRecords history, List<Sample> samples) {
    return estimate(history, samples, new double[sd.length]);
  }

  /**
   * The MAP estimate from a given starting point.
   *
   * @param history every dose the patient took up to the last sample, on the samples' clock
   * @param samples the measured levels, in time order
   * @param startEta where the optimiser starts, in {@link RandomEffects#parameters()} order, each
   *     within {@value #EDGE_SD} SD of 0
   * @return the estimate
   * @throws NullPointerException if an argument or a sample is null
   * @throws IllegalArgumentException as {@link #estimate(DosingSchedule, List)}, or if the start has the
   *     wrong length or lies outside the bounds
   * @throws EstimationException as {@link #estimate(DosingSchedule, List)}
   */
  public MapEstimate estimate(DosingSchedule history, List<Sample> samples, double[] startEta) {
    Checks.notNull(history, "history");
    return estimate(history.toRecords(), samples, startEta);
  }

  /**
   * The MAP estimate from a dose history in NONMEM's conventions and a given starting point.
   *
   * @param history every dose the patient took up to the last sample, on the samples' clock
   * @param samples the measured levels, in time order
   * @param startEta where the optimiser starts, in {@link RandomEffects#parameters()} order, each
   *     within {@value #EDGE_SD} SD of 0
   * @return the estimate
   * @throws NullPointerException if an argument or a sample is null
   * @throws IllegalArgumentException as {@link #estimate(DosingSchedule, List, double[])}, or if the history
   *     gives no dose
   * @throws EstimationException as {@link #estimate(DosingSchedule, List)}
   */
  public MapEstimate estimate(DoseRecords history, List<Sample> samples, double[] startEta) {
    Checks.notNull(history, "history");
    Checks.notNull(startEta, "startEta");
    List<Sample> data = checkSamples(history, samples);
    int n = sd.length;
    List<String> names = population.randomEffects().parameters();
    if (startEta.length != n) {
      throw new IllegalArgumentException(Checks.invalid("startEta", n + " values for " + names, startEta.length));
    }
    OccasionPlan plan = OccasionPlan.of(population, history, data).orElse(null);
    double[] scale = scale(plan);
    int size = scale.length;
    List<String> thetaNames = new ArrayList<>(names);
    if (plan != null) {
      thetaNames.addAll(plan.names());
    }
    double[] z0 = new double[size];
    double[] lo = new double[size];
    double[] hi = new double[size];
    for (int i = 0; i < size; i++) {
      z0[i] = i < n ? startEta[i] / sd[i] : 0;
      lo[i] = -EDGE_SD;
      hi[i] = EDGE_SD;
      if (!(Math.abs(z0[i]) < EDGE_SD)) {
        throw new IllegalArgumentException(Checks.invalid("startEta[" + names.get(i) + "]", "within " + EDGE_SD
            + " SD, |eta| < " + EDGE_SD * sd[i], startEta[i]));
      }
    }
    Objective objective = new Objective(this, history, data, plan, scale);
    double[] z;
    try {
      z = minimise(objective, z0, lo, hi);
      // the posterior may have more than one mode (a narrow absorption peak that the samples can place
      // between them: Fromage 2025's double gamma): a fixed screen of the prior looks for a point below the
      // mode found, and the search restarts from the best such point; with one mode nothing changes
      z = restart(objective, z, lo, hi);
    } catch (TooManyEvaluationsException e) {
      throw new EstimationException("MAP estimation under " + population.name() + " did not converge in "
          + maxEvaluations + " objective evaluations");
    } catch (IllegalArgumentException e) {
      // the data were checked above, so this is the model refusing a parameter: within the bounds a large
      // variance (or eta and kappa together) can reach a rate or volume outside the solver's range, which
      // means the levels are far from anything the model describes
      throw leftValidRange(plan, e);
    }
    for (int i = 0; i < size; i++) {
      if (Math.abs(z[i]) > EDGE_SD - 1e-3) {
        throw new EstimationException(String.format(Locale.ROOT, "MAP estimate of %s is at the edge of the %s"
            + " population (%+.0f SD): the model does not describe these levels; check the dose history, the"
            + " sample times and the units (mg/L)", thetaNames.get(i), population.name(),
            Math.signum(z[i]) * EDGE_SD));
      }
    }
    double value;
    double[][] covariance;
    try {
      value = objective.value(z);
      covariance = laplaceCovariance(objective, z, value, scale);
    } catch (IllegalArgumentException e) {
      // the Hessian's steps around a mode at the border of the valid range
      throw leftValidRange(plan, e);
    }
    double[] theta = new double[size];
    for (int i = 0; i < size; i++) {
      theta[i] = z[i] * scale[i];
    }
    ConcentrationProfile at = plan == null ? solver.simulate(population.individual(theta), history, objective.times)
        : solver.simulate(plan.model(population, theta), plan.labelled.records(), objective.times);
    double[] predicted = new double[data.size()];
    for (int k = 0; k < predicted.length; k++) {
      predicted[k] = at.concentrationMgPerL(k);
    }
    return new MapEstimate(population, solver, history, data, plan, theta, covariance, scale, predicted, value,
        objective.evaluations);
  }

  /** BOBYQA (Brent's method for one random effect) from z0 within the bounds, scaled coordinates. */
  private double[] minimise(Objective objective, double[] z0, double[] lo, double[] hi) {
    if (z0.length >= 2) {
      PointValuePair best = new BOBYQAOptimizer(2 * z0.length + 1, 0.5, 1e-7).optimize(new MaxEval(maxEvaluations),
          new ObjectiveFunction(objective::value), GoalType.MINIMIZE, new InitialGuess(z0), new SimpleBounds(lo, hi));
      return best.getPoint();
    }
    UnivariatePointValuePair best = new BrentOptimizer(1e-10, 1e-12).optimize(new MaxEval(maxEvaluations),
        new UnivariateObjectiveFunction(x -> objective.value(new double[] {x})), GoalType.MINIMIZE,
        new SearchInterval(lo[0], hi[0], z0[0]));
    return new double[] {best.getPoint()};
  }

  /**
   * The mode from the best point of the screen ({@link #screen}) if that lies lower than {@code z}, else
   * {@code z}; a restart that fails (its budget, the model's valid range) leaves {@code z}.
   */
  private double[] restart(Objective objective, double[] z, double[] lo, double[] hi) {
    double value = objective.value(z);
    double[] better = screen(objective, value);
    if (better == null) {
      return z;
    }
    try {
      double[] again = minimise(objective, better, lo, hi);
      return objective.value(again) < value - RESTART_GAIN ? again : z;
    } catch (TooManyEvaluationsException | IllegalArgumentException e) {
      return z;
    }
  }

  /**
   * The best point of a fixed screen of the prior whose objective lies below {@code value} by more than
   * {@link #RESTART_GAIN}, or null: each effect alone at -2, -1, +1 and +2 SD, then the first
   * {@value #SCREEN_POINTS} points of the Halton sequence over +-{@value #SCREEN_SD} SD (deterministic, so
   * an estimate does not depend on a seed). A point the model refuses (outside its valid range) is
   * skipped.
   */
  private static double[] screen(Objective objective, double value) {
    int size = objective.scale.length;
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      for (double at : new double[] {-2, -1, 1, 2}) {
        double[] p = new double[size];
        p[i] = at;
        points.add(p);
      }
    }
    if (size <= 40) {
      HaltonSequenceGenerator halton = new HaltonSequenceGenerator(size);
      halton.skipTo(1);
      for (int k = 0; k < SCREEN_POINTS; k++) {
        double[] u = halton.nextVector();
        for (int i = 0; i < size; i++) {
          u[i] = SCREEN_SD * (2 * u[i] - 1);
        }
        points.add(u);
      }
    }
    double[] best = null;
    double bestValue = value - RESTART_GAIN;
    for (double[] p : points) {
      double v;
      try {
        v = objective.value(p);
      } catch (IllegalArgumentException outsideValidRange) {
        continue;
      }
      if (v < bestValue) {
        bestValue = v;
        best = p;
      }
    }
    return best;
  }

  private EstimationException leftValidRange(OccasionPlan plan, IllegalArgumentException e) {
    return new EstimationException("MAP estimation under " + population.name() + " left the model's valid range"
        + (plan == null ? "" : " (the subject's and the occasion's effects together)") + ": " + e.getMessage()
        + "; check the dose history, the sample times and the units (mg/L)");
  }

  /** The SD of each estimated random effect: eta's, then the sampled occasions' kappas. */
  private double[] scale(OccasionPlan plan) {
    if (plan == null) {
      return sd;
    }
    double[] k = plan.kappaSd();
    double[] out = Arrays.copyOf(sd, sd.length + k.length);
    System.arraycopy(k, 0, out, sd.length, k.length);
    return out;
  }

  /**
   * The objective at one eta, followed by the sampled occasions' kappas for a model with between-occasion
   * variability (for tests: the estimate must be its minimum).
   */
  double objective(DosingSchedule history, List<Sample> samples, double[] theta) {
    DoseRecords records = history.toRecords();
    List<Sample> data = checkSamples(records, samples);
    OccasionPlan plan = OccasionPlan.of(population, records, data).orElse(null);
    double[] scale = scale(plan);
    double[] z = new double[scale.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = theta[i] / scale[i];
    }
    return new Objective(this, records, data, plan, scale).value(z);
  }

  /** The samples, checked against the history. */
  private List<Sample> checkSamples(DoseRecords history, List<Sample> samples) {
    Checks.notNull(samples, "samples");
    if (samples.isEmpty()) {
      throw new IllegalArgumentException(Checks.invalid("samples", "at least one measured level", "[]"));
    }
    double[] doses = history.administrationTimesHours();
    if (doses.length == 0) {
      throw new IllegalArgumentException(Checks.invalid("history", "at least one dose", history));
    }
    double first = doses[0];
    double last = doses[doses.length - 1];
    double longestGap = 0;
    for (int k = 1; k < doses.length; k++) {
      longestGap = Math.max(longestGap, doses[k] - doses[k - 1]);
    }
    for (DoseRecord r : history.records()) {
      // a steady-state dose stands for the doses every II before it
      longestGap = r.steadyState() != SteadyStateMode.NONE ? Math.max(longestGap, r.intervalHours()) : longestGap;
    }
    List<Sample> out = new ArrayList<>();
    boolean quantified = false;
    boolean exponential = population.residualError().exponential() > 0;
    for (int k = 0; k < samples.size(); k++) {
      Sample s = Objects.requireNonNull(samples.get(k), "Invalid value for samples[" + k + "] (expected non-null)");
      String which = "sample " + (k + 1) + " at " + s.timeHours() + " h";
      if (k > 0 && s.timeHours() < out.get(k - 1).timeHours()) {
        throw new IllegalArgumentException(Checks.invalid("samples", "in time order", which + " follows one at "
            + out.get(k - 1).timeHours() + " h"));
      }
      if (s.timeHours() <= first) {
        throw new IllegalArgumentException(Checks.invalid("samples", "after the first dose, at " + first + " h", which
            + " is not"));
      }
      if (longestGap > 0 && s.timeHours() - last > longestGap) {
        throw new IllegalArgumentException("Dose history does not match the samples: " + which + " is "
            + (s.timeHours() - last) + " h after the last dose in the history (at " + last + " h), longer than"
            + " the history's dosing interval (" + longestGap + " h); the doses given since are missing");
      }
      if (exponential && !s.belowLimit() && s.concentrationMgPerL() == 0) {
        throw new IllegalArgumentException(Checks.invalid(which, "> 0 mg/L under the exponential residual error of "
            + population.name() + "; report it as below the limit of quantification", "0"));
      }
      quantified |= !s.belowLimit();
      out.add(s);
    }
    if (!quantified) {
      throw new EstimationException("No estimate: all " + out.size() + " samples are below the limit of"
          + " quantification, which cannot fix this patient's exposure (the estimate would be the prior's"
          + " guess); measure again with an assay of lower limit or at times nearer the peak");
    }
    return List.copyOf(out);
  }

  /** The Laplace covariance of eta at the mode {@code z} (scaled coordinates). */
  private double[][] laplaceCovariance(Objective objective, double[] z, double value, double[] sd) {
    int n = z.length;
    double h = HESSIAN_STEP;
    double[][] hess = new double[n][n];
    double[] p = z.clone();
    for (int i = 0; i < n; i++) {
      p[i] = z[i] + h;
      double up = objective.value(p);
      p[i] = z[i] - h;
      double down = objective.value(p);
      p[i] = z[i];
      hess[i][i] = (up - 2 * value + down) / (h * h);
      for (int j = 0; j < i; j++) {
        double s = 0;
        for (int a = -1; a <= 1; a += 2) {
          for (int b = -1; b <= 1; b += 2) {
            p[i] = z[i] + a * h;
            p[j] = z[j] + b * h;
            s += a * b * objective.value(p);
          }
        }
        p[i] = z[i];
        p[j] = z[j];
        hess[i][j] = s / (4 * h * h);
        hess[j][i] = hess[i][j];
      }
    }
    RealMatrix inverse;
    try {
      inverse = new CholeskyDecomposition(new Array2DRowRealMatrix(hess, false)).getSolver().getInverse();
    } catch (NonPositiveDefiniteMatrixException e) {
      throw new EstimationException("MAP estimate under " + population.name() + " found, but the posterior's"
          + " curvature there is not positive definite: no uncertainty can be given");
    }
    double[][] cov = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        cov[i][j] = inverse.getEntry(i, j) * sd[i] * sd[j];
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double m = 0.5 * (cov[i][j] + cov[j][i]);
        cov[i][j] = m;
        cov[j][i] = m;
      }
    }
    return cov;
  }

  /**
   * ln Phi(x), accurate in the far left tail where Phi underflows: there the Mills-ratio series
   * Phi(x) = phi(x) / |x| (1 - 1/x^2 + 3/x^4 - ...), cut after three terms (error ~ 15/x^6 &lt; 2e-8).
   */
  static double logPhi(double x) {
    if (x > -30) {
      return Math.log(0.5 * Erf.erfc(-x / Math.sqrt(2)));
    }
    double x2 = x * x;
    return -0.5 * x2 - Math.log(-x) - 0.5 * Math.log(2 * Math.PI) + Math.log1p(-1 / x2 + 3 / (x2 * x2));
  }

  /** One patient's objective; not thread-safe (it counts its evaluations), made per estimate. */
  private static final class Objective {
    private final MapEstimator estimator;
    private final DoseRecords history;
    private final List<Sample> samples;
    private final double[] times;
    private final double[] eta;
    private final OccasionPlan plan;
    private final double[] scale;
    private int evaluations;

    Objective(MapEstimator estimator, DoseRecords history, List<Sample> samples, OccasionPlan plan, double[] scale) {
      this.estimator = estimator;
      this.history = plan == null ? history : plan.labelled.records();
      this.samples = samples;
      this.plan = plan;
      this.scale = scale;
      times = new double[samples.size()];
      for (int k = 0; k < times.length; k++) {
        times[k] = samples.get(k).timeHours();
      }
      eta = new double[scale.length];
    }

    double value(double[] z) {
      evaluations++;
      for (int i = 0; i < eta.length; i++) {
        eta[i] = z[i] * scale[i];
      }
      int n = estimator.sd.length;
      double prior = 0;
      for (int i = 0; i < n; i++) {
        double row = 0;
        for (int j = 0; j < n; j++) {
          row += estimator.omegaInverse[i][j] * eta[j];
        }
        prior += eta[i] * row;
      }
      double j = 0.5 * prior;
      ConcentrationProfile p;
      if (plan == null) {
        p = estimator.solver.simulate(estimator.population.individual(eta), history, times);
      } else {
        j += plan.prior(eta);
        p = estimator.solver.simulate(plan.model(estimator.population, eta), history, times);
      }
      ResidualError error = estimator.population.residualError();
      for (int k = 0; k < times.length; k++) {
        j += term(error, samples.get(k), p.concentrationMgPerL(k));
      }
      return j;
    }
  }

  /** A sample's contribution to the negative log likelihood. */
  static double term(ResidualError error, Sample s, double predictedMgPerL) {
    double f = Math.max(predictedMgPerL, FLOOR_MG_PER_L);
    if (error.exponential() > 0) {
      double r = (Math.log(s.concentrationMgPerL()) - Math.log(f)) / error.exponential();
      return s.belowLimit() ? -logPhi(r) : 0.5 * r * r;
    }
    double sdv = Math.hypot(error.additiveMgPerL(), error.proportional() * f);
    double r = (s.concentrationMgPerL() - f) / sdv;
    return s.belowLimit() ? -logPhi(r) : 0.5 * r * r + Math.log(sdv);
  }
}
