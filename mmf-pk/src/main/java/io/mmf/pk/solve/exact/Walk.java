package io.mmf.pk.solve.exact;

import io.mmf.pk.internal.Dense;

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

  private static void record(Recorder recorder, int slot, double[] x) {
    if (recorder != null) {
      recorder.record(slot, x);
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
    void record(int output, double[] x);
  }

  /**
   * The running maximum of the primary analyte's concentration up to {@code untilHours} (an instant of
   * the plan), found exactly within each segment; starts from {@code cmax} at {@code tmax}.
   */
  static final class Peak {
    final double untilHours;
    double cmax;
    double tmax;
    private final double[] best = new double[2];

    Peak(double untilHours, double cmax, double tmax) {
      this.untilHours = untilHours;
      this.cmax = cmax;
      this.tmax = tmax;
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
    Layout layout = plan.session.layout;
    int size = layout.size;
    int n = layout.n;
    int dynamic = n + layout.rateTarget.length;
    int obs = layout.observed[0];
    double volume = layout.volumeL[0];
    double[] tmp = plan.session.vector;
    double[] spare = phi == null ? null : plan.session.block;
    double[] times = plan.times;
    double[] stream = plan.streamTime;
    int o = 0;
    while (o < stream.length && stream[o] < times[0]) {
      record(recorder, slot(plan, o++), x);
    }
    int last = times.length - 1;
    for (int k = 0; k <= last; k++) {
      while (o < stream.length && stream[o] == times[k]) {
        record(recorder, slot(plan, o++), x);
      }
      if (recorder != null) {
        for (int b = plan.outputFirst[k]; b < plan.outputFirst[k + 1]; b++) {
          recorder.record(plan.outputSlot[b], x);
        }
      }
      for (int c = plan.first[k]; c < plan.first[k + 1]; c++) {
        switch (plan.kind[c]) {
          case ADD -> x[plan.index[c]] += plan.amount[c];
          case RESET -> java.util.Arrays.fill(x, 0, dynamic, 0.0);
          case SET_STEADY_STATE -> System.arraycopy(plan.periodic[c].state(), 0, x, 0, dynamic);
          case ADD_STEADY_STATE -> {
            double[] s = plan.periodic[c].state();
            for (int i = 0; i < dynamic; i++) {
              x[i] += s[i];
            }
          }
          case OUTPUT -> record(recorder, plan.index[c], x);
        }
      }
      if (k == last) {
        break;
      }
      Propagation prop = plan.segmentEpoch[k].propagation(plan.segmentOpen[k]);
      if (o < stream.length && stream[o] < times[k + 1]) {
        // outputs inside the segment: the walk stops at each (no peak search or period product here)
        double t = times[k];
        while (o < stream.length && stream[o] < times[k + 1]) {
          if (stream[o] > t) {
            advance(plan, prop, stream[o] - t, x, tmp, t);
            t = stream[o];
          }
          record(recorder, slot(plan, o++), x);
        }
        advance(plan, prop, times[k + 1] - t, x, tmp, t);
        continue;
      }
      Step step = step(plan, k, prop, times[k + 1] - times[k]);
      if (peak != null && times[k] < peak.untilHours) {
        double c0 = x[obs] / volume;
        if (c0 > peak.cmax) {
          peak.cmax = c0;
          peak.tmax = times[k];
        }
        if (prop.peak(x, step, peak.cmax, peak.best)) {
          peak.cmax = peak.best[1];
          peak.tmax = times[k] + peak.best[0];
        }
      }
      Dense.multiplyVector(step.matrix, x, tmp, size);
      System.arraycopy(tmp, 0, x, 0, size);
      if (peak != null && times[k] < peak.untilHours) {
        double end = x[obs] / volume;
        if (end > peak.cmax) {
          peak.cmax = end;
          peak.tmax = times[k + 1];
        }
      }
      if (phi != null) {
        if (k == 0) {
          for (int i = 0; i < n; i++) {
            System.arraycopy(step.matrix, i * size, phi, i * n, n);
          }
        } else {
          Dense.multiply(step.matrix, size, phi, n, spare, n, n);
          double[] t = phi;
          phi = spare;
          spare = t;
        }
      }
    }
    return phi;
  }
}
