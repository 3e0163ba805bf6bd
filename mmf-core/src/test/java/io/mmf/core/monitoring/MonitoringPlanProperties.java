package io.mmf.core.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import io.mmf.testkit.core.CoreGenerators;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MonitoringPlanProperties {

  @Test
  void datedScheduleIsSortedAndInsideThePlansWindow() {
    qt().forAll(CoreGenerators.dates(), integers().between(0, 5 * 366), integers().between(3, 6),
        booleans().all()).checkAssert((start, days, months, flags) -> {
          LocalDate end = start.plusDays(days);
          MonitoringPlan plan = MonitoringPlan.standard().withMaintenanceIntervalMonths(months)
              .withPregnancyTests(flags).withCreatineKinase(!flags).withTransplantExposureChecks();
          List<ScheduledCheck> checks = plan.schedule(start, end);
          Set<String> seen = new HashSet<>();
          for (int i = 0; i < checks.size(); i++) {
            ScheduledCheck c = checks.get(i);
            assertFalse(c.date().isBefore(start), c.toString());
            assertFalse(c.date().isAfter(end), c.toString());
            assertFalse(c.latestDate().isBefore(c.date()), c.toString());
            assertTrue(seen.add(c.date() + " " + c.test()), "duplicate " + c);
            if (i > 0) {
              ScheduledCheck p = checks.get(i - 1);
              assertTrue(!p.date().isAfter(c.date()), p + " after " + c);
            }
          }
        });
  }

  @Test
  void bloodCountsAreNeverMoreThanOneIntervalApartInMaintenance() {
    qt().forAll(CoreGenerators.dates(), integers().between(3, 6)).checkAssert((start, months) -> {
      List<LocalDate> cbc = MonitoringPlan.standard().withMaintenanceIntervalMonths(months)
          .schedule(start, start.plusYears(4)).stream().filter(c -> c.test() == LabTest.COMPLETE_BLOOD_COUNT)
          .map(ScheduledCheck::date).toList();
      assertEquals(start.plusMonths(12), cbc.get(16));
      for (int i = 17; i < cbc.size(); i++) {
        assertEquals(start.plusMonths(12 + (long) (i - 16) * months), cbc.get(i));
      }
    });
  }
}
