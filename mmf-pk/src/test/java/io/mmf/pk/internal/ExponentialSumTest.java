package io.mmf.pk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.mmf.pk.PropertyBudget;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Sign changes of exponential sums against sums built with known zeros: the product of factors
 * (e^{-k_j t} - c_j) with k_j = 1, 2, 4 (so every subset sum of exponents is distinct) vanishes at
 * t_j = -ln(c_j) / k_j and nowhere else, and changes sign there unless a factor is squared.
 */
class ExponentialSumTest {
  private static final double[] K = {1, 2, 4};

  /** Expands prod_j (e^{-K_j t} - c_j) into (coefficient, exponent) pairs, exponents descending. */
  private static int expand(double[] c, double[] coef, double[] expo) {
    int terms = 1 << c.length;
    double[][] pairs = new double[terms][];
    for (int mask = 0; mask < terms; mask++) {
      double a = 1;
      double l = 0;
      for (int j = 0; j < c.length; j++) {
        if ((mask & (1 << j)) != 0) {
          l -= K[j];
        } else {
          a *= -c[j];
        }
      }
      pairs[mask] = new double[] {a, l};
    }
    Arrays.sort(pairs, (x, y) -> Double.compare(y[1], x[1]));
    for (int i = 0; i < terms; i++) {
      coef[i] = pairs[i][0];
      expo[i] = pairs[i][1];
    }
    return terms;
  }

  @Test
  void findsEveryKnownZeroOfAProduct() {
    qt().withExamples(PropertyBudget.examples(500)).forAll(integers().between(1, 3), longs().all(), doubles().between(0.5, 24))
        .checkAssert((factors, seed, h) -> {
          Random r = new Random(seed);
          double[] c = new double[factors];
          double[] zeros = new double[factors];
          for (int j = 0; j < factors; j++) {
            zeros[j] = h * (0.02 + 0.96 * r.nextDouble());
            c[j] = Math.exp(-K[j] * zeros[j]);
          }
          double[] coef = new double[8];
          double[] expo = new double[8];
          int m = expand(c, coef, expo);
          double[] out = new double[8];
          int found = new ExponentialSum(8).signChanges(coef, expo, m, h, out);
          Arrays.sort(zeros);
          String at = "zeros " + Arrays.toString(zeros) + " h " + h + " found " + Arrays.toString(Arrays.copyOf(out, found));
          // zeros closer than the sum can resolve in double precision count as one or two
          int distinct = 1;
          for (int j = 1; j < factors; j++) {
            distinct += zeros[j] - zeros[j - 1] > 1e-6 * h ? 1 : 0;
          }
          assertTrue(found >= distinct && found <= factors, at);
          if (distinct == factors) {
            for (int j = 0; j < factors; j++) {
              assertEquals(zeros[j], out[j], 1e-8 * h, at);
            }
          }
          for (int j = 1; j < found; j++) {
            assertTrue(out[j] > out[j - 1], at);
          }
        });
  }

  @Test
  void aDoubleZeroIsNoSignChange() {
    // (e^{-t} - a)^2 touches zero at -ln a = 3 and keeps its sign: e^{-2t} - 2a e^{-t} + a^2. In
    // double precision the expanded sum is rounding noise within ~1e-8 h of the touch, so the only
    // points it may report are there (harmless for a peak search: they are points on the curve).
    double a = Math.exp(-3.0);
    double[] coef = {a * a, -2 * a, 1};
    double[] expo = {0, -1, -2};
    double[] out = new double[6];
    int found = new ExponentialSum(3).signChanges(coef, expo, 3, 12, out);
    for (int j = 0; j < found; j++) {
      assertEquals(3, out[j], 1e-6);
    }
    // times (e^{-2t} - b): the sign change at -ln(b)/2 = 7.5 is found
    double b = Math.exp(-2 * 7.5);
    double[] c2 = {-b * a * a, 2 * a * b, a * a - b, -2 * a, 1};
    double[] e2 = {0, -1, -2, -3, -4};
    found = new ExponentialSum(6).signChanges(c2, e2, 5, 12, out);
    int atSevenAndAHalf = 0;
    for (int j = 0; j < found; j++) {
      if (Math.abs(out[j] - 7.5) < 1e-10) {
        atSevenAndAHalf++;
      } else {
        assertEquals(3, out[j], 1e-6);
      }
    }
    assertEquals(1, atSevenAndAHalf, Arrays.toString(Arrays.copyOf(out, found)));
  }

  @Test
  void largeExponentsDoNotOverflow() {
    // 200 /h and 0.01 /h over 24 h: e^{4800} would overflow if the smallest exponent were factored
    // out. f = e^{-0.01 t} - e^{199.99 t0} e^{-200 t} changes sign at t0.
    double t0 = 0.05;
    double[] coef = {1, -Math.exp(199.99 * t0)};
    double[] expo = {-0.01, -200};
    double[] out = new double[2];
    assertEquals(1, new ExponentialSum(2).signChanges(coef, expo, 2, 24, out));
    assertEquals(t0, out[0], 1e-12);
  }

  @Test
  void rejectsMoreTermsThanItsCapacity() {
    assertThrows(IllegalArgumentException.class,
        () -> new ExponentialSum(2).signChanges(new double[3], new double[3], 3, 1, new double[3]));
  }
}
