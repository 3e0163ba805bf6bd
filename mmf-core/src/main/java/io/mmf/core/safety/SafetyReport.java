package io.mmf.core.safety;

import io.mmf.core.finding.Finding;
import io.mmf.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of {@link SafetyScreen#screen}: findings sorted into contraindications, warnings and
 * interactions, each list most severe first.
 *
 * @param contraindications reasons not to give MMF
 * @param warnings risks to manage while giving it
 * @param interactions co-medications and vaccines that interact with it
 */
public record SafetyReport(List<Finding> contraindications, List<Finding> warnings, List<Finding> interactions) {

  /** Which list of the report a finding belongs to. */
  public enum Kind {
    /** A reason not to give MMF. */
    CONTRAINDICATION,
    /** A risk to manage. */
    WARNING,
    /** An interaction with another drug or a vaccine. */
    INTERACTION
  }

  /**
   * Validates and copies the lists.
   *
   * @param contraindications contraindications
   * @param warnings warnings
   * @param interactions interactions
   * @throws NullPointerException if a list or an element is null
   */
  public SafetyReport {
    contraindications = List.copyOf(Checks.noNulls(contraindications, "contraindications"));
    warnings = List.copyOf(Checks.noNulls(warnings, "warnings"));
    interactions = List.copyOf(Checks.noNulls(interactions, "interactions"));
  }

  /**
   * Returns true when there is no contraindication.
   *
   * @return true when there is no contraindication
   */
  public boolean mayStart() {
    return contraindications.isEmpty();
  }

  /**
   * Returns every finding: contraindications, then warnings, then interactions.
   *
   * @return every finding: contraindications, then warnings, then interactions
   */
  public List<Finding> all() {
    List<Finding> all = new ArrayList<>(contraindications);
    all.addAll(warnings);
    all.addAll(interactions);
    return List.copyOf(all);
  }
}
