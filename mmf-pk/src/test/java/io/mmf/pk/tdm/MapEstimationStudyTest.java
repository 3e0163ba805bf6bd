package io.mmf.pk.tdm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.pk.population.PopulationModel;
import io.mmf.pk.population.Populations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

  static SimulationEstimation study(long subjects) {
    return SimulationEstimation.of(MapEstimatorTest.VAN_HEST, MapEstimatorTest.BID_1000, 14,
        new double[] {1.0 / 3, 1, 3}, LLOQ, subjects, 20_261_122L);
  }

  @Test
  void threeSamplesEstimateAuc0to12WithinTenPercentMedianError() {
    SimulationEstimation study = study(200);
    List<SimulationEstimation.SubjectResult> all = new ArrayList<>();
    SimulationEstimation.Summary s = study.summary(List.of(study.runChunks(0, study.chunkCount(), all::add)));
    System.out.printf(Locale.ROOT, "MAP study (van Hest 2005, 200 patients, 20 min/1 h/3 h, %d samples < LLOQ):"
        + " median error %+.1f %%, median absolute error %.1f %% (population prediction %.1f %%), RMSE %.1f %%,"
        + " 95 %% interval coverage %.1f %%%n", s.censoredSamples(), 100 * s.medianErrorFraction(),
        100 * s.medianAbsoluteErrorFraction(), 100 * s.priorMedianAbsoluteErrorFraction(), 100 * s.rmseFraction(),
        100 * s.coverage95());
    assertEquals(200, s.subjects());
    assertEquals(200, s.estimated(), "every patient estimated");
    assertTrue(s.medianAbsoluteErrorFraction() < 0.10, "median absolute error " + s.medianAbsoluteErrorFraction());
    assertTrue(Math.abs(s.medianErrorFraction()) < 0.05, "median error (bias) " + s.medianErrorFraction());
    assertTrue(s.rmseFraction() < 0.20, "RMSE " + s.rmseFraction());
    assertTrue(s.medianAbsoluteErrorFraction() < 0.7 * s.priorMedianAbsoluteErrorFraction(),
        "the samples must beat the population prediction");
    // the Laplace interval is an approximation: allow 85-99 % coverage for a nominal 95 % (binomial SD 1.5 %)
    assertTrue(s.coverage95() >= 0.85 && s.coverage95() <= 0.99, "coverage " + s.coverage95());

    // the streamed summary against the subjects themselves, sorted here: medians to the 0.1 % bins
    double[] errors = all.stream().mapToDouble(r -> r.estimatedAucMgHPerL() / r.trueAucMgHPerL() - 1).toArray();
    assertEquals(lowerMedian(errors), s.medianErrorFraction(), 0.0005 + 1e-12);
    assertEquals(lowerMedian(Arrays.stream(errors).map(Math::abs).toArray()), s.medianAbsoluteErrorFraction(),
        0.0005 + 1e-12);
    assertEquals(Math.sqrt(Arrays.stream(errors).map(e -> e * e).average().orElseThrow()), s.rmseFraction(), 1e-12);
    long covered = all.stream().filter(r -> r.lowerMgHPerL() <= r.trueAucMgHPerL()
        && r.trueAucMgHPerL() <= r.upperMgHPerL()).count();
    assertEquals(covered / 200.0, s.coverage95(), 1e-15);
  }

  /**
   * The study with van Hest 2005's between-occasion variability (the bundled file: IOV ka 0.86, V1
   * 0.384, CL 0.084, each day an occasion): 200 patients on MMF 1000 mg twice daily for three days (6
   * doses; each day's kappa drawn anew, so the sampled day 2 differs from the days before it), sampled
   * at 20 min, 1 h and 3 h after the 6th dose with the additive error 0.45 mg/L, each estimated by MAP
   * with that day's kappa; the AUC0-12 of the sampled interval on its occasion against the truth.
   * Three days rather than the week above keep the run near half a minute; each dose's carry-over into
   * the sampled interval is simulated, not assumed.
   */
  @Test
  void withBetweenOccasionVariabilityTheIntervalStillCoversNinetyFivePercent() {
    SimulationEstimation study = SimulationEstimation.of(Populations.named("van-hest-2005").at(
        Populations.REFERENCE_COVARIATES), MapEstimatorTest.BID_1000, 6, new double[] {1.0 / 3, 1, 3}, LLOQ, 200,
        20_261_122L);
    SimulationEstimation.Summary s = study.run();
    System.out.printf(Locale.ROOT, "MAP study with IOV (van Hest 2005, 200 patients, 20 min/1 h/3 h after dose 6,"
        + " %d samples < LLOQ): median error %+.1f %%, median absolute error %.1f %% (population prediction %.1f %%),"
        + " RMSE %.1f %%, 95 %% interval coverage %.1f %%%n", s.censoredSamples(), 100 * s.medianErrorFraction(),
        100 * s.medianAbsoluteErrorFraction(), 100 * s.priorMedianAbsoluteErrorFraction(), 100 * s.rmseFraction(),
        100 * s.coverage95());
    assertEquals(200, s.subjects());
    assertEquals(200, s.estimated(), "every patient estimated");
    assertTrue(s.medianAbsoluteErrorFraction() < 0.12, "median absolute error " + s.medianAbsoluteErrorFraction());
    assertTrue(Math.abs(s.medianErrorFraction()) < 0.05, "median error (bias) " + s.medianErrorFraction());
    assertTrue(s.medianAbsoluteErrorFraction() < 0.3 * s.priorMedianAbsoluteErrorFraction(),
        "the samples must beat the population prediction");
    // 200 patients at a true 95 %: binomial SD sqrt(0.95 x 0.05 / 200) = 1.5 %, so 90-99 % is -3.2 to +2.6 SD;
    // an interval that ignored the occasion's kappa (too narrow) or doubled it (too wide) would leave the band
    assertTrue(s.coverage95() >= 0.90 && s.coverage95() <= 0.99, "coverage " + s.coverage95());
  }

  @Test
  void aStudyIsTheSameToTheBitInAnyChunking() {
    SimulationEstimation study = study(40);
    long n = study.chunkCount();
    SimulationEstimation.Summary one = study.run();
    List<SimulationEstimation.PartialResult> parts = new ArrayList<>();
    for (long c = n - 1; c >= 0; c--) {
      parts.add(study.runChunks(c, c + 1, r -> { }));
    }
    assertEquals(one, study.summary(parts));
    assertEquals(study.subject(17), study.subject(17), "a subject's stream is keyed by (seed, index) alone");
    assertThrows(IllegalArgumentException.class, () -> study.summary(parts.subList(1, parts.size())));
    assertThrows(IllegalArgumentException.class, () -> SimulationEstimation.of(MapEstimatorTest.VAN_HEST,
        MapEstimatorTest.BID_1000, 14, new double[] {3, 1}, LLOQ, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> SimulationEstimation.of(Populations.jiao2008(65.5),
        MapEstimatorTest.BID_1000, 14, new double[] {1, 3}, LLOQ, 10, 1));
  }

  @Test
  void aStudyWithOccasionsIsTheSameToTheBitInAnyChunking() {
    // (a study with occasions; here with the studies, which mutation testing leaves out, README)
    PopulationModel iov = Populations.named("van-hest-2005").at(Populations.REFERENCE_COVARIATES);
    SimulationEstimation study = SimulationEstimation.of(iov, MapEstimatorTest.BID_1000, 6,
        new double[] {1.0 / 3, 1, 3}, 0.2, SimulationEstimation.CHUNK + 1, 9);
    SimulationEstimation.Summary one = study.run();
    List<SimulationEstimation.PartialResult> parts = new ArrayList<>();
    for (long c = study.chunkCount() - 1; c >= 0; c--) {
      parts.add(study.runChunks(c, c + 1, r -> { }));
    }
    assertEquals(one, study.summary(parts));
  }

  /** The n/2-th order statistic (the lower of the two middle values for even n), as the study reports. */
  static double lowerMedian(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s[(s.length - 1) / 2];
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }
}
