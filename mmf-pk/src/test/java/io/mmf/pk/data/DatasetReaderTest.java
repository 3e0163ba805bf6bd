package io.mmf.pk.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Drug;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.dosing.SteadyStateMode;
import io.mmf.pk.model.Presets;
import io.mmf.pk.solve.ExactSolver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the reader refuses (each naming file, line and column), what it infers, and the round trip. */
class DatasetReaderTest {
  private static final DatasetReader ORAL = DatasetReader.forModel(Datasets.oral());

  private static String error(DatasetReader reader, String csv) {
    DatasetException e = assertThrows(DatasetException.class, () -> Datasets.read(reader, csv));
    return e.getMessage();
  }

  private static void refused(String csv, String where, String what) {
    DatasetException e = assertThrows(DatasetException.class, () -> Datasets.read(ORAL, csv));
    String m = e.getMessage();
    assertTrue(m.startsWith("test.csv:" + where + ": "), m);
    assertTrue(m.contains(what), m);
    // the accessors say what the message says: "line" or "line:column" (column 0 when the row's)
    String[] at = where.split(":");
    assertEquals("test.csv", e.source(), m);
    assertEquals(Long.parseLong(at[0]), e.line(), m);
    assertEquals(at.length > 1 ? Integer.parseInt(at[1]) : 0, e.column(), m);
  }

  @Test
  void aMissingRequiredColumnIsNamedWithTheClosestColumnThere() {
    refused("ID,TIEM,AMT\n1,0,100\n", "1:2", "missing column 'TIME': is 'TIEM' meant?");
    refused("ID,AMT\n1,100\n", "1", "missing column 'TIME' (expected columns ID, TIME and AMT; the file has [ID, AMT])");
    refused("SUBJ,TIME,AMT\n1,0,100\n", "1", "missing column 'ID'");
  }

  @Test
  void theHeaderIsReadInAnyCaseButNotTwice() {
    assertEquals(1, Datasets.read(ORAL, "id,Time,amt,evid,Drug\n1,0,100,1,MMF\n").size());
    refused("ID,TIME,AMT,time\n1,0,100,0\n", "1:4", "column 'time' repeats column 2 'TIME'");
    refused("ID,TIME,AMT,DATE\n1,0,100,1\n", "1:4", "column 'DATE' is a NONMEM item whose meaning mmf does not implement");
  }

  @Test
  void anEmptyFileAndAHeaderWithoutRowsAreRefused() {
    refused("", "1:1", "empty dataset");
    refused("ID,TIME,AMT\n", "2", "no rows after the header");
  }

  @Test
  void nonNumericCellsAreRefusedNamingTheirColumn() {
    refused("ID,TIME,AMT\n1,0,abc\n", "2:3", "column 'AMT' is not a finite number: 'abc'");
    refused("ID,TIME,AMT\n1,0x10,100\n", "2:2", "column 'TIME' is not a finite number: '0x10'");
    refused("ID,TIME,AMT\n1,NaN,100\n", "2:2", "'NaN'");
    refused("ID,TIME,AMT,EVID\n1,0,100,1.5\n", "2:4", "column EVID is not a whole number: '1.5'");
  }

  @Test
  void negativeAndDecreasingTimesAreRefused() {
    refused("ID,TIME,AMT\n1,-1,100\n", "2:2", "TIME -1.0 (expected 0 to 100000 h)");
    refused("ID,TIME,AMT\n1,0,100\n1,5,0\n1,4,0\n", "4:2", "TIME 4.0 is before 5.0 on line 3 of subject '1'");
    assertEquals(1, Datasets.read(ORAL.sortingTimes(true), "ID,TIME,AMT\n1,0,100\n1,5,0\n1,4,0\n").size());
    String m = error(ORAL.sortingTimes(true), "ID,TIME,EVID,AMT\n1,0,1,100\n1,5,3,0\n1,4,0,0\n");
    assertTrue(m.startsWith("test.csv:4:2: TIME 4.0 is before the reset (EVID 3)"), m);
  }

  @Test
  void steadyStateAndAdditionalDosesNeedAnInterval() {
    refused("ID,TIME,AMT,SS\n1,0,100,1\n", "2:4", "SS 1 without II");
    refused("ID,TIME,AMT,SS,II\n1,0,100,1,0\n", "2:5", "SS 1 without II");
    refused("ID,TIME,AMT,ADDL,II\n1,0,100,3,\n", "2:5", "ADDL 3 without II");
    refused("ID,TIME,AMT,SS,II\n1,0,100,3,12\n", "2:4", "SS 3 is not implemented");
    refused("ID,TIME,AMT,ADDL,II\n1,0,100,-1,12\n", "2:4", "empirical steady state, is not implemented");
  }

  @Test
  void observationsAndOtherRowsGiveNoDose() {
    refused("ID,TIME,EVID,AMT\n1,0,0,100\n", "2:4", "AMT 100 on an EVID 0 row (expected 0 or empty: an observation gives"
        + " no dose");
    refused("ID,TIME,EVID,AMT,II\n1,0,3,0,12\n", "2:5", "II 12 on an EVID 3 row");
    refused("ID,TIME,EVID,AMT\n1,0,1,0\n", "2:4", "AMT 0.0 on an EVID 1 row (expected a dose > 0");
    refused("ID,TIME,EVID,AMT,MDV\n1,0,1,10,0\n", "2:5", "MDV 0 on an EVID 1 row");
    refused("ID,TIME,EVID,AMT\n1,0,6,10\n", "2:3", "EVID 5-7 are rxode2's");
  }

  @Test
  void withoutEvidTheKindIsInferredAsNonmemDoes() {
    DatasetSubject s = Datasets.one(ORAL, "ID,TIME,AMT,MDV,DV\n1,0,100,1,\n1,1,0,1,\n1,2,0,0,3.5\n1,3,0,,\n");
    assertEquals(List.of(1, 2, 0, 0), s.rows().stream().map(r -> r.kind().evid()).toList());
    assertEquals(3.5, s.rows().get(2).dvMgPerL());
    assertTrue(s.rows().get(2).hasLevel());
    assertTrue(!s.rows().get(1).hasLevel() && !s.rows().get(3).hasLevel());
  }

  @Test
  void belowQuantificationIsReadFromEachNotation() {
    DatasetSubject blq = Datasets.one(ORAL, "ID,TIME,AMT,DV,BLQ,LLOQ\n1,0,100,,,\n1,1,0,0.1,1,0.2\n1,2,0,3,0,0.2\n");
    assertTrue(blq.rows().get(1).belowLimit());
    assertEquals(0.2, blq.rows().get(1).limitMgPerL());
    assertTrue(!blq.rows().get(2).belowLimit());
    DatasetSubject cens = Datasets.one(ORAL, "ID,TIME,AMT,DV,CENS,LIMIT\n1,0,100,,,\n1,1,0,0.2,1,\n");
    assertEquals(0.2, cens.rows().get(1).limitMgPerL());
    DatasetSubject text = Datasets.one(ORAL, "ID,TIME,AMT,DV\n1,0,100,\n1,1,0,<0.2\n");
    assertTrue(text.rows().get(1).belowLimit() && text.rows().get(1).hasLevel());
    DatasetSubject lloq = Datasets.one(ORAL, "ID,TIME,AMT,DV,LLOQ\n1,0,100,,\n1,1,0,0.1,0.2\n");
    assertTrue(lloq.rows().get(1).belowLimit());
    refused("ID,TIME,AMT,DV,BLQ\n1,1,0,0.1,1\n", "2:5", "BLQ 1 with LLOQ ''");
    refused("ID,TIME,AMT,DV,CENS\n1,1,0,0.1,-1\n", "2:5", "CENS -1 (a level above a limit) is not implemented");
    refused("ID,TIME,AMT,DV,CENS,LIMIT\n1,1,0,0.1,1,0.05\n", "2:6", "LIMIT 0.05 with CENS 1");
    refused("ID,TIME,AMT,DV,BLQ,CENS\n1,1,0,0.1,1,1\n", "1:6", "columns BLQ and CENS both flag");
  }

  @Test
  void cmtNamesTheDrugsInputAndTheModelMustAllowIt() {
    DatasetReader deWinter = DatasetReader.forModel(Presets.deWinter2008());
    DatasetSubject s = Datasets.one(deWinter, "ID,TIME,AMT,CMT\n1,0,1000,1\n1,12,720,depotEcMps\n1,24,720,EC-MPS\n");
    assertEquals(List.of(Drug.MYCOPHENOLATE_MOFETIL, Drug.MYCOPHENOLATE_SODIUM, Drug.MYCOPHENOLATE_SODIUM),
        s.rows().stream().map(r -> r.drug().orElseThrow()).toList());
    String m = error(deWinter, "ID,TIME,AMT,CMT,DRUG\n1,0,1000,3,MMF\n");
    assertTrue(m.startsWith("test.csv:2:4: CMT '3': model 'de Winter 2008"), m);
    assertTrue(m.contains("doses MMF into depot (CMT 1), not central"), m);
    m = error(deWinter, "ID,TIME,AMT,CMT,DRUG\n1,0,1000,1,EC-MPS\n");
    assertTrue(m.contains("doses EC-MPS into depotEcMps (CMT 2), not depot"), m);
    assertEquals(Drug.MYCOPHENOLATE_MOFETIL, Datasets.one(deWinter, "ID,TIME,AMT\n1,0,1000\n").rows().get(0).drug()
        .orElseThrow(), "without DRUG or CMT, MMF");
    m = error(deWinter, "ID,TIME,AMT,CMT\n1,0,1000,3\n");
    assertTrue(m.contains("doses nothing into compartment central"), m);
    m = error(DatasetReader.forModel(Presets.vanHest2005()), "ID,TIME,AMT,DRUG\n1,0,720,EC-MPS\n");
    assertTrue(m.startsWith("test.csv:2:4: model 'van Hest 2005") && m.contains("takes no EC-MPS doses"), m);
    m = error(DatasetReader.forModel(Presets.vanHest2005()), "ID,TIME,AMT,DRUG\n1,0,720,mmf-iv\n");
    assertTrue(m.contains("is intravenous"), m);
    m = error(ORAL, "ID,TIME,AMT,CMT\n1,0,0,1\n");
    assertTrue(m.startsWith("test.csv:2:4: CMT '1' on an observation row"), m);
  }

  @Test
  void cmtZeroOnADoseIsTheDrugsOwnInputAsInNonmem() {
    // found by mmf-testkit's datasets(): the reader's javadoc said so, and it refused CMT 0 on a dose
    DatasetReader deWinter = DatasetReader.forModel(Presets.deWinter2008());
    DatasetSubject s = Datasets.one(deWinter, "ID,TIME,AMT,CMT,DRUG\n1,0,1000,0,\n1,12,720,0,EC-MPS\n1,24,0,0,\n");
    assertEquals(DoseRecords.of(DoseRecord.dose(0, Drug.MYCOPHENOLATE_MOFETIL, 1000),
        DoseRecord.dose(12, Drug.MYCOPHENOLATE_SODIUM, 720), DoseRecord.observation(24)), s.records());
    assertEquals(0, s.rows().get(2).analyte(), "CMT 0 on an observation: the primary analyte");
    String m = error(deWinter, "ID,TIME,AMT,CMT\n1,0,1000,5\n");
    assertTrue(m.startsWith("test.csv:2:4: CMT 5 (expected 0 or empty for the drug's input or the primary analyte,"
        + " or 1 to "), m);
    m = error(deWinter, "ID,TIME,AMT,CMT\n1,0,1000,-1\n");
    assertTrue(m.contains("a negative CMT, NONMEM's compartment off, is not implemented"), m);
  }

  @Test
  void aSubjectsRowsMustBeTogether() {
    refused("ID,TIME,AMT\n1,0,100\n2,0,100\n1,5,0\n", "4:1", "subject '1' appears again after other subjects");
  }

  @Test
  void theRandomEffectsColumnsAreAllOrNoneAndConstantPerSubject() {
    DatasetReader two = ORAL.withRandomEffects(2);
    DatasetSubject s = Datasets.one(two, "ID,TIME,AMT,ETA1,ETA2\n1,0,100,0.1,-0.2\n1,2,0,0.1,-0.2\n");
    assertArrayEquals(new double[] {0.1, -0.2}, s.eta().orElseThrow());
    assertTrue(error(two, "ID,TIME,AMT,ETA2\n1,0,100,0.1\n").contains("missing column 'ETA1'"));
    assertTrue(error(two, "ID,TIME,AMT,ETA1,ETA2\n1,0,100,0.1,0\n1,2,0,0.2,0\n").startsWith("test.csv:3:4: ETA1 0.2"));
    // not "the model has no random effects": estimate's van Hest 2005 has them, and estimates them itself
    assertEquals("test.csv:1:4: column 'ETA1': random effects are not read here, only by a simulation of a"
        + " population model (rename the column to carry it unread)",
        error(ORAL, "ID,TIME,AMT,ETA1\n1,0,100,0.1\n"));
  }

  @Test
  void aCovariateOutOfItsRangeIsRefusedNamingItsCell() {
    DatasetReader r = ORAL.withCovariate("weightKg", v -> v >= 1 && v <= 300, "1 to 300 kg");
    String m = error(r, "ID,TIME,AMT,WEIGHTKG\n1,0,100,500\n");
    assertEquals("test.csv:2:4: column 'WEIGHTKG' (expected 1 to 300 kg): 500.0", m);
  }

  @Test
  void administrationTimesExpandAdditionalDosesAndDropWhatAResetCancels() {
    DoseRecords r = DoseRecords.of(DoseRecord.dose(0, Drug.MYCOPHENOLATE_MOFETIL, 100).withAdditionalDoses(3, 12),
        DoseRecord.dose(6, Drug.MYCOPHENOLATE_MOFETIL, 50).withAdditionalDoses(1, 12), DoseRecord.reset(24),
        DoseRecord.dose(30, Drug.MYCOPHENOLATE_MOFETIL, 100).withSteadyState(SteadyStateMode.RESET, 8)
            .withAdditionalDoses(2, 8));
    assertArrayEquals(new double[] {0, 6, 12, 18, 30, 38, 46}, r.administrationTimesHours());
  }

  @Test
  void writtenRecordsReadBackAsTheSameHistory() {
    DoseRecords history = DoseRecords.of(
        DoseRecord.dose(0, Drug.MYCOPHENOLATE_MOFETIL, 1000).withSteadyState(SteadyStateMode.RESET, 12)
            .withCovariate("CRCL", 40),
        DoseRecord.observation(0.5), DoseRecord.dose(12, Drug.MYCOPHENOLATE_SODIUM, 720).withAdditionalDoses(3, 12),
        DoseRecord.other(20).withCovariate("CRCL", 55.5), DoseRecord.dose(30, Drug.MYCOPHENOLATE_SODIUM, 360)
            .withSteadyState(SteadyStateMode.ADD, 12),
        DoseRecord.reset(40), DoseRecord.resetAndDose(41, Drug.MYCOPHENOLATE_MOFETIL, 500).withDuration(2),
        DoseRecord.dose(50, Drug.MYCOPHENOLATE_MOFETIL, 250).withRate(125), DoseRecord.observation(60));
    var model = Presets.deWinter2008();
    List<String> covariates = DatasetWriter.covariates(history);
    List<String> header = DatasetWriter.header(covariates);
    StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
    for (List<String> row : DatasetWriter.rows("P-1", history, model, covariates)) {
      csv.append(String.join(",", row)).append('\n');
    }
    DatasetReader reader = DatasetReader.forModel(model).withCovariate("CRCL", v -> true, "any");
    DatasetSubject back = Datasets.one(reader, csv.toString());
    assertEquals("P-1", back.id());
    assertEquals(history, back.records());
    // and a dataset written from a simulated one carries its columns through a second reading
    DatasetPredictions p = DatasetPredictions.of(back, model, null, new ExactSolver());
    List<String> out = DatasetPredictions.header("test.csv", header, List.of("MPA"), false);
    StringBuilder again = new StringBuilder(String.join(",", out)).append('\n');
    for (int i = 0; i < back.rows().size(); i++) {
      again.append(String.join(",", p.cells(i))).append('\n');
    }
    DatasetSubject twice = Datasets.one(reader, again.toString());
    assertEquals(history, twice.records());
    List<String> ipred = new ArrayList<>();
    for (DatasetRow row : twice.rows()) {
      ipred.add(row.cells().get(header.size()));
    }
    assertEquals(Double.toString(p.individualMgPerL(1, 0)), ipred.get(1));
    assertEquals("", ipred.get(0), "a dose row has no IPRED");
  }
}
