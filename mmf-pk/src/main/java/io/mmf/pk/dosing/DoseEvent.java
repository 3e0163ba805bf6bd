package io.mmf.pk.dosing;

import io.mmf.core.internal.Checks;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.drug.MpaEquivalence;

/**
 * One administration: when, how much, and of which formulation.
 *
 * <p>Immutable and thread-safe.
 *
 * @param timeHours time of administration, h after the schedule's time zero, finite and &gt;= 0
 * @param dose dose of the formulation's labelled substance (mg MMF, or for EC-MPS mg MPA, as Myfortic's
 *     strengths are labelled)
 * @param formulation what is given
 */
public record DoseEvent(double timeHours, Dose dose, Formulation formulation) {

  /**
   * Validates the event.
   *
   * @param timeHours h, finite and &gt;= 0
   * @param dose dose
   * @param formulation formulation
   * @throws IllegalArgumentException if {@code timeHours} is negative or not finite
   * @throws NullPointerException if {@code dose} or {@code formulation} is null
   */
  public DoseEvent {
    Checks.nonNegative(timeHours, "timeHours");
    Checks.notNull(dose, "dose");
    Checks.notNull(formulation, "formulation");
  }

  /**
   * An administration.
   *
   * @param timeHours h after time zero, &gt;= 0
   * @param dose dose of the labelled substance
   * @param formulation what is given
   * @return the event
   * @throws IllegalArgumentException if {@code timeHours} is negative or not finite
   * @throws NullPointerException if {@code dose} or {@code formulation} is null
   */
  public static DoseEvent at(double timeHours, Dose dose, Formulation formulation) {
    return new DoseEvent(timeHours, dose, formulation);
  }

  /**
   * Returns the mass of mycophenolic acid this dose carries, mg: 0.739 x mg MMF, or the labelled mg of
   * EC-MPS, which are mg of MPA (see {@link MpaEquivalence#mpaContentMg}).
   *
   * @return the mass of mycophenolic acid this dose carries, mg
   */
  public double mpaMg() {
    return MpaEquivalence.mpaContentMg(dose, formulation.drug());
  }
}
