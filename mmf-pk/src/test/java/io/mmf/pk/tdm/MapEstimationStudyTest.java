package io.mmf.pk.tdm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.target.AucTarget;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.population.PopulationModel;
import io.mmf.pk.solve.ExactSolver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A simulation-estimation study: 200 virtual patients from van Hest 2005 with its variability and
 * residual error, on MMF 1000 mg twice daily for a week, sampled at 20 min, 1 h and 3 h after the 14th
 * dose (the usual three-point design, IATDMCT 2021), each estimated by MAP; the estimated AUC0-12 of
 * the sampled interval against each patient's true one.
 */
class MapEstimationStudyTest {
  /** The simulated assay's limit of quantification, mg/L: a study design choice, not a clinical figure. */
  static final double LLOQ = 0.2;

  @Test
  void threeSamplesEstimateAuc0to12WithinTenPercentMedianError() {
    PopulationModel pop = MapEstimatorTest.VAN_HEST;
    MapEstimator estimator = MapEstimator.of(pop);
    ExactSolver exact = MapEstimatorTest.EXACT;
    double last = MapEstimatorTest.LAST_DOSE;
    double[] times = {last + 1.0 / 3, last + 1, last + 3};
    SplittableRandom random = new SplittableRandom(20_261_122L);
    int n = 200;
    double[] mapError = new double[n];
    double[] priorError = new double[n];
    int covered = 0;
    int censored = 0;
    double typicalAuc = exact.aucMgHPerL(pop.individual(new double[4]), MapEstimatorTest.FOURTEEN_DOSES, last,
        last + 12);
    for (int p = 0; p < n; p++) {
      double[] eta = new double[4];
      pop.randomEffects().sample(random, new double[4], eta);
      PkModel truth = pop.individual(eta);
      double[] c = exact.simulate(truth, MapEstimatorTest.FOURTEEN_DOSES, times).analyteConcentrationsMgPerL(0);
      List<Sample> samples = new ArrayList<>();
      for (int k = 0; k < times.length; k++) {
        double y = pop.residualError().observe(c[k], random);
        if (y < LLOQ) {
          censored++;
          samples.add(Sample.belowLimit(times[k], LLOQ));
        } else {
          samples.add(Sample.measured(times[k], y));
        }
      }
      double trueAuc = exact.aucMgHPerL(truth, MapEstimatorTest.FOURTEEN_DOSES, last, last + 12);
      MapEstimate est = estimator.estimate(MapEstimatorTest.FOURTEEN_DOSES, samples);
      TdmAssessment a = est.assess(MapEstimatorTest.BID_1000, AucTarget.DEFAULT, List.of(), 200, p);
      mapError[p] = a.aucMgHPerL() / trueAuc - 1;
      priorError[p] = typicalAuc / trueAuc - 1;
      if (a.aucLowerMgHPerL() <= trueAuc && trueAuc <= a.aucUpperMgHPerL()) {
        covered++;
      }
    }
    double bias = median(mapError);
    double precision = median(Arrays.stream(mapError).map(Math::abs).toArray());
    double rmse = Math.sqrt(Arrays.stream(mapError).map(e -> e * e).average().orElseThrow());
    double priorPrecision = median(Arrays.stream(priorError).map(Math::abs).toArray());
    double coverage = covered / (double) n;
    System.out.printf(Locale.ROOT, "MAP study (van Hest 2005, 200 patients, 20 min/1 h/3 h, %d samples < LLOQ):"
        + " median error %+.1f %%, median absolute error %.1f %% (population prediction %.1f %%), RMSE %.1f %%,"
        + " 95 %% interval coverage %.1f %%%n", censored, 100 * bias, 100 * precision, 100 * priorPrecision,
        100 * rmse, 100 * coverage);
    assertTrue(precision < 0.10, "median absolute error " + precision + " (target < 10 %)");
    assertTrue(Math.abs(bias) < 0.05, "median error (bias) " + bias);
    assertTrue(rmse < 0.20, "RMSE " + rmse);
    assertTrue(precision < 0.7 * priorPrecision, "the samples must beat the population prediction: "
        + precision + " vs " + priorPrecision);
    // the Laplace interval is an approximation: allow 85-99 % coverage for a nominal 95 % (binomial SD 1.5 %)
    assertTrue(coverage >= 0.85 && coverage <= 0.99, "coverage " + coverage);
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }
}
