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
    c.put(Populations.CRCL, new Covariates.Fixed(48));
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
}
