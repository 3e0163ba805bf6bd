package io.mmf.pk.nca;

import io.mmf.core.internal.Checks;
import java.util.Objects;

/**
 * One NCA parameter: a finite number, or not estimable with the reason. Never NaN.
 *
 * @param code the parameter
 * @param value the value in the code's unit, or NaN when not estimable (use {@link #estimable})
 * @param reason why it is not estimable; empty when it is
 */
public record NcaValue(NcaCode code, double value, String reason) {
  /**
   * Validates the value.
   *
   * @param code the parameter
   * @param value the value, finite, or NaN with a reason
   * @param reason empty for a value, non-empty for NaN
   * @throws IllegalArgumentException if the value and the reason disagree
   */
  public NcaValue {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
    if (Double.isNaN(value) == reason.isEmpty() || Double.isInfinite(value)) {
      throw new IllegalArgumentException(Checks.invalid(code.toString(), "a finite value or NaN with a reason", value + " / '"
          + reason + "'"));
    }
  }

  static NcaValue of(NcaCode code, double value) {
    return new NcaValue(code, value, "");
  }

  static NcaValue notEstimable(NcaCode code, String reason) {
    return new NcaValue(code, Double.NaN, reason);
  }

  /**
   * Whether there is a value.
   *
   * @return true if estimable
   */
  public boolean estimable() {
    return reason.isEmpty();
  }

  /**
   * The value, for an estimable parameter.
   *
   * @return the value in {@link NcaCode#unit()}
   * @throws IllegalStateException naming the reason if it is not estimable
   */
  public double get() {
    if (!estimable()) {
      throw new IllegalStateException(code + " is not estimable: " + reason);
    }
    return value;
  }
}
