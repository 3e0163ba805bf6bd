package io.mmf.core.regimen;

import io.mmf.core.drug.Dose;
import io.mmf.core.internal.Checks;

/**
 * A gradual start: begin at {@code startDose} per administration and rise by {@code step} every
 * {@code stepEveryDays} days until the regimen's dose is reached (the last step never overshoots it).
 * For example start 500 mg twice daily and rise by 500 mg each week.
 *
 * @param startDose first dose per administration
 * @param step increase per step, per administration
 * @param stepEveryDays days between steps, &gt; 0
 */
public record Titration(Dose startDose, Dose step, int stepEveryDays) {

  /**
   * Validates the titration.
   *
   * @param startDose first dose
   * @param step increase per step
   * @param stepEveryDays days between steps
   * @throws NullPointerException if a dose is null
   * @throws IllegalArgumentException if {@code stepEveryDays} is not &gt; 0
   */
  public Titration {
    Checks.notNull(startDose, "startDose");
    Checks.notNull(step, "step");
    Checks.positive(stepEveryDays, "stepEveryDays");
  }

  /**
   * A titration.
   *
   * @param startDose first dose per administration
   * @param step increase per step
   * @param stepEveryDays days between steps, &gt; 0
   * @return the titration
   * @throws NullPointerException if a dose is null
   * @throws IllegalArgumentException if {@code stepEveryDays} is not &gt; 0
   */
  public static Titration of(Dose startDose, Dose step, int stepEveryDays) {
    return new Titration(startDose, step, stepEveryDays);
  }
}
