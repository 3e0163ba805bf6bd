package io.mmf.pk.internal;

/**
 * The matrix exponential by scaling and squaring with a Pade approximant of degree 3, 5, 7, 9 or 13
 * chosen from the 1-norm (Higham, "The scaling and squaring method for the matrix exponential
 * revisited", SIAM J Matrix Anal Appl 2005;26(4):1179-1193, Algorithm 2.3): a short step with a small
 * norm costs 3 or 4 matrix products instead of the 6 of degree 13.
 *
 * <p>{@link #expWithSubstep} also keeps the unsquared factor exp(m h / 2^s), the propagator of one
 * substep, so a caller that walks a segment in 2^s equal substeps (to look for a maximum) gets their
 * propagator for free.
 *
 * <p>One instance holds the scratch arrays for one matrix size and is not thread-safe: a solver call
 * uses its thread's ({@link #local}). After construction, nothing allocates.
 */
public final class Expm {
  /** Pade(3) coefficients b0..b3 (Higham 2005, eq. 2.1; scipy's {@code _pade3}). */
  static final double[] B3 = {120.0, 60.0, 12.0, 1.0};
  /** Pade(5) coefficients. */
  static final double[] B5 = {30240.0, 15120.0, 3360.0, 420.0, 30.0, 1.0};
  /** Pade(7) coefficients. */
  static final double[] B7 = {17297280.0, 8648640.0, 1995840.0, 277200.0, 25200.0, 1512.0, 56.0, 1.0};
  /** Pade(9) coefficients. */
  static final double[] B9 = {17643225600.0, 8821612800.0, 2075673600.0, 302702400.0, 30270240.0, 2162160.0,
      110880.0, 3960.0, 90.0, 1.0};
  /** Pade(13) coefficients b0..b13 (Higham 2005, Table 2.3 / eq. 2.3). */
  static final double[] B13 = {
      64764752532480000.0, 32382376266240000.0, 7771770303897600.0, 1187353796428800.0, 129060195264000.0,
      10559470521600.0, 670442572800.0, 33522128640.0, 1323241920.0, 40840800.0, 960960.0, 16380.0, 182.0, 1.0};
  /** theta_m (Higham 2005, Table 2.3): the largest 1-norm for which degree m is accurate to double precision. */
  static final double THETA_3 = 1.495585217958292e-2;
  static final double THETA_5 = 2.539398330063230e-1;
  static final double THETA_7 = 9.504178996162932e-1;
  static final double THETA_9 = 2.097847961257068e0;
  static final double THETA_13 = 5.371920351148152;

  /** Per thread, one instance per size, made on first use. */
  private static final PerThread<Expm> LOCAL = new PerThread<>(Expm::new);

  private final int n;
  private final double[] a;
  private final double[] a2;
  private final double[] a4;
  private final double[] a6;
  private final double[] a8;
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
    a8 = new double[nn];
    u = new double[nn];
    v = new double[nn];
    t1 = new double[nn];
    t2 = new double[nn];
  }

  /**
   * This thread's instance for n x n matrices. Its methods call nothing outside this class, so
   * several callers on one thread may share it: each call leaves nothing behind in the scratch that
   * the next one reads. Saves the scratch allocation (nine n x n arrays) per solve.
   *
   * @param n the matrix size, &gt;= 1
   * @return the instance
   */
  public static Expm local(int n) {
    return LOCAL.get(n);
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
   * @throws ArithmeticException if the norm of {@code m h} is not finite
   */
  public void exp(double[] m, double h, double[] out) {
    double norm = scale(m, h);
    int s = 0;
    if (norm > THETA_13) {
      s = (int) Math.ceil(Math.log(norm / THETA_13) / Math.log(2));
      norm = rescale(s, norm);
    }
    pade(norm, out);
    square(out, s);
  }

  /**
   * out = exp(m * h), and sub = exp(m * h / 2^s), with s the smallest count for which the norm of
   * m h / 2^s is at most {@code maxSubstepNorm}.
   *
   * @param m the generator, n x n row-major (not modified)
   * @param h the scale (a time step), finite
   * @param maxSubstepNorm the largest 1-norm of m times a substep, &gt; 0
   * @param sub receives the propagator of one substep; must not alias {@code m} or {@code out}
   * @param out receives the exponential; must not alias {@code m}
   * @return s: the step is 2^s substeps
   * @throws ArithmeticException if the norm of {@code m h} is not finite
   */
  public int expWithSubstep(double[] m, double h, double maxSubstepNorm, double[] sub, double[] out) {
    double norm = scale(m, h);
    int s = 0;
    if (norm > maxSubstepNorm) {
      s = (int) Math.ceil(Math.log(norm / maxSubstepNorm) / Math.log(2));
      norm = rescale(s, norm);
    }
    pade(norm, sub);
    System.arraycopy(sub, 0, out, 0, n * n);
    square(out, s);
    return s;
  }

  /**
   * a = m h and its 1-norm; refuses a norm that is not finite (a rate near Double.MAX_VALUE over an hour):
   * the count of squarings, log2(norm / theta), is then at most about 1030.
   */
  private double scale(double[] m, double h) {
    int nn = n * n;
    for (int i = 0; i < nn; i++) {
      a[i] = m[i] * h;
    }
    double norm = Dense.norm1(a, n);
    if (!Double.isFinite(norm)) {
      throw new ArithmeticException("matrix exponential of a generator whose 1-norm times the step (" + h
          + " h) is not finite: " + norm);
    }
    return norm;
  }

  private double rescale(int s, double norm) {
    double f = Math.scalb(1.0, -s);
    int nn = n * n;
    for (int i = 0; i < nn; i++) {
      a[i] *= f;
    }
    return norm * f;
  }

  private void square(double[] out, int s) {
    for (int k = 0; k < s; k++) {
      Dense.multiply(out, out, t1, n);
      System.arraycopy(t1, 0, out, 0, n * n);
    }
  }

  /** out = r_m(a) for the lowest degree m whose theta_m bounds the norm (at most theta_13 on entry). */
  private void pade(double norm, double[] out) {
    int nn = n * n;
    Dense.multiply(a, a, a2, n);
    if (norm > THETA_9) {
      pade13(out);
      return;
    }
    double[] b = norm <= THETA_3 ? B3 : norm <= THETA_5 ? B5 : norm <= THETA_7 ? B7 : B9;
    int m = b.length - 1;
    if (m >= 5) {
      Dense.multiply(a2, a2, a4, n);
    }
    if (m >= 7) {
      Dense.multiply(a4, a2, a6, n);
    }
    if (m >= 9) {
      Dense.multiply(a6, a2, a8, n);
    }
    // t2 = sum b_{2k+1} A^{2k}, v = sum b_{2k} A^{2k}
    for (int i = 0; i < nn; i++) {
      double odd = b[3] * a2[i];
      double even = b[2] * a2[i];
      if (m >= 5) {
        odd += b[5] * a4[i];
        even += b[4] * a4[i];
      }
      if (m >= 7) {
        odd += b[7] * a6[i];
        even += b[6] * a6[i];
      }
      if (m >= 9) {
        odd += b[9] * a8[i];
        even += b[8] * a8[i];
      }
      t2[i] = odd;
      v[i] = even;
    }
    for (int i = 0; i < n; i++) {
      t2[i * n + i] += b[1];
      v[i * n + i] += b[0];
    }
    Dense.multiply(a, t2, u, n);
    solveRatio(out);
  }

  private void pade13(double[] out) {
    int nn = n * n;
    double[] b = B13;
    Dense.multiply(a2, a2, a4, n);
    Dense.multiply(a4, a2, a6, n);
    // U = A [A6 (b13 A6 + b11 A4 + b9 A2) + b7 A6 + b5 A4 + b3 A2 + b1 I]
    for (int i = 0; i < nn; i++) {
      t1[i] = b[13] * a6[i] + b[11] * a4[i] + b[9] * a2[i];
    }
    Dense.multiply(a6, t1, t2, n);
    for (int i = 0; i < nn; i++) {
      t2[i] += b[7] * a6[i] + b[5] * a4[i] + b[3] * a2[i];
    }
    for (int i = 0; i < n; i++) {
      t2[i * n + i] += b[1];
    }
    Dense.multiply(a, t2, u, n);
    // V = A6 (b12 A6 + b10 A4 + b8 A2) + b6 A6 + b4 A4 + b2 A2 + b0 I
    for (int i = 0; i < nn; i++) {
      t1[i] = b[12] * a6[i] + b[10] * a4[i] + b[8] * a2[i];
    }
    Dense.multiply(a6, t1, v, n);
    for (int i = 0; i < nn; i++) {
      v[i] += b[6] * a6[i] + b[4] * a4[i] + b[2] * a2[i];
    }
    for (int i = 0; i < n; i++) {
      v[i * n + i] += b[0];
    }
    solveRatio(out);
  }

  /** out = (V - U)^-1 (V + U). */
  private void solveRatio(double[] out) {
    int nn = n * n;
    for (int i = 0; i < nn; i++) {
      t1[i] = v[i] - u[i];
      out[i] = v[i] + u[i];
    }
    Dense.solve(t1, out, n, n);
  }
}
