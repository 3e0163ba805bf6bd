package io.mmf.pk.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The matrix product, unrolled for 5 and 6 and looped otherwise, against the textbook triple loop. */
class DenseTest {
  @Test
  void stridedProductEqualsTheTripleLoopForEverySize() {
    Random r = new Random(11);
    for (int n = 1; n <= 9; n++) {
      for (int extra = 0; extra <= 2; extra++) {
        int sa = n + extra;
        int sb = n + (extra + 1) % 3;
        int sc = n + (extra + 2) % 3;
        double[] a = new double[n * sa];
        double[] b = new double[n * sb];
        double[] c = new double[n * sc];
        for (int i = 0; i < a.length; i++) {
          a[i] = r.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
          b[i] = r.nextGaussian();
        }
        java.util.Arrays.fill(c, 42); // entries outside the block must stay as they are
        Dense.multiply(a, sa, b, sb, c, sc, n);
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < sc; j++) {
            if (j >= n) {
              assertEquals(42, c[i * sc + j], "n " + n + " outside the block");
              continue;
            }
            double s = 0;
            for (int k = 0; k < n; k++) {
              s += a[i * sa + k] * b[k * sb + j];
            }
            assertEquals(s, c[i * sc + j], 1e-13, "n " + n + " entry " + i + "," + j);
          }
        }
      }
    }
  }

  @Test
  void stridedMatrixVectorProductEqualsTheLoopForEverySize() {
    Random r = new Random(12);
    for (int dim = 1; dim <= 9; dim++) {
      int stride = dim + dim % 3;
      double[] a = new double[dim * stride];
      double[] x = new double[dim];
      double[] y = new double[dim];
      for (int i = 0; i < a.length; i++) {
        a[i] = r.nextGaussian();
      }
      for (int i = 0; i < dim; i++) {
        x[i] = r.nextGaussian();
      }
      Dense.multiplyVector(a, stride, x, y, dim);
      for (int i = 0; i < dim; i++) {
        double s = 0;
        for (int k = 0; k < dim; k++) {
          s += a[i * stride + k] * x[k];
        }
        assertEquals(s, y[i], 1e-13, "dim " + dim + " row " + i);
      }
    }
  }

  @Test
  void identityOverwritesTheLeadingBlockOnly() {
    double[] a = {7, 7, 7, 7, 7, 7, 7, 7, 7, 9};
    Dense.identity(a, 3);
    assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 9}, a);
  }

  @Test
  void norm1IsTheLargestAbsoluteColumnSum() {
    // columns: |1|+|-4| = 5, |-2|+|5| = 7, |3|+|-6| = 9 (rows sum to 6 and 15: a row norm would say 15)
    assertEquals(9, Dense.norm1(new double[] {1, -2, 3, -4, 5, -6, 0, 0, 0}, 3), 0);
    // the first column is the largest: a maximum that starts from the last column would miss it
    assertEquals(10, Dense.norm1(new double[] {-10, 1, 0, 2}, 2), 0);
    assertEquals(0, Dense.norm1(new double[] {0, 0, 0, 0}, 2), 0);
  }

  @Test
  void solveNeedsAndMakesTheRowSwap() {
    // a zero first pivot: x = 2, y = 3 from 0x + 1y = 3, 2x + 1y = 7 (by hand);
    // second right-hand side 0x + 1y = 1, 2x + 1y = 5: x = 2, y = 1
    double[] a = {0, 1, 2, 1};
    double[] b = {3, 1, 7, 5};
    Dense.solve(a, b, 2, 2);
    assertArrayEquals(new double[] {2, 2, 3, 1}, b, 1e-15);
  }

  @Test
  void solveTakesTheLargestPivotAndEliminatesEveryRow() {
    // 3 x 3 with the largest entry of the first column in the last row; x = (1, -2, 3) by hand:
    // 1*1 + 2*(-2) + 3*3 = 6;  4*1 + 5*(-2) + 6*3 = 12;  7*1 + 8*(-2) + 10*3 = 21
    double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 10};
    double[] b = {6, 12, 21};
    Dense.solve(a, b, 3, 1);
    assertArrayEquals(new double[] {1, -2, 3}, b, 1e-13);
    // a system where the pivot column has a zero below the pivot (the elimination skips it)
    double[] c = {2, 1, 0, 0, 3, 1, 1, 0, 4};
    double[] d = {2 * 1 + 1 * 2, 3 * 2 + 1 * 3, 1 * 1 + 4 * 3};
    Dense.solve(c, d, 3, 1);
    assertArrayEquals(new double[] {1, 2, 3}, d, 1e-13);
  }

  @Test
  void solveRefusesSingularAndNonFiniteMatrices() {
    ArithmeticException e = assertThrows(ArithmeticException.class,
        () -> Dense.solve(new double[] {1, 2, 2, 4}, new double[] {1, 1}, 2, 1));
    assertEquals("singular matrix in column 1", e.getMessage());
    assertThrows(ArithmeticException.class,
        () -> Dense.solve(new double[] {0, 0, 0, 1}, new double[] {1, 1}, 2, 1));
    assertThrows(ArithmeticException.class,
        () -> Dense.solve(new double[] {Double.NaN, 0, 0, 1}, new double[] {1, 1}, 2, 1));
    assertThrows(ArithmeticException.class,
        () -> Dense.solve(new double[] {Double.POSITIVE_INFINITY, 0, 0, 1}, new double[] {1, 1}, 2, 1));
  }
}
