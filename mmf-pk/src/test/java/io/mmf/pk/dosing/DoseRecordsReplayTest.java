package io.mmf.pk.dosing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.regimen.Titration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A history's doses as the records' meaning gives them, worked out by hand: additional doses, what a
 * reset or a steady-state dose cancels (an additional dose due at that instant included), the hours
 * since the last dose each record sees, and a regimen's records with and without titration.
 */
class DoseRecordsReplayTest {
  private static final Drug MMF = Drug.MYCOPHENOLATE_MOFETIL;
  private static final Drug EC = Drug.MYCOPHENOLATE_SODIUM;

  @Test
  void administrationsAreTheDosesThatNoResetOrSteadyStateCancels() {
    // 0, 12 of record 0 (24 and 36 fall at and after the reset); 6, 18 of record 1; 30, 38, 46 of record 3
    DoseRecords r = DoseRecords.of(DoseRecord.dose(0, MMF, 1000).withAdditionalDoses(3, 12),
        DoseRecord.dose(6, EC, 720).withAdditionalDoses(1, 12), DoseRecord.reset(24),
        DoseRecord.dose(30, MMF, 500).withSteadyState(SteadyStateMode.RESET, 8).withAdditionalDoses(2, 8));
    assertEquals(List.of(new DoseRecords.Administration(0, 0), new DoseRecords.Administration(6, 1),
        new DoseRecords.Administration(12, 0), new DoseRecords.Administration(18, 1),
        new DoseRecords.Administration(30, 3), new DoseRecords.Administration(38, 3),
        new DoseRecords.Administration(46, 3)), r.administrations());
    assertArrayEquals(new double[] {0, 6, 12, 18, 30, 38, 46}, r.administrationTimesHours());
  }

  @Test
  void aSteadyStateDoseCancelsEarlierSeriesAndAnAddedOneDoesNot() {
    DoseRecords reset = DoseRecords.of(DoseRecord.dose(0, MMF, 1000).withAdditionalDoses(5, 12),
        DoseRecord.dose(30, MMF, 1000).withSteadyState(SteadyStateMode.RESET, 12));
    assertArrayEquals(new double[] {0, 12, 24, 30}, reset.administrationTimesHours());
    DoseRecords add = DoseRecords.of(DoseRecord.dose(0, MMF, 1000).withAdditionalDoses(3, 12),
        DoseRecord.dose(18, MMF, 1000).withSteadyState(SteadyStateMode.ADD, 12));
    assertArrayEquals(new double[] {0, 12, 18, 24, 36}, add.administrationTimesHours());
  }

  @Test
  void eachRecordSeesTheHoursSinceTheLastDoseBeforeIt() {
    DoseRecords r = DoseRecords.of(DoseRecord.observation(1), DoseRecord.dose(2, MMF, 1000), DoseRecord.observation(5),
        DoseRecord.dose(10, MMF, 1000).withAdditionalDoses(2, 6), DoseRecord.observation(16),
        DoseRecord.observation(17), DoseRecord.reset(20), DoseRecord.observation(23), DoseRecord.dose(24, EC, 720),
        DoseRecord.observation(25.5));
    double[] tad = r.hoursAfterDose();
    assertEquals(10, tad.length);
    assertTrue(Double.isNaN(tad[0]), "no dose before the first record");
    assertEquals(0, tad[1], "a dose sees itself");
    assertEquals(3, tad[2]);
    assertEquals(0, tad[3]);
    assertEquals(6, tad[4], "at the instant of an additional dose: the dose before it");
    assertEquals(1, tad[5], "after it: that additional dose");
    assertTrue(Double.isNaN(tad[7]), "after a reset, no dose (the one due at 22 h is cancelled)");
    assertEquals(0, tad[8]);
    assertEquals(1.5, tad[9]);
  }

  @Test
  void aRegimensRecordsRepeatEachTitrationStepAsAdditionalDoses() {
    Regimen plain = Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1000), DosingInterval.TWICE_DAILY);
    assertEquals(DoseRecords.of(DoseRecord.dose(0, MMF, 1000)), DoseRecords.fromRegimen(plain, 1));
    assertEquals(DoseRecords.of(DoseRecord.dose(0, MMF, 1000).withAdditionalDoses(1, 12)),
        DoseRecords.fromRegimen(plain, 2));
    // 500 mg on day 0 (0 and 12 h), 1000 mg from day 1 (24 h on)
    Regimen titrated = plain.withTitration(Titration.of(Dose.ofMg(500), Dose.ofMg(500), 1));
    assertEquals(DoseRecords.of(DoseRecord.dose(0, MMF, 500).withAdditionalDoses(1, 12), DoseRecord.dose(24, MMF, 1000)),
        DoseRecords.fromRegimen(titrated, 3));
    assertEquals(DoseRecords.of(DoseRecord.dose(0, MMF, 500).withAdditionalDoses(1, 12),
        DoseRecord.dose(24, MMF, 1000).withAdditionalDoses(2, 12)), DoseRecords.fromRegimen(titrated, 5));
    assertEquals(DoseRecords.of(DoseRecord.dose(0, MMF, 500)), DoseRecords.fromRegimen(titrated, 1));
    assertDoesNotThrow(() -> DoseRecords.fromRegimen(plain, DosingSchedule.MAX_EVENTS));
    for (int n : new int[] {0, DosingSchedule.MAX_EVENTS + 1}) {
      assertThrows(IllegalArgumentException.class, () -> DoseRecords.fromRegimen(plain, n), "doses " + n);
    }
  }

  @Test
  void aSteadyStateHistoryIsOneSteadyStateDoseAndItsAdditionalDoses() {
    Regimen r = Regimen.of(Formulation.EC_MPS_TABLET_360, Dose.ofMg(720), DosingInterval.TWICE_DAILY);
    DoseRecord ss = DoseRecord.dose(48, EC, 720).withSteadyState(SteadyStateMode.RESET, 12);
    assertEquals(DoseRecords.of(ss), DoseRecords.steadyState(r, 48, 0));
    assertEquals(DoseRecords.of(ss.withAdditionalDoses(1, 12)), DoseRecords.steadyState(r, 48, 1));
    assertArrayEquals(new double[] {48, 60, 72}, DoseRecords.steadyState(r, 48, 2).administrationTimesHours());
    assertEquals(72, DoseRecords.of(DoseRecord.dose(0, EC, 720), DoseRecord.observation(72)).lastTimeHours());
  }

  @Test
  void aHistoryMayExpandToItsDoseLimitAndNoFurther() {
    // 10 records of 100,000 doses each (the dose and 99,999 additional ones): exactly MAX_DOSES
    DoseRecord[] full = new DoseRecord[10];
    for (int i = 0; i < full.length; i++) {
      full[i] = DoseRecord.dose(i, MMF, 1).withAdditionalDoses(DoseRecord.MAX_ADDITIONAL_DOSES - 1, 1);
    }
    assertEquals(DoseRecords.MAX_DOSES, 10L * DoseRecord.MAX_ADDITIONAL_DOSES);
    assertDoesNotThrow(() -> DoseRecords.of(full));
    DoseRecord[] more = java.util.Arrays.copyOf(full, 11);
    more[10] = DoseRecord.dose(20, MMF, 1);
    assertThrows(IllegalArgumentException.class, () -> DoseRecords.of(more));
    DoseRecord[] observed = java.util.Arrays.copyOf(full, 11);
    observed[10] = DoseRecord.observation(20);
    assertDoesNotThrow(() -> DoseRecords.of(observed), "an observation is no dose");
  }

  @Test
  void historiesAreEqualByRecordsAndInterpolation() {
    DoseRecords a = DoseRecords.of(DoseRecord.dose(0, MMF, 1000), DoseRecord.observation(2));
    DoseRecords b = DoseRecords.of(DoseRecord.dose(0, MMF, 1000), DoseRecord.observation(2));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(CovariateInterpolation.LOCF, a.interpolation());
    DoseRecords nocb = a.withInterpolation(CovariateInterpolation.NOCB);
    assertEquals(CovariateInterpolation.NOCB, nocb.interpolation());
    assertNotEquals(a, nocb);
    assertNotEquals(a, DoseRecords.of(DoseRecord.dose(0, MMF, 1000), DoseRecord.observation(3)));
  }
}
