package io.mmf.pk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
