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
    double[] tmp = new double[size];
    double[] spare = phi == null ? null : new double[n * n];
    double[] times = plan.times;
    int last = times.length - 1;
    for (int k = 0; k <= last; k++) {
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
          case OUTPUT -> {
            if (recorder != null) {
              recorder.record(plan.index[c], x);
            }
          }
        }
      }
      if (k == last) {
        break;
      }
      Propagation prop = plan.segmentEpoch[k].propagation(plan.segmentOpen[k]);
      Step step;
      try {
        step = prop.step(times[k + 1] - times[k]);
      } catch (ArithmeticException e) {
        throw new io.mmf.pk.solve.SolverException(plan.segmentEpoch[k].model.name(), times[k],
            "no matrix exponential over " + (times[k + 1] - times[k]) + " h: " + e.getMessage(), e);
      }
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
