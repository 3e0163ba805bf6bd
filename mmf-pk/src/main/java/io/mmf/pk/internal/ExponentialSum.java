package io.mmf.pk.internal;

import io.mmf.core.internal.Checks;
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
 * <p>One instance holds scratch space for sums of up to a given number of terms; not thread-safe
 * (a caller uses its thread's, {@link #local}). Nothing allocates after construction.
 */
public final class ExponentialSum {
  /** Per thread, one instance per size, made on first use. */
  private static final PerThread<ExponentialSum> LOCAL = new PerThread<>(ExponentialSum::new);

  private final int capacity;
  /** Per recursion level (capacity + 1 of them): its terms' coefficients, exponents and zeros. */
  private final double[] coef;
  private final double[] expo;
  private final double[] crit;

  /**
   * Scratch space for sums of up to {@code terms} terms.
   *
   * @param terms the largest number of terms, &gt;= 1
   */
  public ExponentialSum(int terms) {
    this.capacity = terms;
    coef = new double[(terms + 1) * terms];
    expo = new double[(terms + 1) * terms];
    crit = new double[(terms + 1) * terms];
  }

  /**
   * This thread's instance for sums of up to {@code terms} terms. {@link #signChanges} calls nothing
   * outside this class and reads only what it wrote in the same call, so callers on one thread may
   * share it.
   *
   * @param terms the largest number of terms, &gt;= 1
   * @return the instance
   */
  public static ExponentialSum local(int terms) {
    return LOCAL.get(terms);
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
      throw new IllegalArgumentException(Checks.invalid("m", "at most " + capacity, m));
    }
    int k = 0;
    for (int i = 0; i < m; i++) {
      if (a[i] != 0) {
        coef[k] = a[i];
        expo[k] = l[i];
        k++;
      }
    }
    int found = changes(0, k, h);
    System.arraycopy(crit, 0, out, 0, found);
    return found;
  }

  /**
   * Sign changes on (0, h) of the sum held at this level (zero coefficients already dropped), written
   * into this level's slots of {@code crit}.
   */
  private int changes(int level, int m, double h) {
    if (m <= 1) {
      return 0;
    }
    int base = level * capacity;
    int signs = 0;
    for (int i = 1; i < m; i++) {
      if ((coef[base + i] > 0) != (coef[base + i - 1] > 0)) {
        signs++;
      }
    }
    if (signs == 0) {
      return 0;
    }
    // g(t) = f(t) e^{-l0 t} = a0 + sum_{i>=1} a_i e^{d_i t}, d_i = l_i - l0 <= 0
    int pieces = 0; // with one sign change, one zero at most: f's signs at 0 and h decide
    int next = base + capacity;
    if (signs > 1) {
      int k = 0;
      for (int i = 1; i < m; i++) {
        double d = expo[base + i] - expo[base];
        double c = coef[base + i] * d;
        if (c != 0) {
          coef[next + k] = c;
          expo[next + k] = d;
          k++;
        }
      }
      pieces = changes(level + 1, k, h);
    }
    // the zeros of g' (in the next level's slots) cut [0, h] into pieces where g is monotone
    int found = 0;
    double from = 0;
    double gFrom = g(base, m, 0);
    for (int p = 0; p <= pieces; p++) {
      double to = p < pieces ? crit[next + p] : h;
      double gTo = g(base, m, to);
      if ((gFrom > 0 && gTo < 0) || (gFrom < 0 && gTo > 0)) {
        crit[base + found++] = root(base, m, from, to, gFrom, gTo);
      }
      if (gTo != 0) {
        gFrom = gTo;
      }
      from = to;
    }
    return found;
  }

  /** g(t) = sum_i a_i e^{(l_i - l_0) t} over the m terms from {@code base}. */
  private double g(int base, int m, double t) {
    double s = coef[base];
    for (int i = 1; i < m; i++) {
      s += coef[base + i] * Math.exp((expo[base + i] - expo[base]) * t);
    }
    return s;
  }

  /**
   * The zero of g in (lo, hi), where g is monotone and changes sign from gLo to gHi: Newton from the
   * chord's zero, kept in the bracket.
   */
  private double root(int base, int m, double lo, double hi, double gLo, double gHi) {
    boolean risingFromLo = gLo < 0;
    double t = lo + (hi - lo) * gLo / (gLo - gHi); // where the chord crosses zero
    if (!(t > lo && t < hi)) {
      t = 0.5 * (lo + hi);
    }
    // to 1e-12 of the interval: a peak's value is then exact to rounding (its error is quadratic in
    // the time's), and the last Newton step taken from there is far closer still
    double tol = 1e-12 * Math.max(1, Math.abs(hi));
    for (int it = 0; it < 200; it++) {
      double s = coef[base];
      double ds = 0;
      for (int i = 1; i < m; i++) {
        double d = expo[base + i] - expo[base];
        double e = coef[base + i] * Math.exp(d * t);
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
