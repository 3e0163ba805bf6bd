package io.mmf.pk.dosing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Regimen;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schedules: equal by their events, readable, and validated at each edge. */
class DosingScheduleValuesTest {
  private static final Regimen R = Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1000), DosingInterval.TWICE_DAILY);

  @Test
  void schedulesAreEqualByTheirEvents() {
    DosingSchedule a = DosingSchedule.fromRegimen(R, 14);
    assertEquals(a, DosingSchedule.fromRegimen(R, 14));
    assertEquals(a.hashCode(), DosingSchedule.fromRegimen(R, 14).hashCode());
    assertNotEquals(a, DosingSchedule.fromRegimen(R, 13));
    assertNotEquals(a, a.withLateDose(3, 1));
    assertNotEquals(a, "schedule");
    assertEquals("DosingSchedule[14 doses, 0.0-156.0 h]", a.toString());
  }

  @Test
  void edgesOfCountsDelaysAndOrder() {
    assertEquals(1, DosingSchedule.fromRegimen(R, 1).events().size());
    assertEquals(DosingSchedule.MAX_EVENTS, DosingSchedule.fromRegimen(R, DosingSchedule.MAX_EVENTS).events().size());
    assertThrows(IllegalArgumentException.class, () -> DosingSchedule.fromRegimen(R, 0));
    assertThrows(IllegalArgumentException.class, () -> DosingSchedule.fromRegimen(R, DosingSchedule.MAX_EVENTS + 1));
    DosingSchedule s = DosingSchedule.fromRegimen(R, 3);
    assertEquals(s, s.withLateDose(1, 0));
    assertThrows(IllegalArgumentException.class, () -> s.withLateDose(1, -Double.MIN_VALUE));
    List<DoseEvent> same = List.of(DoseEvent.at(1, Dose.ofMg(500), Formulation.MMF_TABLET_500),
        DoseEvent.at(1, Dose.ofMg(500), Formulation.MMF_TABLET_500));
    assertEquals(2, DosingSchedule.of(same).events().size(), "two doses at one time are in order");
    List<DoseEvent> many = new ArrayList<>();
    for (int i = 0; i <= DosingSchedule.MAX_EVENTS; i++) {
      many.add(DoseEvent.at(i, Dose.ofMg(500), Formulation.MMF_TABLET_500));
    }
    assertThrows(IllegalArgumentException.class, () -> DosingSchedule.of(many));
    assertEquals(DosingSchedule.MAX_EVENTS, DosingSchedule.of(many.subList(0, DosingSchedule.MAX_EVENTS)).events()
        .size());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DosingSchedule.of(List.of(
        DoseEvent.at(2, Dose.ofMg(500), Formulation.MMF_TABLET_500),
        DoseEvent.at(1, Dose.ofMg(500), Formulation.MMF_TABLET_500))));
    assertEquals("Invalid value for events[1].timeHours (expected >= 2.0, the time of events[0]): 1.0", e.getMessage());
  }
}
