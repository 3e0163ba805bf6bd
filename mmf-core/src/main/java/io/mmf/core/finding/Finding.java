package io.mmf.core.finding;

import io.mmf.core.internal.Checks;
import io.mmf.core.source.Source;

/**
 * One result of a clinical rule: which rule fired, how serious it is, what to do, and on whose
 * authority.
 *
 * <p>Immutable and thread-safe. Regimen checks, monitoring rules, safety screening and response
 * assessments all report findings of this one type.
 *
 * @param ruleId stable id of the rule that fired, e.g. {@code "neutropenia"}
 * @param severity how serious it is
 * @param action what the rule recommends
 * @param message one readable sentence with the values that triggered the rule
 * @param source the citation the rule rests on
 */
public record Finding(String ruleId, Severity severity, Action action, String message, Source source) {

  /**
   * Validates the finding.
   *
   * @param ruleId stable rule id
   * @param severity severity
   * @param action recommended action
   * @param message readable sentence
   * @param source citation
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if {@code ruleId} or {@code message} is blank
   */
  public Finding {
    Checks.notBlank(ruleId, "ruleId");
    Checks.notNull(severity, "severity");
    Checks.notNull(action, "action");
    Checks.notBlank(message, "message");
    Checks.notNull(source, "source");
  }

  /**
   * Returns e.g. {@code WARNING neutropenia -> INTERRUPT_OR_REDUCE: ... [label]}.
   */
  @Override
  public String toString() {
    return severity + " " + ruleId + " -> " + action + ": " + message + " [" + source.ref() + "]";
  }
}
