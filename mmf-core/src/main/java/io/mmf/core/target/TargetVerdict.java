package io.mmf.core.target;

import io.mmf.core.internal.Checks;
import io.mmf.core.internal.Format;
import java.util.OptionalDouble;

/**
 * An AUC judged against a target: where it falls, and whether that is a verdict at all. Against an
 * {@link AucTarget.Basis#ORIENTATION orientation} target (a condition no source gives a target for)
 * the position is reported for orientation only and {@link #toString()} says so; it is never a plain
 * WITHIN.
 *
 * <p>Immutable and thread-safe.
 *
 * @param position below, within or above the target
 * @param target the target judged against
 * @param aucMgHPerL the AUC over the target's interval, mg*h/L
 * @param troughMgPerL the trough, mg/L, where one was known
 * @param byTrough true when the AUC was below the target and the trough criterion met it
 */
public record TargetVerdict(AucTarget.Verdict position, AucTarget target, double aucMgHPerL,
    OptionalDouble troughMgPerL, boolean byTrough) {

  /**
   * Validates the verdict.
   *
   * @param position position
   * @param target target
   * @param aucMgHPerL AUC, finite and &gt;= 0
   * @param troughMgPerL trough or empty
   * @param byTrough met by the trough criterion
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the AUC is negative or not finite
   */
  public TargetVerdict {
    Checks.notNull(position, "position");
    Checks.notNull(target, "target");
    Checks.nonNegative(aucMgHPerL, "aucMgHPerL");
    Checks.notNull(troughMgPerL, "troughMgPerL");
  }

  /**
   * Returns true when the target is sourced for the condition, so the position is a verdict.
   *
   * @return true when the target is {@link AucTarget.Basis#SOURCED}
   */
  public boolean isVerdict() {
    return target.isSourced();
  }

  /**
   * Returns true when this is a verdict and the exposure meets the target.
   *
   * @return true when sourced and within
   */
  public boolean meetsTarget() {
    return isVerdict() && position == AucTarget.Verdict.WITHIN;
  }

  /**
   * Returns the verdict in words, e.g. {@code WITHIN target 30-60 mg*h/L over 12 h (kidney
   * transplantation, ...) [kuypers-2010]}, or for an orientation target {@code no validated MPA
   * target for pemphigus vulgaris; ... for orientation: within 20-60 mg*h/L over 12 h [seed-003]}.
   */
  @Override
  public String toString() {
    if (!isVerdict()) {
      return target.population() + ": " + position.name().toLowerCase(java.util.Locale.ROOT) + " "
          + target.bounds() + " (not a verdict) [" + target.source().ref() + "]";
    }
    String trough = byTrough ? " by its trough criterion (C0 " + Format.num(troughMgPerL.getAsDouble()) + " mg/L)" : "";
    return position + " target " + target.bounds() + trough + " (" + target.population() + ") ["
        + target.source().ref() + "]";
  }
}
