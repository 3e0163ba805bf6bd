package io.mmf.core.condition;

import io.mmf.core.internal.Checks;
import io.mmf.core.internal.Format;
import io.mmf.core.source.Source;

/**
 * A usual daily dose range, in mg of MMF per day (for EC-MPS, compare through
 * {@link io.mmf.core.drug.MpaEquivalence}).
 *
 * @param lowMgPerDay lower end, mg MMF/day, finite and &gt; 0
 * @param highMgPerDay upper end, mg MMF/day, finite and &gt;= {@code lowMgPerDay}
 * @param source citation
 */
public record DailyDoseRange(double lowMgPerDay, double highMgPerDay, Source source) {

  /**
   * Validates the range.
   *
   * @param lowMgPerDay lower end, mg/day
   * @param highMgPerDay upper end, mg/day
   * @param source citation
   * @throws IllegalArgumentException if a bound is not finite and &gt; 0, or the bounds decrease
   * @throws NullPointerException if {@code source} is null
   */
  public DailyDoseRange {
    Checks.positive(lowMgPerDay, "lowMgPerDay");
    Checks.positive(highMgPerDay, "highMgPerDay");
    if (highMgPerDay < lowMgPerDay) {
      throw new IllegalArgumentException(Checks.invalid("highMgPerDay", ">= lowMgPerDay = " + lowMgPerDay, highMgPerDay));
    }
    Checks.notNull(source, "source");
  }

  /**
   * Returns e.g. {@code 1-2 g/day}.
   */
  @Override
  public String toString() {
    return lowMgPerDay == highMgPerDay ? Format.num(lowMgPerDay / 1000) + " g/day"
        : Format.num(lowMgPerDay / 1000) + "-" + Format.num(highMgPerDay / 1000) + " g/day";
  }
}
