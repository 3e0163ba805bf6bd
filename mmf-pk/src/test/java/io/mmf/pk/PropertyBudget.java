package io.mmf.pk;

/**
 * How many examples a property test draws. QuickTheories reads the system property {@code QT_EXAMPLES}
 * only for properties that do not set their own count; a property's {@code withExamples(n)} overrides
 * it. Properties that ask for {@code withExamples(examples(n))} draw {@code n} in the ordinary build and
 * at most {@code QT_EXAMPLES} when that property is set, as it is under mutation testing (profile
 * {@code pit}, README "Mutation testing"), where each test runs once for every mutant it covers.
 */
public final class PropertyBudget {
  private PropertyBudget() {}

  /**
   * The example count for a property.
   *
   * @param wanted the count of the ordinary build, at least 1
   * @return {@code wanted}, or {@code QT_EXAMPLES} when that system property is set to a smaller
   *     positive number
   * @throws IllegalArgumentException if {@code wanted} is below 1
   */
  public static int examples(int wanted) {
    if (wanted < 1) {
      throw new IllegalArgumentException("examples must be at least 1, got " + wanted);
    }
    Integer cap = Integer.getInteger("QT_EXAMPLES");
    return cap == null || cap < 1 ? wanted : Math.min(wanted, cap);
  }
}
