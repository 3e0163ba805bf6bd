package io.mmf.core.condition;

import io.mmf.core.internal.Checks;
import io.mmf.core.internal.Format;
import io.mmf.core.source.Source;

/**
 * A daily dose bound with its source, in mg of MMF per day: a maximum, or the dose that counts as
 * adequate before a treatment is judged to have failed.
 *
 * @param mgPerDay the bound, mg MMF/day, finite and &gt; 0
 * @param source citation
 */
public record DailyDoseLimit(double mgPerDay, Source source) {

  /**
   * Validates the bound.
   *
   * @param mgPerDay mg/day
   * @param source citation
   * @throws IllegalArgumentException if {@code mgPerDay} is not finite and &gt; 0
   * @throws NullPointerException if {@code source} is null
   */
  public DailyDoseLimit {
    Checks.positive(mgPerDay, "mgPerDay");
    Checks.notNull(source, "source");
  }

  /**
   * Returns e.g. {@code 3 g/day}.
   */
  @Override
  public String toString() {
    return Format.num(mgPerDay / 1000) + " g/day";
  }
}
