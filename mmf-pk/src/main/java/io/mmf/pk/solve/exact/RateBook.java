package io.mmf.pk.solve.exact;

import java.util.Arrays;

/**
 * The zero-order inputs in progress at each rate state, as the compiler goes through a plan's changes in
 * their order, so that each rate change can set its state to the exact sum of the infusions running then
 * rather than add a signed rate to it: adding +r1, +r2, -r2, -r1 leaves an ulp of residue (0.1 + 0.2 -
 * 0.2 - 0.1 is 2.8e-17), an input that then never ends (a negative one makes the AUC fall).
 *
 * <p>Each state keeps its rates in the order they switched on; its value is their sum in that order from
 * 0 (so exactly 0 when none runs, and a lone rate is that rate). A rate switching off removes the first
 * equal rate still on; one with none to remove is kept as a negative entry until the rate switches on
 * (never in a consistent plan, but it keeps the sum what the additions would give). Made per plan, at
 * compile time; nothing here runs in the walk.
 */
final class RateBook {
  /** The book of a layout without rate states (most plans: every preset doses by bolus); holds nothing. */
  private static final RateBook NONE = new RateBook(0);

  private final double[][] rates;
  private final int[] count;

  /** A book for {@code states} rate states, none running. */
  static RateBook of(int states) {
    return states == 0 ? NONE : new RateBook(states);
  }

  private RateBook(int states) {
    rates = new double[states][];
    count = new int[states];
    for (int q = 0; q < states; q++) {
      rates[q] = new double[4];
    }
  }

  /** Rate state q's input changes by {@code mgPerHour}: on (a positive rate) or off (its negative). */
  void change(int q, double mgPerHour) {
    double[] r = rates[q];
    int n = count[q];
    for (int i = 0; i < n; i++) {
      if (r[i] == -mgPerHour) {
        System.arraycopy(r, i + 1, r, i, n - i - 1);
        count[q] = n - 1;
        return;
      }
    }
    if (n == r.length) {
      r = Arrays.copyOf(r, 2 * n);
      rates[q] = r;
    }
    r[n] = mgPerHour;
    count[q] = n + 1;
  }

  /** {@code copies} inputs of {@code mgPerHour} each switch on at rate state q (a steady state's overlap). */
  void changeRepeatedly(int q, double mgPerHour, int copies) {
    for (int i = 0; i < copies; i++) {
      change(q, mgPerHour);
    }
  }

  /** No input runs anywhere (a reset). */
  void clear() {
    Arrays.fill(count, 0);
  }

  /** The rate of state q, mg/h: its inputs summed in the order they switched on; 0 when none runs. */
  double rate(int q) {
    double s = 0;
    double[] r = rates[q];
    for (int i = 0; i < count[q]; i++) {
      s += r[i];
    }
    return s;
  }

  /** What {@link #rate} gives for {@code copies} equal inputs of {@code mgPerHour}, without a book. */
  static double repeated(double mgPerHour, int copies) {
    double s = 0;
    for (int i = 0; i < copies; i++) {
      s += mgPerHour;
    }
    return s;
  }
}
