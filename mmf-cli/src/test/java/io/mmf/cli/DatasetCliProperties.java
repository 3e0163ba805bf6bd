package io.mmf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.mmf.pk.dosing.EventKind;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Presets;
import io.mmf.pk.solve.ExactSolver;
import io.mmf.testkit.pk.GeneratedDataset;
import io.mmf.testkit.pk.PkGenerators;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate --data} over mmf-testkit's generated datasets, written to files as CSV text: every one
 * runs, and the output holds every input row in input order with its cells unchanged, then IPRED (equal
 * to the engine on the history the generator encoded, not the one mmf read), TAD and PRED where the
 * model has a population.
 */
class DatasetCliProperties {
  @TempDir
  Path dir;

  private int file;

  private List<CSVRecord> simulate(String model, GeneratedDataset d) {
    try {
      Path in = Files.writeString(dir.resolve("d" + file + ".csv"), d.csv());
      Path out = dir.resolve("d" + file++ + ".out.csv");
      CliTest.Run r = CliTest.run("simulate", "--model", model, "--data", in.toString(), "--output", out.toString());
      assertEquals(0, r.code(), r.err() + "\n" + d);
      try (Reader reader = Files.newBufferedReader(out)) {
        return CSVFormat.DEFAULT.parse(reader).getRecords();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The output's rows against the input's, and IPRED against the engine where {@code engine} is given. */
  private void check(String modelName, PkModel engine, List<String> added, GeneratedDataset d) {
    List<CSVRecord> out = simulate(modelName, d);
    List<String> header = new ArrayList<>(d.header());
    header.addAll(added);
    assertEquals(header, out.get(0).toList(), d.toString());
    assertEquals(d.rows().size() + 1, out.size(), "every row, once");
    int width = d.header().size();
    for (GeneratedDataset.Subject s : d.subjects()) {
      double[] ipred = engine == null ? null
          : new ExactSolver().observe(engine, s.records()).analyteConcentrationsMgPerL(0);
      int k = 0;
      for (int i = s.firstRow(); i < s.firstRow() + s.rowCount(); i++) {
        List<String> row = out.get(i + 1).toList();
        String where = "row " + (i + 2) + " of\n" + d;
        assertEquals(d.rows().get(i), row.subList(0, width), "the row's cells unchanged, in input order: " + where);
        EventKind kind = d.expected().get(i).record().kind();
        String cell = row.get(width);
        if (kind == EventKind.OBSERVATION || kind == EventKind.OTHER) {
          double v = Double.parseDouble(cell);
          assertTrue(v >= 0 && Double.isFinite(v), cell + " at " + where);
          if (ipred != null && kind == EventKind.OBSERVATION) {
            assertEquals(ipred[k], v, 1e-12 * Math.max(1, ipred[k]), where);
          }
        } else {
          assertEquals("", cell, "no IPRED on a dose or reset row: " + where);
        }
        k += kind == EventKind.OBSERVATION ? 1 : 0;
      }
    }
  }

  @Test
  void simulateWritesEveryGeneratedRowInOrderWithItsPrediction() {
    // de Winter 2008 takes MMF and EC-MPS into two inputs, has no population: IPRED and TAD
    qt().withExamples(60).forAll(PkGenerators.datasets(Presets.deWinter2008()))
        .checkAssert(d -> check("de-winter-2008", Presets.deWinter2008(), List.of("IPRED", "TAD"), d));
  }

  @Test
  void aModelWithAPopulationAddsPredToEveryGeneratedRow() {
    // van Hest 2005 takes MMF only; with its population, PRED (the engine is not compared: its typical
    // patient's covariates are the command's defaults)
    qt().withExamples(30).forAll(PkGenerators.datasets(Presets.vanHest2005()))
        .checkAssert(d -> check("van-hest-2005", null, List.of("IPRED", "TAD", "PRED"), d));
  }
}
