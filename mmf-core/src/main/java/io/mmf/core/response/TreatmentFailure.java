package io.mmf.core.response;

import io.mmf.core.finding.Action;
import io.mmf.core.finding.Finding;
import io.mmf.core.finding.Severity;
import io.mmf.core.internal.Checks;
import io.mmf.core.internal.Format;
import io.mmf.core.source.Sources;

/**
 * Treatment failure: no improvement after 3 months at an adequate dose (at least 2 g MMF per day).
 * Stateless and thread-safe.
 *
 * @see Sources#SEED_003
 */
public final class TreatmentFailure {
  /** Months at an adequate dose after which no improvement counts as failure (seed 003). */
  public static final double MONTHS_AT_ADEQUATE_DOSE = 3;
  /** The adequate daily dose, mg MMF per day (seed 003). */
  public static final double ADEQUATE_MG_PER_DAY = 2000;

  private TreatmentFailure() {}

  /**
   * Judges whether treatment has failed.
   *
   * @param improved whether the patient has improved
   * @param monthsAtAdequateDose months so far at a daily dose of at least 2 g MMF, finite and &gt;= 0
   * @param dailyDoseMg current daily dose, mg MMF per day (MMF-equivalent for EC-MPS), finite and &gt;= 0
   * @return {@code treatment-failure} (refer for alternative therapy), {@code dose-not-yet-adequate}
   *     (raise to 2 g/day before judging), {@code too-early-to-judge} or {@code improving} (continue)
   * @throws IllegalArgumentException if a number is negative or not finite
   */
  public static Finding assess(boolean improved, double monthsAtAdequateDose, double dailyDoseMg) {
    Checks.nonNegative(monthsAtAdequateDose, "monthsAtAdequateDose");
    Checks.nonNegative(dailyDoseMg, "dailyDoseMg");
    if (improved) {
      return new Finding("improving", Severity.INFO, Action.CONTINUE, "improving on MMF: continue",
          Sources.SEED_003);
    }
    if (dailyDoseMg < ADEQUATE_MG_PER_DAY) {
      return new Finding("dose-not-yet-adequate", Severity.CAUTION, Action.INCREASE,
          "no improvement at " + Format.num(dailyDoseMg / 1000) + " g/day: failure is judged only after 3 months"
              + " at >= 2 g/day", Sources.SEED_003);
    }
    if (monthsAtAdequateDose < MONTHS_AT_ADEQUATE_DOSE) {
      return new Finding("too-early-to-judge", Severity.INFO, Action.CONTINUE,
          "no improvement yet after " + Format.num(monthsAtAdequateDose) + " months at >= 2 g/day: full effect may"
              + " take 3-6 months", Sources.SEED_003);
    }
    return new Finding("treatment-failure", Severity.WARNING, Action.REFER,
        "no improvement after " + Format.num(monthsAtAdequateDose) + " months at " + Format.num(dailyDoseMg / 1000)
            + " g/day: treatment failure; consider alternative therapy", Sources.SEED_003);
  }
}
