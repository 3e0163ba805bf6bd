package io.mmf.pk.internal;

/**
 * The matrix exponential by scaling and squaring with a degree-13 Pade approximant (Higham, "The
 * scaling and squaring method for the matrix exponential revisited", SIAM J Matrix Anal Appl
 * 2005;26(4):1179-1193, Algorithm 2.3, with the degree-13 branch only).
 *
 * <p>One instance holds the scratch arrays for one matrix size and is not thread-safe: each solver
 * call uses its own. After construction, {@link #exp} allocates nothing.
 */
public final class Expm {
  /** Pade(13) coefficients b0..b13 (Higham 2005, Table 2.3 / eq. 2.3). */
  private static final double[] B = {
      64764752532480000.0, 32382376266240000.0, 7771770303897600.0, 1187353796428800.0, 129060195264000.0,
      10559470521600.0, 670442572800.0, 33522128640.0, 1323241920.0, 40840800.0, 960960.0, 16380.0, 182.0, 1.0};
  /** theta_13: the largest 1-norm for which the unscaled degree-13 approximant is accurate to double precision. */
  private static final double THETA_13 = 5.371920351148152;

  private final int n;
  private final double[] a;
  private final double[] a2;
  private final double[] a4;
  private final double[] a6;
  private final double[] u;
  private final double[] v;
  private final double[] t1;
  private final double[] t2;

  /**
   * Scratch space for n x n matrices.
   *
   * @param n the matrix size, &gt;= 1
   */
  public Expm(int n) {
    this.n = n;
    int nn = n * n;
    a = new double[nn];
    a2 = new double[nn];
    a4 = new double[nn];
    a6 = new double[nn];
    u = new double[nn];
    v = new double[nn];
    t1 = new double[nn];
    t2 = new double[nn];
  }

  /**
   * Returns the matrix size.
   *
   * @return the matrix size
   */
  public int size() {
    return n;
  }

  /**
   * out = exp(m * h).
   *
   * @param m the generator, n x n row-major (not modified)
   * @param h the scale (a time step), finite
   * @param out receives the exponential; must not alias {@code m}
   */
  public void exp(double[] m, double h, double[] out) {
    int nn = n * n;
    for (int i = 0; i < nn; i++) {
      a[i] = m[i] * h;
    }
    double norm = Dense.norm1(a, n);
    int s = norm > THETA_13 ? Math.max(0, (int) Math.ceil(Math.log(norm / THETA_13) / Math.log(2))) : 0;
    if (s > 0) {
      double scale = Math.scalb(1.0, -s);
      for (int i = 0; i < nn; i++) {
        a[i] *= scale;
      }
    }
    Dense.multiply(a, a, a2, n);
    Dense.multiply(a2, a2, a4, n);
    Dense.multiply(a4, a2, a6, n);
    // U = A [A6 (b13 A6 + b11 A4 + b9 A2) + b7 A6 + b5 A4 + b3 A2 + b1 I]
    for (int i = 0; i < nn; i++) {
      t1[i] = B[13] * a6[i] + B[11] * a4[i] + B[9] * a2[i];
    }
    Dense.multiply(a6, t1, t2, n);
    for (int i = 0; i < nn; i++) {
      t2[i] += B[7] * a6[i] + B[5] * a4[i] + B[3] * a2[i];
    }
    for (int i = 0; i < n; i++) {
      t2[i * n + i] += B[1];
    }
    Dense.multiply(a, t2, u, n);
    // V = A6 (b12 A6 + b10 A4 + b8 A2) + b6 A6 + b4 A4 + b2 A2 + b0 I
    for (int i = 0; i < nn; i++) {
      t1[i] = B[12] * a6[i] + B[10] * a4[i] + B[8] * a2[i];
    }
    Dense.multiply(a6, t1, v, n);
    for (int i = 0; i < nn; i++) {
      v[i] += B[6] * a6[i] + B[4] * a4[i] + B[2] * a2[i];
    }
    for (int i = 0; i < n; i++) {
      v[i * n + i] += B[0];
    }
    // R = (V - U)^-1 (V + U)
    for (int i = 0; i < nn; i++) {
      t1[i] = v[i] - u[i];
      out[i] = v[i] + u[i];
    }
    Dense.solve(t1, out, n, n);
    for (int k = 0; k < s; k++) {
      Dense.multiply(out, out, t1, n);
      System.arraycopy(t1, 0, out, 0, nn);
    }
  }
}
