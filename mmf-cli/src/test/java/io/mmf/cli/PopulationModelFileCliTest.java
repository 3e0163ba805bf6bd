package io.mmf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.population.Attainment;
import io.mmf.pk.population.CovariatePopulation;
import io.mmf.pk.population.Covariates;
import io.mmf.pk.population.Populations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** population and estimate on a user's population model file (docs/models/), and bad files refused. */
class PopulationModelFileCliTest {
  /** The README's population model file. */
  static final String EXAMPLE = "../docs/models/two-compartment-ehc-population.json";

  @TempDir
  Path dir;

  @Test
  void populationRunsOnTheFileAndGivesTheLibrarysNumbers() throws Exception {
    CliTest.Run r = CliTest.run("population", "--model", EXAMPLE, "--dose", "1000", "--subjects", "400", "--seed", "3",
        "--threads", "1", "--albumin", "35");
    assertEquals(0, r.code(), r.err());
    // the same simulation in process: the options' covariates, and the file's reference for the rest
    CovariatePopulation pop = Populations.read(Path.of(EXAMPLE));
    Map<String, Covariates.Distribution> c = new LinkedHashMap<>();
    c.put(Populations.ALBUMIN, new Covariates.Fixed(35));
    c.put(Populations.CRCL, new Covariates.Fixed(60)); // the file's reference: --crcl was not given
    c.put(Populations.FEMALE, new Covariates.Fixed(0));
    c.put(Populations.CYCLOSPORINE, new Covariates.Fixed(450));
    c.put(Populations.WEIGHT, new Covariates.Fixed(65.5));
    Attainment a = io.mmf.pk.population.PopulationSimulation.of(pop, Covariates.distributions(c)).subjects(400)
        .seed(3).threads(1).target(io.mmf.core.target.AucTarget.DEFAULT)
        .doses(Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY, 1000).build().run().get(0);
    String row = io.mmf.pk.population.AttainmentTable.row(a).strip();
    assertTrue(r.out().lines().anyMatch(l -> l.strip().equals(row)), row + "\nnot in\n" + r.out());
    assertTrue(r.out().contains("population example"), r.out());
  }

  @Test
  void estimateRunsOnTheFile() {
    CliTest.Run r = CliTest.run("estimate", "--model", EXAMPLE, "--dose", "1000", "--sample", "0.33=6.5", "--sample",
        "1=12.8", "--sample", "3=4.1", "--draws", "200");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("population example") && r.out().contains("fEhc   logit of the typical value + eta"),
        r.out());
  }

  /**
   * A model whose occasions are a dataset column (NONMEM's OCC): estimate --data reads the column onto
   * the records (it was ignored, every level one occasion), and gives what the library gives for the same
   * history built here by hand with each dose on its OCC; a constant OCC gives another answer.
   */
  @Test
  void estimateDataNumbersOccasionsByTheModelsColumn() throws Exception {
    String vanHest = new String(Populations.class.getResourceAsStream("van-hest-2005.json").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(vanHest.contains("\"definition\": \"day\""), "van Hest's file defines its occasions as days");
    Path model = Files.writeString(dir.resolve("occ.json"), vanHest.replace("\"definition\": \"day\"",
        "\"definition\": \"column\", \"column\": \"OCC\""));
    String header = "ID,TIME,EVID,AMT,DRUG,II,ADDL,DV,MDV,OCC\n";
    String rows = "1,0,1,1000,1,12,5,,1,1\n1,60.33,0,,,,,7.0,0,1\n1,61,0,,,,,9.5,0,1\n1,63,0,,,,,4.2,0,1\n"
        + "1,72,1,1000,1,12,5,,1,2\n1,132.33,0,,,,,5.0,0,2\n1,133,0,,,,,12.0,0,2\n1,135,0,,,,,3.1,0,2\n";
    Path data = Files.writeString(dir.resolve("occ.csv"), header + rows);
    Path oneOccasion = Files.writeString(dir.resolve("one.csv"), header + rows.replace(",0,2\n", ",0,1\n")
        .replace(",1,2\n", ",1,1\n"));
    CliTest.Run r = CliTest.run("estimate", "--model", model.toString(), "--data", data.toString());
    CliTest.Run one = CliTest.run("estimate", "--model", model.toString(), "--data", oneOccasion.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(0, one.code(), one.err());

    io.mmf.pk.population.PopulationModel pop = Populations.read(model).at(Populations.read(model)
        .referenceCovariates());
    java.util.List<io.mmf.pk.dosing.DoseRecord> records = new java.util.ArrayList<>();
    for (int k = 0; k < 12; k++) {
      records.add(io.mmf.pk.dosing.DoseRecord.dose(12 * k, io.mmf.core.drug.Drug.MYCOPHENOLATE_MOFETIL, 1000)
          .withCovariate("OCC", k < 6 ? 1 : 2));
    }
    java.util.List<io.mmf.pk.tdm.Sample> samples = java.util.List.of(io.mmf.pk.tdm.Sample.measured(60.33, 7.0),
        io.mmf.pk.tdm.Sample.measured(61, 9.5), io.mmf.pk.tdm.Sample.measured(63, 4.2),
        io.mmf.pk.tdm.Sample.measured(132.33, 5.0), io.mmf.pk.tdm.Sample.measured(133, 12.0),
        io.mmf.pk.tdm.Sample.measured(135, 3.1));
    io.mmf.pk.tdm.MapEstimate est = io.mmf.pk.tdm.MapEstimator.of(pop).estimate(
        io.mmf.pk.dosing.DoseRecords.of(records), samples);
    assertEquals(2, est.sampledOccasions().length);
    String auc = String.format(java.util.Locale.ROOT, "%.1f", est.aucMgHPerL(132, 144));
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("1 ") && l.contains(" " + auc + " (")), auc + "\n"
        + r.out());
    String row = r.out().lines().filter(l -> l.startsWith("1 ")).findFirst().orElseThrow();
    String oneRow = one.out().lines().filter(l -> l.startsWith("1 ")).findFirst().orElseThrow();
    assertTrue(!row.equals(oneRow), row + " / " + oneRow);
  }

  @Test
  void aBadFileIsBadInputNamingFileLineAndField() throws Exception {
    String text = Files.readString(Path.of(EXAMPLE)).replace("\"Q / V1\"", "\"Q / Vc\"");
    Path bad = Files.writeString(dir.resolve("bad.json"), text);
    int line = (int) text.substring(0, text.indexOf("Q / Vc")).chars().filter(ch -> ch == '\n').count() + 1;
    for (String command : new String[] {"population", "estimate"}) {
      CliTest.Run r = command.equals("population")
          ? CliTest.run("population", "--model", bad.toString(), "--dose", "1000", "--subjects", "10")
          : CliTest.run("estimate", "--model", bad.toString(), "--dose", "1000", "--sample", "1=8");
      assertEquals(2, r.code(), r.out() + r.err());
      assertTrue(r.err().contains(bad + ":" + line + ": field 'ratePerHour'") && r.err().contains("unknown name 'Vc'"),
          r.err());
      assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }
    // a plain model file (no variability) is refused by population, accepted by simulate
    CliTest.Run plain = CliTest.run("population", "--model", "../docs/models/two-compartment-ehc.json", "--dose",
        "1000", "--subjects", "10");
    assertEquals(2, plain.code());
    assertTrue(plain.err().contains("no 'variability' section"), plain.err());
  }

  @Test
  void simulateTakesTheFilesCovariatesFromTheOptionsAndTheRestAtItsReference() {
    CliTest.Run r = CliTest.run("simulate", "--model", EXAMPLE, "--dose", "1000", "--albumin", "30");
    assertEquals(0, r.code(), r.err());
    // CL = 16 (30 / 40)^-0.8 (CLcr at the file's reference 60, male); 60 % of it leaves the body, 40 % recirculates
    double cl = 16 * Math.pow(30 / 40.0, -0.8);
    double auc = 1000 * 320.3 / 433.5 / (0.6 * cl);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("AUC0-12 at steady state:\\s+([0-9.]+)")
        .matcher(r.out());
    assertTrue(m.find(), r.out());
    assertEquals(auc, Double.parseDouble(m.group(1)), 0.006);
  }

  @Test
  void aDatasetRunTakesTheFilesCovariatesFromTheRows() throws Exception {
    Path out = dir.resolve("out.csv");
    CliTest.Run r = CliTest.run("simulate", "--data", DataCommandsTest.SAMPLE.toString(), "--model", EXAMPLE,
        "--output", out.toString());
    assertEquals(0, r.code(), r.err());
    java.util.List<String> rows = Files.readAllLines(out);
    assertTrue(rows.get(0).endsWith(",IPRED,TAD,PRED"), rows.get(0));
    // the same rows with another albumin: the typical predictions (PRED) move with it
    String text = Files.readString(DataCommandsTest.SAMPLE);
    Path lowAlbumin = Files.writeString(dir.resolve("low.csv"), text.replace(",52,34,300", ",52,20,300"));
    assertTrue(!text.equals(Files.readString(lowAlbumin)));
    Path out2 = dir.resolve("out2.csv");
    assertEquals(0, CliTest.run("simulate", "--data", lowAlbumin.toString(), "--model", EXAMPLE, "--output",
        out2.toString()).code());
    java.util.List<String> rows2 = Files.readAllLines(out2);
    int differ = 0;
    for (int k = 1; k < rows.size(); k++) {
      String a = rows.get(k).substring(rows.get(k).lastIndexOf(',') + 1);
      String b = rows2.get(k).substring(rows2.get(k).lastIndexOf(',') + 1);
      if (!a.isEmpty() && !a.equals(b)) {
        differ++;
        // lower albumin, higher clearance: lower concentrations
        assertTrue(Double.parseDouble(b) < Double.parseDouble(a), rows.get(k) + " vs " + rows2.get(k));
      }
    }
    assertTrue(differ > 0, "no PRED moved");
  }

  @Test
  void zhaoRunsAtItsOwnReferenceChildUnlessTheOptionsSayOtherwise() {
    // --weight and --albumin not given: the model's reference (23.5 kg, 38.6 g/L), not another model's
    // default (65.5 kg, 30 g/L); the typical child's AUC0-12 at 500 mg is 500 / 9.675 = 51.7
    CliTest.Run r = CliTest.run("population", "--model", "zhao-2010", "--dose", "500", "--subjects", "2000", "--seed",
        "1", "--threads", "1");
    assertEquals(0, r.code(), r.err());
    CliTest.Run heavy = CliTest.run("population", "--model", "zhao-2010", "--dose", "500", "--subjects", "2000",
        "--seed", "1", "--threads", "1", "--weight", "60", "--albumin", "30");
    assertEquals(0, heavy.code(), heavy.err());
    double child = medianAuc(r.out());
    double adult = medianAuc(heavy.out());
    assertTrue(child > 45 && child < 58, r.out());
    // CL scales with (60 / 23.5)^0.753 (1 - 0.570 30 / 38.6) / 0.430: the AUC falls by that factor
    double factor = Math.pow(60 / 23.5, 0.753) * (1 - 0.570 * 30 / 38.6) / 0.43;
    assertEquals(child / factor, adult, 0.05 * adult, heavy.out());
    CliTest.Run out = CliTest.run("population", "--model", "zhao-2010", "--dose", "500", "--weight", "95");
    assertEquals(2, out.code(), out.err());
    assertTrue(out.err().contains("weightKg") && out.err().contains("95"), out.err());
  }

  @Test
  void rigletRunsByNameInSimulatePopulationAndEstimate() {
    // simulate: the typical patient at Riglet's own references (CLcr 54.81, albumin 37, non-TT), 1000 mg MMF =
    // 1000 x 320.3 / 433.5 mg MPA, total AUC0-12 = (1 + 56.5) x that / 900 = 47.21 (not van Hest's CLcr 48)
    CliTest.Run sim = CliTest.run("simulate", "--model", "riglet-2020", "--dose", "1000");
    assertEquals(0, sim.code(), sim.err());
    assertTrue(sim.out().contains("Riglet 2020"), sim.out());
    assertTrue(sim.out().contains(String.format(java.util.Locale.ROOT, "%.2f mg*h/L",
        57.5 * 1000 * 320.3 / 433.5 / 900)), sim.out());
    // --crcl moves CLu by (CLcr / 54.81)^0.38
    CliTest.Run low = CliTest.run("simulate", "--model", "riglet-2020", "--dose", "1000", "--crcl", "47.4");
    assertEquals(0, low.code(), low.err());
    assertTrue(low.out().contains("49.88 mg*h/L"), low.out());
    CliTest.Run pop = CliTest.run("population", "--model", "riglet-2020", "--dose", "1000", "--subjects", "1000",
        "--seed", "1", "--threads", "1", "--covariate", "abcb1Rs1045642TT=bernoulli:0.16");
    assertEquals(0, pop.code(), pop.err());
    double median = medianAuc(pop.out());
    assertTrue(median > 40 && median < 55, pop.out());
    CliTest.Run est = CliTest.run("estimate", "--model", "riglet-2020", "--dose", "1000", "--sample", "0.33=6.5",
        "--sample", "1=12.8", "--sample", "3=4.1");
    assertEquals(0, est.code(), est.err());
    assertTrue(est.out().contains("AUC0-12 of the sampled interval"), est.out());
    // outside the file's CLcr range (5 to 150 mL/min): refused, naming the covariate and the value
    CliTest.Run out = CliTest.run("simulate", "--model", "riglet-2020", "--dose", "1000", "--crcl", "200");
    assertEquals(2, out.code(), out.err());
    assertTrue(out.err().contains("creatinineClearanceMlPerMin") && out.err().contains("200"), out.err());
  }

  /** The median AUC0-12 of the one dose row: "... / ... / ...      51.2 (30.1-88.0) ...". */
  private static double medianAuc(String out) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("%\\s+(\\d+\\.\\d) \\(").matcher(out);
    assertTrue(m.find(), out);
    return Double.parseDouble(m.group(1));
  }
}
