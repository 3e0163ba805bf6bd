package io.mmf.pk.population;

import io.mmf.core.internal.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Inter-individual variability: eta ~ N(0, Omega), with a full covariance matrix Omega over named
 * parameters (variances on the diagonal, covariances off it). How eta enters a parameter is the
 * population model's: typical x exp(eta) (log-normal, every built-in model, where Omega is on the log
 * scale), typical + eta (normal) or logit-normal, as a model file states per parameter.
 *
 * <p>Immutable and thread-safe. Omega must be symmetric and positive definite; its Cholesky factor
 * is computed once at construction.
 */
public final class RandomEffects {
  /**
   * The largest coefficient of variation {@link #varianceOfCv} takes: 100 (10,000 %), a log-scale SD of
   * 3.0, far above any published variability and low enough that a draw's exp(eta) stays finite.
   */
  public static final double MAX_CV = 100;

  private final List<String> parameters;
  private final double[][] omega;
  private final double[][] cholesky;

  private RandomEffects(List<String> parameters, double[][] omega, double[][] cholesky) {
    this.parameters = parameters;
    this.omega = omega;
    this.cholesky = cholesky;
  }

  /**
   * Random effects with a full covariance matrix.
   *
   * @param parameters parameter names, in matrix order, unique
   * @param omega covariance matrix of eta (log scale), symmetric positive definite
   * @return the random effects
   * @throws NullPointerException if an argument or element is null
   * @throws IllegalArgumentException if the sizes differ, an entry is not finite, the matrix is not
   *     symmetric, or it is not positive definite (the message names the first failing parameter)
   */
  public static RandomEffects of(List<String> parameters, double[][] omega) {
    Checks.notNull(parameters, "parameters");
    Checks.notNull(omega, "omega");
    List<String> names = List.copyOf(parameters);
    double[][] copy = checkedCopy(names, omega);
    double[][] l = cholesky(names, copy);
    return new RandomEffects(names, copy, l);
  }

  /**
   * A copy of a covariance matrix over {@code names}, checked: square of their size, names unique,
   * entries finite, symmetric (the messages name the parameters).
   */
  static double[][] checkedCopy(List<String> names, double[][] omega) {
    int n = names.size();
    if (n == 0 || omega.length != n) {
      throw new IllegalArgumentException(Checks.invalid("omega", n + " x " + n + " for " + names, omega.length
          + " rows"));
    }
    if (names.stream().distinct().count() != n) {
      throw new IllegalArgumentException(Checks.invalid("parameters", "unique names", names));
    }
    double[][] copy = new double[n][];
    for (int i = 0; i < n; i++) {
      if (omega[i] == null || omega[i].length != n) {
        throw new IllegalArgumentException(Checks.invalid("omega row " + names.get(i), n + " entries",
            (omega[i] == null ? "null" : omega[i].length)));
      }
      copy[i] = omega[i].clone();
      for (int j = 0; j < n; j++) {
        if (!Double.isFinite(copy[i][j])) {
          throw new IllegalArgumentException(Checks.invalid("omega[" + names.get(i) + "][" + names.get(j) + "]",
              "finite", copy[i][j]));
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        if (Math.abs(copy[i][j] - copy[j][i]) > 1e-12 * Math.max(1, Math.abs(copy[i][j]))) {
          throw new IllegalArgumentException(Checks.invalid("omega", "symmetric", "omega[" + names.get(i) + "]["
              + names.get(j) + "] = " + copy[i][j] + " but omega[" + names.get(j) + "][" + names.get(i) + "] = "
                  + copy[j][i]));
        }
      }
    }
    return copy;
  }

  /**
   * The Cholesky factor L of a symmetric matrix, L L' = omega; a parameter whose variance is 0 and whose
   * row is 0 (a random effect fixed at 0) gets a zero row of L where {@code allowZero}.
   *
   * @throws IllegalArgumentException if the (rest of the) matrix is not positive definite, naming the parameter
   */
  static double[][] cholesky(List<String> names, double[][] omega, boolean allowZero) {
    int n = names.size();
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      if (allowZero && omega[i][i] == 0) {
        continue;
      }
      for (int j = 0; j <= i; j++) {
        if (allowZero && omega[j][j] == 0) {
          continue;
        }
        double s = omega[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(s > 0)) {
            throw new IllegalArgumentException(Checks.invalid("omega", "positive definite", "not at parameter "
                + names.get(i) + " (pivot " + s + ")"));
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return l;
  }

  private static double[][] cholesky(List<String> names, double[][] omega) {
    return cholesky(names, omega, false);
  }

  /** L z into {@code out}, z standard normal drawn into {@code z}. */
  static void sample(double[][] cholesky, RandomGenerator random, double[] z, double[] out) {
    int n = cholesky.length;
    for (int i = 0; i < n; i++) {
      z[i] = random.nextGaussian();
    }
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = 0; k <= i; k++) {
        s += cholesky[i][k] * z[k];
      }
      out[i] = s;
    }
  }

  /**
   * Independent random effects.
   *
   * @param variances log-scale variance per parameter, each finite and &gt; 0
   * @return the random effects, in the map's iteration order
   * @throws IllegalArgumentException if a variance is not finite and &gt; 0
   */
  public static RandomEffects diagonal(Map<String, Double> variances) {
    Checks.notNull(variances, "variances");
    List<String> names = List.copyOf(variances.keySet());
    double[][] omega = new double[names.size()][names.size()];
    for (int i = 0; i < names.size(); i++) {
      double v = variances.get(names.get(i));
      if (!(v > 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException(Checks.invalid("variance of " + names.get(i), "finite and > 0", v));
      }
      omega[i][i] = v;
    }
    return of(names, omega);
  }

  /**
   * The variance of a coefficient of variation, omega^2 = ln(1 + CV^2).
   *
   * @param cv coefficient of variation as a fraction (0.3 for 30 %), &gt; 0 and at most {@link #MAX_CV}
   * @return the log-scale variance
   * @throws IllegalArgumentException if {@code cv} is not &gt; 0 and at most {@link #MAX_CV}
   */
  public static double varianceOfCv(double cv) {
    if (!(cv > 0 && cv <= MAX_CV)) {
      throw new IllegalArgumentException(Checks.invalid("cv", "> 0 and <= " + (int) MAX_CV, cv));
    }
    return Math.log1p(cv * cv);
  }

  /**
   * Returns the parameter names, in matrix order.
   *
   * @return the names
   */
  public List<String> parameters() {
    return parameters;
  }

  /**
   * The covariance between two parameters.
   *
   * @param i row
   * @param j column
   * @return omega[i][j]
   */
  public double omega(int i, int j) {
    return omega[i][j];
  }

  /**
   * Draws eta into {@code out}: L z with z standard normal and L the Cholesky factor.
   *
   * @param random the generator (one per subject, for reproducibility)
   * @param z scratch of the same length
   * @param out receives eta, in {@link #parameters()} order
   */
  public void sample(RandomGenerator random, double[] z, double[] out) {
    sample(cholesky, random, z, out);
  }

  @Override
  public String toString() {
    return "RandomEffects" + parameters + Arrays.deepToString(omega);
  }
}
