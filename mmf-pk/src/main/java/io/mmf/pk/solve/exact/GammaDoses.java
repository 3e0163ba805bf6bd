package io.mmf.pk.solve.exact;

import java.util.Arrays;

/**
 * The doses of one plan that arrive by a gamma law: for each (dose, law) its arrival time, amount (mg,
 * the law's fraction applied), receiving compartment, shape, rate and the time after arrival past which
 * it has nothing left to deliver ({@link GammaResponse#cutoffHours}). Filled by the {@link Compiler},
 * read by the {@link Walk}; which of them act over a segment the plan lists.
 */
final class GammaDoses {
  int count;
  double[] arrival = new double[4];
  double[] amount = new double[4];
  int[] target = new int[4];
  double[] shape = new double[4];
  double[] rate = new double[4];
  double[] cutoff = new double[4];

  /** Registers one law's share of a dose; returns its index. */
  int add(double arrivalHours, double mg, int compartment, double a, double k, double cutoffHours) {
    if (count == arrival.length) {
      int c = 2 * count;
      arrival = Arrays.copyOf(arrival, c);
      amount = Arrays.copyOf(amount, c);
      target = Arrays.copyOf(target, c);
      shape = Arrays.copyOf(shape, c);
      rate = Arrays.copyOf(rate, c);
      cutoff = Arrays.copyOf(cutoff, c);
    }
    arrival[count] = arrivalHours;
    amount[count] = mg;
    target[count] = compartment;
    shape[count] = a;
    rate[count] = k;
    cutoff[count] = cutoffHours;
    return count++;
  }

  /** Whether dose d still delivers over a stretch starting at t. */
  boolean active(int d, double t) {
    return t - arrival[d] < cutoff[d];
  }
}
