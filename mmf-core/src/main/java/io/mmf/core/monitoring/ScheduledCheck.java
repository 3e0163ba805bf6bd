package io.mmf.core.monitoring;

import io.mmf.core.internal.Checks;
import io.mmf.core.source.Source;
import java.time.LocalDate;

/**
 * One dated check of a monitoring schedule. Where the source gives a window ("8-10 days later",
 * "once in days 10-14"), {@code date} is its first day and {@code latestDate} its last; otherwise
 * both are the same day.
 *
 * @param test what to check
 * @param date when, or the first day of the window
 * @param latestDate last day of the window, on or after {@code date}
 * @param reason why, in a few words (e.g. "weekly in month 1")
 * @param source citation for the schedule
 */
public record ScheduledCheck(LabTest test, LocalDate date, LocalDate latestDate, String reason, Source source) {

  /**
   * Validates the check.
   *
   * @param test what
   * @param date first day
   * @param latestDate last day
   * @param reason why
   * @param source citation
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code latestDate} is before {@code date} or {@code reason} is blank
   */
  public ScheduledCheck {
    Checks.notNull(test, "test");
    Checks.notNull(date, "date");
    Checks.notNull(latestDate, "latestDate");
    if (latestDate.isBefore(date)) {
      throw new IllegalArgumentException(Checks.invalid("latestDate", "on or after date " + date, latestDate));
    }
    Checks.notBlank(reason, "reason");
    Checks.notNull(source, "source");
  }

  /**
   * Returns e.g. {@code 2026-01-08 COMPLETE_BLOOD_COUNT (weekly in month 1)}.
   */
  @Override
  public String toString() {
    return date + (latestDate.equals(date) ? "" : ".." + latestDate) + " " + test + " (" + reason + ")";
  }
}
