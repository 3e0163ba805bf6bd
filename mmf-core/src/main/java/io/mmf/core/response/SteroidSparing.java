package io.mmf.core.response;

import io.mmf.core.internal.Checks;
import io.mmf.core.internal.Format;

/**
 * The steroid-sparing effect of MMF: the corticosteroid dose (prednisone-equivalent mg/day) before
 * and after a period of treatment. Reference points from the sources: a median fall from 15 to 5
 * mg/day after 6 months in myositis (seed 003), a 50 % cut in one lupus skin case (seed 000), and a
 * decrease of more than 15 % counting towards a good response in JDM (seed 002).
 *
 * @param beforeMgPerDay dose before MMF, mg/day, finite and &gt;= 0
 * @param afterMgPerDay dose now, mg/day, finite and &gt;= 0
 */
public record SteroidSparing(double beforeMgPerDay, double afterMgPerDay) {

  /**
   * Validates the doses.
   *
   * @param beforeMgPerDay mg/day before
   * @param afterMgPerDay mg/day now
   * @throws IllegalArgumentException if a dose is negative or not finite
   */
  public SteroidSparing {
    Checks.nonNegative(beforeMgPerDay, "beforeMgPerDay");
    Checks.nonNegative(afterMgPerDay, "afterMgPerDay");
  }

  /**
   * Doses before and after.
   *
   * @param beforeMgPerDay prednisone-equivalent mg/day before MMF
   * @param afterMgPerDay prednisone-equivalent mg/day now
   * @return the comparison
   * @throws IllegalArgumentException if a dose is negative or not finite
   */
  public static SteroidSparing of(double beforeMgPerDay, double afterMgPerDay) {
    return new SteroidSparing(beforeMgPerDay, afterMgPerDay);
  }

  /**
   * Returns the reduction in percent of the dose before: 100 x (before - after) / before; negative
   * when the dose rose, 0 when there was no steroid before.
   *
   * @return the reduction in percent of the dose before
   */
  public double reductionPercent() {
    return beforeMgPerDay == 0 ? 0 : 100 * (beforeMgPerDay - afterMgPerDay) / beforeMgPerDay;
  }

  /**
   * Returns true when the patient is off corticosteroids now.
   *
   * @return true when the patient is off corticosteroids now
   */
  public boolean offSteroids() {
    return afterMgPerDay == 0;
  }

  /**
   * Returns e.g. {@code 15 -> 5 mg/day (-66.67 %)}.
   */
  @Override
  public String toString() {
    return Format.num(beforeMgPerDay) + " -> " + Format.num(afterMgPerDay) + " mg/day (-" + Format.num(reductionPercent())
        + " %)";
  }
}
