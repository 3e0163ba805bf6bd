package io.mmf.pk.population;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.model.ModelFileException;
import io.mmf.pk.model.PkModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Between-occasion variability: the model file's {@code occasions} section through the loader, its
 * refusals, the numbering of occasions, and the draws of population simulation.
 */
class OccasionVariabilityTest {
  @TempDir
  Path dir;

  /** A one-compartment model with IOV on CL (which has an eta too) and on V (which has none), correlated. */
  static final String ONE_CPT = """
      {
        "name": "one compartment with IOV",
        "doseUnit": "MG_MPA",
        "parameters": {
          "ka": {"unit": "1/h", "typical": 2},
          "CL": {"unit": "L/h", "typical": 15},
          "V": {"unit": "L", "typical": 60}
        },
        "variability": {"parameters": ["ka", "CL"], "omega": [[0.3, 0], [0, 0.1]]},
        "occasions": {
          "definition": "column",
          "column": "OCC",
          "parameters": ["CL", "V"],
          "omega": [[0.05, 0.02], [0.02, 0.2]]
        },
        "residualError": {"MPA": {"model": "proportional", "proportional": 0.2}},
        "compartments": ["depot", "central"],
        "transfers": [
          {"from": "depot", "to": "central", "ratePerHour": "ka"},
          {"from": "central", "ratePerHour": "CL / V"}
        ],
        "observed": [{"analyte": "MPA", "compartment": "central", "volumeL": "V"}],
        "doses": {"any": {"compartment": "depot"}}
      }
      """;

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void aHandWrittenModelWithOccasionsRoundTripsThroughTheLoader() throws Exception {
    PopulationModel m = Populations.read(write("iov.json", ONE_CPT)).at(Map.of());
    OccasionVariability o = m.occasions().orElseThrow();
    assertEquals(List.of("CL", "V"), o.parameters());
    assertEquals(OccasionVariability.Definition.COLUMN, o.definition());
    assertEquals("OCC", o.column().orElseThrow());
    assertEquals("OCC", o.key());
    assertEquals(0.05, o.omega(0, 0));
    assertEquals(0.02, o.omega(0, 1));
    assertEquals(0.02, o.omega(1, 0));
    assertEquals(0.2, o.omega(1, 1));
    // P = TV exp(eta + kappa), written out by hand
    double[] eta = {0.4, -0.3};
    double[] kappa = {0.25, -0.5};
    PkModel x = m.individual(eta, kappa);
    assertEquals(2 * Math.exp(0.4), x.transfers().get(0).ratePerHour(), 1e-15);
    assertEquals(15 * Math.exp(-0.3 + 0.25) / (60 * Math.exp(-0.5)), x.transfers().get(1).ratePerHour(), 1e-14);
    assertEquals(60 * Math.exp(-0.5), x.observed().get(0).volumeL(), 1e-12);
    // kappa 0: bit for bit the subject without an occasion
    PkModel y = m.individual(eta, new double[2]);
    PkModel z = m.individual(eta);
    assertEquals(z.transfers().get(1).ratePerHour(), y.transfers().get(1).ratePerHour());
    assertEquals(z.observed().get(0).volumeL(), y.observed().get(0).volumeL());
    assertEquals(60.0, z.observed().get(0).volumeL());
    assertThrows(IllegalArgumentException.class, () -> m.individual(eta, new double[3]));
    // a model without occasions takes only a kappa of length 0
    PopulationModel plain = Populations.vanHest2005(io.mmf.pk.model.Presets.VanHestCovariates.REFERENCE);
    assertTrue(plain.occasions().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> plain.individual(new double[4], new double[] {0.1}));
  }

  @Test
  void theVanHestPresetCarriesTheSheetsBetweenOccasionVariances() {
    PopulationModel m = Populations.named("van-hest-2005").at(Populations.REFERENCE_COVARIATES);
    OccasionVariability o = m.occasions().orElseThrow();
    // mpa-models.md 3.9 (Maizaud 2025 S1): IOV ka 0.86, V1 0.384, CL 0.084
    assertEquals(List.of("ka", "V1", "CL"), o.parameters());
    assertEquals(0.86, o.omega(0, 0));
    assertEquals(0.384, o.omega(1, 1));
    assertEquals(0.084, o.omega(2, 2));
    assertEquals(0.0, o.omega(0, 2));
    assertEquals(OccasionVariability.Definition.DAY, o.definition());
  }

  /** Replaces the occasions section of {@link #ONE_CPT}. */
  static String withOccasions(String section) {
    int from = ONE_CPT.indexOf("\"occasions\"");
    int to = ONE_CPT.indexOf("\"residualError\"");
    return ONE_CPT.substring(0, from) + section + ONE_CPT.substring(to);
  }

  void refused(String section, int line, String... words) throws IOException {
    Path p = write("bad.json", withOccasions(section));
    ModelFileException e = assertThrows(ModelFileException.class, () -> Populations.read(p));
    assertTrue(e.getMessage().startsWith(p + ":" + line + ": "), e.getMessage());
    for (String w : words) {
      assertTrue(e.getMessage().contains(w), e.getMessage() + " should name " + w);
    }
    assertEquals(line, e.line());
  }

  @Test
  void badOccasionSectionsAreRefusedNamingFileLineAndField() throws IOException {
    // the section starts on line 10 of the file; each case's line is the offending node's
    refused("\"occasions\": {\"definition\": \"visit\", \"parameters\": [\"CL\"], \"omega\": [[0.1]]},\n", 10,
        "occasions.definition", "'visit'", "dose, day or column");
    refused("\"occasions\": {\"definition\": \"column\", \"parameters\": [\"CL\"], \"omega\": [[0.1]]},\n", 10,
        "missing field 'column'");
    refused("\"occasions\": {\"definition\": \"day\", \"column\": \"OCC\", \"parameters\": [\"CL\"], \"omega\": [[0.1]]},\n",
        10, "occasions.column", "column, not day");
    refused("\"occasions\": {\"definition\": \"column\", \"column\": \"1OCC\", \"parameters\": [\"CL\"],"
        + " \"omega\": [[0.1]]},\n", 10, "occasion column", "'1OCC'");
    refused("\"occasions\": {\"definition\": \"dose\",\n \"parameters\": [\"Cl\"], \"omega\": [[0.1]]},\n", 11,
        "unknown parameter 'Cl'", "occasions", "[ka, CL, V]");
    refused("\"occasions\": {\"definition\": \"dose\",\n \"parameters\": [\"CL\", \"CL\"], \"omega\": [[0.1, 0], [0, 0.1]]},\n",
        11, "'CL' is twice in occasions");
    refused("\"occasions\": {\"definition\": \"dose\", \"parameters\": [\"CL\", \"V\"],\n \"omega\": [[0.1, 0.02], [0.03, 0.1]]},\n",
        11, "omega", "symmetric", "omega[V][CL]");
    refused("\"occasions\": {\"definition\": \"dose\", \"parameters\": [\"CL\"],\n \"omega\": [[-0.1]]},\n", 11,
        "variance of CL", ">= 0", "-0.1");
    refused("\"occasions\": {\"definition\": \"dose\", \"parameters\": [\"CL\", \"V\"],\n \"omega\": [[0, 0.01], [0.01, 0.1]]},\n",
        11, "omega[CL][V]", "variance of CL is 0");
    refused("\"occasions\": {\"definition\": \"dose\", \"parameters\": [\"CL\", \"V\"],\n \"omega\": [[0.1, 0.2], [0.2, 0.1]]},\n",
        11, "positive definite", "parameter V");
    refused("\"occasions\": {\"definition\": \"dose\", \"parameters\": [\"CL\"],\n \"omega\": [[\"0.1\"]]},\n", 11,
        "occasions.omega[1][1]", "must be a number");
    refused("\"occasions\": {\"definition\": \"dose\", \"parameters\": [\"CL\"], \"omega\": [[0.1]],\n \"iov\": 1},\n", 11,
        "unknown field 'iov'", "occasions");
    refused("\"occasions\": {\"definition\": \"dose\", \"parameters\": [\"CL\", \"V\"],\n \"omega\": [[0.1]]},\n", 11,
        "omega", "2 x 2");
    refused("\"occasions\": {\"definition\": \"dose\",\n \"omega\": [[0.1]]},\n", 10, "missing field 'parameters'");
  }

  @Test
  void occasionsAreNumberedByDoseByDayOrByColumn() {
    DoseRecords history = DoseRecords.of(DoseRecord.dose(0, Drug.MYCOPHENOLATE_MOFETIL, 1000)
        .withAdditionalDoses(3, 12), DoseRecord.observation(30));
    OccasionVariability.Labelled byDose = OccasionVariability.diagonal(Map.of("CL", 0.1),
        OccasionVariability.Definition.DOSE).label(history, 40);
    assertArrayEquals(new double[] {1, 2, 3, 4}, byDose.numbers());
    // the additional doses became records of their own, after the observation at 30 h comes dose 4 at 36 h
    List<Double> times = new ArrayList<>();
    byDose.records().records().forEach(r -> times.add(r.timeHours()));
    assertEquals(List.of(0.0, 12.0, 24.0, 30.0, 36.0), times);
    assertArrayEquals(byDose.records().administrationTimesHours(), history.administrationTimesHours());
    assertEquals(1, byDose.occasionBefore(12), "a trough belongs to the occasion before the dose");
    assertEquals(2, byDose.occasionBefore(12.5));
    assertEquals(3, byDose.occasionBefore(30));
    assertEquals(4, byDose.occasionBefore(40));

    OccasionVariability.Labelled byDay = OccasionVariability.diagonal(Map.of("CL", 0.1),
        OccasionVariability.Definition.DAY).label(history, 50);
    assertArrayEquals(new double[] {0, 1, 2}, byDay.numbers());
    assertEquals(0, byDay.occasionBefore(23.9));
    assertEquals(0, byDay.occasionBefore(24));
    assertEquals(1, byDay.occasionBefore(24.1));
    assertEquals(2, byDay.occasionBefore(49));

    OccasionVariability column = OccasionVariability.of(List.of("CL"), new double[][] {{0.1}},
        OccasionVariability.Definition.COLUMN, "OCC");
    DoseRecords visits = DoseRecords.of(DoseRecord.dose(0, Drug.MYCOPHENOLATE_MOFETIL, 1000).withCovariate("OCC", 1),
        DoseRecord.dose(168, Drug.MYCOPHENOLATE_MOFETIL, 1000).withCovariate("OCC", 2));
    OccasionVariability.Labelled byColumn = column.label(visits, 170);
    assertArrayEquals(new double[] {1, 2}, byColumn.numbers());
    assertEquals(1, byColumn.occasionBefore(100));
    assertEquals(2, byColumn.occasionBefore(169));
    assertArrayEquals(new double[] {0}, column.label(history, 40).numbers(), "no column: one occasion");
    assertThrows(NullPointerException.class, () -> column.withDefinition(OccasionVariability.Definition.COLUMN,
        null));
  }

  @Test
  void drawnOccasionEtasHaveTheModelsCovariance() {
    OccasionVariability o = OccasionVariability.of(List.of("CL", "V", "ka"), new double[][] {{0.09, 0.03, 0},
        {0.03, 0.16, 0}, {0, 0, 0}}, OccasionVariability.Definition.DAY, null);
    int n = 40_000;
    double[] sum = new double[3];
    double[][] cross = new double[3][3];
    double[] z = new double[3];
    double[] k = new double[3];
    for (int i = 0; i < n; i++) {
      // the streams population simulation uses: subject i / 2, occasion i % 2
      o.sample(new SplittableRandom(SubjectStreams.occasionSeed(7, i / 2, i % 2 + 1)), z, k);
      for (int a = 0; a < 3; a++) {
        sum[a] += k[a];
        for (int b = 0; b < 3; b++) {
          cross[a][b] += k[a] * k[b];
        }
      }
    }
    assertEquals(0, k[2], "a variance of 0 fixes kappa at 0");
    double[][] expected = {{0.09, 0.03}, {0.03, 0.16}};
    for (int a = 0; a < 2; a++) {
      // mean: SD sqrt(var / n); 4 SD
      assertEquals(0, sum[a] / n, 4 * Math.sqrt(expected[a][a] / n));
      for (int b = 0; b < 2; b++) {
        double cov = cross[a][b] / n;
        // SD of a sample covariance: sqrt((s_aa s_bb + s_ab^2) / n); 4 SD (a false alarm about 1 in 16 000)
        double sd = Math.sqrt((expected[a][a] * expected[b][b] + expected[a][b] * expected[a][b]) / n);
        assertEquals(expected[a][b], cov, 4 * sd, "cov[" + a + "][" + b + "]");
      }
    }
  }

  @Test
  void populationSimulationDrawsTheSteadyStateOccasionWithItsVariance() throws Exception {
    // CL has IOV only: ln AUC_ss = ln(F D / CL_TV) - kappa_CL, so its variance is the IOV variance
    String text = ONE_CPT.replace("\"variability\": {\"parameters\": [\"ka\", \"CL\"], \"omega\": [[0.3, 0], [0, 0.1]]}",
        "\"variability\": {\"parameters\": [\"ka\"], \"omega\": [[0.3]]}")
        .replace("\"omega\": [[0.05, 0.02], [0.02, 0.2]]", "\"omega\": [[0.05, 0.02], [0.02, 0.2]]");
    CovariatePopulation pop = Populations.read(write("iov-cl.json", text));
    int n = 4000;
    double[] lnAuc = new double[n];
    PopulationSimulation sim = PopulationSimulation.of(pop, Covariates.none()).doses(Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY, 1000).subjects(n).seed(11).threads(1).build();
    sim.runChunks(0, sim.chunkCount(), (i, r, first, ss, trough, cmax) -> lnAuc[(int) i] = Math.log(ss));
    double mean = java.util.Arrays.stream(lnAuc).average().orElseThrow();
    double var = java.util.Arrays.stream(lnAuc).map(x -> (x - mean) * (x - mean)).sum() / (n - 1);
    // SD of a sample variance: sigma^2 sqrt(2 / (n - 1)); 4 SD
    assertEquals(0.05, var, 4 * 0.05 * Math.sqrt(2.0 / (n - 1)), "variance of ln AUC_ss");
    PkModel typical = pop.at(Map.of()).individual(new double[1]);
    double typicalAuc = new io.mmf.pk.solve.ExactSolver().steadyStateSummary(typical, io.mmf.core.drug.Dose.ofMg(1000),
        Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY, 0).aucTauMgHPerL();
    assertEquals(Math.log(typicalAuc), mean, 4 * Math.sqrt(0.05 / n), "mean of ln AUC_ss: the typical occasion's");
  }

  @Test
  void seededResultsWithOccasionsDoNotDependOnThreadsOrPartitions() throws Exception {
    CovariatePopulation pop = Populations.named("van-hest-2005");
    PopulationModel c = pop.at(Populations.REFERENCE_COVARIATES);
    PopulationSimulation one = PopulationSimulation.of(c).doses(Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY, 750, 1000).subjects(1000).seed(3).threads(1).build();
    PopulationSimulation three = PopulationSimulation.of(c).doses(Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY, 750, 1000).subjects(1000).seed(3).threads(3).build();
    List<Attainment> a = one.run();
    assertEquals(a, three.run());
    List<PopulationSimulation.PartialResult> parts = new ArrayList<>();
    for (long k = one.chunkCount() - 1; k >= 0; k--) {
      parts.add(one.runChunks(k, k + 1, (i, r, f, s, t, m) -> { }));
    }
    assertEquals(a, one.attainments(parts));
  }

  @Test
  void occasionVariancesOfZeroGiveExactlyTheResultsWithoutOccasions() throws Exception {
    String none = withOccasions("");
    for (String definition : new String[] {"\"dose\"", "\"day\"", "\"column\", \"column\": \"OCC\""}) {
      String zero = withOccasions("\"occasions\": {\"definition\": " + definition + ", \"parameters\": [\"CL\", \"V\"],"
          + " \"omega\": [[0, 0], [0, 0]]},\n");
      CovariatePopulation a = Populations.read(write("none.json", none));
      CovariatePopulation b = Populations.read(write("zero.json", zero));
      assertTrue(b.at(Map.of()).occasions().orElseThrow().isZero());
      for (long seed : new long[] {1, 2, 99}) {
        PopulationSimulation x = PopulationSimulation.of(a, Covariates.none()).doses(Formulation.MMF_TABLET_500,
            DosingInterval.TWICE_DAILY, 500, 1000).subjects(300).seed(seed).build();
        PopulationSimulation y = PopulationSimulation.of(b, Covariates.none()).doses(Formulation.MMF_TABLET_500,
            DosingInterval.TWICE_DAILY, 500, 1000).subjects(300).seed(seed).build();
        assertEquals(x.run(), y.run(), definition + " seed " + seed);
      }
    }
  }
}
