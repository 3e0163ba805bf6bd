package io.mmf.pk.solve;

import io.mmf.pk.internal.Dense;
import io.mmf.pk.internal.Expm;
import java.util.List;

/**
 * The exact path's summary-only computations for the primary analyte, without a profile: the
 * steady-state AUC over the first interval, C0 and Cmax (located to rounding, not on a grid), and the
 * AUC over a window of a dosing schedule. What a population simulation or a dose-finding loop needs
 * per subject, at the cost of one matrix exponential per distinct segment.
 *
 * <p>The state is the compartments, the zero-order input rates and a single AUC integrator (the
 * primary analyte's), so the matrices are one or more entries smaller than the profile path's.
 *
 * <p>Where a window state's rate matrix has a well-conditioned eigendecomposition ({@link Modes}: every
 * closed state of the presets), its propagators come from e^{lambda h} with no scaling and squaring,
 * and within each segment Cmax is found exactly: the concentration there is an exponential sum, and
 * every sign change of its slope is located with a guarantee ({@code ExponentialSum}).
 *
 * <p>Elsewhere (a cycle through three or more compartments, such as an open gallbladder returning
 * drug to the gut, or coinciding rates), the propagator is the scaling-and-squaring exponential, and
 * each segment is walked in the 2^s equal substeps of its own scaling and squaring (the norm of the
 * generator times a substep is at most 0.95, so no concentration can turn twice unseen within one),
 * the slope dC/dt = (G x)_central / V is read at each substep boundary, and where it falls from
 * positive to negative the maximum is located by safeguarded Newton iterations on the Taylor series
 * of the solution about the substep start (19 terms: at that step norm the remainder is below 1e-17
 * of the state's norm).
 *
 * <p>Not thread-safe: one instance per call.
 */
final class Segments {
  /** Largest norm of generator x substep (Higham's theta_7: degree 7 Pade with no scaling). */
  static final double SUBSTEP_NORM = 0.9504178996162932;
  private static final int TAYLOR_TERMS = 19;

  private final Timeline tl;
  private final int n;
  private final int size;
  private final int auc;
  private final int obs;
  private final double volume;
  private final double[] closed;
  private final double[] open;
  private final Expm expm;
  private final double[] tmp;
  private final double[] taylor = new double[TAYLOR_TERMS + 2];
  private final double[] work;
  private final double[] work2;
  private final double[] series1;
  private final double[] series2;
  private final double[] peak = new double[2];
  /** The modal form per window state (null where the eigendecomposition does not serve). */
  private final Modes closedModes;
  private final Modes openModes;

  // segment table, filled by build(): bounds[k]..bounds[k+1], window state, propagators
  private double[] bounds;
  private boolean[] segmentOpen;
  private double[][] step;
  private double[][] sub;
  /** Per modal segment, e^{lambda_i h} of its length (null for the others). */
  private double[][] exps;
  private int[] substeps;
  private int segments;
  private double firstPassAuc = Double.NaN;

  Segments(Timeline tl) {
    this(tl, true);
  }

  /**
   * @param modal whether to use the modal form where it serves (false: scaling and squaring and the
   *     substep walk everywhere; tests compare the two)
   */
  Segments(Timeline tl, boolean modal) {
    this.tl = tl;
    this.n = tl.n;
    this.size = tl.n + tl.rateTarget.length + 1;
    this.auc = size - 1;
    this.obs = tl.model.observedStateIndex(0);
    this.volume = tl.model.observed().get(0).volumeL();
    this.closed = tl.generator(false, 1);
    this.open = tl.model.emptyingWindows().isPresent() ? tl.generator(true, 1) : closed;
    this.expm = Expm.local(size);
    this.tmp = new double[size * size];
    this.work = new double[size];
    this.work2 = new double[size];
    this.series1 = new double[size];
    this.series2 = new double[size];
    this.closedModes = modal ? Modes.of(tl, closed, 1) : null;
    this.openModes = !modal ? null : open == closed ? closedModes : Modes.of(tl, open, 1);
  }

  private Modes modes(boolean windowOpen) {
    return windowOpen ? openModes : closedModes;
  }

  /** The start state: empty compartments, input rates as at time 0, AUC 0. */
  double[] startState() {
    double[] x = new double[size];
    System.arraycopy(tl.ratesAtStart, 0, x, n, tl.ratesAtStart.length);
    return x;
  }

  /**
   * Splits [0, end] at every change, at every multiple of {@code every} (if finite) and at {@code also}
   * (if inside), and computes each segment's propagator and substep propagator (equal segments share
   * them).
   */
  private void build(double end, double every, double also) {
    List<Timeline.Change> ch = tl.changes;
    int extra = Double.isFinite(every) ? (int) Math.ceil(end / every) + 1 : 0;
    double[] b = new double[ch.size() + extra + 3];
    int nb = 0;
    b[nb++] = 0;
    int ci = 0;
    int mi = 1;
    while (true) {
      double c = ci < ch.size() ? ch.get(ci).time() : Double.POSITIVE_INFINITY;
      double m = mi < extra ? mi * every : Double.POSITIVE_INFINITY;
      double t = Math.min(Math.min(c, m), end);
      if (also > b[nb - 1] && also < t) {
        t = also;
      }
      if (t > b[nb - 1]) {
        b[nb++] = t;
      }
      if (t >= end) {
        break;
      }
      if (c <= t) {
        ci++;
      }
      if (m <= t) {
        mi++;
      }
    }
    bounds = b;
    segments = nb - 1;
    segmentOpen = new boolean[segments];
    step = new double[segments][];
    sub = new double[segments][];
    exps = new double[segments][];
    substeps = new int[segments];
    boolean o = tl.openAtStart;
    ci = 0;
    for (int k = 0; k < segments; k++) {
      while (ci < ch.size() && ch.get(ci).time() <= b[k]) {
        int kind = ch.get(ci++).kind();
        o = kind == Timeline.Change.OPEN || (kind != Timeline.Change.CLOSE && o);
      }
      segmentOpen[k] = o;
      double len = b[k + 1] - b[k];
      for (int j = 0; j < k; j++) {
        if (segmentOpen[j] == o && Double.compare(b[j + 1] - b[j], len) == 0) {
          step[k] = step[j];
          sub[k] = sub[j];
          exps[k] = exps[j];
          substeps[k] = substeps[j];
          break;
        }
      }
      if (step[k] == null) {
        step[k] = new double[size * size];
        Modes modes = modes(o);
        if (modes != null) {
          exps[k] = new double[n];
          modes.step(len, step[k], exps[k]);
        } else {
          sub[k] = new double[size * size];
          substeps[k] = 1 << expm.expWithSubstep(o ? open : closed, len, SUBSTEP_NORM, sub[k], step[k]);
        }
      }
    }
  }

  /** Applies the changes at times up to {@code t} from index {@code ci}; returns the next index. */
  private int applyUpTo(double t, double[] x, int ci) {
    List<Timeline.Change> ch = tl.changes;
    while (ci < ch.size() && ch.get(ci).time() <= t) {
      Timeline.Change c = ch.get(ci++);
      if (c.kind() == Timeline.Change.IMPULSE || c.kind() == Timeline.Change.RATE) {
        x[c.index()] += c.amount();
      }
    }
    return ci;
  }

  private void advance(int k, double[] x) {
    Dense.multiplyVector(step[k], x, work, size);
    System.arraycopy(work, 0, x, 0, size);
  }

  /**
   * The primary analyte's AUC over [from, to] of the (non-periodic) timeline, from empty compartments.
   *
   * @return AUC, mg*h/L
   */
  double auc(double from, double to) {
    if (!(to > from)) {
      return 0;
    }
    build(to, Double.NaN, from);
    double[] x = startState();
    int ci = 0;
    double atFrom = 0;
    for (int k = 0; k < segments; k++) {
      if (bounds[k] == from) {
        atFrom = x[auc];
      }
      ci = applyUpTo(bounds[k], x, ci);
      advance(k, x);
    }
    return Math.max(0, x[auc] - atFrom);
  }

  /**
   * The periodic steady state of a periodic timeline: AUC over [0, tau], C0, Cmax and Tmax in [0, tau].
   */
  SteadyState.Summary steadyState(double tau, double period) {
    build(period, tau, Double.NaN);
    // Phi: one period's propagator without inputs, on the compartments only: in every step matrix the
    // rate states' rows are zero in the compartments' columns (rates are constant between changes)
    // and the AUC feeds nothing, so the compartments' block of the product is the product of the
    // blocks. b: one period of inputs from empty compartments.
    double[] phi = new double[n * n];
    double[] spare = tmp;
    for (int i = 0; i < n; i++) {
      System.arraycopy(step[0], i * size, phi, i * n, n);
    }
    for (int k = 1; k < segments; k++) {
      Dense.multiply(step[k], size, phi, n, spare, n, n);
      double[] t = phi;
      phi = spare;
      spare = t;
    }
    double[] x = startState();
    int ci = 0;
    for (int k = 0; k < segments; k++) {
      ci = applyUpTo(bounds[k], x, ci);
      advance(k, x);
    }
    firstPassAuc = Math.max(0, x[auc]);
    double[] periodic = periodicAmounts(phi, n, x, n);
    x = startState();
    System.arraycopy(periodic, 0, x, 0, n);

    double trough = Math.max(0, x[obs] / volume);
    double cmax = trough;
    double tmax = 0;
    ci = 0;
    double[] y = work2;
    for (int k = 0; k < segments && bounds[k] < tau; k++) {
      ci = applyUpTo(bounds[k], x, ci);
      double[] g = segmentOpen[k] ? open : closed;
      double c0 = x[obs] / volume;
      if (c0 > cmax) {
        cmax = c0;
        tmax = bounds[k];
      }
      double len = bounds[k + 1] - bounds[k];
      Modes modes = modes(segmentOpen[k]);
      if (modes != null) {
        if (modes.peak(x, len, exps[k], cmax, peak)) {
          cmax = peak[1];
          tmax = bounds[k] + peak[0];
        }
      } else {
        // substeps: slope at each boundary, a fall from rising to falling brackets a maximum
        int m = substeps[k];
        double h = len / m;
        System.arraycopy(x, 0, y, 0, size);
        double slope = slope(g, y);
        for (int j = 0; j < m; j++) {
          substep(sub[k], y, work);
          double next = slope(g, work);
          double c = work[obs] / volume;
          double t = bounds[k] + (j + 1) * h;
          if (c > cmax) {
            cmax = c;
            tmax = t;
          }
          if (slope > 0 && next < 0) {
            double[] best = refine(g, y, h, h * slope / (slope - next));
            if (best[1] > cmax) {
              cmax = best[1];
              tmax = bounds[k] + j * h + best[0];
            }
          }
          slope = next;
          System.arraycopy(work, 0, y, 0, size);
        }
      }
      advance(k, x);
      double end = x[obs] / volume;
      if (end > cmax) {
        cmax = end;
        tmax = bounds[k + 1];
      }
    }
    return new SteadyState.Summary(Math.max(0, x[auc]), Math.max(0, cmax), tmax, trough);
  }

  /**
   * The AUC over the first period from empty compartments that {@link #steadyState} computed on the
   * way: the single-dose AUC over [0, tau] when the period is one interval and the timeline wraps
   * nothing into time 0 (the caller checks).
   */
  double firstPassAuc() {
    return firstPassAuc;
  }

  /**
   * y = m x on the compartments and input rates only: the AUC integrator (the last state) feeds
   * nothing back, so the walk for Cmax leaves it out (one row and column fewer per product).
   */
  private void substep(double[] m, double[] x, double[] y) {
    Dense.multiplyVector(m, size, x, y, size - 1);
  }

  /**
   * The compartment amounts at the start of a period of the periodic solution: (I - Phi_cc) x0 = b_c,
   * with Phi the period's propagator (row stride {@code stride}) and b the state one period of doses
   * leaves from empty compartments.
   */
  static double[] periodicAmounts(double[] phi, int stride, double[] b, int n) {
    double[] lhs = new double[n * n];
    double[] rhs = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        lhs[i * n + j] = (i == j ? 1 : 0) - phi[i * stride + j];
      }
      rhs[i] = b[i];
    }
    Dense.solve(lhs, rhs, n, 1);
    return rhs;
  }

  private double slope(double[] g, double[] x) {
    double s = 0;
    int row = obs * size;
    for (int i = 0; i < size - 1; i++) {
      s += g[row + i] * x[i];
    }
    return s;
  }

  /**
   * The maximum of C(t0 + d) for d in (0, h), given C' (0) &gt; 0 &gt; C'(h): safeguarded Newton on the
   * Taylor series of the exact solution. Returns {d, C} in a buffer reused by the next call.
   */
  private double[] refine(double[] g, double[] x0, double h, double start) {
    // taylor[j] = (G^j x0)_obs / V
    double[] v = series1;
    double[] w = series2;
    System.arraycopy(x0, 0, v, 0, size);
    for (int j = 0; j < taylor.length; j++) {
      taylor[j] = v[obs] / volume;
      substep(g, v, w);
      double[] t = v;
      v = w;
      w = t;
    }
    double lo = 0;
    double hi = h;
    double d = start > 0 && start < h ? start : h / 2; // where the slope's chord crosses zero
    for (int it = 0; it < 100; it++) {
      double f1 = series(d, 1);
      double f2 = series(d, 2);
      if (f1 > 0) {
        lo = d;
      } else {
        hi = d;
      }
      double next = f2 < 0 ? d - f1 / f2 : Double.NaN;
      if (!(next > lo && next < hi)) {
        next = 0.5 * (lo + hi);
      }
      if (Math.abs(next - d) <= 1e-14 * h || hi - lo <= 1e-14 * h) {
        d = next;
        break;
      }
      d = next;
    }
    peak[0] = d;
    peak[1] = series(d, 0);
    return peak;
  }

  /** The {@code order}-th derivative of C at t0 + d from the Taylor coefficients. */
  private double series(double d, int order) {
    double s = 0;
    double term = 1;
    for (int j = 0; j + order < taylor.length; j++) {
      s += taylor[j + order] * term;
      term *= d / (j + 1);
    }
    return s;
  }
}
