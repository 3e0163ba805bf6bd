package io.mmf.core.regimen;

import io.mmf.core.drug.Dose;
import io.mmf.core.internal.Checks;

/**
 * A dose per administration that applies from a day of treatment on (day 0 is the first day).
 *
 * @param day first day of treatment the dose applies on, &gt;= 0
 * @param dose dose per administration
 */
public record DoseStep(int day, Dose dose) {

  /**
   * Validates the step.
   *
   * @param day day of treatment, &gt;= 0
   * @param dose dose per administration
   * @throws IllegalArgumentException if {@code day} is negative
   * @throws NullPointerException if {@code dose} is null
   */
  public DoseStep {
    Checks.nonNegative(day, "day");
    Checks.notNull(dose, "dose");
  }
}
