package io.mmf.pk.nca;

import io.mmf.core.internal.Checks;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Non-compartmental analysis of one subject's measured concentrations. Immutable and thread-safe:
 * configure with the {@code with...} methods, then {@link #analyse}.
 *
 * <p>Rules, in the order they apply (as PKNCA's defaults and WinNonlin's usual settings):
 * <ol>
 *   <li>Input is validated: times finite and &gt;= 0 h, concentrations finite and &gt;= 0 mg/L; a
 *       violation throws, naming the index and the value.
 *   <li>Samples are sorted by time; samples at the same time are replaced by their mean (a note
 *       says so).
 *   <li>Below the limit of quantification (a concentration &lt; LOQ, when a LOQ &gt; 0 is set):
 *       before the first quantifiable sample, set to 0; after it, dropped (each noted).
 *   <li>CMAX, TMAX (first time of the maximum); CLST, TLST (last concentration &gt; 0).
 *   <li>AUCLST from the first sample to TLST by linear trapezoids, or linear-up/log-down (log
 *       trapezoid where the concentration falls and both ends are &gt; 0).
 *   <li>LAMZ by log-linear least squares on the last n points after TMAX with a concentration &gt; 0:
 *       automatically, the n (at least 3) with the best adjusted R2, the largest n among those within
 *       1e-4 of the best; or a fixed n. A fit whose slope is not negative is not estimable. Every n is
 *       fitted in one pass from the last sample backwards, so the search is linear in the samples.
 *   <li>AUCIFO = AUCLST + CLST / LAMZ; AUCIFP = AUCLST + CLST predicted by the regression / LAMZ;
 *       AUCPEO = 100 (AUCIFO - AUCLST) / AUCIFO.
 *   <li>AUCINT over a requested interval: the concentration between samples is interpolated the way
 *       the AUC method integrates (linear, or log where falling), and past TLST extrapolated as CLST
 *       e^(-LAMZ (t - TLST)) (not estimable without LAMZ); an interval starting before the first
 *       sample is not estimable.
 * </ol>
 * Anything that cannot be computed, or whose arithmetic leaves double precision, is
 * {@linkplain NcaValue#estimable() not estimable} with the reason, never NaN or infinite.
 */
public final class Nca {
  /** How AUC is integrated between samples. */
  public enum AucMethod {
    /** Linear trapezoids throughout. */
    LINEAR,
    /** Linear while rising or level, log trapezoid while falling (both concentrations &gt; 0). */
    LINEAR_UP_LOG_DOWN
  }

  private static final double R2_TOLERANCE = 1e-4;

  private final AucMethod method;
  private final int lambdaZPoints;
  private final double loqMgPerL;
  private final double intervalFromHours;
  private final double intervalToHours;

  private Nca(AucMethod method, int lambdaZPoints, double loqMgPerL, double from, double to) {
    this.method = method;
    this.lambdaZPoints = lambdaZPoints;
    this.loqMgPerL = loqMgPerL;
    this.intervalFromHours = from;
    this.intervalToHours = to;
  }

  /**
   * Linear-up/log-down, automatic LAMZ, no LOQ, no interval (AUCINT not estimable).
   *
   * @return the analyser
   */
  public static Nca defaults() {
    return new Nca(AucMethod.LINEAR_UP_LOG_DOWN, 0, 0, Double.NaN, Double.NaN);
  }

  /**
   * The same analysis with another AUC method.
   *
   * @param value the method
   * @return a new analyser
   * @throws NullPointerException if {@code value} is null
   */
  public Nca withMethod(AucMethod value) {
    return new Nca(Checks.notNull(value, "method"), lambdaZPoints,
        loqMgPerL, intervalFromHours, intervalToHours);
  }

  /**
   * The same analysis with LAMZ on a fixed number of terminal points (0 = automatic).
   *
   * @param points 0, or at least 3
   * @return a new analyser
   * @throws IllegalArgumentException if {@code points} is 1, 2 or negative
   */
  public Nca withLambdaZPoints(int points) {
    if (points != 0 && points < 3) {
      throw new IllegalArgumentException(Checks.invalid("lambdaZPoints", "0 for automatic, or >= 3", points));
    }
    return new Nca(method, points, loqMgPerL, intervalFromHours, intervalToHours);
  }

  /**
   * The same analysis with a limit of quantification.
   *
   * @param mgPerL the LOQ, mg/L, finite and &gt;= 0 (0: none)
   * @return a new analyser
   * @throws IllegalArgumentException if the value is negative or not finite
   */
  public Nca withLimitOfQuantification(double mgPerL) {
    Checks.nonNegative(mgPerL, "loqMgPerL");
    return new Nca(method, lambdaZPoints, mgPerL, intervalFromHours, intervalToHours);
  }

  /**
   * Returns the limit of quantification.
   *
   * @return mg/L, 0 for none
   */
  public double limitOfQuantificationMgPerL() {
    return loqMgPerL;
  }

  /**
   * The same analysis with AUCINT over [from, to].
   *
   * @param fromHours start, h, finite and &gt;= 0
   * @param toHours end, h, finite and &gt; {@code fromHours}
   * @return a new analyser
   * @throws IllegalArgumentException if the interval is invalid
   */
  public Nca withInterval(double fromHours, double toHours) {
    Checks.nonNegative(fromHours, "fromHours");
    if (!(toHours > fromHours) || !Double.isFinite(toHours)) {
      throw new IllegalArgumentException(Checks.invalid("toHours", "finite and > " + fromHours, toHours));
    }
    return new Nca(method, lambdaZPoints, loqMgPerL, fromHours, toHours);
  }

  /**
   * Analyses one subject.
   *
   * @param timesHours sample times after the dose, h, finite and &gt;= 0 (any order)
   * @param concentrationsMgPerL measured concentrations, mg/L, finite and &gt;= 0
   * @return every code's value or reason
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length, are empty, or hold an invalid value
   */
  public NcaResult analyse(double[] timesHours, double[] concentrationsMgPerL) {
    Checks.notNull(timesHours, "timesHours");
    Checks.notNull(concentrationsMgPerL, "concentrationsMgPerL");
    if (timesHours.length != concentrationsMgPerL.length) {
      throw new IllegalArgumentException(Checks.invalid("concentrationsMgPerL", "as many as the " + timesHours.length
          + " times", concentrationsMgPerL.length));
    }
    if (timesHours.length == 0) {
      throw new IllegalArgumentException(Checks.invalid("timesHours", "at least one sample", "empty"));
    }
    for (int i = 0; i < timesHours.length; i++) {
      if (!(timesHours[i] >= 0) || !Double.isFinite(timesHours[i])) {
        throw new IllegalArgumentException(Checks.invalid("timesHours[" + i + "]", "finite and >= 0", timesHours[i]));
      }
      if (!(concentrationsMgPerL[i] >= 0) || !Double.isFinite(concentrationsMgPerL[i])) {
        throw new IllegalArgumentException(Checks.invalid("concentrationsMgPerL[" + i + "]", "finite and >= 0",
            concentrationsMgPerL[i]));
      }
    }
    List<String> notes = new ArrayList<>();
    double[][] tc = prepare(timesHours, concentrationsMgPerL, notes);
    return new Analysis(tc[0], tc[1]).run(notes);
  }

  /** Sorts, averages duplicates, applies the LOQ rules. */
  private double[][] prepare(double[] t, double[] c, List<String> notes) {
    Integer[] order = new Integer[t.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(t[a], t[b]));
    List<double[]> rows = new ArrayList<>();
    for (int k = 0; k < order.length;) {
      int j = k;
      double sum = 0;
      while (j < order.length && t[order[j]] == t[order[k]]) {
        sum += c[order[j]];
        j++;
      }
      if (j - k > 1) {
        notes.add((j - k) + " samples at t=" + t[order[k]] + " h averaged");
      }
      rows.add(new double[] {t[order[k]], sum / (j - k)});
      k = j;
    }
    List<double[]> kept = new ArrayList<>();
    boolean quantified = false;
    for (double[] r : rows) {
      if (loqMgPerL > 0 && r[1] < loqMgPerL) {
        if (!quantified) {
          kept.add(new double[] {r[0], 0});
          notes.add("t=" + r[0] + " h below LOQ before the first quantifiable sample: set to 0");
        } else {
          notes.add("t=" + r[0] + " h below LOQ after the first quantifiable sample: dropped");
        }
        continue;
      }
      quantified = true;
      kept.add(r);
    }
    double[][] out = new double[2][kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      out[0][i] = kept.get(i)[0];
      out[1][i] = kept.get(i)[1];
    }
    return out;
  }

  /** One subject's prepared data. */
  private final class Analysis {
    final double[] t;
    final double[] c;
    final Map<NcaCode, NcaValue> v = new EnumMap<>(NcaCode.class);
    double lamz = Double.NaN;
    int last = -1;

    Analysis(double[] t, double[] c) {
      this.t = t;
      this.c = c;
    }

    NcaResult run(List<String> notes) {
      int n = t.length;
      int imax = 0;
      for (int i = 1; i < n; i++) {
        if (c[i] > c[imax]) {
          imax = i;
        }
      }
      put(NcaCode.CMAX, c[imax]);
      put(NcaCode.TMAX, t[imax]);
      for (int i = n - 1; i >= 0; i--) {
        if (c[i] > 0) {
          last = i;
          break;
        }
      }
      String none = "no concentration above 0";
      if (last < 0) {
        for (NcaCode code : new NcaCode[] {NcaCode.CLST, NcaCode.TLST, NcaCode.LAMZ, NcaCode.LAMZHL,
            NcaCode.LAMZNPT, NcaCode.R2ADJ, NcaCode.AUCIFO, NcaCode.AUCIFP, NcaCode.AUCPEO}) {
          v.put(code, NcaValue.notEstimable(code, none));
        }
        v.put(NcaCode.AUCLST, NcaValue.of(NcaCode.AUCLST, 0));
        interval();
        return new NcaResult(v, notes);
      }
      put(NcaCode.CLST, c[last]);
      put(NcaCode.TLST, t[last]);
      double auclst = integrate(t[0], t[last]);
      put(NcaCode.AUCLST, auclst);
      lambdaZ(imax, auclst);
      interval();
      return new NcaResult(v, notes);
    }

    private void lambdaZ(int imax, double auclst) {
      int count = 0;
      for (int i = imax + 1; i < t.length; i++) {
        if (c[i] > 0) {
          count++;
        }
      }
      int[] pts = new int[count];
      for (int i = imax + 1, k = 0; i < t.length; i++) {
        if (c[i] > 0) {
          pts[k++] = i;
        }
      }
      String why = null;
      double[] best = null;
      if (lambdaZPoints > 0) {
        if (pts.length < lambdaZPoints) {
          why = "fewer than the " + lambdaZPoints + " requested points above 0 after CMAX (" + pts.length + ")";
        } else {
          best = new TerminalFits(pts, lambdaZPoints).fit(lambdaZPoints);
          if (best == null) {
            why = "terminal points do not decline";
          }
        }
      } else if (pts.length < 3) {
        why = "fewer than 3 points above 0 after CMAX (" + pts.length + ")";
      } else {
        TerminalFits fits = new TerminalFits(pts, pts.length);
        double bestAdj = Double.NEGATIVE_INFINITY;
        for (int k = 3; k <= pts.length; k++) {
          if (fits.fit(k) != null) {
            bestAdj = Math.max(bestAdj, fits.adjustedR2(k));
          }
        }
        for (int k = 3; k <= pts.length; k++) { // increasing point count: the last within tolerance wins
          if (fits.fit(k) != null && fits.adjustedR2(k) >= bestAdj - R2_TOLERANCE) {
            best = fits.fit(k);
          }
        }
        if (best == null) {
          why = "terminal points do not decline";
        }
      }
      NcaCode[] dependent = {NcaCode.LAMZ, NcaCode.LAMZHL, NcaCode.LAMZNPT, NcaCode.R2ADJ, NcaCode.AUCIFO,
          NcaCode.AUCIFP, NcaCode.AUCPEO};
      if (best == null) {
        for (NcaCode code : dependent) {
          v.put(code, NcaValue.notEstimable(code, why));
        }
        return;
      }
      lamz = best[0];
      double predicted = Math.exp(best[1] - lamz * t[last]);
      double aucifo = auclst + c[last] / lamz;
      put(NcaCode.LAMZ, lamz);
      put(NcaCode.LAMZHL, Math.log(2) / lamz);
      put(NcaCode.LAMZNPT, best[3]);
      put(NcaCode.R2ADJ, best[2]);
      put(NcaCode.AUCIFO, aucifo);
      put(NcaCode.AUCIFP, auclst + predicted / lamz);
      put(NcaCode.AUCPEO, 100 * (aucifo - auclst) / aucifo);
    }

    /** A value, or not estimable where the arithmetic overflowed (never an infinity or NaN). */
    private void put(NcaCode code, double value) {
      v.put(code, Double.isFinite(value) ? NcaValue.of(code, value)
          : NcaValue.notEstimable(code, "not finite (" + value + "): the values are beyond double precision"));
    }

    /**
     * Least squares of ln c on t over the last k terminal points, for every k at once: the centred sums
     * are updated one point at a time from the last sample backwards (Welford's method, stable where
     * raw sums of squares would cancel), so the automatic search is linear in the samples.
     */
    private final class TerminalFits {
      /** Per k: {lambda, intercept, adjusted R2, k}, or null where the slope is not negative. */
      private final double[][] fits;

      TerminalFits(int[] pts, int maxPoints) {
        fits = new double[maxPoints + 1][];
        double mt = 0;
        double my = 0;
        double stt = 0;
        double sty = 0;
        double syy = 0;
        for (int k = 1; k <= maxPoints; k++) {
          int i = pts[pts.length - k];
          double y = Math.log(c[i]);
          double dt = t[i] - mt;
          double dy = y - my;
          mt += dt / k;
          my += dy / k;
          stt += dt * (t[i] - mt);
          sty += dt * (y - my);
          syy += dy * (y - my);
          if (k >= 3) {
            double slope = sty / stt;
            if (slope < 0) {
              double r2 = syy == 0 ? 1 : sty * sty / (stt * syy);
              double adj = 1 - (1 - r2) * (k - 1) / (k - 2);
              fits[k] = new double[] {-slope, my - slope * mt, adj, k};
            }
          }
        }
      }

      /** The fit on the last k points: {lambda, intercept, adjusted R2, k}, or null. */
      double[] fit(int k) {
        return fits[k];
      }

      double adjustedR2(int k) {
        return fits[k][2];
      }
    }

    private void interval() {
      NcaCode code = NcaCode.AUCINT;
      if (Double.isNaN(intervalFromHours)) {
        v.put(code, NcaValue.notEstimable(code, "no interval requested"));
      } else if (intervalFromHours < t[0]) {
        v.put(code, NcaValue.notEstimable(code, "interval starts before the first sample (" + t[0] + " h)"));
      } else if (intervalToHours > t[t.length - 1] && c[t.length - 1] > 0 && Double.isNaN(lamz)) {
        v.put(code, NcaValue.notEstimable(code, "interval ends after the last sample and LAMZ is not estimable"));
      } else {
        put(code, integrate(intervalFromHours, intervalToHours));
      }
    }

    /** AUC over [a, b] with a &gt;= t[0]: interpolated inside the samples, extrapolated past them. */
    private double integrate(double a, double b) {
      double sum = 0;
      int n = t.length;
      for (int i = 0; i + 1 < n; i++) {
        double lo = Math.max(a, t[i]);
        double hi = Math.min(b, t[i + 1]);
        if (hi > lo) {
          sum += piece(lo, at(i, lo), hi, at(i, hi), log(i));
        }
      }
      double end = t[n - 1];
      if (b > end && c[n - 1] > 0) { // past the last sample (which is then CLST): C e^{-LAMZ (t - TLST)}
        double lo = Math.max(a, end);
        sum += (c[n - 1] * Math.exp(-lamz * (lo - end)) - c[n - 1] * Math.exp(-lamz * (b - end))) / lamz;
      }
      return sum;
    }

    private boolean log(int i) {
      return method == AucMethod.LINEAR_UP_LOG_DOWN && c[i + 1] < c[i] && c[i + 1] > 0;
    }

    /** The concentration at time x in [t[i], t[i+1]], interpolated as the segment is integrated. */
    private double at(int i, double x) {
      double f = (x - t[i]) / (t[i + 1] - t[i]);
      if (log(i)) {
        return c[i] * Math.exp(f * Math.log(c[i + 1] / c[i]));
      }
      return c[i] + f * (c[i + 1] - c[i]);
    }

    private double piece(double t1, double c1, double t2, double c2, boolean log) {
      if (log && c1 > c2 && c2 > 0) {
        return (t2 - t1) * (c1 - c2) / Math.log(c1 / c2);
      }
      return (t2 - t1) * (c1 + c2) / 2;
    }
  }
}
