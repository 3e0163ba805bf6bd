package io.mmf.core.response;

import io.mmf.core.internal.Checks;
import java.util.List;

/**
 * The outcome of a response or withdrawal assessment, with every criterion evaluated.
 *
 * @param name what was assessed, e.g. "JDM good response (Dagher 2012)"
 * @param met whether the assessment's rule is satisfied
 * @param criteria every criterion, in the order the source gives them
 */
public record Assessment(String name, boolean met, List<Criterion> criteria) {

  /**
   * Validates the assessment.
   *
   * @param name what was assessed
   * @param met outcome
   * @param criteria criteria
   * @throws NullPointerException if an argument or element is null
   * @throws IllegalArgumentException if {@code name} is blank or {@code criteria} is empty
   */
  public Assessment {
    Checks.notBlank(name, "name");
    criteria = List.copyOf(Checks.nonEmpty(criteria, "criteria"));
  }

  /**
   * Returns the criteria not met.
   *
   * @return the criteria not met
   */
  public List<Criterion> unmet() {
    return criteria.stream().filter(c -> !c.met()).toList();
  }
}
