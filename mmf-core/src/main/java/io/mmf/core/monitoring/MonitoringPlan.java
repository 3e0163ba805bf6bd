package io.mmf.core.monitoring;

import io.mmf.core.condition.Condition;
import io.mmf.core.internal.Checks;
import io.mmf.core.source.Source;
import io.mmf.core.source.Sources;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a start date into a dated schedule of checks.
 *
 * <p>The schedule, from the sources:
 * <ul>
 *   <li>Complete blood count (label): weekly in month 1 (days 7, 14, 21 and the one-month date), twice
 *       monthly in months 2 and 3 (the mid-month and whole-month dates), monthly through month 12; then
 *       every 3-6 months in maintenance (seed 003; {@link #withMaintenanceIntervalMonths}, default 3).</li>
 *   <li>Liver function tests: with every blood count. Seed 003 says to monitor CBC and liver tests
 *       together, regularly, and every 3-6 months in maintenance; no source gives a separate first-year
 *       schedule, so liver tests follow the label's blood-count schedule.</li>
 *   <li>Pregnancy tests, for a patient who can become pregnant (label REMS): immediately before starting
 *       (day 0), 8-10 days later, then at routine follow-up visits, taken here as each whole-month visit.</li>
 *   <li>Infection screening before the first dose (day 0): seed 000 asks for screening for infections, and
 *       hepatitis B and C reactivation is a boxed warning of the label (seed 001 names it too).</li>
 *   <li>For myositis (seed 003 names these without an interval): creatine kinase and a clinical assessment
 *       of muscle strength, skin activity and function at each whole-month visit, and from month 12 a
 *       review of whether MMF is still needed at each maintenance visit (seed 003: do not continue it
 *       without periodic reassessment).</li>
 *   <li>MPA exposure, where chosen: the transplant consensus days 3, 7 and once in days 10-14
 *       ({@link #withTransplantExposureChecks()}), or days of one's own.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; {@code with...} methods return changed copies.
 */
public final class MonitoringPlan {
  /** Shortest maintenance interval, months (seed 003: every 3-6 months). */
  public static final int MIN_MAINTENANCE_MONTHS = 3;
  /** Longest maintenance interval, months (seed 003: every 3-6 months). */
  public static final int MAX_MAINTENANCE_MONTHS = 6;
  /** Longest span {@link #schedule} covers, years: a lifetime of treatment, and a bound on the work. */
  public static final int MAX_SCHEDULE_YEARS = 100;
  /** Earliest start accepted by {@link #schedule}. */
  public static final LocalDate MIN_START = LocalDate.of(1900, 1, 1);
  /** Latest start accepted by {@link #schedule}. */
  public static final LocalDate MAX_START = LocalDate.of(2300, 12, 31);

  private static final Source USER_CHOICE = Source.of("user", "Exposure check days chosen by the user");

  private final boolean pregnancyTests;
  private final boolean creatineKinase;
  private final int maintenanceIntervalMonths;
  private final List<int[]> exposureWindows;
  private final Source exposureSource;

  private MonitoringPlan(boolean pregnancyTests, boolean creatineKinase, int maintenanceIntervalMonths,
      List<int[]> exposureWindows, Source exposureSource) {
    this.pregnancyTests = pregnancyTests;
    this.creatineKinase = creatineKinase;
    this.maintenanceIntervalMonths = maintenanceIntervalMonths;
    this.exposureWindows = exposureWindows;
    this.exposureSource = exposureSource;
  }

  /**
   * Blood counts and liver tests only, with a 3-month maintenance interval.
   *
   * @return the plan
   */
  public static MonitoringPlan standard() {
    return new MonitoringPlan(false, false, MIN_MAINTENANCE_MONTHS, List.of(), USER_CHOICE);
  }

  /**
   * The plan for a condition: creatine kinase when it is a myositis, pregnancy tests when the patient
   * can become pregnant.
   *
   * @param condition the condition treated
   * @param canBecomePregnant whether the patient can become pregnant
   * @return the plan
   * @throws NullPointerException if {@code condition} is null
   */
  public static MonitoringPlan forCondition(Condition condition, boolean canBecomePregnant) {
    Checks.notNull(condition, "condition");
    return standard().withCreatineKinase(condition.myositis()).withPregnancyTests(canBecomePregnant);
  }

  /**
   * This plan with or without pregnancy tests.
   *
   * @param value true to schedule them
   * @return the changed copy
   */
  public MonitoringPlan withPregnancyTests(boolean value) {
    return new MonitoringPlan(value, creatineKinase, maintenanceIntervalMonths, exposureWindows, exposureSource);
  }

  /**
   * This plan with or without creatine kinase.
   *
   * @param value true to schedule it
   * @return the changed copy
   */
  public MonitoringPlan withCreatineKinase(boolean value) {
    return new MonitoringPlan(pregnancyTests, value, maintenanceIntervalMonths, exposureWindows, exposureSource);
  }

  /**
   * This plan with another maintenance interval (after month 12).
   *
   * @param months interval, months, 3 to 6 (seed 003)
   * @return the changed copy
   * @throws IllegalArgumentException if {@code months} is outside 3-6
   */
  public MonitoringPlan withMaintenanceIntervalMonths(int months) {
    if (months < MIN_MAINTENANCE_MONTHS || months > MAX_MAINTENANCE_MONTHS) {
      throw new IllegalArgumentException(Checks.invalid("maintenanceIntervalMonths", "3 to 6 (seed 003)", months));
    }
    return new MonitoringPlan(pregnancyTests, creatineKinase, months, exposureWindows, exposureSource);
  }

  /**
   * This plan with MPA exposure checked on the transplant consensus days: day 3, day 7 and once in
   * days 10-14.
   *
   * @return the changed copy
   * @see Sources#KUYPERS_2010
   */
  public MonitoringPlan withTransplantExposureChecks() {
    return new MonitoringPlan(pregnancyTests, creatineKinase, maintenanceIntervalMonths,
        List.of(new int[] {3, 3}, new int[] {7, 7}, new int[] {10, 14}), Sources.KUYPERS_2010);
  }

  /**
   * This plan with MPA exposure checked on days of the user's choosing.
   *
   * @param days days of treatment, each &gt;= 0 (day 0 is the first)
   * @return the changed copy
   * @throws NullPointerException if {@code days} is null
   * @throws IllegalArgumentException if a day is negative
   */
  public MonitoringPlan withExposureChecksOnDays(int... days) {
    Checks.notNull(days, "days");
    List<int[]> windows = new ArrayList<>();
    for (int d : days) {
      Checks.nonNegative(d, "days");
      windows.add(new int[] {d, d});
    }
    return new MonitoringPlan(pregnancyTests, creatineKinase, maintenanceIntervalMonths, List.copyOf(windows),
        USER_CHOICE);
  }

  /**
   * The dated checks from {@code start} (the first day of treatment) to {@code end}, both included.
   *
   * @param start first day of treatment, from {@link #MIN_START} to {@link #MAX_START}
   * @param end last day to schedule, on or after {@code start} and at most {@link #MAX_SCHEDULE_YEARS}
   *     years after it
   * @return the checks, sorted by date then test
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code start} is out of range, or {@code end} is before
   *     {@code start} or too far after it
   */
  public List<ScheduledCheck> schedule(LocalDate start, LocalDate end) {
    Checks.notNull(start, "start");
    Checks.notNull(end, "end");
    if (start.isBefore(MIN_START) || start.isAfter(MAX_START)) {
      throw new IllegalArgumentException(Checks.invalid("start", MIN_START + " to " + MAX_START, start));
    }
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(Checks.invalid("end", "on or after start " + start, end));
    }
    if (end.isAfter(start.plusYears(MAX_SCHEDULE_YEARS))) {
      throw new IllegalArgumentException(Checks.invalid("end", "at most " + MAX_SCHEDULE_YEARS
          + " years after start " + start, end));
    }
    List<ScheduledCheck> out = new ArrayList<>();
    out.add(new ScheduledCheck(LabTest.INFECTION_SCREENING, start, start, "before the first dose: screen for"
        + " infections (seed 000), including hepatitis B and C, which can reactivate (label boxed warning)",
        Sources.SEED_000));
    for (int day : new int[] {7, 14, 21}) {
      bloodAndLiver(out, start.plusDays(day), "weekly in month 1", Sources.LABEL);
    }
    bloodAndLiver(out, start.plusMonths(1), "weekly in month 1", Sources.LABEL);
    for (int m = 1; m <= 2; m++) {
      bloodAndLiver(out, start.plusMonths(m).plusDays(14), "twice monthly in months 2-3", Sources.LABEL);
      bloodAndLiver(out, start.plusMonths(m + 1), "twice monthly in months 2-3", Sources.LABEL);
    }
    for (int m = 4; m <= 12; m++) {
      bloodAndLiver(out, start.plusMonths(m), "monthly through month 12", Sources.LABEL);
    }
    for (int m = 12 + maintenanceIntervalMonths; !start.plusMonths(m).isAfter(end); m += maintenanceIntervalMonths) {
      bloodAndLiver(out, start.plusMonths(m), "every " + maintenanceIntervalMonths + " months in maintenance",
          Sources.SEED_003);
    }
    List<LocalDate> monthlyVisits = out.stream().map(ScheduledCheck::date)
        .filter(d -> isWholeMonth(start, d)).distinct().toList();
    if (pregnancyTests) {
      out.add(new ScheduledCheck(LabTest.PREGNANCY_TEST, start, start, "immediately before starting", Sources.LABEL));
      out.add(new ScheduledCheck(LabTest.PREGNANCY_TEST, start.plusDays(8), start.plusDays(10),
          "8-10 days after the first test", Sources.LABEL));
      for (LocalDate d : monthlyVisits) {
        out.add(new ScheduledCheck(LabTest.PREGNANCY_TEST, d, d, "at follow-up visit", Sources.LABEL));
      }
    }
    if (creatineKinase) {
      for (LocalDate d : monthlyVisits) {
        out.add(new ScheduledCheck(LabTest.CREATINE_KINASE, d, d, "myositis follow-up (may not track activity)",
            Sources.SEED_003));
        out.add(new ScheduledCheck(LabTest.CLINICAL_ASSESSMENT, d, d, "muscle strength, skin activity and function",
            Sources.SEED_003));
      }
      for (int m = 12 + maintenanceIntervalMonths; !start.plusMonths(m).isAfter(end); m += maintenanceIntervalMonths) {
        out.add(new ScheduledCheck(LabTest.TREATMENT_REVIEW, start.plusMonths(m), start.plusMonths(m),
            "is MMF still needed? (withdrawal only after >= 1 year of complete remission off corticosteroids)",
            Sources.SEED_003));
      }
    }
    for (int[] w : exposureWindows) {
      out.add(new ScheduledCheck(LabTest.MPA_EXPOSURE, start.plusDays(w[0]), start.plusDays(w[1]),
          w[0] == w[1] ? "MPA exposure on day " + w[0] : "MPA exposure once in days " + w[0] + "-" + w[1],
          exposureSource));
    }
    return out.stream()
        .filter(c -> !c.date().isBefore(start) && !c.date().isAfter(end))
        .sorted(Comparator.comparing(ScheduledCheck::date).thenComparing(ScheduledCheck::test))
        .toList();
  }

  private static boolean isWholeMonth(LocalDate start, LocalDate d) {
    for (int m = 1; !start.plusMonths(m).isAfter(d); m++) {
      if (start.plusMonths(m).equals(d)) {
        return true;
      }
    }
    return false;
  }

  private static void bloodAndLiver(List<ScheduledCheck> out, LocalDate date, String reason, Source source) {
    out.add(new ScheduledCheck(LabTest.COMPLETE_BLOOD_COUNT, date, date, reason, source));
    out.add(new ScheduledCheck(LabTest.LIVER_FUNCTION, date, date, reason + ", with the blood count", Sources.SEED_003));
  }
}
