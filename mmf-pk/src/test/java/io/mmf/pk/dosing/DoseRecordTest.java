package io.mmf.pk.dosing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.regimen.Titration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoseRecordTest {
  private static final Drug MMF = Drug.MYCOPHENOLATE_MOFETIL;

  @Test
  void everyPublicMethodRejectsNullWithItsName() {
    NullPointerTester t = new NullPointerTester().setDefault(Drug.class, MMF)
        .setDefault(SteadyStateMode.class, SteadyStateMode.RESET)
        .setDefault(DoseRecord.class, DoseRecord.observation(0))
        .setDefault(CovariateInterpolation.class, CovariateInterpolation.NOCB);
    t.testAllPublicStaticMethods(DoseRecord.class);
    t.testAllPublicInstanceMethods(DoseRecord.dose(1, MMF, 500));
    t.testAllPublicStaticMethods(DoseRecords.class);
    t.testAllPublicInstanceMethods(DoseRecords.of(DoseRecord.dose(1, MMF, 500)));
  }

  @Test
  void equalByValue() {
    new EqualsTester()
        .addEqualityGroup(DoseRecord.dose(1, MMF, 500), DoseRecord.dose(1, MMF, 500))
        .addEqualityGroup(DoseRecord.dose(1, MMF, 500).withAdditionalDoses(3, 12))
        .addEqualityGroup(DoseRecord.dose(1, MMF, 500).withSteadyState(SteadyStateMode.RESET, 12))
        .addEqualityGroup(DoseRecord.dose(1, MMF, 500).withSteadyState(SteadyStateMode.ADD, 12))
        .addEqualityGroup(DoseRecord.dose(1, MMF, 500).withRate(100), DoseRecord.dose(1, MMF, 500).withRate(100))
        .addEqualityGroup(DoseRecord.dose(1, MMF, 500).withDuration(5))
        .addEqualityGroup(DoseRecord.resetAndDose(1, MMF, 500))
        .addEqualityGroup(DoseRecord.dose(1, Drug.MYCOPHENOLATE_SODIUM, 500))
        .addEqualityGroup(DoseRecord.observation(1), DoseRecord.observation(1))
        .addEqualityGroup(DoseRecord.other(1).withCovariate("weightKg", 70))
        .addEqualityGroup(DoseRecord.reset(1))
        .testEquals();
    new EqualsTester()
        .addEqualityGroup(DoseRecords.of(DoseRecord.dose(0, MMF, 1)), DoseRecords.of(List.of(DoseRecord.dose(0, MMF, 1))))
        .addEqualityGroup(DoseRecords.of(DoseRecord.dose(0, MMF, 1)).withInterpolation(CovariateInterpolation.NOCB))
        .addEqualityGroup(DoseRecords.of(DoseRecord.dose(0, MMF, 2)))
        .testEquals();
  }

  @Test
  void nonmemCodesMapBothWays() {
    for (EventKind k : EventKind.values()) {
      assertEquals(k, EventKind.ofEvid(k.evid()));
    }
    for (SteadyStateMode m : SteadyStateMode.values()) {
      assertEquals(m, SteadyStateMode.ofSs(m.ss()));
    }
    assertThrows(IllegalArgumentException.class, () -> EventKind.ofEvid(5));
    assertThrows(IllegalArgumentException.class, () -> SteadyStateMode.ofSs(3));
  }

  @Test
  void whatARecordCannotMeanIsRefusedWithTheField() {
    assertEquals("Invalid value for intervalHours (expected finite and > 0): 0.0",
        assertThrows(IllegalArgumentException.class, () -> DoseRecord.dose(0, MMF, 500).withAdditionalDoses(2, 0))
            .getMessage());
    assertEquals("Invalid value for amountMg (expected finite and > 0): 0.0",
        assertThrows(IllegalArgumentException.class, () -> DoseRecord.dose(0, MMF, 0)).getMessage());
    assertEquals("Invalid value for timeHours (expected finite and >= 0): -1.0",
        assertThrows(IllegalArgumentException.class, () -> DoseRecord.observation(-1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> DoseRecord.dose(0, MMF, 500).withRate(10).withDuration(2));
    assertThrows(IllegalArgumentException.class, () -> DoseRecord.dose(0, MMF, 500).withAdditionalDoses(2, 12)
        .withSteadyState(SteadyStateMode.RESET, 24));
    assertThrows(IllegalArgumentException.class, () -> DoseRecord.dose(0, MMF, 500)
        .withAdditionalDoses(DoseRecord.MAX_ADDITIONAL_DOSES + 1, 12));
    assertThrows(IllegalStateException.class, () -> DoseRecord.observation(0).drug());
    assertEquals("Invalid value for records[1].timeHours (expected >= 5.0, the time of records[0]): 4.0",
        assertThrows(IllegalArgumentException.class, () -> DoseRecords.of(DoseRecord.observation(5),
            DoseRecord.observation(4))).getMessage());
    assertThrows(IllegalArgumentException.class, () -> DoseRecords.of(List.of()));
    // both sides of the edges: what is allowed right at them
    DoseRecord.dose(0, MMF, 500).withAdditionalDoses(DoseRecord.MAX_ADDITIONAL_DOSES, 12);
    DoseRecord.dose(0, MMF, 500).withAdditionalDoses(2, 12).withSteadyState(SteadyStateMode.RESET, 12);
    DoseRecords.of(DoseRecord.observation(5), DoseRecord.observation(5));
  }

  @Test
  void aTitratedRegimenBecomesOneRecordPerStepWithItsRepeatsAsAdditionalDoses() {
    Regimen r = Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1500), DosingInterval.TWICE_DAILY)
        .withTitration(Titration.of(Dose.ofMg(500), Dose.ofMg(500), 7));
    DoseRecords records = DoseRecords.fromRegimen(r, 30);
    DosingSchedule schedule = DosingSchedule.fromRegimen(r, 30);
    // the same doses at the same times as the schedule's events
    int k = 0;
    for (DoseRecord d : records.records()) {
      for (int j = 0; j <= d.additionalDoses(); j++, k++) {
        DoseEvent e = schedule.events().get(k);
        assertEquals(e.timeHours(), d.timeHours() + j * d.intervalHours(), 1e-12);
        assertEquals(e.dose().mg(), d.amountMg());
      }
    }
    assertEquals(30, k);
    assertEquals(3, records.records().size());
    assertEquals(schedule.events().size(), schedule.toRecords().records().size());
  }
}
