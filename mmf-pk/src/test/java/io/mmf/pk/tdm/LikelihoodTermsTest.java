package io.mmf.pk.tdm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mmf.pk.population.ResidualError;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Each sample's term of the MAP objective is its negative log likelihood up to a constant, checked
 * against Commons Math's normal distribution: a measured level's density (with its log(sd) term, which
 * decides how additive and proportional error weigh levels of different size) and a level below the
 * limit by Beal's M3, -ln P(Y < limit).
 */
class LikelihoodTermsTest {
  private static final double HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

  @Test
  void aMeasuredLevelIsItsGaussianNegativeLogDensity() {
    ResidualError e = ResidualError.combined(0.45, 0.2);
    for (double[] yf : new double[][] {{6.5, 5.0}, {0.3, 2.0}, {12, 12}, {1, 20}}) {
      double sd = Math.sqrt(0.45 * 0.45 + 0.2 * 0.2 * yf[1] * yf[1]);
      double expected = -new NormalDistribution(yf[1], sd).logDensity(yf[0]) - HALF_LN_2PI;
      assertEquals(expected, MapEstimator.term(e, Sample.measured(1, yf[0]), yf[1]), 1e-12);
    }
  }

  @Test
  void aLevelBelowTheLimitIsTheLogProbabilityOfLyingBelowIt() {
    ResidualError e = ResidualError.additive(0.45);
    double p = new NormalDistribution(2.0, 0.45).cumulativeProbability(0.5);
    assertEquals(-Math.log(p), MapEstimator.term(e, Sample.belowLimit(1, 0.5), 2.0), 1e-10);
    ResidualError exp = ResidualError.exponential(0.3);
    double pl = new NormalDistribution(Math.log(2.0), 0.3).cumulativeProbability(Math.log(0.5));
    assertEquals(-Math.log(pl), MapEstimator.term(exp, Sample.belowLimit(1, 0.5), 2.0), 1e-10);
    double r = (Math.log(3) - Math.log(2)) / 0.3;
    assertEquals(0.5 * r * r, MapEstimator.term(exp, Sample.measured(1, 3), 2.0), 1e-12);
  }

  @Test
  void logPhiIsContinuousWhereItSwitchesToTheTailSeries() {
    for (double x : new double[] {-29.999, -30, -30.001, -5, 0, 3}) {
      double direct = x > -37 ? Math.log(new NormalDistribution().cumulativeProbability(x)) : Double.NaN;
      assertEquals(direct, MapEstimator.logPhi(x), 1e-7 * Math.max(1, Math.abs(direct)), "x = " + x);
    }
  }

  @Test
  void quantilesInterpolateBetweenOrderStatistics() {
    double[] sorted = {1, 2, 4, 8};
    assertEquals(1, MapEstimate.quantile(sorted, 0));
    assertEquals(8, MapEstimate.quantile(sorted, 1));
    assertEquals(3, MapEstimate.quantile(sorted, 0.5));   // h = 1.5: 2 + 0.5 (4 - 2)
    assertEquals(1.075, MapEstimate.quantile(sorted, 0.025), 1e-12); // h = 0.075
    assertEquals(7.7, MapEstimate.quantile(sorted, 0.975), 1e-12);   // h = 2.925: 4 + 0.925 * 4
    assertEquals(5, MapEstimate.quantile(new double[] {5}, 0.5));
  }
}
