package io.mmf.pk.dosing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.regimen.Titration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DosingScheduleProperties {

  @Test
  void scheduleFromRegimenIsEvenlySpacedAndNeverExceedsTheTarget() {
    qt().forAll(integers().between(1, 400), integers().between(2, 12), integers().between(1, 8),
        integers().between(1, 14)).checkAssert((doses, targetQuarters, stepQuarters, everyDays) -> {
          Dose target = Dose.ofMg(250.0 * targetQuarters);
          Regimen r = Regimen.of(Formulation.MMF_CAPSULE_250, target, DosingInterval.TWICE_DAILY)
              .withTitration(Titration.of(Dose.ofMg(250), Dose.ofMg(250.0 * stepQuarters), everyDays));
          List<DoseEvent> events = DosingSchedule.fromRegimen(r, doses).events();
          assertEquals(doses, events.size());
          for (int k = 0; k < doses; k++) {
            assertEquals(12.0 * k, events.get(k).timeHours());
            assertTrue(events.get(k).dose().compareTo(target) <= 0);
            if (k > 0) {
              assertTrue(events.get(k).dose().compareTo(events.get(k - 1).dose()) >= 0, "never decreases");
            }
          }
        });
  }
}
