package io.mmf.cli;

import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.monitoring.MonitoringPlan;
import io.mmf.core.monitoring.ScheduledCheck;
import java.io.PrintWriter;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mmf schedule}: the dated monitoring plan from a start date. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
    description = "Print the dated monitoring plan (blood counts, liver tests, pregnancy tests, CK, MPA exposure).")
final class ScheduleCommand implements Runnable {
  @Option(names = "--start", required = true, paramLabel = "YYYY-MM-DD", description = "First day of treatment.")
  LocalDate start;

  @Option(names = "--months", paramLabel = "N", defaultValue = "12", description = "Months to schedule (default: ${DEFAULT-VALUE}).")
  int months;

  @Option(names = "--condition", paramLabel = "NAME", description = "Condition (adds creatine kinase for myositis).")
  String condition;

  @Option(names = "--pregnancy", paramLabel = "STATUS", defaultValue = "unknown",
      description = "Pregnancy status, as for check: unknown, none, can-become-pregnant, planning, pregnant;"
          + " can-become-pregnant and planning schedule pregnancy tests (default: ${DEFAULT-VALUE}, none scheduled).")
  String pregnancy;

  /** The earlier spelling of --pregnancy can-become-pregnant, still read. */
  @Option(names = "--can-become-pregnant", hidden = true)
  boolean canBecomePregnant;

  /** Whether the status asks for pregnancy tests. */
  boolean pregnancyTests() {
    return switch (pregnancy) {
      case "unknown", "none", "pregnant" -> canBecomePregnant;
      case "can-become-pregnant", "planning" -> true;
      default -> throw new IllegalArgumentException("Invalid value for --pregnancy (expected unknown, none,"
          + " can-become-pregnant, planning or pregnant): " + Text.shown(pregnancy));
    };
  }

  @Option(names = "--transplant-exposure", description = "MPA exposure on days 3, 7 and once in 10-14 (transplant consensus).")
  boolean transplantExposure;

  @Option(names = "--maintenance-months", paramLabel = "N", defaultValue = "3",
      description = "Months between checks after month 12, 3 to 6 (default: ${DEFAULT-VALUE}).")
  int maintenanceMonths;

  /** Earliest start date: keeps every scheduled date in the calendar's range. */
  static final LocalDate FIRST_START = LocalDate.of(1900, 1, 1);
  /** Latest start date. */
  static final LocalDate LAST_START = LocalDate.of(2199, 12, 31);

  @Spec
  CommandSpec spec;

  @picocli.CommandLine.Mixin
  FormatOption formatOption;

  @Override
  public void run() {
    Ranges.between("--months", months, 1, 600);
    Ranges.between("--maintenance-months", maintenanceMonths, MonitoringPlan.MIN_MAINTENANCE_MONTHS,
        MonitoringPlan.MAX_MAINTENANCE_MONTHS);
    if (start.isBefore(FIRST_START) || start.isAfter(LAST_START)) {
      throw new IllegalArgumentException("Invalid value for --start (expected a date from " + FIRST_START + " to "
          + LAST_START + "): " + start);
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean pregnancyTests = pregnancyTests();
    MonitoringPlan plan = condition == null ? MonitoringPlan.standard().withPregnancyTests(pregnancyTests)
        : MonitoringPlan.forCondition(ConditionCatalog.standard().get(condition), pregnancyTests);
    plan = plan.withMaintenanceIntervalMonths(maintenanceMonths);
    if (transplantExposure) {
      plan = plan.withTransplantExposureChecks();
    }
    LocalDate end = start.plusMonths(months);
    if (formatOption.json()) {
      MonitoringPlan p = plan;
      JsonOut.write(out, "schedule", g -> {
        g.writeStringField("start", start.toString());
        g.writeStringField("end", end.toString());
        g.writeArrayFieldStart("checks");
        for (ScheduledCheck c : p.schedule(start, end)) {
          g.writeStartObject();
          g.writeStringField("date", c.date().toString());
          g.writeStringField("latestDate", c.latestDate().toString());
          g.writeStringField("test", c.test().name());
          g.writeStringField("reason", c.reason());
          JsonOut.source(g, "source", c.source());
          g.writeEndObject();
        }
        g.writeEndArray();
      });
      return;
    }
    out.println("Monitoring from " + start + " to " + end + ":");
    for (ScheduledCheck c : plan.schedule(start, end)) {
      String when = c.latestDate().equals(c.date()) ? c.date().toString() : c.date() + ".." + c.latestDate();
      out.printf("  %-22s %-22s %s [%s]%n", when, c.test(), c.reason(), c.source().ref());
    }
  }
}
