package io.mmf.cli;

import io.mmf.core.regimen.DosingInterval;

/**
 * The ranges of the numeric options, checked before any work. Each keeps the computation finite and
 * bounded (no overflow, no endless loop, memory in proportion), and is wider than any clinical use; the
 * clinical limits themselves are findings of {@code mmf check}, not errors.
 */
final class Ranges {
  /** Largest dose per administration, mg: 100 g, far above any regimen, far below overflow. */
  static final double MAX_DOSE_MG = 100_000;
  /** Smallest dose per administration, mg: 1 ug, far below any regimen, far above underflow. */
  static final double MIN_DOSE_MG = 0.001;
  /** Shortest dosing interval, h. */
  static final double MIN_INTERVAL_HOURS = 1;
  /** Longest dosing interval, h (a week, as {@link DosingInterval} allows). */
  static final double MAX_INTERVAL_HOURS = DosingInterval.MAX_HOURS;
  /** Most administrations simulated or taken. */
  static final int MAX_DOSES = 10_000;
  /** Most points of a curve (a CSV row and a plot point each). */
  static final long MAX_CURVE_POINTS = 1_000_000;
  /** Finest time step of a curve, h. */
  static final double MIN_GRID_HOURS = 0.001;
  /** Hours in a day: clock times lie in [0, 24). */
  static final double DAY_HOURS = 24;

  private Ranges() {}

  /**
   * A value in [min, max].
   *
   * @param option the option, for the message
   * @param v the value
   * @param min lowest value
   * @param max highest value
   * @param unit unit for the message, or empty
   * @return the value
   * @throws IllegalArgumentException naming the option, the range and the value otherwise
   */
  static double between(String option, double v, double min, double max, String unit) {
    if (!(v >= min && v <= max)) {
      throw invalid(option, SimulateCommand.num(min) + " to " + SimulateCommand.num(max) + unit(unit), v);
    }
    return v;
  }

  /**
   * A whole number in [min, max].
   *
   * @param option the option
   * @param v the value
   * @param min lowest value
   * @param max highest value
   * @return the value
   * @throws IllegalArgumentException naming the option, the range and the value otherwise
   */
  static long between(String option, long v, long min, long max) {
    if (v < min || v > max) {
      throw invalid(option, min + " to " + max, v);
    }
    return v;
  }

  /**
   * A value in (0, max].
   *
   * @param option the option
   * @param v the value
   * @param max highest value
   * @param unit unit for the message
   * @return the value
   * @throws IllegalArgumentException naming the option, the range and the value otherwise
   */
  static double positive(String option, double v, double max, String unit) {
    if (!(v > 0 && v <= max)) {
      throw invalid(option, "> 0 and <= " + SimulateCommand.num(max) + unit(unit), v);
    }
    return v;
  }

  /**
   * A dose per administration, mg: in [{@value #MIN_DOSE_MG}, {@value #MAX_DOSE_MG}].
   *
   * @param option the option
   * @param mg the dose
   * @return the dose
   */
  static double dose(String option, double mg) {
    return between(option, mg, MIN_DOSE_MG, MAX_DOSE_MG, "mg");
  }

  /**
   * A dosing interval, h: in [{@value #MIN_INTERVAL_HOURS}, {@value #MAX_INTERVAL_HOURS}].
   *
   * @param option the option
   * @param hours the interval
   * @return the interval
   */
  static double interval(String option, double hours) {
    return between(option, hours, MIN_INTERVAL_HOURS, MAX_INTERVAL_HOURS, "h");
  }

  /**
   * A clock time, hours after midnight: in [0, 24).
   *
   * @param option the option
   * @param hours the time
   * @return the time
   */
  static double clock(String option, double hours) {
    if (!(hours >= 0 && hours < DAY_HOURS)) {
      throw invalid(option, ">= 0 and < 24 h after midnight", hours);
    }
    return hours;
  }

  /**
   * The points of a curve over {@code doses} intervals of {@code intervalHours} at {@code gridHours}, at most
   * {@value #MAX_CURVE_POINTS}.
   *
   * @param doses administrations
   * @param intervalHours interval
   * @param gridHours step
   */
  static void curvePoints(int doses, double intervalHours, double gridHours) {
    between("--grid", gridHours, MIN_GRID_HOURS, DAY_HOURS, "h");
    double points = doses * intervalHours / gridHours;
    if (points > MAX_CURVE_POINTS) {
      throw new IllegalArgumentException("Invalid value for --grid (expected at most " + MAX_CURVE_POINTS
          + " curve points over --doses " + doses + " x " + SimulateCommand.num(intervalHours) + " h; a step of at"
          + " least " + SimulateCommand.num(Math.ceil(doses * intervalHours / MAX_CURVE_POINTS * 1000) / 1000)
          + " h): " + gridHours);
    }
  }

  private static String unit(String unit) {
    return unit.isEmpty() ? "" : " " + unit;
  }

  private static IllegalArgumentException invalid(String option, String expected, Object value) {
    return new IllegalArgumentException("Invalid value for " + option + " (expected " + expected + "): " + value);
  }
}
