package io.mmf.pk.data;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.EventKind;
import org.junit.jupiter.api.Test;

/**
 * Each of the reader's limits on both sides: the documented limit itself is read, a value just past it
 * is refused naming its line and column, the value and the range (the reader's javadoc and the
 * constants {@link DatasetReader#MAX_TIME_HOURS}, {@link DatasetReader#MAX_AMOUNT_MG},
 * {@link DatasetReader#MAX_LEVEL_MG_PER_L}, {@link DatasetReader#MAX_ID_LENGTH}).
 */
class DatasetLimitsTest {
  private static final DatasetReader ORAL = DatasetReader.forModel(Datasets.oral());

  private static DatasetSubject read(String csv) {
    return assertDoesNotThrow(() -> Datasets.one(ORAL, csv), csv);
  }

  private static String refused(DatasetReader reader, String csv, String where) {
    DatasetException e = assertThrows(DatasetException.class, () -> Datasets.read(reader, csv), csv);
    assertTrue(e.getMessage().startsWith("test.csv:" + where + ": "), e.getMessage());
    return e.getMessage();
  }

  private static String refused(String csv, String where) {
    return refused(ORAL, csv, where);
  }

  @Test
  void timeRunsFromZeroToItsLimitInclusive() {
    assertEquals(DatasetReader.MAX_TIME_HOURS, read("ID,TIME,AMT\n1,100000,100\n").rows().get(0).timeHours());
    assertEquals(0, read("ID,TIME,AMT\n1,0,100\n").rows().get(0).timeHours());
    assertTrue(refused("ID,TIME,AMT\n1,100000.5,100\n", "2:2").contains("TIME 100000.5 (expected 0 to 100000 h)"));
    assertTrue(refused("ID,TIME,AMT\n1,-0.5,100\n", "2:2").contains("TIME -0.5"));
  }

  @Test
  void aDoseIsAboveZeroAndAtMostItsLimit() {
    assertEquals(DatasetReader.MAX_AMOUNT_MG, read("ID,TIME,AMT,EVID\n1,0,100000,1\n").records().records().get(0).amountMg());
    assertTrue(refused("ID,TIME,AMT,EVID\n1,0,100000.5,1\n", "2:3")
        .contains("AMT 100000.5 on an EVID 1 row (expected a dose > 0 and <= 100000 mg)"));
    assertTrue(refused("ID,TIME,AMT,EVID\n1,0,0,1\n", "2:3").contains("AMT 0.0 on an EVID 1 row"));
  }

  @Test
  void aMeasuredLevelRunsFromZeroToItsLimitInclusive() {
    DatasetSubject s = read("ID,TIME,AMT,DV\n1,0,100,\n1,1,0,1000\n1,2,0,0\n");
    assertEquals(DatasetReader.MAX_LEVEL_MG_PER_L, s.rows().get(1).dvMgPerL());
    assertEquals(0, s.rows().get(2).dvMgPerL());
    assertTrue(s.rows().get(2).hasLevel() && !s.rows().get(2).belowLimit(), "a level of 0 is a level");
    assertTrue(refused("ID,TIME,AMT,DV\n1,1,0,1000.5\n", "2:4")
        .contains("DV 1000.5 (expected a level of 0 to 1000 mg/L)"));
    assertTrue(refused("ID,TIME,AMT,DV\n1,1,0,-0.5\n", "2:4").contains("DV -0.5"));
  }

  @Test
  void aLimitWrittenInDvIsAboveZeroAndAtMostTheLevelLimit() {
    DatasetSubject s = read("ID,TIME,AMT,DV\n1,0,100,\n1,1,0,<1000\n");
    assertTrue(s.rows().get(1).belowLimit());
    assertEquals(1000, s.rows().get(1).limitMgPerL());
    assertTrue(refused("ID,TIME,AMT,DV\n1,1,0,<1000.5\n", "2:4").contains("expected <LIMIT with a limit > 0"));
    assertTrue(refused("ID,TIME,AMT,DV\n1,1,0,<0\n", "2:4").contains("DV '<0'"));
  }

  @Test
  void aLevelAtTheLloqIsMeasuredAndOneBelowItIsBelowTheLimit() {
    DatasetSubject s = read("ID,TIME,AMT,DV,LLOQ\n1,0,100,,\n1,1,0,0.2,0.2\n1,2,0,0.19,0.2\n1,3,0,1,1000\n");
    assertFalse(s.rows().get(1).belowLimit(), "DV = LLOQ is quantified");
    assertEquals(0.2, s.rows().get(1).dvMgPerL());
    assertTrue(s.rows().get(2).belowLimit(), "DV < LLOQ is below it");
    assertEquals(0.2, s.rows().get(2).limitMgPerL());
    assertTrue(s.rows().get(3).belowLimit() && s.rows().get(3).limitMgPerL() == 1000, "LLOQ at the level limit");
    assertTrue(refused("ID,TIME,AMT,DV,LLOQ\n1,1,0,1,1000.5\n", "2:5")
        .contains("LLOQ 1000.5 (expected > 0 and <= 1000 mg/L)"));
    assertTrue(refused("ID,TIME,AMT,DV,LLOQ\n1,1,0,1,-0.5\n", "2:5").contains("LLOQ -0.5"));
    DatasetSubject blq = read("ID,TIME,AMT,DV,BLQ,LLOQ\n1,0,100,,,\n1,1,0,1,1,1000\n");
    assertEquals(1000, blq.rows().get(1).limitMgPerL());
    assertTrue(refused("ID,TIME,AMT,DV,BLQ,LLOQ\n1,1,0,1,1,1000.5\n", "2:6").contains("BLQ 1 with LLOQ '1000.5'"));
    assertTrue(refused("ID,TIME,AMT,DV,BLQ,LLOQ\n1,1,0,1,2,0.2\n", "2:5").contains("BLQ 2 (expected 0, or 1"));
  }

  @Test
  void anIdHasAtMostItsLimitOfCharacters() {
    String longest = "x".repeat(DatasetReader.MAX_ID_LENGTH);
    assertEquals(longest, read("ID,TIME,AMT\n" + longest + ",0,100\n").id());
    assertTrue(refused("ID,TIME,AMT\n" + longest + "y,0,100\n", "2:1").contains("expected at most 256 characters"));
  }

  @Test
  void evidRunsFromZeroToFourAndFiveToSevenAreNamedAsRxode2s() {
    assertEquals(EventKind.RESET_AND_DOSE, read("ID,TIME,AMT,EVID\n1,0,100,4\n").rows().get(0).kind());
    assertEquals(EventKind.OBSERVATION, read("ID,TIME,AMT,EVID\n1,0,100,1\n1,1,0,0\n").rows().get(1).kind());
    for (int evid : new int[] {5, 7}) {
      assertTrue(refused("ID,TIME,AMT,EVID\n1,0,100," + evid + "\n", "2:4").contains("EVID 5-7 are rxode2's"));
    }
    for (int evid : new int[] {-1, 8}) {
      String m = refused("ID,TIME,AMT,EVID\n1,0,100," + evid + "\n", "2:4");
      assertTrue(m.contains("EVID " + evid + " (expected 0 observation") && !m.contains("rxode2"), m);
    }
  }

  @Test
  void steadyStateIsZeroToTwoAndTheIntervalAtMostAWeek() {
    DoseRecord ss2 = read("ID,TIME,AMT,SS,II\n1,0,100,2,168\n").records().records().get(0);
    assertEquals(DosingInterval.MAX_HOURS, ss2.intervalHours());
    assertTrue(refused("ID,TIME,AMT,SS,II\n1,0,100,3,12\n", "2:4").contains("SS 3 is not implemented"));
    assertTrue(refused("ID,TIME,AMT,SS,II\n1,0,100,-1,12\n", "2:4").contains("SS -1 (expected 0, 1 or 2)"));
    assertTrue(refused("ID,TIME,AMT,SS,II\n1,0,100,1,168.5\n", "2:5").contains("II 168.5 (expected 0 to 168 h)"));
    assertTrue(refused("ID,TIME,AMT,SS,II\n1,0,100,1,-0.5\n", "2:5").contains("II -0.5"));
  }

  @Test
  void additionalDosesRunToTheRecordsLimit() {
    int most = DoseRecord.MAX_ADDITIONAL_DOSES;
    assertEquals(most, read("ID,TIME,AMT,ADDL,II\n1,0,100," + most + ",1\n").records().records().get(0).additionalDoses());
    assertTrue(refused("ID,TIME,AMT,ADDL,II\n1,0,100," + (most + 1) + ",1\n", "2:4")
        .contains("ADDL " + (most + 1) + " (expected at most " + most + ")"));
    assertTrue(refused("ID,TIME,AMT,ADDL,II\n1,0,100,-1,12\n", "2:4").contains("a negative ADDL"));
  }

  @Test
  void aRandomEffectIsWithinTenOnTheLogScale() {
    DatasetReader one = ORAL.withRandomEffects(1);
    DatasetSubject s = assertDoesNotThrow(() -> Datasets.one(one, "ID,TIME,AMT,ETA1\n1,0,100,10\n"));
    assertEquals(10, s.eta().orElseThrow()[0]);
    assertEquals(-10, Datasets.one(one, "ID,TIME,AMT,ETA1\n1,0,100,-10\n").eta().orElseThrow()[0]);
    assertTrue(refused(one, "ID,TIME,AMT,ETA1\n1,0,100,10.5\n", "2:4").contains("ETA1 10.5 (expected -10 to 10"));
    assertTrue(refused(one, "ID,TIME,AMT,ETA1\n1,0,100,-10.5\n", "2:4").contains("ETA1 -10.5"));
  }

  @Test
  void aWholeNumberCellIsRefusedPastAThousandMillionRatherThanWrapped() {
    assertTrue(refused("ID,TIME,AMT,EVID\n1,0,100,1e9\n", "2:4").contains("EVID 1000000000 (expected 0"));
    assertTrue(refused("ID,TIME,AMT,EVID\n1,0,100,1.5e9\n", "2:4").contains("column EVID is not a whole number"));
  }

  @Test
  void theReadersSettingsAreCheckedAtTheirLimits() {
    assertEquals(0, ORAL.withClockAtTimeZero(0).subjects("t", Datasets.header("ID,TIME,AMT"),
        Datasets.rows("ID,TIME,AMT\n1,0,100\n")).next().records().records().get(0).timeHours());
    assertEquals(23.5, Datasets.one(ORAL.withClockAtTimeZero(23.5), "ID,TIME,AMT\n1,0,100\n").records().records().get(0)
        .timeHours(), "TIME 0 at 23:30");
    for (double h : new double[] {24, -0.5, Double.NaN}) {
      assertThrows(IllegalArgumentException.class, () -> ORAL.withClockAtTimeZero(h), "clock " + h);
    }
    assertDoesNotThrow(() -> ORAL.withRandomEffects(0));
    assertDoesNotThrow(() -> ORAL.withRandomEffects(100));
    for (int n : new int[] {-1, 101}) {
      assertThrows(IllegalArgumentException.class, () -> ORAL.withRandomEffects(n), "count " + n);
    }
  }

  @Test
  void aNumberCellIsReadUpToSixtyFourCharacters() {
    String longest = "1." + "0".repeat(62);
    assertEquals(64, longest.length());
    assertEquals(1, DatasetReader.decimal(longest));
    assertTrue(Double.isNaN(DatasetReader.decimal(longest + "0")), "65 characters are not read as a number");
    assertEquals(2.5, DatasetReader.decimal("  2.5 "), "spaces around a number are forgiven");
  }

  @Test
  void aDurationIsAtMostAWeekAndARateAtMostItsLimit() {
    assertEquals(168, read("ID,TIME,AMT,DUR\n1,0,100,168\n").records().records().get(0).durationHours());
    assertTrue(refused("ID,TIME,AMT,DUR\n1,0,100,168.5\n", "2:4").contains("DUR 168.5 (expected 0 to 168 h)"));
    assertTrue(refused("ID,TIME,AMT,DUR\n1,0,100,-0.5\n", "2:4").contains("DUR -0.5"));
    assertEquals(DatasetReader.MAX_RATE_MG_PER_HOUR,
        read("ID,TIME,AMT,RATE\n1,0,100,10000000\n").records().records().get(0).rateMgPerHour());
    assertTrue(refused("ID,TIME,AMT,RATE\n1,0,100,10000000.5\n", "2:4").contains("RATE 1.00000005E7 (expected 0"));
    assertTrue(refused("ID,TIME,AMT,RATE\n1,0,100,-0.5\n", "2:4").contains("RATE -0.5"));
  }

  @Test
  void aBlankCellPastTheHeaderIsIgnoredAndAFilledOneRefused() {
    assertEquals(1, read("ID,TIME,AMT\n1,0,100, \n").rows().size());
    assertTrue(refused("ID,TIME,AMT\n1,0,100,, 7\n", "2:5").contains("a cell past the header's 3 columns: ' 7'"));
  }

  @Test
  void sortedTimesStayWithinTheirReset() {
    DatasetReader sorting = ORAL.sortingTimes(true);
    DatasetSubject s = Datasets.one(sorting, "ID,TIME,AMT,EVID\n1,5,0,0\n1,0,100,1\n1,12,0,3\n1,14,0,0\n1,13,100,1\n");
    assertEquals(java.util.List.of(0.0, 5.0, 12.0, 13.0, 14.0),
        s.records().records().stream().map(DoseRecord::timeHours).toList());
    assertTrue(refused(sorting, "ID,TIME,AMT,EVID\n1,0,100,1\n1,12,0,3\n1,11,0,0\n", "4:2")
        .contains("TIME 11.0 is before the reset (EVID 3) at 12.0 h on line 3"));
    assertTrue(refused(sorting, "ID,TIME,AMT,EVID\n1,0,100,1\n1,14,0,0\n1,12,0,3\n", "4:2")
        .contains("TIME 12.0 of a reset (EVID 3) is before rows above it"));
    DatasetSubject atReset = Datasets.one(sorting, "ID,TIME,AMT,EVID\n1,0,100,1\n1,12,0,3\n1,12,0,0\n");
    assertEquals(java.util.List.of(EventKind.DOSE, EventKind.RESET, EventKind.OBSERVATION),
        atReset.records().records().stream().map(DoseRecord::kind).toList(), "a row at the reset's time stays after it");
  }
}
