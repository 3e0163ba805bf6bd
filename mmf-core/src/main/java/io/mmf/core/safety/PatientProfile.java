package io.mmf.core.safety;

import io.mmf.core.internal.Checks;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * What safety screening needs to know about a patient: risk factors present and co-medications taken.
 *
 * <p>Immutable and thread-safe; {@code with...} methods return changed copies.
 *
 * @param riskFactors risk factors present
 * @param coMedications co-medications taken
 */
public record PatientProfile(Set<RiskFactor> riskFactors, Set<CoMedication> coMedications) {

  /**
   * Validates and copies the sets.
   *
   * @param riskFactors risk factors
   * @param coMedications co-medications
   * @throws NullPointerException if a set or an element is null
   * @throws IllegalArgumentException if the profile is both pregnant and planning a pregnancy
   */
  public PatientProfile {
    riskFactors = Set.copyOf(Checks.noNulls(riskFactors, "riskFactors"));
    coMedications = Set.copyOf(Checks.noNulls(coMedications, "coMedications"));
    if (riskFactors.contains(RiskFactor.PREGNANT) && riskFactors.contains(RiskFactor.PLANNING_PREGNANCY)) {
      throw new IllegalArgumentException(
          Checks.invalid("riskFactors", "PREGNANT or PLANNING_PREGNANCY, not both", riskFactors));
    }
  }

  /**
   * A profile with no risk factor and no co-medication.
   *
   * @return the empty profile
   */
  public static PatientProfile none() {
    return new PatientProfile(Set.of(), Set.of());
  }

  /**
   * This profile with more risk factors.
   *
   * @param factors risk factors to add
   * @return the changed copy
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the result is both pregnant and planning a pregnancy
   */
  public PatientProfile with(RiskFactor... factors) {
    Set<RiskFactor> all = EnumSet.noneOf(RiskFactor.class);
    all.addAll(riskFactors);
    all.addAll(Checks.noNulls(java.util.Arrays.asList(Checks.notNull(factors, "factors")), "factors"));
    return new PatientProfile(all, coMedications);
  }

  /**
   * This profile with more co-medications.
   *
   * @param drugs co-medications to add
   * @return the changed copy
   * @throws NullPointerException if an argument is null
   */
  public PatientProfile taking(Collection<CoMedication> drugs) {
    Set<CoMedication> all = EnumSet.noneOf(CoMedication.class);
    all.addAll(coMedications);
    all.addAll(Checks.noNulls(drugs, "coMedications"));
    return new PatientProfile(riskFactors, all);
  }

  /**
   * This profile with more co-medications.
   *
   * @param drugs co-medications to add
   * @return the changed copy
   * @throws NullPointerException if an argument is null
   */
  public PatientProfile taking(CoMedication... drugs) {
    return taking(java.util.Arrays.asList(Checks.notNull(drugs, "coMedications")));
  }
}
