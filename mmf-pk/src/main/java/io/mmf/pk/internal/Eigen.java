package io.mmf.pk.internal;

/**
 * The eigendecomposition A = V diag(lambda) V^-1 of a compartmental rate matrix, for the matrices where
 * it is cheap and safe: every strongly connected group of compartments (compartments that exchange
 * drug in a cycle) has one or two members, and the eigenvalues are distinct and well separated.
 *
 * <p>Such a matrix is block lower-triangular once its groups are put in flow order, so its eigenvalues
 * are those of its 1 x 1 and 2 x 2 diagonal blocks (in closed form: a 2 x 2 block of a two-way exchange
 * has a positive product of its off-diagonal rates, so real, distinct roots), and each eigenvector is
 * found by substitution down the flow order: zero upstream of its group, the block's own eigenvector in
 * it, and one 1 x 1 or 2 x 2 solve per downstream group. No iteration, so the result is deterministic
 * and exact to rounding for well-separated eigenvalues.
 *
 * <p>The eigenvector matrix is ill-conditioned when two eigenvalues nearly coincide (ka close to an
 * elimination rate, equal transit rates), and singular when they coincide: {@link #of} then returns
 * null, and the caller uses the scaling-and-squaring exponential ({@link Expm}), which is accurate
 * there. This is the design of {@code pk-models.md}: "eigen-decomposition only where eigenvalues are
 * distinct and well separated".
 *
 * <p>Immutable after construction.
 */
public final class Eigen {
  /**
   * The largest accepted condition number ||V||_1 ||V^-1||_1 of the (column-normalised) eigenvector
   * matrix: results then carry at most about 1e6 x 2^-53 = 1e-10 relative error from the
   * decomposition, below the 1e-9 that the solver's tests ask of the exact path.
   */
  public static final double MAX_CONDITION = 1e6;

  /** The largest accepted entry of V V^-1 - I. */
  static final double MAX_RESIDUAL = 1e-10;

  private final int n;
  private final double[] lambda;
  private final double[] v;
  private final double[] vinv;

  private Eigen(int n, double[] lambda, double[] v, double[] vinv) {
    this.n = n;
    this.lambda = lambda;
    this.v = v;
    this.vinv = vinv;
  }

  /**
   * Decomposes a compartmental rate matrix (off-diagonal entries are non-negative flows from column to
   * row compartment, per hour), or returns null where this decomposition does not serve: a cycle
   * through three or more compartments, coinciding or close eigenvalues (condition above
   * {@link #MAX_CONDITION}), a non-finite entry, or more than 63 compartments.
   *
   * @param a the n x n matrix, row-major, per hour (not modified)
   * @param n its size, &gt;= 1
   * @return the decomposition, or null
   */
  public static Eigen of(double[] a, int n) {
    return of(a, n, n);
  }

  /**
   * {@link #of(double[], int)} for the leading n x n block of a matrix with row stride {@code stride}
   * (an augmented generator whose first n states are the compartments).
   *
   * @param a the matrix, row-major, per hour (not modified)
   * @param stride its row stride, &gt;= n
   * @param n the block's size, &gt;= 1
   * @return the decomposition, or null
   */
  public static Eigen of(double[] a, int stride, int n) {
    if (n > 63) {
      return null; // the group search keeps reachability in 64-bit masks
    }
    int[][] members = members(a, stride, n);
    if (members == null) {
      return null;
    }
    int groups = members.length;
    double[] lambda = new double[n];
    double[] v = new double[n * n];
    int col = 0;
    for (int g = 0; g < groups; g++) {
      int[] m = members[g];
      if (m.length == 1) {
        lambda[col] = a[m[0] * stride + m[0]];
        v[m[0] * n + col] = 1;
        if (!fillDownstream(a, stride, n, members, g, lambda[col], v, col)) {
          return null;
        }
        col++;
      } else {
        int p = m[0];
        int q = m[1];
        double aa = a[p * stride + p];
        double b = a[p * stride + q];
        double c = a[q * stride + p];
        double d = a[q * stride + q];
        if (!(b * c > 0)) {
          return null;
        }
        double mid = 0.5 * (aa + d);
        double half = 0.5 * (aa - d);
        double s = Math.sqrt(half * half + b * c);
        double l1 = mid <= 0 ? mid - s : mid + s;
        double det = Math.fma(aa, d, -b * c);
        double l2 = det / l1;
        for (int root = 0; root < 2; root++) {
          double l = root == 0 ? l1 : l2;
          lambda[col] = l;
          // (aa - l) v_p + b v_q = 0, or c v_p + (d - l) v_q = 0: take the better-scaled of the two
          double p1 = b;
          double q1 = l - aa;
          double p2 = l - d;
          double q2 = c;
          if (Math.max(Math.abs(p1), Math.abs(q1)) >= Math.max(Math.abs(p2), Math.abs(q2))) {
            v[p * n + col] = p1;
            v[q * n + col] = q1;
          } else {
            v[p * n + col] = p2;
            v[q * n + col] = q2;
          }
          if (!fillDownstream(a, stride, n, members, g, l, v, col)) {
            return null;
          }
          col++;
        }
      }
    }
    // normalise each eigenvector to unit max-norm, so the condition number means what it says
    for (int j = 0; j < n; j++) {
      double max = 0;
      for (int i = 0; i < n; i++) {
        max = Math.max(max, Math.abs(v[i * n + j]));
      }
      if (!(max > 0) || !Double.isFinite(max)) {
        return null;
      }
      for (int i = 0; i < n; i++) {
        v[i * n + j] /= max;
      }
    }
    double[] vinv = inverse(v, n, members);
    if (vinv == null) {
      return null;
    }
    double condition = Dense.norm1(v, n) * Dense.norm1(vinv, n);
    if (!(condition <= MAX_CONDITION)) {
      return null;
    }
    // and the check that the two are inverse to the accuracy promised (one small product)
    double[] product = new double[n * n];
    Dense.multiply(v, vinv, product, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (!(Math.abs(product[i * n + j] - (i == j ? 1 : 0)) <= MAX_RESIDUAL)) {
          return null;
        }
      }
    }
    return new Eigen(n, lambda, v, vinv);
  }

  /** The groups' members in flow order, or this where a group has more than two members. */
  private static final int[][] TOO_WIDE = new int[0][];
  /** Per thread, the last few flow structures seen (a population repeats one or two). */
  private static final ThreadLocal<Object[]> STRUCTURES = ThreadLocal.withInitial(() -> new Object[8]);

  /**
   * The members of each group in flow order, or null if a group has more than two: from the pattern
   * of non-zero flows, which every individual of a population model shares, so a small per-thread
   * cache keyed by the pattern (for up to 7 compartments) skips the search.
   */
  private static int[][] members(double[] a, int stride, int n) {
    long pattern = 0;
    boolean cacheable = n <= 7; // the key packs n^2 pattern bits and 3 bits of n into a long
    if (cacheable) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (i != j && a[i * stride + j] != 0) {
            pattern |= 1L << (i * n + j);
          }
        }
      }
    }
    Object[] cache = cacheable ? STRUCTURES.get() : null;
    if (cacheable) {
      for (int k = 0; k < cache.length; k += 2) {
        if (cache[k] != null && (Long) cache[k] == (pattern << 3 | n)) {
          int[][] hit = (int[][]) cache[k + 1];
          return hit == TOO_WIDE ? null : hit;
        }
      }
    }
    int[][] members = search(a, stride, n);
    if (cacheable) {
      System.arraycopy(cache, 0, cache, 2, cache.length - 2);
      cache[0] = pattern << 3 | n;
      cache[1] = members == null ? TOO_WIDE : members;
    }
    return members;
  }

  private static int[][] search(double[] a, int stride, int n) {
    int[] group = groups(a, stride, n);
    int groups = 0;
    for (int g : group) {
      groups = Math.max(groups, g + 1);
    }
    int[][] members = new int[groups][];
    int[] count = new int[groups];
    for (int g : group) {
      count[g]++;
    }
    for (int g = 0; g < groups; g++) {
      if (count[g] > 2) {
        return null;
      }
      members[g] = new int[count[g]];
      count[g] = 0;
    }
    for (int i = 0; i < n; i++) {
      members[group[i]][count[group[i]]++] = i;
    }
    return members;
  }

  /**
   * V^-1 by block forward substitution: with the rows taken group by group in flow order (the columns
   * already are), V is block lower-triangular with 1 x 1 and 2 x 2 diagonal blocks, and so is its
   * inverse X: X_gg = V_gg^-1 and X_gh = -V_gg^-1 sum_{h &lt;= k &lt; g} V_gk X_kh. Returns null if a
   * diagonal block is singular.
   */
  private static double[] inverse(double[] v, int n, int[][] members) {
    int groups = members.length;
    int[] order = new int[n];
    int[] start = new int[groups + 1];
    for (int g = 0, i = 0; g < groups; g++) {
      start[g] = i;
      for (int member : members[g]) {
        order[i++] = member;
      }
      start[g + 1] = i;
    }
    double[] x = new double[n * n]; // X = W^-1, W[i][j] = V[order[i]][j]
    double[] r = new double[4];
    double[] inv = new double[4];
    for (int g = 0; g < groups; g++) {
      int sg = start[g + 1] - start[g];
      // the diagonal block's inverse
      int a0 = order[start[g]] * n + start[g];
      if (sg == 1) {
        inv[0] = 1 / v[a0];
      } else {
        int a1 = order[start[g] + 1] * n + start[g];
        double det = v[a0] * v[a1 + 1] - v[a0 + 1] * v[a1];
        inv[0] = v[a1 + 1] / det;
        inv[1] = -v[a0 + 1] / det;
        inv[2] = -v[a1] / det;
        inv[3] = v[a0] / det;
      }
      if (!(Double.isFinite(inv[0]) && Double.isFinite(inv[sg * sg - 1]))) {
        return null;
      }
      for (int h = 0; h <= g; h++) {
        int sh = start[h + 1] - start[h];
        for (int i = 0; i < sg; i++) {
          for (int j = 0; j < sh; j++) {
            double sum = g == h && i == j ? 1 : 0;
            int row = order[start[g] + i] * n;
            for (int k = start[h]; k < start[g]; k++) {
              sum -= v[row + k] * x[k * n + start[h] + j];
            }
            r[i * 2 + j] = sum;
          }
        }
        for (int i = 0; i < sg; i++) {
          for (int j = 0; j < sh; j++) {
            double sum = 0;
            for (int k = 0; k < sg; k++) {
              sum += inv[i * sg + k] * r[k * 2 + j];
            }
            x[(start[g] + i) * n + start[h] + j] = sum;
          }
        }
      }
    }
    // V = P^T W with (P V)[i] = V[order[i]], so V^-1 = X P: column order[i] of V^-1 is column i of X
    double[] vinv = new double[n * n];
    for (int row = 0; row < n; row++) {
      for (int i = 0; i < n; i++) {
        vinv[row * n + order[i]] = x[row * n + i];
      }
    }
    return vinv;
  }

  /**
   * Sets the eigenvector's entries in the groups downstream of group {@code g}: for each later group J
   * in flow order, (A_JJ - l I) v_J = -(A v)_J from the entries already set.
   */
  private static boolean fillDownstream(double[] a, int stride, int n, int[][] members, int g, double l, double[] v,
      int col) {
    for (int j = g + 1; j < members.length; j++) {
      int[] m = members[j];
      double r0 = -inflow(a, stride, n, m[0], v, col, m);
      if (m.length == 1) {
        int p = m[0];
        if (r0 != 0) {
          v[p * n + col] = r0 / (a[p * stride + p] - l);
        }
      } else {
        int p = m[0];
        int q = m[1];
        double r1 = -inflow(a, stride, n, q, v, col, m);
        if (r0 != 0 || r1 != 0) {
          double aa = a[p * stride + p] - l;
          double b = a[p * stride + q];
          double c = a[q * stride + p];
          double d = a[q * stride + q] - l;
          double det = aa * d - b * c;
          v[p * n + col] = (d * r0 - b * r1) / det;
          v[q * n + col] = (aa * r1 - c * r0) / det;
        }
      }
      if (!Double.isFinite(v[m[0] * n + col]) || !Double.isFinite(v[m[m.length - 1] * n + col])) {
        return false;
      }
    }
    return true;
  }

  /** Sum over compartments k outside {@code group} of a[row][k] v[k]. */
  private static double inflow(double[] a, int stride, int n, int row, double[] v, int col, int[] group) {
    double s = 0;
    for (int k = 0; k < n; k++) {
      if (k != group[0] && k != group[group.length - 1]) {
        s += a[row * stride + k] * v[k * n + col];
      }
    }
    return s;
  }

  /**
   * The strongly connected groups of the flow graph (an edge j -&gt; i where a[i][j] != 0), numbered in
   * flow order: a group's number is larger than that of every group that reaches it.
   */
  static int[] groups(double[] a, int stride, int n) {
    // reach[i]: bit j set when compartment i reaches j (itself included); closure by Warshall
    long[] reach = new long[n];
    for (int i = 0; i < n; i++) {
      reach[i] = 1L << i;
      for (int j = 0; j < n; j++) {
        if (a[j * stride + i] != 0) {
          reach[i] |= 1L << j; // i flows into j
        }
      }
    }
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < n; i++) {
        if ((reach[i] & (1L << k)) != 0) {
          reach[i] |= reach[k];
        }
      }
    }
    // a compartment's upstream count orders the groups: strictly more for every group downstream
    int[] upstream = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if ((reach[i] & (1L << j)) != 0) {
          upstream[j]++;
        }
      }
    }
    int[] group = new int[n];
    java.util.Arrays.fill(group, -1);
    int next = 0;
    for (int count = 1; count <= n; count++) {
      for (int i = 0; i < n; i++) {
        if (upstream[i] != count || group[i] >= 0) {
          continue;
        }
        for (int j = 0; j < n; j++) {
          if ((reach[i] & (1L << j)) != 0 && (reach[j] & (1L << i)) != 0) {
            group[j] = next;
          }
        }
        next++;
      }
    }
    return group;
  }

  /**
   * Returns an eigenvalue.
   *
   * @param i index, 0 &lt;= i &lt; n
   * @return the eigenvalue, per hour
   */
  public double eigenvalue(int i) {
    return lambda[i];
  }

  /**
   * Returns an entry of the eigenvector matrix V (column i is the eigenvector of eigenvalue i).
   *
   * @param row row
   * @param col column
   * @return V[row][col]
   */
  public double vector(int row, int col) {
    return v[row * n + col];
  }

  /**
   * Returns an entry of V^-1.
   *
   * @param row row
   * @param col column
   * @return V^-1[row][col]
   */
  public double inverse(int row, int col) {
    return vinv[row * n + col];
  }

  /**
   * y = V^-1 x (coordinates of x in the eigenvector basis).
   *
   * @param x n values
   * @param y receives n values; must not alias x
   */
  public void toModes(double[] x, double[] y) {
    Dense.multiplyVector(vinv, x, y, n);
  }

  /**
   * out = V diag(f) V^-1 on the leading n x n block of a matrix with row stride {@code stride}.
   *
   * @param f one factor per eigenvalue
   * @param scratch n x n values of scratch space
   * @param out receives the block
   * @param stride row stride of {@code out}, &gt;= n
   */
  public void compose(double[] f, double[] scratch, double[] out, int stride) {
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        scratch[i * n + k] = v[i * n + k] * f[k];
      }
    }
    Dense.multiply(scratch, n, vinv, n, out, stride, n);
  }

  /** 1 / k! for k = 0..21: the series of phi1 and phi2 by Horner's rule, with no division. */
  private static final double[] INVERSE_FACTORIAL = new double[22];

  static {
    double f = 1;
    for (int k = 0; k < INVERSE_FACTORIAL.length; k++) {
      f *= Math.max(1, k);
      INVERSE_FACTORIAL[k] = 1 / f;
    }
  }

  /** sum_{k=0..19} z^k / (k + shift)! by Horner's rule: for |z| &lt; 1 the remainder is below 1e-19. */
  private static double series(double z, int shift) {
    double s = INVERSE_FACTORIAL[19 + shift];
    for (int k = 18; k >= 0; k--) {
      s = s * z + INVERSE_FACTORIAL[k + shift];
    }
    return s;
  }

  /**
   * The integral of e^{l s} over s in [0, h]: (e^{l h} - 1) / l, and h where l = 0; given e^{l h}, so
   * no second exponential is computed. By its series where |l h| &lt; 1 (where e^{l h} - 1 would
   * cancel digits).
   *
   * @param l rate, per hour
   * @param h length, h
   * @param e e^{l h}
   * @return the integral, h
   */
  public static double phi1(double l, double h, double e) {
    double z = l * h;
    return Math.abs(z) < 1 ? series(z, 1) * h : (e - 1) / l;
  }

  /**
   * The double integral (e^{l h} - 1 - l h) / l^2 of e^{l s}, and h^2 / 2 where l = 0, given e^{l h};
   * by its series where |l h| &lt; 1, so no digits cancel.
   *
   * @param l rate, per hour
   * @param h length, h
   * @param e e^{l h}
   * @return the integral, h^2
   */
  public static double phi2(double l, double h, double e) {
    double z = l * h;
    return Math.abs(z) < 1 ? series(z, 2) * h * h : (e - 1 - z) / (l * l);
  }
}
