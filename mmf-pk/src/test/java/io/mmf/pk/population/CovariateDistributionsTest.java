package io.mmf.pk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each covariate distribution validates at both edges and draws what its definition says. */
class CovariateDistributionsTest {
  private static final int N = 40_000;

  private static double[] draws(Covariates.Distribution d) {
    SplittableRandom r = new SplittableRandom(16);
    double[] x = new double[N];
    for (int i = 0; i < N; i++) {
      x[i] = d.draw(r);
    }
    return x;
  }

  private static double mean(double[] x) {
    return Arrays.stream(x).average().orElseThrow();
  }

  private static double sd(double[] x) {
    double m = mean(x);
    return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1));
  }

  private static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  @Test
  void uniformDrawsCoverItsIntervalEvenly() {
    double[] x = draws(new Covariates.Uniform(40, 100));
    assertTrue(Arrays.stream(x).allMatch(v -> v >= 40 && v < 100));
    assertEquals(70, mean(x), 0.5);
    assertEquals(60 / Math.sqrt(12), sd(x), 0.3);
    assertThrows(IllegalArgumentException.class, () -> new Covariates.Uniform(5, 5));
    assertThrows(IllegalArgumentException.class, () -> new Covariates.Uniform(5, 4));
    assertThrows(IllegalArgumentException.class, () -> new Covariates.Uniform(Double.NEGATIVE_INFINITY, 4));
    assertThrows(IllegalArgumentException.class, () -> new Covariates.Uniform(1, Double.NaN));
    assertEquals(5.0, new Covariates.Uniform(5, Math.nextUp(5.0)).min());
  }

  /**
   * Every distribution's parameters are bounded by {@link Covariates#MAX_MAGNITUDE} (and the CV by
   * {@link RandomEffects#MAX_CV}), accepted at the bound and refused just past it, and draws at the bounds
   * are finite: LogNormal(1e300, 1e300) and Uniform(-1.7e308, 1.7e308) were accepted and drew Infinity.
   */
  @Test
  void parametersAreBoundedSoThatEveryDrawIsFinite() {
    double m = Covariates.MAX_MAGNITUDE;
    double over = Math.nextUp(m);
    List<Covariates.Distribution> atBounds = List.of(new Covariates.Fixed(-m), new Covariates.Normal(m, m,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), new Covariates.LogNormal(m, RandomEffects.MAX_CV),
        new Covariates.Uniform(-m, m));
    SplittableRandom r = new SplittableRandom(16);
    for (Covariates.Distribution d : atBounds) {
      for (int i = 0; i < 100_000; i++) {
        double v = d.draw(r);
        assertTrue(Double.isFinite(v), d + ": " + v);
      }
    }
    for (Runnable bad : List.<Runnable>of(() -> new Covariates.Fixed(over), () -> new Covariates.Fixed(-over),
        () -> new Covariates.Normal(over, 1, 0, 1), () -> new Covariates.Normal(0, over, 0, 1),
        () -> new Covariates.LogNormal(over, 0.3), () -> new Covariates.LogNormal(70, Math.nextUp(RandomEffects.MAX_CV)),
        () -> new Covariates.LogNormal(1e300, 1e300), () -> new Covariates.Uniform(-over, 0),
        () -> new Covariates.Uniform(0, over), () -> new Covariates.Uniform(-Double.MAX_VALUE, Double.MAX_VALUE))) {
      assertThrows(IllegalArgumentException.class, bad::run);
    }
    assertEquals("Invalid value for uniform distribution (expected -1e6 <= min < max <= 1e6): [-1.7976931348623157E308,"
        + " 1.7976931348623157E308]", assertThrows(IllegalArgumentException.class, () -> new Covariates.Uniform(
        -Double.MAX_VALUE, Double.MAX_VALUE)).getMessage());
    assertEquals("Invalid value for cv (expected > 0 and <= 100): 1.0E300", assertThrows(
        IllegalArgumentException.class, () -> RandomEffects.varianceOfCv(1e300)).getMessage());
    assertEquals(Math.log1p(1e4), RandomEffects.varianceOfCv(100), 1e-12);
  }

  /** A seeded draw is the formula on the generator's first normal draw: mean + sd z, median exp(omega z). */
  @Test
  void aSeededDrawIsTheFormulaOnTheGeneratorsDraw() {
    double z = new SplittableRandom(5).nextGaussian();
    assertEquals(70 + 12 * z, new Covariates.Normal(70, 12, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
        .draw(new SplittableRandom(5)), 1e-12);
    assertEquals(70 * Math.exp(Math.sqrt(Math.log(1 + 0.3 * 0.3)) * z), new Covariates.LogNormal(70, 0.3).draw(
        new SplittableRandom(5)), 1e-12);
  }

  @Test
  void logNormalHasItsMedianAndCv() {
    double[] x = draws(new Covariates.LogNormal(70, 0.3));
    assertEquals(70, median(x), 1);
    // CV of a log-normal with omega^2 = ln(1 + CV^2) is CV itself
    assertEquals(0.3, sd(x) / mean(x), 0.01);
    assertTrue(Arrays.stream(x).allMatch(v -> v > 0));
    for (double[] bad : new double[][] {{0, 0.3}, {-1, 0.3}, {70, 0}, {70, -0.1}, {Double.POSITIVE_INFINITY, 0.3},
        {70, Double.POSITIVE_INFINITY}, {Double.NaN, 0.3}}) {
      assertThrows(IllegalArgumentException.class, () -> new Covariates.LogNormal(bad[0], bad[1]),
          Arrays.toString(bad));
    }
  }

  @Test
  void normalIsTruncatedByRedrawingAndFallsBackToTheNearestBound() {
    double[] x = draws(new Covariates.Normal(70, 12, 60, 130));
    assertTrue(Arrays.stream(x).allMatch(v -> v >= 60 && v <= 130));
    // truncated below one SD under the mean: the mean of N(70, 12) given X >= 60 is 70 + 12 phi(a) / (1 - Phi(a))
    double a = -10.0 / 12;
    double phi = Math.exp(-a * a / 2) / Math.sqrt(2 * Math.PI);
    double upper = 1 - new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(a);
    assertEquals(70 + 12 * phi / upper, mean(x), 0.3);
    double[] plain = draws(new Covariates.Normal(70, 12, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
    assertEquals(70, mean(plain), 0.3);
    assertEquals(12, sd(plain), 0.2);
    // a window the distribution almost never reaches: the draw gives the bound nearest the mean
    assertEquals(200, new Covariates.Normal(70, 1, 200, 300).draw(new SplittableRandom(1)));
    assertEquals(50, new Covariates.Normal(70, 1, 10, 50).draw(new SplittableRandom(1)));
    assertEquals(70, new Covariates.Normal(70, 0, 70, 70).draw(new SplittableRandom(1)));
    assertThrows(IllegalArgumentException.class, () -> new Covariates.Normal(70, 1, 80, 79));
    assertThrows(IllegalArgumentException.class, () -> new Covariates.Normal(70, -1, 0, 100));
    assertThrows(IllegalArgumentException.class, () -> new Covariates.Normal(Double.NaN, 1, 0, 100));
    assertThrows(IllegalArgumentException.class, () -> new Covariates.Normal(70, 1, Double.NaN, 100));
    assertThrows(IllegalArgumentException.class, () -> new Covariates.Normal(70, Double.POSITIVE_INFINITY, 0, 100));
  }

  @Test
  void bernoulliIsOneWithItsProbability() {
    assertEquals(0.3, mean(draws(new Covariates.Bernoulli(0.3))), 0.01);
    assertEquals(0, mean(draws(new Covariates.Bernoulli(0))));
    assertEquals(1, mean(draws(new Covariates.Bernoulli(1))));
    assertThrows(IllegalArgumentException.class, () -> new Covariates.Bernoulli(Math.nextUp(1.0)));
    assertThrows(IllegalArgumentException.class, () -> new Covariates.Bernoulli(-Double.MIN_VALUE));
    assertThrows(IllegalArgumentException.class, () -> new Covariates.Bernoulli(Double.NaN));
  }
}
