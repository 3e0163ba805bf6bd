package io.mmf.pk.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TimelineTest {
  @Test
  void moduloMatchesTheFloatingPointRemainderBitForBit() {
    double[] periods = {12, 24, 8, 0.75, 168};
    double[] times = {0, 1e-300, 0.0956, 4, 11.999999999999998, 12, 12.01, 23.99, 24, 24.5, 47.9, 100.3, 1e6 + 0.1,
        -1e-17, -0.5, -12, -30.25};
    for (double p : periods) {
      for (double t : times) {
        double r = t % p;
        double expected = r < 0 ? r + p : r;
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(Timeline.modulo(t, p)),
            t + " mod " + p);
      }
    }
  }
}
