package io.mmf.pk.population;

import io.mmf.core.internal.Checks;
import java.util.random.RandomGenerator;

/**
 * Residual (measurement and model) error of simulated observations: additive, proportional, combined
 * (y = c (1 + prop e1) + add e2), or exponential (y = c exp(sd e)); e1, e2, e standard normal.
 *
 * @param additiveMgPerL SD of the additive part, mg/L, finite and &gt;= 0
 * @param proportional SD of the proportional part (0.2 for 20 %), finite and &gt;= 0
 * @param exponential SD of the log-scale part, finite and &gt;= 0 (not combined with the others)
 */
public record ResidualError(double additiveMgPerL, double proportional, double exponential) {
  /** The largest additive SD: 1000 mg/L, a hundred times the highest MPA levels. */
  public static final double MAX_ADDITIVE_MG_PER_L = 1000;
  /** The largest proportional SD: 10 (1000 %). */
  public static final double MAX_PROPORTIONAL = 10;
  /** The largest exponential (log-scale) SD: 5, a factor e^5 = 148 at one SD. */
  public static final double MAX_EXPONENTIAL = 5;

  /**
   * Validates the model.
   *
   * @param additiveMgPerL mg/L, 0 to {@link #MAX_ADDITIVE_MG_PER_L}
   * @param proportional fraction, 0 to {@link #MAX_PROPORTIONAL}
   * @param exponential log-scale SD, 0 to {@link #MAX_EXPONENTIAL}
   * @throws IllegalArgumentException if a value is outside its range (the ranges keep every observation of a
   *     finite concentration finite), or the exponential form is combined with another
   */
  public ResidualError {
    check(additiveMgPerL, MAX_ADDITIVE_MG_PER_L, "additiveMgPerL");
    check(proportional, MAX_PROPORTIONAL, "proportional");
    check(exponential, MAX_EXPONENTIAL, "exponential");
    if (exponential > 0 && (additiveMgPerL > 0 || proportional > 0)) {
      throw new IllegalArgumentException(Checks.invalid("exponential",
          "alone, not combined with additive or proportional error", exponential));
    }
  }

  private static void check(double v, double max, String field) {
    if (!(v >= 0 && v <= max)) {
      throw new IllegalArgumentException(Checks.invalid(field, "0 to " + (int) max, v));
    }
  }

  /**
   * Additive error.
   *
   * @param sdMgPerL SD, mg/L
   * @return the model
   */
  public static ResidualError additive(double sdMgPerL) {
    return new ResidualError(sdMgPerL, 0, 0);
  }

  /**
   * Proportional error.
   *
   * @param sd SD as a fraction
   * @return the model
   */
  public static ResidualError proportional(double sd) {
    return new ResidualError(0, sd, 0);
  }

  /**
   * Combined additive and proportional error.
   *
   * @param additiveSdMgPerL additive SD, mg/L
   * @param proportionalSd proportional SD, fraction
   * @return the model
   */
  public static ResidualError combined(double additiveSdMgPerL, double proportionalSd) {
    return new ResidualError(additiveSdMgPerL, proportionalSd, 0);
  }

  /**
   * Exponential (log-normal) error.
   *
   * @param sd log-scale SD
   * @return the model
   */
  public static ResidualError exponential(double sd) {
    return new ResidualError(0, 0, sd);
  }

  /**
   * A simulated observation of a true concentration. Additive error can make it negative; a
   * simulated lab would report that as below the limit of quantification, which is the caller's rule.
   *
   * @param concentrationMgPerL the model's concentration, mg/L, finite and &gt;= 0
   * @param random the generator
   * @return the observation, mg/L
   * @throws IllegalArgumentException if the concentration is negative or not finite
   */
  public double observe(double concentrationMgPerL, RandomGenerator random) {
    if (!(concentrationMgPerL >= 0) || !Double.isFinite(concentrationMgPerL)) {
      throw new IllegalArgumentException(Checks.invalid("concentrationMgPerL", "finite and >= 0", concentrationMgPerL));
    }
    if (exponential > 0) {
      return concentrationMgPerL * Math.exp(exponential * random.nextGaussian());
    }
    return concentrationMgPerL * (1 + proportional * random.nextGaussian()) + additiveMgPerL * random.nextGaussian();
  }
}
