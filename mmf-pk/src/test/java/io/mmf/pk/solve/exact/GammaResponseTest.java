package io.mmf.pk.solve.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import io.mmf.pk.PropertyBudget;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * {@link GammaResponse} against an independent adaptive Gauss-Legendre quadrature of its defining
 * integral (in v = (s / tau)^a for shapes below 1, which removes the density's singularity), across the
 * branches (mu = k + lambda positive, zero and negative; the series, the incomplete gamma function,
 * Kummer's series and its asymptotic series), and the branches against each other at their borders.
 */
class GammaResponseTest {
  private static final GaussIntegrator G10 = new GaussIntegratorFactory().legendre(10);
  private static final GaussIntegrator G20 = new GaussIntegratorFactory().legendre(20);

  /** Adaptive bisection with 10- and 20-point Gauss-Legendre until they agree to 1e-15 of the total. */
  private static double adaptive(UnivariateFunction f, double lo, double hi, double scale, int depth) {
    double coarse = rule(G10, f, lo, hi);
    double fine = rule(G20, f, lo, hi);
    if (Math.abs(fine - coarse) <= 1e-15 * scale || depth > 60) {
      return fine;
    }
    double mid = 0.5 * (lo + hi);
    return adaptive(f, lo, mid, scale, depth + 1) + adaptive(f, mid, hi, scale, depth + 1);
  }

  private static double rule(GaussIntegrator g, UnivariateFunction f, double lo, double hi) {
    double s = 0;
    for (int i = 0; i < g.getNumberOfPoints(); i++) {
      s += g.getWeight(i) * f.value(lo + 0.5 * (hi - lo) * (1 + g.getPoint(i)));
    }
    return 0.5 * (hi - lo) * s;
  }

  /**
   * integral_0^tau e^(lambda (tau - s)) k^a s^(a-1) e^(-k s) / Gamma(a) ds, in v = (s / tau)^a for a &lt; 1
   * (s^(a-1) ds = tau^a dv / a: no singularity left), in s otherwise.
   */
  private static double quadrature(double a, double k, double lambda, double tau) {
    double logNorm = a * Math.log(k) - Gamma.logGamma(a);
    UnivariateFunction f;
    double lo = 0;
    double hi;
    if (a < 1) {
      double logC = a * Math.log(k * tau) - Gamma.logGamma(a + 1);
      f = v -> {
        double s = tau * Math.pow(v, 1 / a);
        return Math.exp(logC + lambda * (tau - s) - k * s);
      };
      hi = 1;
    } else {
      f = s -> s <= 0 ? (a == 1 ? Math.exp(logNorm + lambda * tau) : 0)
          : Math.exp(logNorm + (a - 1) * Math.log(s) + lambda * (tau - s) - k * s);
      hi = tau;
    }
    double scale = Math.abs(rule(G20, f, lo, hi));
    double first = adaptive(f, lo, hi, Math.max(scale, 1e-300), 0);
    return adaptive(f, lo, hi, Math.max(Math.abs(first), 1e-300), 0);
  }

  @Test
  void responseEqualsQuadratureOverTheBranches() {
    qt().withExamples(PropertyBudget.examples(400)).forAll(doubles().between(Math.log(0.5), Math.log(30)),
        doubles().between(Math.log(0.01), Math.log(50)), doubles().between(-3, 3), doubles().between(-2, 2))
        .checkAssert((la, lk, lr, lt) -> {
          double a = Math.exp(la);
          double k = Math.exp(lk);
          double lambda = -k * Math.exp(lr); // a mode slower or faster than the input
          double tau = a / k * Math.exp(lt);
          double exact = GammaResponse.response(a, k, lambda, tau);
          double q = quadrature(a, k, lambda, tau);
          assertEquals(q, exact, 1e-11 * q + 1e-300, "a " + a + " k " + k + " lambda " + lambda + " tau " + tau);
        });
  }

  @Test
  void rateEqualToTheEigenvalueIsTheSeriesAtZero() {
    // mu = 0: E = e^(-k tau) (k tau)^a / Gamma(a + 1)
    for (double a : new double[] {0.5, 1, 9.2, 30}) {
      for (double tau : new double[] {0.01, 1, 10, 100}) {
        double k = 0.7;
        double expected = Math.exp(-k * tau + a * Math.log(k * tau) - Gamma.logGamma(a + 1));
        assertEquals(expected, GammaResponse.response(a, k, -k, tau), 1e-14 * expected);
      }
    }
  }

  @Test
  void kummerSeriesAndAsymptoticAgreeAtTheirBorder() {
    for (double a : new double[] {0.5, 1.5, 9.2, 20, 30}) {
      double border = Math.max(60, 2 * a + 20);
      double below = GammaResponse.kummer(a, border);
      double above = GammaResponse.kummer(a, Math.nextUp(border));
      assertEquals(below, above, 1e-14 * below, "a " + a);
    }
  }

  @Test
  void incompleteGammaBranchAndSeriesAgreeAtTheirBorder() {
    for (double a : new double[] {0.5, 3, 9.2, 30}) {
      double k = 2;
      double lambda = -0.5;
      double tau = (a + 1) / (k + lambda);
      double below = GammaResponse.response(a, k, lambda, Math.nextDown(tau));
      double above = GammaResponse.response(a, k, lambda, tau);
      assertEquals(below, above, 1e-13 * below, "a " + a);
    }
  }
}
