package io.mmf.pk.solve.exact;

import io.mmf.pk.model.PkModel;

/**
 * The augmented state of one solve: the model's compartments (amounts, mg) 0..n-1, then one input-rate
 * state per compartment that receives a zero-order input (mg/h, constant between changes), then one AUC
 * integrator per reported analyte (mg*h/L). Between changes the augmented state obeys dx/dt = G x with
 * G constant, so its propagator is a matrix exponential and the AUC is exact.
 */
final class Layout {
  final int n;
  /** The compartment each rate state feeds, ascending. */
  final int[] rateTarget;
  /** AUC integrators: the first {@code analytes} observed analytes (1 for a summary of the primary one). */
  final int analytes;
  final int size;
  final int[] observed;
  /** Each analyte's constant baseline concentration, mg/L, added to every output (0 for a linear model). */
  final double[] offsetMgPerL;

  Layout(PkModel model, int[] rateTarget, int analytes) {
    this.n = model.compartments().size();
    this.rateTarget = rateTarget;
    this.analytes = analytes;
    this.size = n + rateTarget.length + analytes;
    this.observed = new int[analytes];
    this.offsetMgPerL = new double[analytes];
    for (int k = 0; k < analytes; k++) {
      observed[k] = model.observedStateIndex(k);
      offsetMgPerL[k] = model.observed().get(k).offsetMgPerL();
    }
  }

  /**
   * The observed volume of each of this layout's analytes under one model of the run: a covariate may
   * change it between records (a between-occasion effect on F written as V / F), so the concentration
   * over a segment is its amount over the volume of the segment's model, as its AUC integrator reads it.
   */
  double[] volumes(PkModel model) {
    double[] v = new double[analytes];
    for (int k = 0; k < analytes; k++) {
      v[k] = model.observed().get(k).volumeL();
    }
    return v;
  }

  /** The state index of analyte k's AUC integrator. */
  int aucState(int k) {
    return n + rateTarget.length + k;
  }

  /** The rate state feeding a compartment, or -1. */
  int rateState(int compartment) {
    for (int q = 0; q < rateTarget.length; q++) {
      if (rateTarget[q] == compartment) {
        return n + q;
      }
    }
    return -1;
  }

  /**
   * The augmented generator of one model and window state: its rate matrix, each rate state feeding
   * its compartment, each AUC integrator reading its analyte's concentration.
   */
  double[] generator(PkModel model, boolean open) {
    double[] m = new double[size * size];
    double[] a = model.rateMatrix(open);
    for (int i = 0; i < n; i++) {
      System.arraycopy(a, i * n, m, i * size, n);
    }
    for (int r = 0; r < rateTarget.length; r++) {
      m[rateTarget[r] * size + n + r] = 1.0;
    }
    for (int k = 0; k < analytes; k++) {
      m[aucState(k) * size + model.observedStateIndex(k)] = 1.0 / model.observed().get(k).volumeL();
    }
    return m;
  }
}
