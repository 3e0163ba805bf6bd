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
}
