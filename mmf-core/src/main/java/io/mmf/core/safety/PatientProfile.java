package io.mmf.core.safety;

import io.mmf.core.internal.Checks;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * What safety screening needs to know about a patient: risk factors present, co-medications taken, and
 * the names of drugs taken that mmf's interaction table does not list (each becomes a finding asking
 * for a check by hand, never an error).
 *
 * <p>Immutable and thread-safe; {@code with...} methods return changed copies.
 *
 * @param riskFactors risk factors present
 * @param coMedications co-medications taken
 * @param unlistedMedications names of other drugs taken, as given, that mmf's table does not list
 */
public record PatientProfile(Set<RiskFactor> riskFactors, Set<CoMedication> coMedications,
    Set<String> unlistedMedications) {

  /** Longest accepted drug name, characters. */
  public static final int MAX_NAME_LENGTH = 200;

  private static final java.util.EnumSet<RiskFactor> PREGNANCY_STATES = java.util.EnumSet.of(RiskFactor.PREGNANT,
      RiskFactor.PLANNING_PREGNANCY, RiskFactor.CAN_BECOME_PREGNANT, RiskFactor.PREGNANCY_STATUS_UNKNOWN);

  /**
   * Validates and copies the sets.
   *
   * @param riskFactors risk factors
   * @param coMedications co-medications
   * @param unlistedMedications other drug names
   * @throws NullPointerException if a set or an element is null
   * @throws IllegalArgumentException if the profile has more than one pregnancy status (pregnant,
   *     planning, can become pregnant, unknown), or an unlisted name is blank or longer than
   *     {@link #MAX_NAME_LENGTH}
   */
  public PatientProfile {
    riskFactors = Set.copyOf(Checks.noNulls(riskFactors, "riskFactors"));
    coMedications = Set.copyOf(Checks.noNulls(coMedications, "coMedications"));
    unlistedMedications = Set.copyOf(Checks.noNulls(unlistedMedications, "unlistedMedications"));
    if (riskFactors.stream().filter(PREGNANCY_STATES::contains).count() > 1) {
      throw new IllegalArgumentException(
          Checks.invalid("riskFactors", "at most one pregnancy status of " + PREGNANCY_STATES, riskFactors));
    }
    for (String name : unlistedMedications) {
      Checks.notBlank(name, "unlistedMedications");
      if (name.length() > MAX_NAME_LENGTH) {
        throw new IllegalArgumentException(Checks.invalid("unlistedMedications", "a name of at most "
            + MAX_NAME_LENGTH + " characters", name.substring(0, 40) + "... (" + name.length() + " characters)"));
      }
    }
  }

  /**
   * A profile of risk factors and listed co-medications.
   *
   * @param riskFactors risk factors
   * @param coMedications co-medications
   * @throws NullPointerException if a set or an element is null
   * @throws IllegalArgumentException if the profile has more than one pregnancy status
   */
  public PatientProfile(Set<RiskFactor> riskFactors, Set<CoMedication> coMedications) {
    this(riskFactors, coMedications, Set.of());
  }

  /**
   * A profile with no risk factor and no co-medication.
   *
   * @return the empty profile
   */
  public static PatientProfile none() {
    return new PatientProfile(Set.of(), Set.of(), Set.of());
  }

  /**
   * This profile with more risk factors.
   *
   * @param factors risk factors to add
   * @return the changed copy
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the result has more than one pregnancy status
   */
  public PatientProfile with(RiskFactor... factors) {
    Set<RiskFactor> all = EnumSet.noneOf(RiskFactor.class);
    all.addAll(riskFactors);
    all.addAll(Checks.noNulls(java.util.Arrays.asList(Checks.notNull(factors, "factors")), "factors"));
    return new PatientProfile(all, coMedications, unlistedMedications);
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
    return new PatientProfile(riskFactors, all, unlistedMedications);
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

  /**
   * This profile with drugs given by name: each name mmf's table lists ({@link CoMedication#find}) is
   * added as that co-medication, and every other name is kept as an unlisted medication, which the
   * safety screen reports as a finding to check by hand.
   *
   * @param names generic or brand names, e.g. {@code "omeprazole"}, {@code "prednisone"}
   * @return the changed copy
   * @throws NullPointerException if the list or a name is null
   * @throws IllegalArgumentException if a name is blank or longer than {@link #MAX_NAME_LENGTH}
   */
  public PatientProfile takingByName(Collection<String> names) {
    Set<CoMedication> listed = EnumSet.noneOf(CoMedication.class);
    listed.addAll(coMedications);
    Set<String> unlisted = new java.util.TreeSet<>(unlistedMedications);
    for (String name : Checks.noNulls(names, "names")) {
      String trimmed = Checks.notBlank(name, "names").strip();
      java.util.Optional<CoMedication> found = trimmed.length() > MAX_NAME_LENGTH ? java.util.Optional.empty()
          : CoMedication.find(trimmed);
      if (found.isPresent()) {
        listed.add(found.get());
      } else {
        unlisted.add(trimmed);
      }
    }
    return new PatientProfile(riskFactors, listed, unlisted);
  }
}
