package io.mmf.core.monitoring;

import io.mmf.core.finding.Finding;
import io.mmf.core.internal.Checks;

/**
 * A finding about one lab result.
 *
 * @param result the result the rule looked at
 * @param finding what the rule found
 */
public record LabFinding(LabResult result, Finding finding) {

  /**
   * Validates the pair.
   *
   * @param result lab result
   * @param finding finding
   * @throws NullPointerException if an argument is null
   */
  public LabFinding {
    Checks.notNull(result, "result");
    Checks.notNull(finding, "finding");
  }

  /**
   * Returns the result's date, then the finding.
   *
   * @return the result's date, then the finding
   */
  @Override
  public String toString() {
    return result.date() + " " + finding;
  }
}
