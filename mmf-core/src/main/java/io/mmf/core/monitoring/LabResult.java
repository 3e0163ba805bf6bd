package io.mmf.core.monitoring;

import io.mmf.core.internal.Checks;
import java.time.LocalDate;

/**
 * A dated lab result with its unit.
 *
 * <p>Immutable and thread-safe. The unit must be one the analyte accepts; {@link #canonicalValue()}
 * gives the value in the analyte's canonical unit (e.g. 1300 /mm3 gives 1.3 x 10^9/L).
 *
 * @param date the day the sample was taken
 * @param analyte what was measured
 * @param value the value, in {@code unit}, finite and &gt;= 0 (0 or 1 for a pregnancy test)
 * @param unit the unit reported
 */
public record LabResult(LocalDate date, Analyte analyte, double value, LabUnit unit) {

  /**
   * Validates the result.
   *
   * @param date sample date
   * @param analyte analyte
   * @param value value in {@code unit}
   * @param unit unit
   * @throws NullPointerException if {@code date}, {@code analyte} or {@code unit} is null
   * @throws IllegalArgumentException if the value is negative or not finite, the unit does not fit the
   *     analyte, or a qualitative value is neither 0 nor 1
   */
  public LabResult {
    Checks.notNull(date, "date");
    Checks.notNull(analyte, "analyte");
    Checks.notNull(unit, "unit");
    Checks.nonNegative(value, analyte + " value");
    if (!analyte.units().contains(unit)) {
      throw new IllegalArgumentException(Checks.invalid(analyte + " unit", "one of " + analyte.units(), unit));
    }
    if (unit == LabUnit.POSITIVE_NEGATIVE && value != 0 && value != 1) {
      throw new IllegalArgumentException(Checks.invalid(analyte + " value", "0 (negative) or 1 (positive)", value));
    }
  }

  /**
   * A result.
   *
   * @param date sample date
   * @param analyte analyte
   * @param value value in {@code unit}
   * @param unit unit
   * @return the result
   * @throws NullPointerException if an object argument is null
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static LabResult of(LocalDate date, Analyte analyte, double value, LabUnit unit) {
    return new LabResult(date, analyte, value, unit);
  }

  /**
   * Returns the value in the analyte's canonical unit.
   *
   * @return the value in the analyte's canonical unit
   */
  public double canonicalValue() {
    return value * unit.toCanonical();
  }

  /**
   * Returns e.g. {@code 2026-01-08 ABSOLUTE_NEUTROPHIL_COUNT 1.2 10^9/L}.
   */
  @Override
  public String toString() {
    return date + " " + analyte + " " + value + " " + unit.symbol();
  }
}
