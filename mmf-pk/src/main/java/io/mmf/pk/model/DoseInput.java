package io.mmf.pk.model;

import io.mmf.core.internal.Checks;
/**
 * Where and how a dose of one drug enters the model: the receiving compartment, the bioavailable
 * fraction, the lag before arrival, and either a bolus or a zero-order input over a duration.
 *
 * @param compartment name of the receiving compartment
 * @param bioavailability fraction of the dose that enters, in (0, 1] (1 for apparent CL/F models)
 * @param lagHours delay from administration to arrival, h, in [0, {@value #MAX_HOURS}]
 * @param zeroOrderHours 0 for a bolus, else the duration of a constant-rate input, h, at most
 *     {@value #MAX_HOURS}
 */
public record DoseInput(String compartment, double bioavailability, double lagHours, double zeroOrderHours) {
  /** Longest lag and zero-order input, h: a week, the longest dosing interval. */
  public static final double MAX_HOURS = 168;

  /**
   * Validates the input.
   *
   * @param compartment receiving compartment
   * @param bioavailability fraction in (0, 1]
   * @param lagHours h, &gt;= 0
   * @param zeroOrderHours h, &gt;= 0
   * @throws NullPointerException if {@code compartment} is null
   * @throws IllegalArgumentException if a number is out of range or not finite
   */
  public DoseInput {
    Checks.notNull(compartment, "compartment");
    if (!(bioavailability > 0 && bioavailability <= 1)) {
      throw new IllegalArgumentException(Checks.invalid("bioavailability", "in (0, 1]", bioavailability));
    }
    if (!(lagHours >= 0 && lagHours <= MAX_HOURS)) {
      throw new IllegalArgumentException(Checks.invalid("lagHours", "0 to " + MAX_HOURS + " h", lagHours));
    }
    if (!(zeroOrderHours >= 0 && zeroOrderHours <= MAX_HOURS)) {
      throw new IllegalArgumentException(Checks.invalid("zeroOrderHours", "0 to " + MAX_HOURS + " h", zeroOrderHours));
    }
  }

  /**
   * A bolus into a compartment after a lag.
   *
   * @param compartment receiving compartment
   * @param bioavailability fraction in (0, 1]
   * @param lagHours h, &gt;= 0
   * @return the input
   * @throws IllegalArgumentException if a number is out of range
   */
  public static DoseInput bolus(String compartment, double bioavailability, double lagHours) {
    return new DoseInput(compartment, bioavailability, lagHours, 0);
  }
}
