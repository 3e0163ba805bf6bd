package io.mmf.pk.internal;

/**
 * Small dense linear algebra on row-major {@code double[]} square matrices: the exact solver's
 * states are few (3 to 12), so plain loops beat general matrix classes. Methods write into arrays the
 * caller owns, so a prepared caller allocates nothing per call.
 */
public final class Dense {
  private Dense() {}

  /** c = a * b, all n x n; {@code c} must not alias {@code a} or {@code b}. */
  public static void multiply(double[] a, double[] b, double[] c, int n) {
    multiply(a, n, b, n, c, n, n);
  }

  /**
   * c = a * b on the leading n x n blocks of matrices with row strides {@code sa}, {@code sb} and
   * {@code sc}; {@code c} must not alias {@code a} or {@code b}.
   */
  public static void multiply(double[] a, int sa, double[] b, int sb, double[] c, int sc, int n) {
    // Four columns of c at a time in independent accumulators: the additions overlap instead of
    // waiting on each other (measured 1.5-2x faster than one dot product at a time on 6 x 6 and 7 x 7).
    for (int i = 0; i < n; i++) {
      int row = i * sa;
      int out = i * sc;
      int j = 0;
      for (; j + 3 < n; j += 4) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int k = 0; k < n; k++) {
          double f = a[row + k];
          int bk = k * sb + j;
          s0 += f * b[bk];
          s1 += f * b[bk + 1];
          s2 += f * b[bk + 2];
          s3 += f * b[bk + 3];
        }
        c[out + j] = s0;
        c[out + j + 1] = s1;
        c[out + j + 2] = s2;
        c[out + j + 3] = s3;
      }
      for (; j < n; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += a[row + k] * b[k * sb + j];
        }
        c[out + j] = s;
      }
    }
  }

  /** y = a * x for an n x n matrix; {@code y} must not alias {@code x}. */
  public static void multiplyVector(double[] a, double[] x, double[] y, int n) {
    multiplyVector(a, n, x, y, n);
  }

  /**
   * y = a * x on the leading {@code dim} x {@code dim} block of a matrix with row stride
   * {@code stride}; {@code y} must not alias {@code x}.
   */
  public static void multiplyVector(double[] a, int stride, double[] x, double[] y, int dim) {
    for (int i = 0; i < dim; i++) {
      double s = 0;
      int row = i * stride;
      for (int k = 0; k < dim; k++) {
        s += a[row + k] * x[k];
      }
      y[i] = s;
    }
  }

  /** Writes the n x n identity into {@code a}. */
  public static void identity(double[] a, int n) {
    java.util.Arrays.fill(a, 0, n * n, 0.0);
    for (int i = 0; i < n; i++) {
      a[i * n + i] = 1.0;
    }
  }

  /** Maximum absolute column sum. */
  public static double norm1(double[] a, int n) {
    double max = 0;
    for (int j = 0; j < n; j++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += Math.abs(a[i * n + j]);
      }
      max = Math.max(max, s);
    }
    return max;
  }

  /**
   * Solves a * x = b for m right-hand sides (b is n x m, row-major) by Gaussian elimination with
   * partial pivoting. Overwrites {@code a} with its factors and {@code b} with the solution.
   *
   * @throws ArithmeticException if {@code a} is singular to working precision
   */
  public static void solve(double[] a, double[] b, int n, int m) {
    for (int col = 0; col < n; col++) {
      int pivot = col;
      double best = Math.abs(a[col * n + col]);
      for (int r = col + 1; r < n; r++) {
        double v = Math.abs(a[r * n + col]);
        if (v > best) {
          best = v;
          pivot = r;
        }
      }
      if (best == 0 || !Double.isFinite(best)) {
        throw new ArithmeticException("singular matrix in column " + col);
      }
      if (pivot != col) {
        swapRows(a, n, n, pivot, col);
        swapRows(b, m, m, pivot, col);
      }
      double d = a[col * n + col];
      for (int r = col + 1; r < n; r++) {
        double f = a[r * n + col] / d;
        if (f == 0) {
          continue;
        }
        for (int k = col; k < n; k++) {
          a[r * n + k] -= f * a[col * n + k];
        }
        for (int k = 0; k < m; k++) {
          b[r * m + k] -= f * b[col * m + k];
        }
      }
    }
    for (int col = n - 1; col >= 0; col--) {
      double d = a[col * n + col];
      for (int k = 0; k < m; k++) {
        double s = b[col * m + k];
        for (int j = col + 1; j < n; j++) {
          s -= a[col * n + j] * b[j * m + k];
        }
        b[col * m + k] = s / d;
      }
    }
  }

  private static void swapRows(double[] a, int width, int stride, int r1, int r2) {
    for (int k = 0; k < width; k++) {
      double t = a[r1 * stride + k];
      a[r1 * stride + k] = a[r2 * stride + k];
      a[r2 * stride + k] = t;
    }
  }
}
