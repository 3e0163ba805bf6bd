package io.mmf.pk.dosing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.regimen.Titration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DosingScheduleTest {
  private static final Regimen TITRATED = Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1500),
      DosingInterval.TWICE_DAILY).withTitration(Titration.of(Dose.ofMg(500), Dose.ofMg(500), 7));

  @Test
  void regimenWithTitrationBecomesDatedDoses() {
    DosingSchedule s = DosingSchedule.fromRegimen(TITRATED, 30);
    assertEquals(30, s.events().size());
    assertEquals(0, s.events().get(0).timeHours());
    assertEquals(12, s.events().get(1).timeHours());
    assertEquals(500, s.events().get(13).dose().mg(), "day 6, second dose");
    assertEquals(1000, s.events().get(14).dose().mg(), "day 7, first dose");
    assertEquals(1500, s.events().get(28).dose().mg(), "day 14");
    // MPA given: 14 x 500 + 14 x 1000 + 2 x 1500 = 24 000 mg MMF, x 320.3 / 433.50
    assertEquals(24_000 * 320.3 / 433.50, s.totalMpaMg(), 1e-6);
  }

  @Test
  void ecMpsLabelledMgAreMpaMg() {
    // Myfortic: the 180 and 360 mg strengths are mg of mycophenolic acid
    DoseEvent e = DoseEvent.at(0, Dose.ofMg(720), Formulation.EC_MPS_TABLET_360);
    assertEquals(720, e.mpaMg(), 1e-12);
  }

  @Test
  void missedAndLateDoses() {
    DosingSchedule s = DosingSchedule.fromRegimen(TITRATED, 4);
    DosingSchedule missed = s.withMissedDose(1);
    assertEquals(List.of(0.0, 24.0, 36.0), missed.events().stream().map(DoseEvent::timeHours).toList());
    DosingSchedule late = s.withLateDose(0, 15);
    assertEquals(List.of(12.0, 15.0, 24.0, 36.0), late.events().stream().map(DoseEvent::timeHours).toList());
    assertEquals(s.totalMpaMg(), late.totalMpaMg(), 1e-9);
    assertThrows(IndexOutOfBoundsException.class, () -> s.withMissedDose(4));
    assertThrows(IllegalArgumentException.class, () -> DosingSchedule.fromRegimen(TITRATED, 1).withMissedDose(0));
    assertThrows(IllegalArgumentException.class, () -> s.withLateDose(0, -1));
  }

  @Test
  void explicitEventsMustBeSortedAndNonEmpty() {
    DoseEvent a = DoseEvent.at(0, Dose.ofMg(1000), Formulation.MMF_TABLET_500);
    DoseEvent b = DoseEvent.at(12, Dose.ofMg(1000), Formulation.MMF_TABLET_500);
    DoseEvent sameTime = DoseEvent.at(12, Dose.ofMg(250), Formulation.MMF_CAPSULE_250);
    assertEquals(3, DosingSchedule.of(List.of(a, b, sameTime)).events().size());
    IllegalArgumentException unsorted = assertThrows(IllegalArgumentException.class,
        () -> DosingSchedule.of(List.of(b, a)));
    assertEquals("Invalid value for events[1].timeHours (expected >= 12.0, the time of events[0]): 0.0",
        unsorted.getMessage());
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> DosingSchedule.of(List.of()));
    assertTrue(empty.getMessage().contains("events"), empty.getMessage());
  }

  @Test
  void doseBeforeTimeZeroIsRejected() {
    for (double bad : new double[] {-0.5, Double.NaN, Double.NEGATIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> DoseEvent.at(bad, Dose.ofMg(500), Formulation.MMF_TABLET_500));
      assertEquals("Invalid value for timeHours (expected finite and >= 0): " + bad, e.getMessage());
    }
    assertThrows(NullPointerException.class, () -> DoseEvent.at(0, null, Formulation.MMF_TABLET_500));
    assertThrows(IllegalArgumentException.class, () -> DosingSchedule.fromRegimen(TITRATED, 0));
  }
}
