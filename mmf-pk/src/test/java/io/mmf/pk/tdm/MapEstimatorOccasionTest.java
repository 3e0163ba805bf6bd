package io.mmf.pk.tdm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.target.AucTarget;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.population.PopulationModel;
import io.mmf.pk.population.Populations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MAP estimation with between-occasion variability, against laws that hold whatever the optimiser:
 * variances of 0 give the estimate without the section, bit for bit; on one occasion the data inform
 * only eta + kappa, so the estimate splits it as the prior does and equals the estimate under one
 * random effect of variance omega + pi.
 */
class MapEstimatorOccasionTest {
  @TempDir
  Path dir;

  static String vanHestFile() throws IOException {
    try (InputStream in = Populations.class.getResourceAsStream("van-hest-2005.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The bundled van Hest 2005 file with its occasions section replaced. */
  PopulationModel vanHest(String name, String occasions) throws Exception {
    return vanHest(name, vanHestFile(), occasions);
  }

  PopulationModel vanHest(String name, String text, String occasions) throws Exception {
    int from = text.indexOf("  \"occasions\"");
    int to = text.indexOf("  \"residualError\"");
    assertTrue(from > 0 && to > from);
    Path p = dir.resolve(name);
    Files.writeString(p, text.substring(0, from) + occasions + text.substring(to));
    return Populations.read(p).at(Populations.REFERENCE_COVARIATES);
  }

  static final List<Sample> SAMPLES = List.of(Sample.measured(156 + 1.0 / 3, 6.1), Sample.measured(157, 8.4),
      Sample.measured(159, 3.2));

  @Test
  void occasionVariancesOfZeroGiveExactlyTheEstimateWithout() throws Exception {
    PopulationModel none = vanHest("none.json", "");
    PopulationModel zero = vanHest("zero.json", "  \"occasions\": {\"definition\": \"day\", \"parameters\": [\"ka\","
        + " \"V1\", \"CL\"], \"omega\": [[0, 0, 0], [0, 0, 0], [0, 0, 0]]},\n");
    MapEstimate a = MapEstimator.of(none).estimate(MapEstimatorTest.FOURTEEN_DOSES, SAMPLES);
    MapEstimate b = MapEstimator.of(zero).estimate(MapEstimatorTest.FOURTEEN_DOSES, SAMPLES);
    assertArrayEquals(a.eta(), b.eta());
    assertArrayEquals(a.covariance(), b.covariance());
    assertArrayEquals(a.predictedMgPerL(), b.predictedMgPerL());
    assertEquals(0, b.sampledOccasions().length);
    assertEquals(a.assess(MapEstimatorTest.BID_1000, AucTarget.DEFAULT, List.of()),
        b.assess(MapEstimatorTest.BID_1000, AucTarget.DEFAULT, List.of()));
    SimulationEstimation x = SimulationEstimation.of(none, MapEstimatorTest.BID_1000, 14, new double[] {1.0 / 3, 1, 3},
        0.2, 12, 5);
    SimulationEstimation y = SimulationEstimation.of(zero, MapEstimatorTest.BID_1000, 14, new double[] {1.0 / 3, 1, 3},
        0.2, 12, 5);
    assertEquals(x.run(), y.run());
  }

  @Test
  void onOneOccasionTheEstimateSplitsAsThePriorAndMatchesTheSummedVariance() throws Exception {
    PopulationModel iov = Populations.named("van-hest-2005").at(Populations.REFERENCE_COVARIATES);
    // the same model with one random effect per parameter of variance omega + pi (ka 0.802 + 0.86,
    // CL 0.091 + 0.084, V1 0.602 + 0.384) and no occasions
    String summed = vanHestFile().replace("[0.802, 0, 0, 0]", "[1.662, 0, 0, 0]").replace("[0, 0.091, 0, 0]",
        "[0, 0.175, 0, 0]").replace("[0, 0, 0.602, 0]", "[0, 0, 0.986, 0]");
    PopulationModel sum = vanHest("summed.json", summed, "");
    PopulationModel plain = vanHest("plain.json", "");
    // one occasion: the steady state (SS 1) at 144 h stands for every earlier dose on that day's parameters
    DoseRecords history = DoseRecords.steadyState(MapEstimatorTest.BID_1000, 144, 1);
    List<Sample> samples = List.of(Sample.measured(156 + 1.0 / 3, 6.1), Sample.measured(157, 8.4),
        Sample.measured(159, 3.2));
    MapEstimate e = MapEstimator.of(iov).estimate(history, samples);
    assertArrayEquals(new double[] {6}, e.sampledOccasions());
    double[] eta = e.eta();
    double[] kappa = e.kappa(0);
    // eta order ka, CL, V1, V2; kappa order ka, V1, CL: at the mode eta / kappa = omega / pi
    assertEquals(0.802 / 0.86, eta[0] / kappa[0], 2e-3 * 0.802 / 0.86, "ka");
    assertEquals(0.091 / 0.084, eta[1] / kappa[2], 2e-3 * 0.091 / 0.084, "CL");
    assertEquals(0.602 / 0.384, eta[2] / kappa[1], 2e-3 * 0.602 / 0.384, "V1");
    MapEstimate s = MapEstimator.of(sum).estimate(history, samples);
    double[] t = s.eta();
    assertEquals(t[0], eta[0] + kappa[0], 1e-4, "ka: eta + kappa is the summed model's eta");
    assertEquals(t[1], eta[1] + kappa[2], 1e-4, "CL");
    assertEquals(t[2], eta[2] + kappa[1], 1e-4, "V1");
    assertEquals(t[3], eta[3], 1e-4, "V2 has no occasion effect");
    double from = e.sampledDoseHours();
    assertEquals(s.aucMgHPerL(from, from + 12), e.aucMgHPerL(from, from + 12), 1e-4 * s.aucMgHPerL(from, from + 12));
    // the interval: the joint posterior's marginal of eta + kappa is the summed model's posterior; the
    // bounds are quantiles of 4000 draws each, so they agree to the Monte Carlo error (about 1-2 %)
    TdmAssessment ai = e.assess(MapEstimatorTest.BID_1000, AucTarget.DEFAULT, List.of(), 4000, 1);
    TdmAssessment as = s.assess(MapEstimatorTest.BID_1000, AucTarget.DEFAULT, List.of(), 4000, 2);
    assertEquals(as.aucLowerMgHPerL(), ai.aucLowerMgHPerL(), 0.03 * as.aucLowerMgHPerL());
    assertEquals(as.aucUpperMgHPerL(), ai.aucUpperMgHPerL(), 0.03 * as.aucUpperMgHPerL());
    // without the occasions the same data give a narrower interval than with them
    TdmAssessment ap = MapEstimator.of(plain).estimate(history, samples).assess(MapEstimatorTest.BID_1000,
        AucTarget.DEFAULT, List.of(), 4000, 1);
    assertTrue(ap.aucUpperMgHPerL() - ap.aucLowerMgHPerL() < ai.aucUpperMgHPerL() - ai.aucLowerMgHPerL());
    // the next occasion is predicted on eta alone (kappa 0): the steady state of individual(eta, 0)
    double ss = new io.mmf.pk.solve.ExactSolver().steadyStateSummary(iov.individual(eta, new double[3]),
        MapEstimatorTest.BID_1000.dose(), MapEstimatorTest.BID_1000.formulation(),
        MapEstimatorTest.BID_1000.interval(), from % 24).aucTauMgHPerL();
    assertEquals(ss, ai.steadyStateAuc12hMgHPerL(), 1e-9 * ss);
    assertThrows(IndexOutOfBoundsException.class, () -> e.kappa(1));
  }

  @Test
  void everyOccasionWithASampleIsEstimated() {
    PopulationModel iov = Populations.named("van-hest-2005").at(Populations.REFERENCE_COVARIATES);
    // samples on day 1 (after the 3rd dose) and on day 6 (after the 14th)
    List<Sample> samples = new ArrayList<>(List.of(Sample.measured(25, 7.5), Sample.measured(27, 4.0)));
    samples.addAll(SAMPLES);
    MapEstimate e = MapEstimator.of(iov).estimate(MapEstimatorTest.FOURTEEN_DOSES, samples);
    assertArrayEquals(new double[] {1, 6}, e.sampledOccasions());
    double[] curve = e.curve(new double[] {25, 27, 156 + 1.0 / 3, 157, 159}).analyteConcentrationsMgPerL(0);
    assertArrayEquals(e.predictedMgPerL(), curve, 1e-12);
    // the individual() is the last sampled occasion's
    assertTrue(e.kappa(0)[0] != e.kappa(1)[0]);
  }

  @Test
  void aRunMayDefineOccasionsOtherwiseThanTheFile() {
    PopulationModel byDay = Populations.named("van-hest-2005").at(Populations.REFERENCE_COVARIATES);
    PopulationModel byDose = Populations.withOccasionDefinition(byDay,
        io.mmf.pk.population.OccasionVariability.Definition.DOSE, null);
    assertEquals(io.mmf.pk.population.OccasionVariability.Definition.DOSE, byDose.occasions().orElseThrow()
        .definition());
    assertEquals(byDay.occasions().orElseThrow().parameters(), byDose.occasions().orElseThrow().parameters());
    MapEstimate d = MapEstimator.of(byDose).estimate(MapEstimatorTest.FOURTEEN_DOSES, SAMPLES);
    MapEstimate y = MapEstimator.of(byDay).estimate(MapEstimatorTest.FOURTEEN_DOSES, SAMPLES);
    // the samples after the 14th dose (156 h) are on day 6, which began with the 13th dose
    assertArrayEquals(new double[] {14}, d.sampledOccasions());
    assertArrayEquals(new double[] {6}, y.sampledOccasions());
    // by dose the 13th dose's carry-over is on the typical occasion, by day on the sampled one: not the same fit
    assertTrue(d.kappa(0)[2] != y.kappa(0)[2]);
    assertThrows(IllegalArgumentException.class, () -> Populations.withOccasionDefinition(MapEstimatorTest.VAN_HEST,
        io.mmf.pk.population.OccasionVariability.Definition.DOSE, null));
  }
}
