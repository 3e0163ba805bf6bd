package io.mmf.core.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.condition.ConditionCatalog;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitoringPlanTest {
  private static final LocalDate START = LocalDate.of(2026, 1, 1);

  private static List<LocalDate> datesOf(List<ScheduledCheck> checks, LabTest test) {
    return checks.stream().filter(c -> c.test() == test).map(ScheduledCheck::date).toList();
  }

  @Test
  void bloodCountsFollowTheLabelScheduleInYearOne() {
    List<ScheduledCheck> plan = MonitoringPlan.standard().schedule(START, START.plusYears(1));
    List<LocalDate> cbc = datesOf(plan, LabTest.COMPLETE_BLOOD_COUNT);
    // weekly in month 1 (4), twice monthly in months 2-3 (4), monthly months 4-12 (9)
    assertEquals(17, cbc.size());
    assertEquals(List.of(LocalDate.of(2026, 1, 8), LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 22),
        LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 15), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 15),
        LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1)), cbc.subList(0, 9));
    assertEquals(LocalDate.of(2027, 1, 1), cbc.get(16));
    assertEquals(cbc, datesOf(plan, LabTest.LIVER_FUNCTION), "liver tests go with every blood count");
  }

  @Test
  void maintenanceEveryThreeToSixMonths() {
    List<LocalDate> cbc3 = datesOf(MonitoringPlan.standard().schedule(START, START.plusYears(2)),
        LabTest.COMPLETE_BLOOD_COUNT);
    assertEquals(List.of(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 7, 1), LocalDate.of(2027, 10, 1),
        LocalDate.of(2028, 1, 1)), cbc3.subList(17, cbc3.size()));
    List<LocalDate> cbc6 = datesOf(MonitoringPlan.standard().withMaintenanceIntervalMonths(6)
        .schedule(START, START.plusYears(2)), LabTest.COMPLETE_BLOOD_COUNT);
    assertEquals(List.of(LocalDate.of(2027, 7, 1), LocalDate.of(2028, 1, 1)), cbc6.subList(17, cbc6.size()));
    assertThrows(IllegalArgumentException.class, () -> MonitoringPlan.standard().withMaintenanceIntervalMonths(2));
    assertThrows(IllegalArgumentException.class, () -> MonitoringPlan.standard().withMaintenanceIntervalMonths(7));
  }

  @Test
  void pregnancyTestsBeforeStartAndEightToTenDaysLater() {
    List<ScheduledCheck> plan = MonitoringPlan.standard().withPregnancyTests(true).schedule(START, START.plusMonths(3));
    List<ScheduledCheck> tests = plan.stream().filter(c -> c.test() == LabTest.PREGNANCY_TEST).toList();
    assertEquals(START, tests.get(0).date());
    assertEquals(START.plusDays(8), tests.get(1).date());
    assertEquals(START.plusDays(10), tests.get(1).latestDate());
    assertEquals(List.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1)),
        tests.subList(2, tests.size()).stream().map(ScheduledCheck::date).toList());
    assertTrue(datesOf(MonitoringPlan.standard().schedule(START, START.plusMonths(3)), LabTest.PREGNANCY_TEST)
        .isEmpty());
  }

  @Test
  void myositisAddsCreatineKinase() {
    List<ScheduledCheck> dm = MonitoringPlan.forCondition(ConditionCatalog.standard().get("DM"), false)
        .schedule(START, START.plusMonths(2));
    assertEquals(List.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1)), datesOf(dm, LabTest.CREATINE_KINASE));
    List<ScheduledCheck> pv = MonitoringPlan.forCondition(ConditionCatalog.standard().get("PV"), false)
        .schedule(START, START.plusMonths(2));
    assertTrue(datesOf(pv, LabTest.CREATINE_KINASE).isEmpty());
  }

  @Test
  void transplantExposureOnDays3And7AndOnceIn10To14() {
    List<ScheduledCheck> exposure = MonitoringPlan.standard().withTransplantExposureChecks()
        .schedule(START, START.plusMonths(1)).stream().filter(c -> c.test() == LabTest.MPA_EXPOSURE).toList();
    assertEquals(3, exposure.size());
    assertEquals(START.plusDays(3), exposure.get(0).date());
    assertEquals(START.plusDays(7), exposure.get(1).date());
    assertEquals(START.plusDays(10), exposure.get(2).date());
    assertEquals(START.plusDays(14), exposure.get(2).latestDate());
    assertEquals(List.of(START.plusDays(30)), MonitoringPlan.standard().withExposureChecksOnDays(30)
        .schedule(START, START.plusMonths(2)).stream().filter(c -> c.test() == LabTest.MPA_EXPOSURE)
        .map(ScheduledCheck::date).toList());
  }

  @Test
  void endBeforeStartIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MonitoringPlan.standard().schedule(START, START.minusDays(1)));
    assertTrue(e.getMessage().contains("end"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> MonitoringPlan.standard().withExposureChecksOnDays(-1));
  }

  @Test
  void infectionScreeningBeforeTheFirstDose() {
    List<ScheduledCheck> plan = MonitoringPlan.standard().schedule(START, START.plusMonths(1));
    assertEquals(List.of(START), datesOf(plan, LabTest.INFECTION_SCREENING));
    assertTrue(plan.get(0).reason().contains("hepatitis B and C"), plan.get(0).reason());
  }

  @Test
  void myositisAddsClinicalAssessmentAndPeriodicReview() {
    MonitoringPlan dm = MonitoringPlan.forCondition(ConditionCatalog.standard().get("DM"), false);
    List<ScheduledCheck> plan = dm.schedule(START, START.plusYears(2));
    assertEquals(datesOf(plan, LabTest.CREATINE_KINASE), datesOf(plan, LabTest.CLINICAL_ASSESSMENT));
    assertEquals(List.of(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 7, 1), LocalDate.of(2027, 10, 1),
        LocalDate.of(2028, 1, 1)), datesOf(plan, LabTest.TREATMENT_REVIEW));
    assertTrue(datesOf(MonitoringPlan.standard().schedule(START, START.plusYears(2)), LabTest.TREATMENT_REVIEW)
        .isEmpty());
  }

  @Test
  void dateRangesAreBounded() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MonitoringPlan.standard().schedule(LocalDate.MIN, LocalDate.MAX));
    assertTrue(e.getMessage().contains("start"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> MonitoringPlan.standard().schedule(START, START.plusYears(100).plusDays(1)));
    assertTrue(e.getMessage().contains("at most 100 years"), e.getMessage());
    assertTrue(MonitoringPlan.standard().schedule(START, START.plusYears(100)).size() > 400);
    assertThrows(IllegalArgumentException.class,
        () -> MonitoringPlan.standard().schedule(LocalDate.of(1899, 12, 31), LocalDate.of(1900, 1, 1)));
  }
}
