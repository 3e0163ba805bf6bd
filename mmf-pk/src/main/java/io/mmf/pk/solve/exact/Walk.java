package io.mmf.pk.solve.exact;

import io.mmf.pk.internal.Dense;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * The one loop over a {@link Plan} that every question goes through: at each instant it applies the
 * changes in their order (reporting outputs where they stand among them), then propagates the segment
 * to the next instant with that segment's step. On the way it can locate the primary analyte's
 * maximum over a leading part of the plan ({@link Peak}) and multiply the compartments' blocks of the
 * segment propagators (a period's Phi).
 */
final class Walk {
  private Walk() {}

  private static int slot(Plan plan, int o) {
    return plan.streamSlot == null ? o : plan.streamSlot[o];
  }

  private static void record(Recorder recorder, int slot, double[] x, Epoch epoch) {
    if (recorder != null) {
      recorder.record(slot, x, epoch);
    }
  }

  private static Step step(Plan plan, int k, Propagation prop, double h) {
    try {
      return prop.step(h);
    } catch (ArithmeticException e) {
      throw new io.mmf.pk.solve.SolverException(plan.segmentEpoch[k].model.name(), plan.times[k],
          "no matrix exponential over " + h + " h: " + e.getMessage(), e);
    }
  }

  /** x = exp(G h) x, for a stretch of a segment from t. */
  private static void advance(Plan plan, Propagation prop, double h, double[] x, double[] tmp, double t) {
    if (h <= 0) {
      return;
    }
    Step step;
    try {
      step = prop.step(h);
    } catch (ArithmeticException e) {
      throw new io.mmf.pk.solve.SolverException(plan.segmentEpoch[0].model.name(), t,
          "no matrix exponential over " + h + " h: " + e.getMessage(), e);
    }
    Dense.multiplyVector(step.matrix, x, tmp, x.length);
    System.arraycopy(tmp, 0, x, 0, x.length);
  }

  /** Receives the state at an output. */
  interface Recorder {
    /**
     * One output.
     *
     * @param output its slot
     * @param x the augmented state
     * @param epoch the model in effect there, whose observed volumes turn the amounts into concentrations
     */
    void record(int output, double[] x, Epoch epoch);
  }

  /**
   * The running maximum of the primary analyte's concentration up to {@code untilHours} (an instant of
   * the plan), found exactly within each segment; starts from {@code cmax} at {@code tmax}.
   */
  static final class Peak {
    /** Samples of a segment with gamma input before the golden-section refinement. */
    static final int SAMPLES = 32;
    final double untilHours;
    double cmax;
    double tmax;
    private final double[] best = new double[2];

    Peak(double untilHours, double cmax, double tmax) {
      this.untilHours = untilHours;
      this.cmax = cmax;
      this.tmax = tmax;
    }

    /** At a segment's start (state x, time t0): its first value, and any peak inside it. */
    void before(Propagation prop, Step step, double[] x, double t0, Layout layout) {
      double c0 = x[layout.observed[0]] / prop.volume;
      if (c0 > cmax) {
        cmax = c0;
        tmax = t0;
      }
      if (prop.peak(x, step, cmax, best)) {
        cmax = best[1];
        tmax = t0 + best[0];
      }
    }

    /**
     * At the start of a segment with gamma input (state x): its concentration is no exponential sum, so
     * it is sampled at {@value #SAMPLES} equal steps and each sampled local maximum refined by Brent's
     * method (Commons Math) to 1e-12 of the segment (the peak value is then exact to rounding: the curve is flat
     * there); a peak narrower than a sampling step could be missed, which no absorption curve is.
     */
    void beforeForced(Plan plan, int k, Propagation prop, double[] x, Layout layout) {
      double t0 = plan.times[k];
      double h = plan.times[k + 1] - t0;
      double[] c = new double[SAMPLES + 1];
      for (int i = 0; i <= SAMPLES; i++) {
        c[i] = at(plan, k, prop, x, layout, h * i / SAMPLES);
      }
      for (int i = 0; i <= SAMPLES; i++) {
        if (c[i] > cmax) {
          cmax = c[i];
          tmax = t0 + h * i / SAMPLES;
        }
      }
      for (int i = 1; i < SAMPLES; i++) {
        if (c[i] >= c[i - 1] && c[i] >= c[i + 1]) {
          double lo = h * (i - 1) / SAMPLES;
          double hi = h * (i + 1) / SAMPLES;
          UnivariatePointValuePair refined = new BrentOptimizer(1e-12, 1e-12 * h).optimize(new MaxEval(200),
              new UnivariateObjectiveFunction(u -> at(plan, k, prop, x, layout, u)), GoalType.MAXIMIZE,
              new SearchInterval(lo, hi, h * i / SAMPLES));
          double s = refined.getPoint();
          double v = refined.getValue();
          if (v > cmax) {
            cmax = v;
            tmax = t0 + s;
          }
        }
      }
    }

    /** The primary analyte's concentration s h into segment k from state x at its start. */
    private static double at(Plan plan, int k, Propagation prop, double[] x, Layout layout, double s) {
      double[] y = new double[layout.size];
      if (s > 0) {
        Dense.multiplyVector(prop.make(s).matrix, x, y, layout.size);
        plan.force(k, prop, y, plan.times[k], plan.times[k] + s);
      } else {
        System.arraycopy(x, 0, y, 0, layout.size);
      }
      return y[layout.observed[0]] / prop.volume;
    }

    /** At a segment's end (state x, time t1, the segment propagated by {@code prop}). */
    void after(Propagation prop, double[] x, double t1, Layout layout) {
      double end = x[layout.observed[0]] / prop.volume;
      if (end > cmax) {
        cmax = end;
        tmax = t1;
      }
    }
  }

  /**
   * Walks the plan from state x (at the first instant, before its changes), leaving in x the state at the
   * last instant after its changes.
   *
   * @param phi null, or an n x n buffer for the product of the segments' compartment blocks (returned:
   *     the product, in one of two buffers; the first segment's block is copied, not multiplied by I)
   * @return {@code phi}'s product, or null
   */
  static double[] run(Plan plan, double[] x, Recorder recorder, Peak peak, double[] phi) {
    // Kept small, each part in its own method: this loop serves every question, and a method that
    // inlined them all was some 60 KB of C2 code, compiled again each time a new question reached it.
    Layout layout = plan.session.layout;
    double[] times = plan.times;
    double[] stream = plan.streamTime;
    int o = 0;
    while (o < stream.length && stream[o] < times[0]) {
      record(recorder, slot(plan, o++), x, plan.initialEpoch);
    }
    double[] spare = phi == null ? null : plan.session.block;
    int last = times.length - 1;
    for (int k = 0; k <= last; k++) {
      while (o < stream.length && stream[o] == times[k]) {
        record(recorder, slot(plan, o++), x, plan.epochBefore(k));
      }
      apply(plan, k, x, recorder, layout);
      if (k == last) {
        break;
      }
      Propagation prop = plan.segmentEpoch[k].propagation(plan.segmentOpen[k]);
      if (o < stream.length && stream[o] < times[k + 1]) {
        o = walkOutputs(plan, k, prop, x, recorder, o);
        continue;
      }
      Step step = step(plan, k, prop, times[k + 1] - times[k]);
      boolean forced = plan.forced(k);
      if (peak != null && times[k] < peak.untilHours) {
        if (forced) {
          peak.beforeForced(plan, k, prop, x, layout);
        } else {
          peak.before(prop, step, x, times[k], layout);
        }
      }
      multiply(step, x, plan.session.vector, layout.size);
      if (forced) {
        plan.force(k, prop, x, times[k], times[k + 1]);
      }
      if (peak != null && times[k] < peak.untilHours) {
        peak.after(prop, x, times[k + 1], layout);
      }
      if (phi != null) {
        if (k == 0) {
          copyBlock(step, phi, layout);
        } else {
          Dense.multiply(step.matrix, layout.size, phi, layout.n, spare, layout.n, layout.n);
          double[] t = phi;
          phi = spare;
          spare = t;
        }
      }
    }
    return phi;
  }

  /** Applies the changes at instant k in their order, after the outputs asked for there. */
  private static void apply(Plan plan, int k, double[] x, Recorder recorder, Layout layout) {
    if (recorder != null) {
      for (int b = plan.outputFirst[k]; b < plan.outputFirst[k + 1]; b++) {
        recorder.record(plan.outputSlot[b], x, plan.epochBefore(k));
      }
    }
    int dynamic = layout.n + layout.rateTarget.length;
    for (int c = plan.first[k]; c < plan.first[k + 1]; c++) {
      switch (plan.kind[c]) {
        case ADD -> x[plan.index[c]] += plan.amount[c];
        case SET -> x[plan.index[c]] = plan.amount[c];
        case RESET -> java.util.Arrays.fill(x, 0, dynamic, 0.0);
        case SET_STEADY_STATE -> System.arraycopy(plan.periodic[c].state(), 0, x, 0, dynamic);
        case ADD_STEADY_STATE -> {
          double[] s = plan.periodic[c].state();
          for (int i = 0; i < layout.n; i++) {
            x[i] += s[i];
          }
        }
        case OUTPUT -> record(recorder, plan.index[c], x, plan.outputEpoch[c]);
      }
    }
  }

  /** Segment k walked through the outputs inside it (no peak search or period product here). */
  private static int walkOutputs(Plan plan, int k, Propagation prop, double[] x, Recorder recorder, int o) {
    double[] stream = plan.streamTime;
    double end = plan.times[k + 1];
    double t = plan.times[k];
    boolean forced = plan.forced(k);
    while (o < stream.length && stream[o] < end) {
      if (stream[o] > t) {
        advance(plan, prop, stream[o] - t, x, plan.session.vector, t);
        if (forced) {
          plan.force(k, prop, x, t, stream[o]);
        }
        t = stream[o];
      }
      record(recorder, slot(plan, o++), x, plan.segmentEpoch[k]);
    }
    advance(plan, prop, end - t, x, plan.session.vector, t);
    if (forced && end > t) {
      plan.force(k, prop, x, t, end);
    }
    return o;
  }

  private static void multiply(Step step, double[] x, double[] tmp, int size) {
    Dense.multiplyVector(step.matrix, x, tmp, size);
    System.arraycopy(tmp, 0, x, 0, size);
  }

  private static void copyBlock(Step step, double[] phi, Layout layout) {
    for (int i = 0; i < layout.n; i++) {
      System.arraycopy(step.matrix, i * layout.size, phi, i * layout.n, layout.n);
    }
  }
}
