package io.mmf.pk.internal;

/**
 * Every sign change of an exponential sum f(t) = sum_i a_i e^{l_i t} on an interval, found with a
 * guarantee rather than on a grid: the concentration of a linear model between two events is such a
 * sum, and so is its slope, so the slope's sign changes are exactly where the concentration peaks.
 *
 * <p>Two classical facts make the search complete. The generalised rule of signs (Laguerre; Polya and
 * Szego, Problems and Theorems in Analysis II, Part V, problem 75): with the exponents ordered, f has
 * at most as many real zeros as its coefficients have sign changes; so with one sign change, the
 * signs of f at the interval's ends decide whether it holds a zero. Otherwise Rolle's theorem: with l_0
 * the largest exponent, g = f e^{-l_0 t} has the zeros of f, and its derivative is a sum of one term
 * fewer; between consecutive zeros of g' (found recursively) g is monotone, so each such piece holds
 * at most one zero of f, bracketed by a sign change and located by safeguarded Newton iterations.
 * Factoring out the largest exponent keeps every exponential at most 1, so nothing overflows.
 *
 * <p>One instance holds scratch space for sums of up to a given number of terms; not thread-safe.
 * Nothing allocates after construction.
 */
public final class ExponentialSum {
  private final int capacity;
  private final double[][] coef;
  private final double[][] expo;
  private final double[][] crit;

  /**
   * Scratch space for sums of up to {@code terms} terms.
   *
   * @param terms the largest number of terms, &gt;= 1
   */
  public ExponentialSum(int terms) {
    this.capacity = terms;
    coef = new double[terms + 1][terms];
    expo = new double[terms + 1][terms];
    crit = new double[terms + 1][terms + 1];
  }

  /**
   * The points in (0, h) where f changes sign, ascending.
   *
   * @param a coefficients (not modified)
   * @param l exponents, per unit of t, in descending order (not modified)
   * @param m number of terms, at most the capacity
   * @param h the interval's length, &gt; 0
   * @param out receives the points (at most m - 1 of them)
   * @return how many points
   * @throws IllegalArgumentException if m exceeds the capacity
   */
  public int signChanges(double[] a, double[] l, int m, double h, double[] out) {
    if (m > capacity) {
      throw new IllegalArgumentException("Invalid value for m (expected at most " + capacity + "): " + m);
    }
    int k = 0;
    for (int i = 0; i < m; i++) {
      if (a[i] != 0) {
        coef[0][k] = a[i];
        expo[0][k] = l[i];
        k++;
      }
    }
    return changes(0, k, h, out);
  }

  /**
   * The value of f at t.
   *
   * @param a coefficients
   * @param l exponents
   * @param m number of terms
   * @param t where
   * @return f(t)
   */
  public static double value(double[] a, double[] l, int m, double t) {
    double s = 0;
    for (int i = 0; i < m; i++) {
      s += a[i] * Math.exp(l[i] * t);
    }
    return s;
  }

  /** Sign changes on (0, h) of the sum held at this level (zero coefficients already dropped). */
  private int changes(int level, int m, double h, double[] out) {
    if (m <= 1) {
      return 0;
    }
    double[] a = coef[level];
    double[] l = expo[level];
    int signs = 0;
    for (int i = 1; i < m; i++) {
      if ((a[i] > 0) != (a[i - 1] > 0)) {
        signs++;
      }
    }
    if (signs == 0) {
      return 0;
    }
    // g(t) = f(t) e^{-l0 t} = a0 + sum_{i>=1} a_i e^{d_i t}, d_i = l_i - l0 <= 0
    int pieces;
    double[] ends = crit[level];
    if (signs == 1) {
      pieces = 0; // one zero at most: f's signs at 0 and h decide
    } else {
      double[] na = coef[level + 1];
      double[] nl = expo[level + 1];
      int k = 0;
      for (int i = 1; i < m; i++) {
        double d = l[i] - l[0];
        double c = a[i] * d;
        if (c != 0) {
          na[k] = c;
          nl[k] = d;
          k++;
        }
      }
      pieces = changes(level + 1, k, h, ends);
    }
    int found = 0;
    double from = 0;
    double gFrom = g(a, l, m, 0);
    for (int p = 0; p <= pieces; p++) {
      double to = p < pieces ? ends[p] : h;
      double gTo = g(a, l, m, to);
      if ((gFrom > 0 && gTo < 0) || (gFrom < 0 && gTo > 0)) {
        out[found++] = root(a, l, m, from, to, gFrom);
      }
      if (gTo != 0) {
        gFrom = gTo;
      }
      from = to;
    }
    return found;
  }

  /** g(t) = sum_i a_i e^{(l_i - l_0) t}. */
  private static double g(double[] a, double[] l, int m, double t) {
    double s = a[0];
    for (int i = 1; i < m; i++) {
      s += a[i] * Math.exp((l[i] - l[0]) * t);
    }
    return s;
  }

  /** The zero of g in (lo, hi), where g is monotone and changes sign: Newton, kept in the bracket. */
  private static double root(double[] a, double[] l, int m, double lo, double hi, double gLo) {
    boolean risingFromLo = gLo < 0;
    double t = 0.5 * (lo + hi);
    double tol = 1e-15 * Math.max(1, Math.abs(hi));
    for (int it = 0; it < 200; it++) {
      double s = a[0];
      double ds = 0;
      for (int i = 1; i < m; i++) {
        double d = l[i] - l[0];
        double e = a[i] * Math.exp(d * t);
        s += e;
        ds += d * e;
      }
      if (s == 0) {
        return t;
      }
      if ((s < 0) == risingFromLo) {
        lo = t;
      } else {
        hi = t;
      }
      double next = ds != 0 ? t - s / ds : Double.NaN;
      if (!(next > lo && next < hi)) {
        next = 0.5 * (lo + hi);
      }
      if (Math.abs(next - t) <= tol || hi - lo <= tol) {
        return next;
      }
      t = next;
    }
    return t;
  }
}
