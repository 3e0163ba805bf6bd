package io.mmf.pk.tdm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.pk.tdm.SimulationEstimation.SubjectResult;
import io.mmf.pk.tdm.SimulationEstimation.Summary;
import io.mmf.pk.tdm.SimulationEstimation.Tally;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The study's tally (medians to 0.1 % bins, RMSE, coverage, counts) on hand-made subject outcomes, whose
 * summary is worked out here by sorting and summing: the studies themselves are too slow to run for
 * every mutant, and their aggregate assertions would not notice a bin off by one.
 */
class SimulationTallyTest {
  private static final double TRUE_AUC = 40;

  /** A subject whose estimate is {@code TRUE_AUC * (1 + error)}, with the given interval. */
  private static SubjectResult estimated(long i, double error, double lower, double upper, int censored) {
    return new SubjectResult(i, TRUE_AUC, TRUE_AUC * (1 + error), lower, upper, censored, "");
  }

  private static SubjectResult failed(long i, int censored) {
    return new SubjectResult(i, TRUE_AUC, Double.NaN, Double.NaN, Double.NaN, censored, "no mode");
  }

  private static Tally tally(double typicalAuc, SubjectResult... results) {
    Tally t = new Tally();
    for (SubjectResult r : results) {
      t.add(r, typicalAuc);
    }
    return t;
  }

  @Test
  void mediansAreTheLowerMiddleValueAtTheCentreOfItsBin() {
    // errors -4.04 %, +1.23 %, +2.27 %, +30.01 %: the lower median is the 2nd, +1.23 %, in the bin
    // [1.2 %, 1.3 %) whose centre is 1.25 %; absolute errors 1.23, 2.27, 4.04, 30.01 %: the 2nd, 2.27 %,
    // in [2.2 %, 2.3 %), centre 2.25 %
    Summary s = tally(TRUE_AUC, estimated(0, 0.3001, 0, 100, 0), estimated(1, -0.0404, 0, 100, 0),
        estimated(2, 0.0227, 0, 100, 0), estimated(3, 0.0123, 0, 100, 0)).summary();
    assertEquals(0.0125, s.medianErrorFraction(), 1e-12);
    assertEquals(0.0225, s.medianAbsoluteErrorFraction(), 1e-12);
    // odd count: the middle value (3 of 5): errors -4.04, +1.23, +2.27, +5.55, +30.01 %
    Summary odd = tally(TRUE_AUC, estimated(0, 0.3001, 0, 100, 0), estimated(1, -0.0404, 0, 100, 0),
        estimated(2, 0.0227, 0, 100, 0), estimated(3, 0.0123, 0, 100, 0), estimated(4, 0.0555, 0, 100, 0)).summary();
    assertEquals(0.0225, odd.medianErrorFraction(), 1e-12);
    assertEquals(0.0405, odd.medianAbsoluteErrorFraction(), 1e-12);
    // a negative median: -4.04 % lies in [-4.1 %, -4.0 %), centre -4.05 %
    Summary negative = tally(TRUE_AUC, estimated(0, -0.0404, 0, 100, 0), estimated(1, -0.0404, 0, 100, 0),
        estimated(2, 0.5, 0, 100, 0)).summary();
    assertEquals(-0.0405, negative.medianErrorFraction(), 1e-12);
    assertEquals(0.0405, negative.medianAbsoluteErrorFraction(), 1e-12);
  }

  @Test
  void errorsBeyondTheHistogramFallInItsEndBins() {
    // +900 % is past the last bin's +400 %: it counts in the last bin, whose centre is reported
    Summary high = tally(TRUE_AUC, estimated(0, 9.0, 0, 1000, 0)).summary();
    assertEquals((Tally.BINS - 1 + 0.5) / 1000 - 1, high.medianErrorFraction(), 1e-12);
    assertEquals(4.0005, high.medianErrorFraction(), 1e-12);
    // an estimate of 0 is -100 %, the first bin
    Summary low = tally(TRUE_AUC, estimated(0, -1.0, 0, 100, 0)).summary();
    assertEquals(-0.9995, low.medianErrorFraction(), 1e-12);
    assertEquals(1.0005, low.medianAbsoluteErrorFraction(), 1e-12, "|-100 %| is the bin [100 %, 100.1 %)");
    // exactly on a bin's lower edge (+0 %): the bin above it, centre +0.05 %
    Summary zero = tally(TRUE_AUC, estimated(0, 0.0, 0, 100, 0)).summary();
    assertEquals(0.0005, zero.medianErrorFraction(), 1e-12);
  }

  @Test
  void rmseCoverageAndCountsAgainstTheirDefinitions() {
    double[] errors = {0.1, -0.2, 0.05, 0.3};
    SubjectResult[] results = {
      // the interval's ends count as covering the truth (40)
      estimated(0, errors[0], 40, 50, 1),
      estimated(1, errors[1], 30, 40, 0),
      // just outside on either side
      estimated(2, errors[2], Math.nextUp(40.0), 50, 2),
      estimated(3, errors[3], 30, Math.nextDown(40.0), 0),
      failed(4, 3),
    };
    Summary s = tally(TRUE_AUC, results).summary();
    assertEquals(5, s.subjects());
    assertEquals(4, s.estimated(), "a failed estimate is simulated, not estimated");
    assertEquals(6, s.censoredSamples(), "censored levels of every subject, failed ones included");
    assertEquals(0.5, s.coverage95(), 1e-15, "2 of the 4 estimated");
    double rmse = Math.sqrt(Arrays.stream(errors).map(e -> e * e).sum() / 4);
    assertEquals(rmse, s.rmseFraction(), 1e-12);
  }

  @Test
  void thePriorErrorIsTheTypicalAucAgainstEverySubjectsTruth() {
    // typical 44.2 against truths 40 (+10.5 %), 50 (-11.6 %), 20 (+121 %), the last one failed: every
    // subject counts; the lower median of |error| (10.5, 11.6, 121 %) is 11.6 %, bin [11.6 %, 11.7 %)
    SubjectResult[] results = {
      new SubjectResult(0, 40, 41, 0, 100, 0, ""),
      new SubjectResult(1, 50, 41, 0, 100, 0, ""),
      new SubjectResult(2, 20, Double.NaN, Double.NaN, Double.NaN, 0, "failed"),
    };
    Summary s = tally(44.2, results).summary();
    assertEquals(0.1165, s.priorMedianAbsoluteErrorFraction(), 1e-12);
    assertEquals(3, s.subjects());
    assertEquals(2, s.estimated());
  }

  @Test
  void nothingEstimatedGivesNaNNotZero() {
    Summary s = tally(TRUE_AUC, failed(0, 0), failed(1, 1)).summary();
    assertEquals(2, s.subjects());
    assertEquals(0, s.estimated());
    assertTrue(Double.isNaN(s.medianErrorFraction()));
    assertTrue(Double.isNaN(s.medianAbsoluteErrorFraction()));
    assertTrue(Double.isNaN(s.rmseFraction()));
    assertTrue(Double.isNaN(s.coverage95()));
    assertEquals(0.0005, s.priorMedianAbsoluteErrorFraction(), 1e-12, "typical = truth: 0 %, the first bin");
    Summary empty = new Tally().summary();
    assertEquals(0, empty.subjects());
    assertTrue(Double.isNaN(empty.priorMedianAbsoluteErrorFraction()));
  }

  @Test
  void mergingChunksGivesTheSummaryOfAllTheirSubjects() {
    SubjectResult[] all = {
      estimated(0, 0.1, 40, 50, 1), estimated(1, -0.2, 30, 35, 0), failed(2, 2),
      estimated(3, 0.0404, 30, 45, 1), estimated(4, 0.3, 0, 100, 0), estimated(5, -0.0123, 41, 45, 0),
    };
    Summary whole = tally(45, all).summary();
    Tally first = tally(45, Arrays.copyOfRange(all, 0, 2));
    Tally second = tally(45, Arrays.copyOfRange(all, 2, 4));
    Tally third = tally(45, Arrays.copyOfRange(all, 4, 6));
    Tally merged = new Tally();
    merged.merge(first);
    merged.merge(second);
    merged.merge(third);
    Summary m = merged.summary();
    assertEquals(whole.subjects(), m.subjects());
    assertEquals(6, m.subjects());
    assertEquals(5, m.estimated());
    assertEquals(4, m.censoredSamples());
    assertEquals(whole.medianErrorFraction(), m.medianErrorFraction(), 0);
    assertEquals(whole.medianAbsoluteErrorFraction(), m.medianAbsoluteErrorFraction(), 0);
    assertEquals(whole.priorMedianAbsoluteErrorFraction(), m.priorMedianAbsoluteErrorFraction(), 0);
    assertEquals(whole.coverage95(), m.coverage95(), 0);
    assertEquals(3.0 / 5, m.coverage95(), 1e-15);
    double[] errors = {0.1, -0.2, 0.0404, 0.3, -0.0123};
    double rmse = Math.sqrt(Arrays.stream(errors).map(e -> e * e).sum() / 5);
    assertEquals(rmse, m.rmseFraction(), 1e-12);
    assertEquals(rmse, whole.rmseFraction(), 1e-12);
    // the sorted errors -20, -1.23, +4.04, +10, +30 %: the 3rd, bin [4.0 %, 4.1 %)
    assertEquals(0.0405, m.medianErrorFraction(), 1e-12);
    // a merge into a tally that has subjects of its own keeps them, and a merged tally merges whole
    Tally carrying = tally(45, Arrays.copyOfRange(all, 0, 4));
    carrying.merge(third);
    Tally nested = new Tally();
    Tally firstTwo = new Tally();
    firstTwo.merge(first);
    firstTwo.merge(second);
    nested.merge(firstTwo);
    nested.merge(third);
    for (Summary x : new Summary[] {carrying.summary(), nested.summary()}) {
      assertEquals(6, x.subjects());
      assertEquals(5, x.estimated());
      assertEquals(4, x.censoredSamples());
      assertEquals(3.0 / 5, x.coverage95(), 1e-15);
      assertEquals(0.0405, x.medianErrorFraction(), 1e-12);
      assertEquals(whole.medianAbsoluteErrorFraction(), x.medianAbsoluteErrorFraction(), 0);
      assertEquals(whole.priorMedianAbsoluteErrorFraction(), x.priorMedianAbsoluteErrorFraction(), 0);
      assertEquals(rmse, x.rmseFraction(), 1e-12);
    }
  }

  /** A van Hest 2005 study of MMF 1000 mg twice daily with the given design. */
  private static SimulationEstimation study(int doses, double[] samplingHours, double lloqMgPerL, long subjects,
      long seed) {
    return SimulationEstimation.of(MapEstimatorTest.VAN_HEST, MapEstimatorTest.BID_1000, doses, samplingHours,
        lloqMgPerL, subjects, seed);
  }

  @Test
  void aStudysArgumentsAreCheckedOnBothSidesOfEachLimit() {
    double[] three = {1.0 / 3, 1, 3};
    // accepted at each limit: one dose, a sample at the interval's end, LLOQ 0, one subject
    SimulationEstimation one = study(1, new double[] {12}, 0, 1, 1);
    assertEquals(1, one.chunkCount());
    assertEquals(0, one.lastDoseHours(), 0);
    SimulationEstimation many = study(10_000, three, 0.2, SimulationEstimation.MAX_SUBJECTS, 1);
    assertEquals((SimulationEstimation.MAX_SUBJECTS + SimulationEstimation.CHUNK - 1) / SimulationEstimation.CHUNK,
        many.chunkCount());
    assertEquals(9_999 * 12.0, many.lastDoseHours(), 0);
    // refused just past each
    assertThrows(IllegalArgumentException.class, () -> study(0, three, 0.2, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> study(10_001, three, 0.2, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> study(14, new double[] {Math.nextUp(12.0)}, 0.2, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> study(14, new double[] {0}, 0.2, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> study(14, new double[] {1, 1}, 0.2, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> study(14, new double[0], 0.2, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> study(14, three, -Double.MIN_VALUE, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> study(14, three, Double.NaN, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> study(14, three, Double.POSITIVE_INFINITY, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> study(14, three, 0.2, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> study(14, three, 0.2, SimulationEstimation.MAX_SUBJECTS + 1, 1));
    assertThrows(NullPointerException.class, () -> SimulationEstimation.of(MapEstimatorTest.VAN_HEST, null, 14,
        three, 0.2, 10, 1));
    assertThrows(NullPointerException.class, () -> study(14, null, 0.2, 10, 1));
    // subject indices
    assertThrows(IllegalArgumentException.class, () -> one.simulate(1));
    assertThrows(IllegalArgumentException.class, () -> one.simulate(-1));
    assertThrows(NullPointerException.class, () -> one.runChunks(0, 1, null));
    assertEquals(2, study(1, three, 0.2, 17, 1).chunkCount(), "17 subjects: 2 chunks of 16");
    assertEquals(1, study(1, three, 0.2, 16, 1).chunkCount(), "16 subjects: 1 chunk");
  }
}
