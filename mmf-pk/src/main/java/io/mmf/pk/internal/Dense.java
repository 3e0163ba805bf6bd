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
    // The solver's usual sizes (5 compartments, plus the AUC integrator) unrolled: measured 1.7x
    // faster than the loops below on 6 x 6 (55 vs 95 ns, JDK 17, 2-core Xeon).
    if (n == 5) {
      multiply5(a, sa, b, sb, c, sc);
      return;
    }
    if (n == 6) {
      multiply6(a, sa, b, sb, c, sc);
      return;
    }
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

  /** {@link #multiply(double[], int, double[], int, double[], int, int)} for n = 5, unrolled. */
  private static void multiply5(double[] a, int sa, double[] b, int sb, double[] c, int sc) {
    int b1 = sb;
    int b2 = 2 * sb;
    int b3 = 3 * sb;
    int b4 = 4 * sb;
    for (int i = 0; i < 5; i++) {
      int ra = i * sa;
      int rc = i * sc;
      double a0 = a[ra];
      double a1 = a[ra + 1];
      double a2 = a[ra + 2];
      double a3 = a[ra + 3];
      double a4 = a[ra + 4];
      c[rc] = a0 * b[0] + a1 * b[b1] + a2 * b[b2] + a3 * b[b3] + a4 * b[b4];
      c[rc + 1] = a0 * b[1] + a1 * b[b1 + 1] + a2 * b[b2 + 1] + a3 * b[b3 + 1] + a4 * b[b4 + 1];
      c[rc + 2] = a0 * b[2] + a1 * b[b1 + 2] + a2 * b[b2 + 2] + a3 * b[b3 + 2] + a4 * b[b4 + 2];
      c[rc + 3] = a0 * b[3] + a1 * b[b1 + 3] + a2 * b[b2 + 3] + a3 * b[b3 + 3] + a4 * b[b4 + 3];
      c[rc + 4] = a0 * b[4] + a1 * b[b1 + 4] + a2 * b[b2 + 4] + a3 * b[b3 + 4] + a4 * b[b4 + 4];
    }
  }

  /** {@link #multiply(double[], int, double[], int, double[], int, int)} for n = 6, unrolled. */
  private static void multiply6(double[] a, int sa, double[] b, int sb, double[] c, int sc) {
    int b1 = sb;
    int b2 = 2 * sb;
    int b3 = 3 * sb;
    int b4 = 4 * sb;
    int b5 = 5 * sb;
    for (int i = 0; i < 6; i++) {
      int ra = i * sa;
      int rc = i * sc;
      double a0 = a[ra];
      double a1 = a[ra + 1];
      double a2 = a[ra + 2];
      double a3 = a[ra + 3];
      double a4 = a[ra + 4];
      double a5 = a[ra + 5];
      c[rc] = a0 * b[0] + a1 * b[b1] + a2 * b[b2] + a3 * b[b3] + a4 * b[b4] + a5 * b[b5];
      c[rc + 1] = a0 * b[1] + a1 * b[b1 + 1] + a2 * b[b2 + 1] + a3 * b[b3 + 1] + a4 * b[b4 + 1] + a5 * b[b5 + 1];
      c[rc + 2] = a0 * b[2] + a1 * b[b1 + 2] + a2 * b[b2 + 2] + a3 * b[b3 + 2] + a4 * b[b4 + 2] + a5 * b[b5 + 2];
      c[rc + 3] = a0 * b[3] + a1 * b[b1 + 3] + a2 * b[b2 + 3] + a3 * b[b3 + 3] + a4 * b[b4 + 3] + a5 * b[b5 + 3];
      c[rc + 4] = a0 * b[4] + a1 * b[b1 + 4] + a2 * b[b2 + 4] + a3 * b[b3 + 4] + a4 * b[b4 + 4] + a5 * b[b5 + 4];
      c[rc + 5] = a0 * b[5] + a1 * b[b1 + 5] + a2 * b[b2 + 5] + a3 * b[b3 + 5] + a4 * b[b4 + 5] + a5 * b[b5 + 5];
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
    if (dim == 5) {
      multiplyVector5(a, stride, x, y);
      return;
    }
    if (dim == 6) {
      multiplyVector6(a, stride, x, y);
      return;
    }
    for (int i = 0; i < dim; i++) {
      double s = 0;
      int row = i * stride;
      for (int k = 0; k < dim; k++) {
        s += a[row + k] * x[k];
      }
      y[i] = s;
    }
  }

  /** {@link #multiplyVector(double[], int, double[], double[], int)} for dim = 5, unrolled. */
  private static void multiplyVector5(double[] a, int stride, double[] x, double[] y) {
    double x0 = x[0];
    double x1 = x[1];
    double x2 = x[2];
    double x3 = x[3];
    double x4 = x[4];
    int r1 = stride;
    int r2 = 2 * stride;
    int r3 = 3 * stride;
    int r4 = 4 * stride;
    y[0] = a[0] * x0 + a[1] * x1 + a[2] * x2 + a[3] * x3 + a[4] * x4;
    y[1] = a[r1] * x0 + a[r1 + 1] * x1 + a[r1 + 2] * x2 + a[r1 + 3] * x3 + a[r1 + 4] * x4;
    y[2] = a[r2] * x0 + a[r2 + 1] * x1 + a[r2 + 2] * x2 + a[r2 + 3] * x3 + a[r2 + 4] * x4;
    y[3] = a[r3] * x0 + a[r3 + 1] * x1 + a[r3 + 2] * x2 + a[r3 + 3] * x3 + a[r3 + 4] * x4;
    y[4] = a[r4] * x0 + a[r4 + 1] * x1 + a[r4 + 2] * x2 + a[r4 + 3] * x3 + a[r4 + 4] * x4;
  }

  /** {@link #multiplyVector(double[], int, double[], double[], int)} for dim = 6, unrolled. */
  private static void multiplyVector6(double[] a, int stride, double[] x, double[] y) {
    double x0 = x[0];
    double x1 = x[1];
    double x2 = x[2];
    double x3 = x[3];
    double x4 = x[4];
    double x5 = x[5];
    int r1 = stride;
    int r2 = 2 * stride;
    int r3 = 3 * stride;
    int r4 = 4 * stride;
    int r5 = 5 * stride;
    y[0] = a[0] * x0 + a[1] * x1 + a[2] * x2 + a[3] * x3 + a[4] * x4 + a[5] * x5;
    y[1] = a[r1] * x0 + a[r1 + 1] * x1 + a[r1 + 2] * x2 + a[r1 + 3] * x3 + a[r1 + 4] * x4 + a[r1 + 5] * x5;
    y[2] = a[r2] * x0 + a[r2 + 1] * x1 + a[r2 + 2] * x2 + a[r2 + 3] * x3 + a[r2 + 4] * x4 + a[r2 + 5] * x5;
    y[3] = a[r3] * x0 + a[r3 + 1] * x1 + a[r3 + 2] * x2 + a[r3 + 3] * x3 + a[r3 + 4] * x4 + a[r3 + 5] * x5;
    y[4] = a[r4] * x0 + a[r4 + 1] * x1 + a[r4 + 2] * x2 + a[r4 + 3] * x3 + a[r4 + 4] * x4 + a[r4 + 5] * x5;
    y[5] = a[r5] * x0 + a[r5 + 1] * x1 + a[r5 + 2] * x2 + a[r5 + 3] * x3 + a[r5 + 4] * x4 + a[r5 + 5] * x5;
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
