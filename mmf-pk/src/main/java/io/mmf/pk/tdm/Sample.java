package io.mmf.pk.tdm;

import io.mmf.core.internal.Checks;
/**
 * One measured MPA concentration for Bayesian estimation: a quantified level, or a level reported
 * below the assay's limit of quantification (then {@code concentrationMgPerL} is that limit and the
 * estimator uses the probability of falling below it, Beal's M3 method).
 *
 * @param timeHours time of the sample on the dose history's clock, h, finite and &gt;= 0
 * @param concentrationMgPerL the measured level, mg/L (= ug/mL), finite and &gt;= 0; for a sample below
 *     the limit, the limit itself, &gt; 0
 * @param belowLimit true when the laboratory reported the level as below the limit of quantification
 */
public record Sample(double timeHours, double concentrationMgPerL, boolean belowLimit) {

  /**
   * Validates the sample.
   *
   * @param timeHours h
   * @param concentrationMgPerL mg/L
   * @param belowLimit below the limit of quantification
   * @throws IllegalArgumentException if the time is not finite and &gt;= 0, the concentration is not
   *     finite and &gt;= 0, or a limit of quantification is not &gt; 0
   */
  public Sample {
    if (!(timeHours >= 0) || !Double.isFinite(timeHours)) {
      throw new IllegalArgumentException(Checks.invalid("timeHours", "finite and >= 0 h", timeHours));
    }
    if (!(concentrationMgPerL >= 0) || !Double.isFinite(concentrationMgPerL)) {
      throw new IllegalArgumentException("Invalid value for concentrationMgPerL (expected finite and >= 0 mg/L) at "
          + timeHours + " h: " + concentrationMgPerL);
    }
    if (belowLimit && !(concentrationMgPerL > 0)) {
      throw new IllegalArgumentException(Checks.invalid("the limit of quantification at " + timeHours + " h",
          "> 0 mg/L", concentrationMgPerL));
    }
  }

  /**
   * A quantified level.
   *
   * @param timeHours h on the dose history's clock
   * @param concentrationMgPerL mg/L
   * @return the sample
   * @throws IllegalArgumentException as the constructor
   */
  public static Sample measured(double timeHours, double concentrationMgPerL) {
    return new Sample(timeHours, concentrationMgPerL, false);
  }

  /**
   * A level reported below the limit of quantification.
   *
   * @param timeHours h on the dose history's clock
   * @param limitMgPerL the assay's lower limit of quantification, mg/L, &gt; 0
   * @return the sample
   * @throws IllegalArgumentException as the constructor
   */
  public static Sample belowLimit(double timeHours, double limitMgPerL) {
    return new Sample(timeHours, limitMgPerL, true);
  }
}
