package io.mmf.pk.solve.exact;

import org.apache.commons.math3.special.Gamma;

/**
 * The closed forms of a gamma-shaped input against one mode of a linear system: for the input density
 * g(s) = k^a s^(a-1) e^(-k s) / Gamma(a) (shape a, rate k; a Savic chain of n compartments is a = n + 1,
 * k = ktr) and a mode of eigenvalue lambda, the response from arrival
 *
 * <pre>  E(tau) = integral_0^tau e^(lambda (tau - s)) g(s) ds</pre>
 *
 * and the delivered fraction P(a, k tau). With mu = k + lambda:
 * <ul>
 *   <li>mu &gt; 0 and mu tau &gt;= a + 1: E = e^(lambda tau) (k / mu)^a P(a, mu tau), P by Commons Math
 *       (the continued fraction of Q there), the power taken in logarithms;</li>
 *   <li>0 &lt;= mu tau &lt; a + 1 (mu = k - |lambda| of either sign small, mu = 0 included): the series
 *       E = e^(-k tau) (k tau)^a sum_j (mu tau)^j / Gamma(a + j + 1), every term positive;</li>
 *   <li>mu &lt; 0 (a mode faster than the input): with x = -mu tau, E = e^(-k tau) (k tau)^a / Gamma(a)
 *       F(x), F(x) = integral_0^1 (1 - v)^(a-1) e^(-x v) dv = M(1, a + 1, -x) / a, the confluent
 *       hypergeometric function after Kummer's transformation: e^(-x) sum_j x^j / (j! (a + j)), every
 *       term positive, for x up to max(60, 2a + 20); beyond, its asymptotic series (1/x) sum_j
 *       prod_{i &lt;= j} (i - a) / x, whose terms fall by at least half at first and which is cut at
 *       its smallest term, below 1e-17 of the sum (the remainder of Watson's lemma, plus e^(-x) from
 *       the far end).</li>
 * </ul>
 * Every branch sums positive terms or evaluates a regularised gamma function, so E has a relative
 * error of a few ulps times the number of terms (1e-14 over the shapes 0.1 to 5000 and rates of the
 * models; {@code GammaResponseTest} holds each branch to an independent quadrature and the branches to
 * each other at their borders). A segment's increment E(tau1) - e^(lambda h) E(tau0) then has an error
 * of that size relative to the mode's own amount, not to the increment: the same rounding as a matrix
 * exponential's.
 */
final class GammaResponse {
  private GammaResponse() {}

  /** Delivered fraction below which a dose is done: what it has still to deliver after {@link #cutoffHours}. */
  static final double DONE = 1e-18;

  /** P(a, k tau): the fraction of a dose delivered tau after its arrival. */
  static double delivered(double a, double k, double tau) {
    return tau <= 0 ? 0 : Gamma.regularizedGammaP(a, k * tau);
  }

  /** P(a, k tau) - P(a, k tau0), from whichever tail is smaller (no cancellation near 1). */
  static double deliveredBetween(double a, double k, double tau0, double tau1) {
    if (tau1 <= tau0) {
      return 0;
    }
    double x0 = k * Math.max(0, tau0);
    double x1 = k * tau1;
    if (x0 < a) {
      return Gamma.regularizedGammaP(a, x1) - (x0 <= 0 ? 0 : Gamma.regularizedGammaP(a, x0));
    }
    return Gamma.regularizedGammaQ(a, x0) - Gamma.regularizedGammaQ(a, x1);
  }

  /** The time after arrival after which a law of shape a and rate k has less than {@link #DONE} to deliver, h. */
  static double cutoffHours(double a, double k) {
    double x = a + 1;
    while (Gamma.regularizedGammaQ(a, x) > DONE) {
      x *= 1.25;
    }
    return x / k;
  }

  /**
   * E(tau): the amount in a mode of eigenvalue lambda (&lt;= 0) tau h after a unit dose began to arrive
   * by the law (a, k), starting empty.
   */
  static double response(double a, double k, double lambda, double tau) {
    if (!(tau > 0)) {
      return 0;
    }
    double mu = k + lambda;
    double kt = k * tau;
    double x = mu * tau;
    if (x >= a + 1) {
      return Math.exp(lambda * tau + a * Math.log(k / mu)) * Gamma.regularizedGammaP(a, x);
    }
    double logPrefix = -kt + a * Math.log(kt);
    if (x >= 0) {
      // sum_j x^j / Gamma(a + j + 1) = (1 / Gamma(a + 1)) sum_j x^j / ((a + 1) ... (a + j))
      double term = 1;
      double sum = 1;
      for (int j = 1; j < 100_000; j++) {
        term *= x / (a + j);
        sum += term;
        if (term <= 1e-17 * sum) {
          break;
        }
      }
      return Math.exp(logPrefix - Gamma.logGamma(a + 1)) * sum;
    }
    return Math.exp(logPrefix - Gamma.logGamma(a)) * kummer(a, -x);
  }

  /** F(x) = integral_0^1 (1 - v)^(a-1) e^(-x v) dv, x &gt; 0. */
  static double kummer(double a, double x) {
    if (x <= Math.max(60, 2 * a + 20)) {
      // e^(-x) sum_j x^j / (j! (a + j)), its terms t_j = e^(-x) x^j / j! / (a + j)
      double poisson = Math.exp(-x);
      double sum = poisson / a;
      for (int j = 1; j < 100_000; j++) {
        poisson *= x / j;
        double term = poisson / (a + j);
        sum += term;
        if (j > x && term <= 1e-17 * sum) {
          break;
        }
      }
      return sum;
    }
    double term = 1 / x;
    double sum = term;
    for (int j = 1; j < 10_000; j++) {
      double next = term * (j - a) / x;
      if (Math.abs(next) >= Math.abs(term) && j > a) {
        break; // the asymptotic series' smallest term is behind
      }
      term = next;
      sum += term;
      if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
        break;
      }
    }
    return sum;
  }

  /**
   * The integral over a segment of the part of a mode's amount that a dose's input during the segment
   * makes: with y(tau1) = E(tau1) - e^(lambda h) E(tau0) (that part at the end) and dP the fraction
   * delivered in the segment, y' = lambda y + g gives the integral (y(tau1) - dP) / lambda; for |lambda h|
   * below 1e-8, where that division would lose the digits, the lambda = 0 form tau P(a, k tau) -
   * (a / k) P(a + 1, k tau) minus h P(a, k tau0), whose error is below |lambda| h of the result.
   */
  static double integralOfIncrement(double a, double k, double lambda, double tau0, double tau1, double y,
      double dP) {
    double h = tau1 - tau0;
    if (Math.abs(lambda) * h >= 1e-8) {
      return (y - dP) / lambda;
    }
    return tau1 * delivered(a, k, tau1) - a / k * delivered(a + 1, k, tau1)
        - (tau0 * delivered(a, k, tau0) - a / k * delivered(a + 1, k, tau0)) - h * delivered(a, k, tau0);
  }
}
