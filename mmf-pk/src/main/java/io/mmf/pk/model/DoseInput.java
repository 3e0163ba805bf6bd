package io.mmf.pk.model;

import io.mmf.core.internal.Checks;
/**
 * Where and how a dose of one drug enters the model: the receiving compartment, the bioavailable
 * fraction, the lag before arrival, and either a bolus or a zero-order input over a duration.
 *
 * @param compartment name of the receiving compartment
 * @param bioavailability fraction of the dose that enters, in (0, 1] (1 for apparent CL/F models)
 * @param lagHours delay from administration to arrival, h, finite and &gt;= 0
 * @param zeroOrderHours 0 for a bolus, else the duration of a constant-rate input, h
 */
public record DoseInput(String compartment, double bioavailability, double lagHours, double zeroOrderHours) {

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
    Checks.nonNegative(lagHours, "lagHours");
    Checks.nonNegative(zeroOrderHours, "zeroOrderHours");
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
