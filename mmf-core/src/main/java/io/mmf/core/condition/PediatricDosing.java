package io.mmf.core.condition;

import io.mmf.core.internal.Checks;
import io.mmf.core.source.Source;

/**
 * Body-surface-area dosing for children, per administration (twice daily), with a daily cap.
 *
 * @param usualMgPerM2PerDose usual dose, mg MMF per m2 per administration, finite and &gt; 0
 * @param maxMgPerM2PerDose highest dose, mg MMF per m2 per administration, &gt;= the usual one
 * @param maxMgPerDay highest total daily dose, mg MMF/day, finite and &gt; 0
 * @param minAgeYears youngest age the dosing applies to, years, finite and &gt;= 0
 * @param source citation
 */
public record PediatricDosing(double usualMgPerM2PerDose, double maxMgPerM2PerDose, double maxMgPerDay,
    double minAgeYears, Source source) {

  /** Age below which a patient counts as a child for these rules, in years (label: 3 months to 18 years). */
  public static final double ADULT_AGE_YEARS = 18;

  /**
   * Validates the dosing.
   *
   * @param usualMgPerM2PerDose mg/m2 per administration
   * @param maxMgPerM2PerDose mg/m2 per administration
   * @param maxMgPerDay mg/day
   * @param minAgeYears years
   * @param source citation
   * @throws IllegalArgumentException if a value is out of range
   * @throws NullPointerException if {@code source} is null
   */
  public PediatricDosing {
    Checks.positive(usualMgPerM2PerDose, "usualMgPerM2PerDose");
    Checks.positive(maxMgPerM2PerDose, "maxMgPerM2PerDose");
    if (maxMgPerM2PerDose < usualMgPerM2PerDose) {
      throw new IllegalArgumentException(
          Checks.invalid("maxMgPerM2PerDose", ">= usualMgPerM2PerDose = " + usualMgPerM2PerDose, maxMgPerM2PerDose));
    }
    Checks.positive(maxMgPerDay, "maxMgPerDay");
    Checks.inRange(minAgeYears, 0, ADULT_AGE_YEARS, "minAgeYears");
    Checks.notNull(source, "source");
  }
}
