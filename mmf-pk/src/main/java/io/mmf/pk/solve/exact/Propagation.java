package io.mmf.pk.solve.exact;

import io.mmf.pk.internal.Expm;

/**
 * The propagator of one model in one window state, chosen once: the modal form ({@link Modes}) where the
 * eigendecomposition is safe (compartments exchanging drug in cycles of at most two, well-separated
 * rates: every closed window state of the presets), scaling and squaring with a Pade approximant
 * elsewhere (an open gallbladder returning drug to the gut, coinciding rates). A gamma input adds its
 * convolution with the segment's generator: in closed form on the modal form ({@link GammaResponse}),
 * by Gauss quadrature with an error bound on scaling and squaring ({@link GammaQuadrature}). It makes the
 * {@link Step} of each segment length once (equal lengths share it) and finds the primary analyte's
 * peaks inside a segment.
 *
 * <p>Scratch space for one solve: not thread-safe.
 */
abstract class Propagation {
  /** Most step lengths kept; a longer history of distinct lengths starts the cache over. */
  private static final int CACHE = 512;

  final Layout layout;
  final double[] generator;
  /** Compartments and rates: the AUC integrators feed nothing, so the peak search leaves them out. */
  final int dynamic;
  final int obs;
  /** The primary analyte's observed volume under this propagation's model, L. */
  final double volume;
  /** Open addressing on the step length's bits, at most half full; grows from a few slots (a subject needs 3-6). */
  private long[] keys = new long[16];
  private Step[] values = new Step[16];
  private int entries;

  Propagation(Layout layout, double[] generator, double[] volumeL) {
    this.layout = layout;
    this.generator = generator;
    this.dynamic = layout.n + layout.rateTarget.length;
    this.obs = layout.observed[0];
    this.volume = volumeL[0];
  }

  /**
   * The modal form where it serves (and the session allows it), else scaling and squaring (with each
   * step's substep propagator kept, for the peak search, if the session asks for it).
   *
   * @param volumeL the model's observed volume of each analyte of the layout ({@link Layout#volumes})
   */
  static Propagation of(Layout layout, double[] generator, Session session, double[] volumeL) {
    Modes modes = session.modal ? Modes.of(layout, generator, volumeL) : null;
    return modes != null ? new Modal(layout, generator, modes, volumeL)
        : new Pade(layout, generator, session.substeps, volumeL);
  }

  /** The step of length h (&gt; 0), from the cache or made. */
  final Step step(double h) {
    long bits = Double.doubleToRawLongBits(h);
    int i = slot(bits);
    if (values[i] != null) {
      return values[i];
    }
    Step s = make(h);
    if (2 * (entries + 1) > keys.length) {
      if (keys.length >= 2 * CACHE) {
        java.util.Arrays.fill(values, null);
        entries = 0;
      } else {
        long[] oldKeys = keys;
        Step[] oldValues = values;
        keys = new long[keys.length * 2];
        values = new Step[values.length * 2];
        for (int j = 0; j < oldKeys.length; j++) {
          if (oldValues[j] != null) {
            int k = slot(oldKeys[j]);
            keys[k] = oldKeys[j];
            values[k] = oldValues[j];
          }
        }
      }
      i = slot(bits);
    }
    keys[i] = bits;
    values[i] = s;
    entries++;
    return s;
  }

  /** The slot holding {@code bits}, or the empty slot where it goes. */
  private int slot(long bits) {
    int mask = keys.length - 1;
    long z = (bits ^ (bits >>> 33)) * 0xFF51AFD7ED558CCDL; // MurmurHash3's finaliser: nearby lengths spread
    int i = (int) (z ^ (z >>> 33)) & mask;
    while (values[i] != null && keys[i] != bits) {
      i = (i + 1) & mask;
    }
    return i;
  }

  abstract Step make(double h);

  /** Adds to x what gamma dose d builds up over [t0, t1] from nothing (t0 at or after its arrival). */
  abstract void force(double[] x, double t0, double t1, GammaDoses doses, int d);

  /**
   * The primary analyte's largest concentration inside the segment of {@code step} from state x at its
   * start, if above {@code above}: writes {time after the segment's start, concentration} into
   * {@code best}.
   */
  abstract boolean peak(double[] x, Step step, double above, double[] best);

  /** Modal propagation: every step from e^{lambda h}; peaks from the slope's exponential sum. */
  static final class Modal extends Propagation {
    private final Modes modes;

    Modal(Layout layout, double[] generator, Modes modes, double[] volumeL) {
      super(layout, generator, volumeL);
      this.modes = modes;
    }

    @Override
    Step make(double h) {
      double[] m = new double[layout.size * layout.size];
      double[] exps = new double[layout.n];
      modes.step(h, m, exps);
      return new Step(h, m, exps, null, 0);
    }

    @Override
    boolean peak(double[] x, Step step, double above, double[] best) {
      return modes.peak(x, step.h, step.exps, above, best);
    }

    @Override
    void force(double[] x, double t0, double t1, GammaDoses doses, int d) {
      modes.force(x, t0, t1, doses, d);
    }
  }

  /**
   * Scaling and squaring. Each segment is walked in the 2^s equal substeps of its own scaling and
   * squaring (the norm of the generator times a substep is at most 0.95, so no concentration can turn
   * twice unseen within one); the slope dC/dt = (G x)_obs / V is read at each substep boundary, and where
   * it falls from positive to negative the maximum is located by safeguarded Newton iterations on the
   * Taylor series of the solution about the substep start (19 terms: at that step norm the remainder is
   * below 1e-17 of the state's norm).
   */
  static final class Pade extends Propagation {
    /** Largest norm of generator x substep (Higham's theta_7: degree 7 Pade with no scaling). */
    static final double SUBSTEP_NORM = 0.9504178996162932;
    private static final int TAYLOR_TERMS = 19;

    private final Expm expm;
    private final boolean substeps;
    private final double[] y;
    private final double[] work;
    private final double[] series1;
    private final double[] series2;
    private final double[] taylor = new double[TAYLOR_TERMS + 2];
    private GammaQuadrature quadrature;

    Pade(Layout layout, double[] generator, boolean substeps, double[] volumeL) {
      super(layout, generator, volumeL);
      this.expm = Expm.local(layout.size);
      this.substeps = substeps;
      this.y = new double[layout.size];
      this.work = new double[layout.size];
      this.series1 = new double[layout.size];
      this.series2 = new double[layout.size];
    }

    @Override
    void force(double[] x, double t0, double t1, GammaDoses doses, int d) {
      if (quadrature == null) {
        quadrature = new GammaQuadrature(layout, generator);
      }
      quadrature.add(x, t0, t1, doses.arrival[d], doses.amount[d], doses.target[d], doses.shape[d], doses.rate[d],
          doses.cutoff[d]);
    }

    @Override
    Step make(double h) {
      int nn = layout.size * layout.size;
      double[] m = new double[nn];
      if (!substeps) {
        expm.exp(generator, h, m);
        return new Step(h, m, null, null, 0);
      }
      double[] sub = new double[nn];
      int s = expm.expWithSubstep(generator, h, SUBSTEP_NORM, sub, m);
      return new Step(h, m, null, sub, 1 << s);
    }

    @Override
    boolean peak(double[] x, Step step, double above, double[] best) {
      if (step.sub == null) {
        throw new IllegalStateException("a peak search in a session without substeps");
      }
      int m = step.substeps;
      double h = step.h / m;
      boolean found = false;
      System.arraycopy(x, 0, y, 0, dynamic);
      double slope = slope(y);
      double[] from = y;
      double[] to = work;
      for (int j = 0; j < m; j++) {
        io.mmf.pk.internal.Dense.multiplyVector(step.sub, layout.size, from, to, dynamic);
        double next = slope(to);
        double c = to[obs] / volume;
        if (c > above) {
          above = c;
          best[0] = (j + 1) * h;
          best[1] = c;
          found = true;
        }
        if (slope > 0 && next < 0) {
          double d = refine(from, h, h * slope / (slope - next));
          double peak = series(d, 0);
          if (peak > above) {
            above = peak;
            best[0] = j * h + d;
            best[1] = peak;
            found = true;
          }
        }
        slope = next;
        double[] t = from;
        from = to;
        to = t;
      }
      return found;
    }

    private double slope(double[] x) {
      double s = 0;
      int row = obs * layout.size;
      for (int i = 0; i < dynamic; i++) {
        s += generator[row + i] * x[i];
      }
      return s;
    }

    /**
     * The time d in (0, h) of the maximum of C(t0 + d), given C'(0) &gt; 0 &gt; C'(h): safeguarded Newton
     * on the Taylor series of the exact solution from x0; leaves the series in {@code taylor}.
     */
    private double refine(double[] x0, double h, double start) {
      double[] v = series1;
      double[] w = series2;
      System.arraycopy(x0, 0, v, 0, dynamic);
      for (int j = 0; j < taylor.length; j++) {
        taylor[j] = v[obs] / volume;
        io.mmf.pk.internal.Dense.multiplyVector(generator, layout.size, v, w, dynamic);
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
          return next;
        }
        d = next;
      }
      return d;
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
}
