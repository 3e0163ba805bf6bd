package io.mmf.pk.solve.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PeriodicTest {
  @Test
  void remainderMatchesTheFloatingPointRemainderBitForBit() {
    double[] periods = {12, 24, 8, 0.75, 168};
    double[] times = {0, 1e-300, 0.0956, 4, 11.999999999999998, 12, 12.01, 23.99, 24, 24.5, 47.9, 100.3, 1e6 + 0.1,
        -1e-17, -0.5, -12, -30.25};
    for (double p : periods) {
      for (double t : times) {
        double r = t % p;
        double expected = r < 0 ? r + p : r;
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(Periodic.remainder(t, p)),
            t + " mod " + p);
      }
    }
  }

  @Test
  void wholeIntervalsAndRemainderRebuildTheOffset() {
    double[] periods = {12, 24, 8, 0.75, 0.1};
    double[] offsets = {0, 0.0956, 4, 12, 12.01, 23.99, 24, 47.9, 100.3, -0.5, -12, -30.25};
    for (double p : periods) {
      for (double t : offsets) {
        double r = Periodic.remainder(t, p);
        int q = Periodic.whole(t, p);
        assertEquals(t, r + q * p, 1e-12 * Math.max(1, Math.abs(t)), t + " in " + p);
      }
    }
  }
}
