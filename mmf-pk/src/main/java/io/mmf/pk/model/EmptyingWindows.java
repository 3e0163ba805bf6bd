package io.mmf.pk.model;

import io.mmf.core.internal.Checks;
import java.util.List;

/**
 * When the model's windowed transfers (gallbladder emptying) are switched on. Published MPA models
 * place them in one of two ways, and both are expressible: at fixed times after each dose (de Winter
 * 2009, Jiao 2008, Sherwin 2012), or at clock times repeating every 24 h (Funaki 1999), where the
 * simulation's time zero is midnight of the first day.
 *
 * @param anchor what window times are measured from
 * @param windows the windows, in hours from the anchor; overlapping windows merge
 */
public record EmptyingWindows(Anchor anchor, List<Window> windows) {

  /** What window times are measured from. */
  public enum Anchor {
    /** Each window opens at the given time after every dose. */
    AFTER_EACH_DOSE,
    /** Each window opens at the given clock time (hours after midnight), every day. */
    CLOCK
  }

  /** Hours in a day: the period of clock windows. */
  public static final double DAY_HOURS = 24;

  /**
   * Validates the schedule.
   *
   * @param anchor anchor
   * @param windows windows
   * @throws NullPointerException if an argument or element is null
   * @throws IllegalArgumentException if {@code windows} is empty, or a clock window does not fit in a day
   */
  public EmptyingWindows {
    Checks.notNull(anchor, "anchor");
    windows = List.copyOf(Checks.notNull(windows, "windows"));
    if (windows.isEmpty()) {
      throw new IllegalArgumentException(Checks.invalid("windows", "at least one window", "[]"));
    }
    if (anchor == Anchor.CLOCK) {
      for (Window w : windows) {
        if (w.endHours() > DAY_HOURS) {
          throw new IllegalArgumentException(Checks.invalid("window", "a clock window inside 0-24 h", w));
        }
      }
    }
  }

  /**
   * Windows at fixed times after every dose.
   *
   * @param windows the windows, h after each dose
   * @return the schedule
   * @throws IllegalArgumentException if {@code windows} is empty
   */
  public static EmptyingWindows afterEachDose(Window... windows) {
    return new EmptyingWindows(Anchor.AFTER_EACH_DOSE, List.of(windows));
  }

  /**
   * Windows at clock times, every day.
   *
   * @param windows the windows, h after midnight, each inside 0-24 h
   * @return the schedule
   * @throws IllegalArgumentException if {@code windows} is empty or a window crosses midnight
   */
  public static EmptyingWindows atClockTimes(Window... windows) {
    return new EmptyingWindows(Anchor.CLOCK, List.of(windows));
  }
}
