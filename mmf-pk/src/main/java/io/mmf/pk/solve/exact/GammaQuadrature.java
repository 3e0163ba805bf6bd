package io.mmf.pk.solve.exact;

import io.mmf.pk.internal.Dense;
import io.mmf.pk.internal.Expm;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.special.Gamma;

/**
 * A gamma input against a generator without a safe modal form (an open gallbladder returning drug to
 * the gut: eigenvalues that may be complex, or coincide), where no closed form in incomplete gamma
 * functions of real arguments exists: the convolution integral_{tau0}^{tau1} e^(G (tau1 - s)) b g(s) ds
 * by Gauss quadrature, with an error bound instead of exactness.
 *
 * <p>The stretch is cut into pieces of length delta with ||A delta||_1 &lt;= 0.95 (A the compartments'
 * block) and k delta &lt;= 1 (k the law's rate); a piece that starts at the arrival, where g behaves as
 * s^(a-1), takes 20-point Gauss-Jacobi nodes for the weight s^(a-1) (Golub-Welsch), so the
 * singularity is integrated exactly; every other piece is no longer than its distance from the
 * arrival (pieces double in length until they reach delta) and takes 20-point Gauss-Legendre nodes,
 * whose error there is below rho^-40 with rho = 3 + sqrt 8 (the Bernstein ellipse clear of the
 * singularity), 1e-30 of the integrand's size. On a piece, e^(G (s_end - s)) b = sum_j G^j b (s_end -
 * s)^j / j!, truncated after 22 terms (remainder 0.95^22 / 22!, 1e-22), so the nodes need only the
 * moments sum_q w_q g(s_q) (s_end - s_q)^j / j!; the pieces are chained by the same Taylor series of
 * e^(G delta). Accuracy: 1e-14 relative to the dose's amount in the state, the rounding of the 22-term
 * sums over some 10 to 100 pieces ({@code GammaExactnessTest} holds it to the modal closed form with
 * the modal form switched off). Cost: per piece 22 matrix-vector products.
 *
 * <p>Scratch space for one caller: not thread-safe.
 */
final class GammaQuadrature {
  static final int NODES = 20;
  static final int TERMS = 22;
  private static final double[] LEGENDRE_X = new double[NODES];
  private static final double[] LEGENDRE_W = new double[NODES];

  static {
    GaussIntegrator g = new GaussIntegratorFactory().legendre(NODES);
    for (int i = 0; i < NODES; i++) {
      LEGENDRE_X[i] = g.getPoint(i);
      LEGENDRE_W[i] = g.getWeight(i);
    }
  }

  private final int size;
  private final double[] generator;
  private final double maxPieceHours;
  private final Map<Double, double[][]> jacobi = new HashMap<>();
  /** G^j e_c for j = 0..TERMS-1, per target compartment c (made on first use). */
  private final double[][][] powers;
  private final double[] acc;
  private final double[] term;
  private final double[] next;
  private final double[] moments = new double[TERMS];
  private Expm expm;
  private double[] tail;

  GammaQuadrature(Layout layout, double[] generator) {
    this.size = layout.size;
    this.generator = generator;
    double norm = 0;
    for (int j = 0; j < layout.n; j++) {
      double s = 0;
      for (int i = 0; i < layout.n; i++) {
        s += Math.abs(generator[i * size + j]);
      }
      norm = Math.max(norm, s);
    }
    this.maxPieceHours = norm > 0 ? 0.95 / norm : Double.POSITIVE_INFINITY;
    this.powers = new double[layout.n][][];
    this.acc = new double[size];
    this.term = new double[size];
    this.next = new double[size];
  }

  /**
   * Adds to x the state that {@code amount} mg arriving at {@code arrivalHours} by the law (a, k) into
   * compartment {@code target} builds up over [t0, t1] from nothing (t0 at or after the arrival).
   */
  void add(double[] x, double t0, double t1, double arrivalHours, double amount, int target, double a, double k,
      double cutoffHours) {
    double tau0 = t0 - arrivalHours;
    double tau1 = t1 - arrivalHours;
    double end = Math.min(tau1, cutoffHours);
    if (!(end > tau0)) {
      return;
    }
    double[][] gb = powers(target);
    java.util.Arrays.fill(acc, 0.0);
    double cur = tau0;
    double maxPiece = Math.min(maxPieceHours, 1 / k);
    double logNorm = a * Math.log(k) - Gamma.logGamma(a);
    while (cur < end) {
      double delta;
      if (cur == 0) {
        delta = Math.min(maxPiece, end);
        jacobiMoments(a, k, delta);
      } else {
        delta = Math.min(Math.min(maxPiece, cur), end - cur);
        legendreMoments(a, k, logNorm, cur, delta);
      }
      propagate(acc, delta);
      for (int j = 0; j < TERMS; j++) {
        double m = moments[j];
        double[] p = gb[j];
        for (int i = 0; i < size; i++) {
          acc[i] += m * p[i];
        }
      }
      double after = cur + delta;
      cur = end - after < 1e-15 * end ? end : after;
    }
    if (tau1 > end) {
      if (expm == null) {
        expm = new Expm(size);
        tail = new double[size * size];
      }
      expm.exp(generator, tau1 - end, tail);
      Dense.multiplyVector(tail, acc, term, size);
      System.arraycopy(term, 0, acc, 0, size);
    }
    for (int i = 0; i < size; i++) {
      x[i] += amount * acc[i];
    }
  }

  /** v = e^(G delta) v by its Taylor series (||A delta|| &lt;= 0.95). */
  private void propagate(double[] v, double delta) {
    System.arraycopy(v, 0, term, 0, size);
    for (int j = 1; j < TERMS; j++) {
      Dense.multiplyVector(generator, term, next, size);
      double f = delta / j;
      for (int i = 0; i < size; i++) {
        term[i] = next[i] * f;
        v[i] += term[i];
      }
    }
  }

  private double[][] powers(int target) {
    double[][] p = powers[target];
    if (p == null) {
      p = new double[TERMS][size];
      p[0][target] = 1;
      for (int j = 1; j < TERMS; j++) {
        Dense.multiplyVector(generator, p[j - 1], p[j], size);
      }
      powers[target] = p;
    }
    return p;
  }

  /** The moments of a piece [c, c + delta] clear of the arrival, by Gauss-Legendre. */
  private void legendreMoments(double a, double k, double logNorm, double c, double delta) {
    java.util.Arrays.fill(moments, 0.0);
    double half = 0.5 * delta;
    for (int q = 0; q < NODES; q++) {
      double s = c + half * (1 + LEGENDRE_X[q]);
      double w = half * LEGENDRE_W[q] * Math.exp(logNorm + (a - 1) * Math.log(s) - k * s);
      addPowers(w, c + delta - s);
    }
  }

  /** The moments of the first piece [0, delta], by Gauss-Jacobi for the weight s^(a-1). */
  private void jacobiMoments(double a, double k, double delta) {
    java.util.Arrays.fill(moments, 0.0);
    double[][] nw = jacobi.computeIfAbsent(a, GammaQuadrature::jacobiNodes);
    double half = 0.5 * delta;
    // integral_0^delta s^(a-1) f(s) ds = (delta/2)^a integral_-1^1 (1 + x)^(a-1) f(delta (1 + x) / 2) dx;
    // with the weights' mu0 = 2^a / a and g's k^a / Gamma(a) folded in: (k delta)^a / Gamma(a + 1)
    double scale = Math.exp(a * Math.log(k * delta) - Gamma.logGamma(a + 1));
    for (int q = 0; q < NODES; q++) {
      double s = half * (1 + nw[0][q]);
      addPowers(scale * nw[1][q] * Math.exp(-k * s), delta - s);
    }
  }

  private void addPowers(double w, double u) {
    double p = w;
    for (int j = 0; j < TERMS; j++) {
      moments[j] += p;
      p *= u / (j + 1);
    }
  }

  /**
   * Gauss-Jacobi nodes and weights on [-1, 1] for the weight (1 + x)^(a-1) (alpha = 0, beta = a - 1):
   * the eigenvalues of the Jacobi matrix of the monic recurrence and mu0 times the squares of their
   * eigenvectors' first components (Golub and Welsch, Math Comp 1969); the weights are returned without
   * mu0 = 2^a / a (which overflows for large shapes; the caller folds it into its scale).
   */
  static double[][] jacobiNodes(double a) {
    double beta = a - 1;
    double[] diag = new double[NODES];
    double[] off = new double[NODES - 1];
    diag[0] = beta / (beta + 2);
    for (int n = 1; n < NODES; n++) {
      double s = 2 * n + beta;
      diag[n] = beta * beta / (s * (s + 2));
      double bn = 4.0 * n * n * (n + beta) * (n + beta) / (s * s * (s + 1) * (s - 1));
      off[n - 1] = Math.sqrt(bn);
    }
    EigenDecomposition e = new EigenDecomposition(diag, off);
    double[][] out = new double[2][NODES];
    for (int i = 0; i < NODES; i++) {
      out[0][i] = e.getRealEigenvalue(i);
      double v = e.getEigenvector(i).getEntry(0);
      out[1][i] = v * v;
    }
    return out;
  }
}
