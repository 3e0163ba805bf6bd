package io.mmf.pk.solve.exact;

import io.mmf.pk.internal.Eigen;
import io.mmf.pk.internal.ExponentialSum;

/**
 * The exact path's modal form for one window state, where the rate matrix has a well-conditioned
 * eigendecomposition ({@link Eigen#of}): every propagator of the augmented state (compartments,
 * zero-order input rates, AUC integrators) over any step h is assembled from e^{lambda h} and its
 * integrals, with no scaling and squaring; and the primary analyte's concentration between events is
 * an exponential sum, whose peaks {@link ExponentialSum} finds without a walk.
 *
 * <p>With w = V^-1 x and r = V^-1 R (R the zero-order rates by compartment, constant between events),
 * the amounts are x(t) = V [e^{lambda t} w + phi1(lambda, t) r] and the integral of x adds phi1 w +
 * phi2 r, with phi1 and phi2 the first and second integrals of e^{lambda s}.
 *
 * <p>Scratch space for one caller at a time: not thread-safe.
 */
final class Modes {
  private final Eigen eigen;
  private final int n;
  private final int[] rateTarget;
  private final int analytes;
  private final int size;
  /** Per analyte k, per mode i: V[obs_k][i] / volume_k (concentration per unit of mode i). */
  private final double[][] perMode;
  /** Mode indices by descending eigenvalue. */
  private final int[] order;
  private final double[] f;
  private final double[] scaled;
  private final double[] p1;
  private final double[] p2;
  private final double[] w;
  private final double[] r;
  private final double[] rates;
  private final double[] coef;
  private final double[] expo;
  private final ExponentialSum sum;

  private Modes(Eigen eigen, Layout layout, double[] volumeL) {
    this.eigen = eigen;
    this.n = layout.n;
    this.rateTarget = layout.rateTarget;
    this.analytes = layout.analytes;
    this.size = layout.size;
    this.perMode = new double[analytes][n];
    for (int k = 0; k < analytes; k++) {
      int obs = layout.observed[k];
      double volume = volumeL[k];
      for (int i = 0; i < n; i++) {
        perMode[k][i] = eigen.vector(obs, i) / volume;
      }
    }
    this.order = new int[n];
    for (int i = 0; i < n; i++) {
      int j = i;
      while (j > 0 && eigen.eigenvalue(order[j - 1]) < eigen.eigenvalue(i)) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = i;
    }
    f = new double[n];
    scaled = new double[n * n];
    p1 = new double[n];
    p2 = new double[n];
    w = new double[n];
    r = new double[n];
    rates = new double[n];
    coef = new double[n];
    expo = new double[n];
    sum = ExponentialSum.local(n);
  }

  /**
   * The modal form read from an augmented generator for one window state (its leading n x n block is
   * the rate matrix), or null where the eigendecomposition does not serve.
   *
   * @param volumeL the model's observed volume of each analyte of the layout, L
   */
  static Modes of(Layout layout, double[] generator, double[] volumeL) {
    Eigen e = Eigen.of(generator, layout.size, layout.n);
    return e == null ? null : new Modes(e, layout, volumeL);
  }

  /**
   * Writes the augmented state's propagator over h (size x size, row-major) into {@code out}, and
   * e^{lambda_i h} into {@code exps} (for {@link #peak}) unless it is null.
   */
  void step(double h, double[] out, double[] exps) {
    for (int i = 0; i < n; i++) {
      double l = eigen.eigenvalue(i);
      f[i] = Math.exp(l * h);
      p1[i] = Eigen.phi1(l, h, f[i]);
      p2[i] = rateTarget.length == 0 ? 0 : Eigen.phi2(l, h, f[i]);
    }
    java.util.Arrays.fill(out, 0, size * size, 0.0);
    eigen.compose(f, scaled, out, size);
    if (exps != null) {
      System.arraycopy(f, 0, exps, 0, n);
    }
    for (int q = 0; q < rateTarget.length; q++) {
      int col = n + q;
      int target = rateTarget[q];
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += eigen.vector(i, k) * p1[k] * eigen.inverse(k, target);
        }
        out[i * size + col] = s;
      }
      out[col * size + col] = 1;
    }
    for (int a = 0; a < analytes; a++) {
      int row = (n + rateTarget.length + a) * size;
      double[] c = perMode[a];
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += c[k] * p1[k] * eigen.inverse(k, j);
        }
        out[row + j] = s;
      }
      for (int q = 0; q < rateTarget.length; q++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += c[k] * p2[k] * eigen.inverse(k, rateTarget[q]);
        }
        out[row + n + q] = s;
      }
      out[row + n + rateTarget.length + a] = 1;
    }
  }

  /**
   * Adds to x what gamma dose d builds up over [t0, t1] from nothing, in closed form (see
   * {@link GammaResponse}): per mode i, r_i = (V^-1 e_target)_i amount, the amounts gain V (r_i y_i)
   * with y_i = E_i(tau1) - e^{lambda_i h} E_i(tau0), each AUC integrator c r_i times the integral of y_i.
   */
  void force(double[] x, double t0, double t1, GammaDoses doses, int d) {
    double tau0 = t0 - doses.arrival[d];
    double tau1 = t1 - doses.arrival[d];
    double a = doses.shape[d];
    double k = doses.rate[d];
    int target = doses.target[d];
    double dP = GammaResponse.deliveredBetween(a, k, tau0, tau1);
    double h = tau1 - tau0;
    for (int i = 0; i < n; i++) {
      double l = eigen.eigenvalue(i);
      double e0 = tau0 > 0 ? GammaResponse.response(a, k, l, tau0) : 0;
      double y = GammaResponse.response(a, k, l, tau1) - Math.exp(l * h) * e0;
      double ri = doses.amount[d] * eigen.inverse(i, target);
      w[i] = ri * y;
      r[i] = ri * GammaResponse.integralOfIncrement(a, k, l, tau0, tau1, y, dP);
    }
    for (int j = 0; j < n; j++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += eigen.vector(j, i) * w[i];
      }
      x[j] += s;
    }
    for (int q = 0; q < analytes; q++) {
      double s = 0;
      double[] c = perMode[q];
      for (int i = 0; i < n; i++) {
        s += c[i] * r[i];
      }
      x[n + rateTarget.length + q] += s;
    }
  }

  /**
   * The primary analyte's largest concentration strictly inside (0, h) from state x at 0, where its
   * slope changes sign; writes {time, concentration} into {@code best} and returns true when one
   * exceeds {@code above}.
   *
   * @param x the augmented state at the step's start (compartments, then rates)
   * @param h the step, h
   * @param exps e^{lambda_i h}, as {@link #step} wrote them for this h
   * @param above the largest concentration seen so far, mg/L
   * @param best receives {time after the step's start, concentration}
   */
  boolean peak(double[] x, double h, double[] exps, double above, double[] best) {
    eigen.toModes(x, w);
    if (rateTarget.length > 0) {
      java.util.Arrays.fill(rates, 0.0);
      for (int q = 0; q < rateTarget.length; q++) {
        rates[rateTarget[q]] += x[n + q];
      }
      eigen.toModes(rates, r);
    }
    double[] c = perMode[0];
    // Each mode's share of C, c_i ((w_i + r_i / lambda_i) e^{lambda_i t} - r_i / lambda_i), is monotone
    // in t, so the sum of the shares' larger ends bounds C on the step: below the best so far, no
    // search.
    double bound = 0;
    for (int i = 0; i < n; i++) {
      double e = exps[i];
      double end = r[i] == 0 ? w[i] * e : w[i] * e + r[i] * Eigen.phi1(eigen.eigenvalue(i), h, e);
      bound += Math.max(c[i] * w[i], c[i] * end);
    }
    if (bound <= above) {
      return false;
    }
    // C'(t) = sum_i c_i (lambda_i w_i + r_i) e^{lambda_i t}
    for (int j = 0; j < n; j++) {
      int i = order[j];
      double l = eigen.eigenvalue(i);
      coef[j] = c[i] * (l * w[i] + r[i]);
      expo[j] = l;
    }
    int k = sum.signChanges(coef, expo, n, h, f);
    boolean found = false;
    for (int j = 0; j < k; j++) {
      double t = f[j];
      double conc = 0;
      for (int i = 0; i < n; i++) {
        double l = eigen.eigenvalue(i);
        double e = Math.exp(l * t);
        conc += c[i] * (r[i] == 0 ? w[i] * e : w[i] * e + r[i] * Eigen.phi1(l, t, e));
      }
      if (conc > above) {
        above = conc;
        best[0] = t;
        best[1] = conc;
        found = true;
      }
    }
    return found;
  }
}
