package io.mmf.pk.model;

import io.mmf.core.internal.Checks;
/**
 * A time window in hours, [start, start + duration).
 *
 * @param startHours start, h (after a dose, or after midnight of day 0), in [0, {@value #MAX_HOURS}]
 * @param durationHours length, h, in [{@value #MIN_DURATION_HOURS}, {@value #MAX_HOURS}]
 */
public record Window(double startHours, double durationHours) {
  /** Latest start and longest duration, h: a week, the longest dosing interval. */
  public static final double MAX_HOURS = 168;
  /**
   * Shortest window, h (3.6 s; Jiao 2008's are 0.01 h): a gallbladder whose windows are vanishingly short
   * never empties, and such a model has no steady state.
   */
  public static final double MIN_DURATION_HOURS = 0.001;

  /**
   * Validates the window.
   *
   * @param startHours start, h
   * @param durationHours length, h
   * @throws IllegalArgumentException if a value is out of range or not finite
   */
  public Window {
    if (!(startHours >= 0 && startHours <= MAX_HOURS)) {
      throw new IllegalArgumentException(Checks.invalid("window.startHours", "0 to " + MAX_HOURS + " h", startHours));
    }
    if (!(durationHours >= MIN_DURATION_HOURS && durationHours <= MAX_HOURS)) {
      throw new IllegalArgumentException(Checks.invalid("window.durationHours", MIN_DURATION_HOURS + " to " + MAX_HOURS
          + " h", durationHours));
    }
  }

  /**
   * Returns the end of the window, h.
   *
   * @return the end of the window, h
   */
  public double endHours() {
    return startHours + durationHours;
  }
}
