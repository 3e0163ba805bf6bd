package io.mmf.pk.model;

import io.mmf.core.internal.Checks;
/**
 * A time window in hours, [start, start + duration).
 *
 * @param startHours start, h (after a dose, or after midnight of day 0), finite and &gt;= 0
 * @param durationHours length, h, finite and &gt; 0
 */
public record Window(double startHours, double durationHours) {

  /**
   * Validates the window.
   *
   * @param startHours start, h
   * @param durationHours length, h
   * @throws IllegalArgumentException if a value is out of range or not finite
   */
  public Window {
    Checks.nonNegative(startHours, "window.startHours");
    Checks.positive(durationHours, "window.durationHours");
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
