package io.mmf.pk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExpmTest {
  @Test
  void diagonalMatrixExponentiatesEachEntry() {
    double[] m = {-1, 0, 0, -50};
    double[] out = new double[4];
    new Expm(2).exp(m, 0.3, out);
    assertEquals(Math.exp(-0.3), out[0], 1e-15);
    assertEquals(Math.exp(-15), out[3], 1e-18);
    assertEquals(0, out[1]);
  }

  @Test
  void twoByTwoAbsorptionMatchesClosedForm() {
    // depot -> central at ka, central out at k: x_c(t) = ka/(ka-k) (e^-kt - e^-ka t) for a unit dose.
    double ka = 4.1;
    double k = 0.35;
    double t = 2.7;
    double[] m = {-ka, 0, ka, -k};
    double[] out = new double[4];
    new Expm(2).exp(m, t, out);
    assertEquals(Math.exp(-ka * t), out[0], 1e-15);
    assertEquals(ka / (ka - k) * (Math.exp(-k * t) - Math.exp(-ka * t)), out[2], 1e-14);
    assertEquals(Math.exp(-k * t), out[3], 1e-15);
  }

  @Test
  void repeatedEigenvalueGivesTheTeExpForm() {
    // ka == k: x_c(t) = k t e^{-kt}, where the Bateman closed form divides by zero.
    double k = 0.8;
    double t = 3.0;
    double[] out = new double[4];
    new Expm(2).exp(new double[] {-k, 0, k, -k}, t, out);
    assertEquals(k * t * Math.exp(-k * t), out[2], 1e-15);
  }

  @Test
  void largeNormIsScaledAndSquared() {
    double[] out = new double[1];
    new Expm(1).exp(new double[] {-50}, 10, out);
    assertEquals(Math.exp(-500), out[0], 1e-230);
    new Expm(1).exp(new double[] {3}, 5, out);
    assertEquals(Math.exp(15), out[0], Math.exp(15) * 1e-14);
  }

  @Test
  void everyPadeDegreeMatchesTheEigendecomposition() {
    // A symmetric matrix is exp'd independently through Commons Math's eigendecomposition,
    // exp(S h) = Q diag(e^{lambda h}) Q^T; the steps put ||S h|| under theta_3, theta_5, theta_7,
    // theta_9, theta_13 and above it (scaling and squaring), so every branch is checked.
    int n = 5;
    java.util.Random r = new java.util.Random(7);
    double[][] rows = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        rows[i][j] = rows[j][i] = r.nextDouble() * 2 - 1;
      }
    }
    double[] m = new double[n * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(rows[i], 0, m, i * n, n);
    }
    double norm = Dense.norm1(m, n);
    var eig = new org.apache.commons.math3.linear.EigenDecomposition(
        new org.apache.commons.math3.linear.Array2DRowRealMatrix(rows));
    Expm expm = new Expm(n);
    for (double target : new double[] {0.01, 0.2, 0.9, 2.0, 5.0, 40.0}) {
      double h = target / norm;
      double[] out = new double[n * n];
      expm.exp(m, h, out);
      double[] sub = new double[n * n];
      double[] viaSub = new double[n * n];
      int s = expm.expWithSubstep(m, h, 0.95, sub, viaSub);
      double[] subExpected = new double[n * n];
      double[] expected = new double[n * n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          for (int k = 0; k < n; k++) {
            double qik = eig.getV().getEntry(i, k);
            double qjk = eig.getV().getEntry(j, k);
            expected[i * n + j] += qik * Math.exp(eig.getRealEigenvalue(k) * h) * qjk;
            subExpected[i * n + j] += qik * Math.exp(eig.getRealEigenvalue(k) * h / (1 << s)) * qjk;
          }
        }
      }
      double scale = Math.exp(target);
      for (int i = 0; i < n * n; i++) {
        assertEquals(expected[i], out[i], 1e-13 * scale, "norm " + target + " entry " + i);
        assertEquals(expected[i], viaSub[i], 1e-13 * scale, "norm " + target + " entry " + i);
        assertEquals(subExpected[i], sub[i], 1e-14 * Math.exp(0.95), "substep, norm " + target);
      }
    }
  }

  @Test
  void padeCoefficientsAreTheDiagonalApproximantsOfTheExponential() {
    // b_j / b_0 of the [m/m] Pade approximant of e^x: (2m - j)! m! / ((2m)! j! (m - j)!).
    for (double[] b : new double[][] {Expm.B3, Expm.B5, Expm.B7, Expm.B9, Expm.B13}) {
      int m = b.length - 1;
      for (int j = 0; j <= m; j++) {
        double ratio = 1;
        for (int i = 0; i < j; i++) {
          ratio *= (double) (m - i) / ((2 * m - i) * (i + 1.0));
        }
        assertEquals(ratio, b[j] / b[0], 1e-15 * ratio, "m=" + m + " j=" + j);
      }
    }
  }
}
