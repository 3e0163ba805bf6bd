package io.mmf.pk.model;

/**
 * A time window in hours, [start, start + duration).
 *
 * @param startHours start, h (after a dose, or after midnight of day 0), in [0, {@value #MAX_HOURS}]
 * @param durationHours length, h, in (0, {@value #MAX_HOURS}]
 */
public record Window(double startHours, double durationHours) {
  /** Latest start and longest duration, h: a week, the longest dosing interval. */
  public static final double MAX_HOURS = 168;

  /**
   * Validates the window.
   *
   * @param startHours start, h
   * @param durationHours length, h
   * @throws IllegalArgumentException if a value is out of range or not finite
   */
  public Window {
    if (!(startHours >= 0 && startHours <= MAX_HOURS)) {
      throw new IllegalArgumentException("Invalid value for window.startHours (expected 0 to " + MAX_HOURS + " h): "
          + startHours);
    }
    if (!(durationHours > 0 && durationHours <= MAX_HOURS)) {
      throw new IllegalArgumentException(
          "Invalid value for window.durationHours (expected > 0 and <= " + MAX_HOURS + " h): " + durationHours);
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
