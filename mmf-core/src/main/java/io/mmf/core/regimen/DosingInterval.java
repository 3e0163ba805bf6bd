package io.mmf.core.regimen;

import io.mmf.core.internal.Checks;
import io.mmf.core.internal.Format;

/**
 * The time between two administrations, in hours. Twice daily (every 12 h) is the norm for MMF.
 *
 * @param hours interval, h, finite, &gt; 0 and at most {@link #MAX_HOURS}
 */
public record DosingInterval(double hours) {

  /** Longest interval accepted, in hours (one week). */
  public static final double MAX_HOURS = 168;

  /** Every 12 hours. */
  public static final DosingInterval TWICE_DAILY = new DosingInterval(12);
  /** Every 8 hours. */
  public static final DosingInterval THREE_TIMES_DAILY = new DosingInterval(8);
  /** Every 24 hours. */
  public static final DosingInterval ONCE_DAILY = new DosingInterval(24);

  /**
   * Validates the interval.
   *
   * @param hours interval, h
   * @throws IllegalArgumentException if {@code hours} is not finite, not &gt; 0, or over a week
   */
  public DosingInterval {
    if (!Double.isFinite(hours) || hours <= 0 || hours > MAX_HOURS) {
      throw new IllegalArgumentException(Checks.invalid("intervalHours", "finite, > 0 and <= " + MAX_HOURS, hours));
    }
  }

  /**
   * An interval in hours.
   *
   * @param hours interval, h, in (0, 168]
   * @return the interval
   * @throws IllegalArgumentException if out of range
   */
  public static DosingInterval everyHours(double hours) {
    return new DosingInterval(hours);
  }

  /**
   * Returns administrations per day: 24 / hours (2 for twice daily).
   *
   * @return administrations per day: 24 / hours (2 for twice daily)
   */
  public double administrationsPerDay() {
    return 24.0 / hours;
  }

  /**
   * Returns e.g. {@code every 12 h}.
   */
  @Override
  public String toString() {
    return "every " + Format.num(hours) + " h";
  }
}
