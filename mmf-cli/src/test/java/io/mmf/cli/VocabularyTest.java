package io.mmf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One vocabulary across the commands (issue 15): the same option means the same thing everywhere. */
class VocabularyTest {
  @TempDir
  Path dir;

  @Test
  void doseIsMgPerAdministrationAndDosesACountInEveryCommand() {
    CliTest.Run pop = CliTest.run("population", "--dose", "750,1000", "--subjects", "20", "--threads", "1");
    assertEquals(0, pop.code(), pop.err());
    CliTest.Run old = CliTest.run("population", "--doses", "750,1000", "--subjects", "20");
    assertEquals(2, old.code());
    assertTrue(old.err().contains("expected --dose MG[,MG...]"), old.err());
    assertEquals(0, CliTest.run("simulate", "--dose", "1000", "--doses", "4").code());
  }

  @Test
  void pregnancyIsSpelledTheSameInCheckAndSchedule() {
    CliTest.Run schedule = CliTest.run("schedule", "--start", "2026-12-01", "--pregnancy", "can-become-pregnant");
    CliTest.Run earlier = CliTest.run("schedule", "--start", "2026-12-01", "--can-become-pregnant");
    CliTest.Run none = CliTest.run("schedule", "--start", "2026-12-01", "--pregnancy", "none");
    assertEquals(0, schedule.code(), schedule.err());
    assertEquals(earlier.out(), schedule.out(), "the earlier spelling still reads the same");
    assertTrue(schedule.out().toLowerCase(java.util.Locale.ROOT).contains("pregnancy"), schedule.out());
    assertTrue(!none.out().equals(schedule.out()), "no pregnancy tests for none");
    assertEquals(2, CliTest.run("schedule", "--start", "2026-12-01", "--pregnancy", "maybe").code());
    assertEquals(0, CliTest.run("check", "--condition", "DM", "--dose", "1000", "--age", "50", "--pregnancy",
        "can-become-pregnant").code());
  }

  @Test
  void ncaAndEstimateReadTheSameColumnsAndTheSameBelowQuantificationNotation() throws Exception {
    String both = "time_h,conc_mg_per_l\n0.33,6.5\n1,12.8\n3,4.1\n8,<0.5\n";
    Path file = Files.writeString(dir.resolve("levels.csv"), both);
    CliTest.Run nca = CliTest.run("nca", "--input", file.toString());
    assertEquals(0, nca.code(), nca.err());
    assertTrue(nca.out().contains("12.8"), nca.out());
    CliTest.Run est = CliTest.run("estimate", "--dose", "1000", "--samples", file.toString(), "--draws", "100");
    assertEquals(0, est.code(), est.err());
    assertTrue(est.out().contains("< 0.500"), "the level at 8 h enters as below 0.5 mg/L: " + est.out());
    // the other naming, read by both too, and the same options to name columns
    Path other = Files.writeString(dir.resolve("other.csv"), "hours_after_dose,mpa_mg_per_l\n0.33,6.5\n1,12.8\n3,4.1\n");
    assertEquals(0, CliTest.run("nca", "--input", other.toString()).code());
    assertEquals(0, CliTest.run("estimate", "--dose", "1000", "--samples", other.toString(), "--draws", "100").code());
    for (String command : new String[] {"nca --input", "estimate --dose 1000 --draws 100 --samples"}) {
      String[] args = (command + " " + other + " --time-column hours_after_dose --conc-column mpa_mg_per_l")
          .split(" ");
      assertEquals(0, CliTest.run(args).code(), command);
    }
  }

  @Test
  void simulateHasADefaultModelLikeTheOtherCommands() {
    CliTest.Run r = CliTest.run("simulate", "--dose", "1000");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("Model:    van Hest 2005"), r.out());
  }
}
