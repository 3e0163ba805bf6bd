package io.mmf.pk.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;

import io.mmf.pk.PropertyBudget;
import io.mmf.pk.dosing.EventKind;
import io.mmf.pk.model.Presets;
import io.mmf.pk.solve.ConcentrationSolver;
import io.mmf.pk.solve.ExactSolver;
import io.mmf.testkit.pk.GeneratedDataset;
import io.mmf.testkit.pk.PkGenerators;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reader against mmf-testkit's generated datasets: every one is accepted, and each row reads back as
 * the generator wrote it (its record, level, analyte and cells), each subject as the history its rows
 * encode. The generator spells records from NONMEM's conventions on its own, so a reader that misread
 * a spelling (a column's case or order, "." for empty, RATE -2, a drug named in CMT, BLQ, CENS) fails.
 */
class DatasetProperties {
  private static final ConcentrationSolver SOLVER = new ExactSolver();

  private static List<DatasetSubject> read(GeneratedDataset d) {
    List<DatasetSubject> out = new ArrayList<>();
    DatasetReader.forModel(d.model()).subjects("generated.csv", d.header(), d.readerRows().iterator())
        .forEachRemaining(out::add);
    return out;
  }

  private static void readsAsWritten(GeneratedDataset d) {
    List<DatasetSubject> subjects = read(d);
    assertEquals(d.subjects().size(), subjects.size(), "subjects");
    for (int s = 0; s < subjects.size(); s++) {
      GeneratedDataset.Subject want = d.subjects().get(s);
      DatasetSubject got = subjects.get(s);
      assertEquals(want.id(), got.id());
      assertEquals(want.records(), got.records(), "the history of subject " + want.id());
      assertEquals(want.rowCount(), got.rows().size());
      for (int i = 0; i < got.rows().size(); i++) {
        int at = want.firstRow() + i;
        DatasetRow row = got.rows().get(i);
        GeneratedDataset.Line line = d.expected().get(at);
        String where = "row " + (at + 2) + " " + d.rows().get(at);
        assertEquals(at + 2, row.line(), where);
        assertEquals(d.rows().get(at), row.cells(), "cells carried unchanged, " + where);
        assertEquals(line.record().kind(), row.kind(), where);
        assertEquals(line.record().timeHours(), row.timeHours(), where);
        assertEquals(line.record().kind().isDose() ? line.record().drug() : null, row.drug().orElse(null), where);
        if (row.kind() == EventKind.OBSERVATION) {
          assertEquals(line.analyte(), row.analyte(), where);
          assertEquals(line.dvMgPerL(), row.dvMgPerL(), 0, where);
          assertEquals(line.belowLimit(), row.belowLimit(), where);
          assertEquals(line.limitMgPerL(), row.limitMgPerL(), 0, where);
          assertEquals(!line.missingDv() && (line.belowLimit() || !Double.isNaN(line.dvMgPerL())), row.hasLevel(),
              where);
        } else {
          assertFalse(row.hasLevel(), where);
        }
      }
    }
  }

  @Test
  void everyGeneratedDatasetReadsBackAsItWasWritten() {
    qt().withExamples(PropertyBudget.examples(400)).forAll(PkGenerators.datasets()).checkAssert(DatasetProperties::readsAsWritten);
  }

  @Test
  void presetsReadTheirDatasetsToo() {
    // van Hest 2005 takes MMF only (so DRUG and CMT may be left out), Sherwin 2012 observes MPAG as well
    for (var model : List.of(Presets.vanHest2005(), Presets.sherwin2012(), Presets.deWinter2008())) {
      qt().withExamples(PropertyBudget.examples(100)).forAll(PkGenerators.datasets(model)).checkAssert(DatasetProperties::readsAsWritten);
    }
  }

  @Test
  void simulatingADatasetPredictsEveryRowInOrderAsTheEngineDoesOnItsHistory() {
    qt().withExamples(PropertyBudget.examples(150)).forAll(PkGenerators.datasets()).checkAssert(d -> {
      List<DatasetSubject> subjects = read(d);
      for (int s = 0; s < subjects.size(); s++) {
        DatasetSubject got = subjects.get(s);
        DatasetPredictions p = DatasetPredictions.of(got, d.model(), null, SOLVER);
        // the engine on the generator's own records, not the reader's
        double[] engine = SOLVER.observe(d.model(), d.subjects().get(s).records()).analyteConcentrationsMgPerL(0);
        int k = 0;
        for (int i = 0; i < got.rows().size(); i++) {
          List<String> cells = p.cells(i);
          assertEquals(d.rows().get(d.subjects().get(s).firstRow() + i), cells.subList(0, d.header().size()),
              "the row's own cells first, in input order");
          double ipred = p.individualMgPerL(i, 0);
          if (got.rows().get(i).kind() == EventKind.OBSERVATION) {
            assertEquals(engine[k], ipred, 1e-12 * Math.max(1, Math.abs(engine[k])), "observation " + k + " of "
                + got.id());
            k++;
          }
          if (got.rows().get(i).kind().isDose() || got.rows().get(i).kind() == EventKind.RESET) {
            assertEquals("", cells.get(d.header().size()), "no IPRED on a dose or reset row");
          }
        }
        assertEquals(engine.length, k);
      }
    });
  }
}
