package io.mmf.pk.population;

import java.util.Objects;

/**
 * Whom a population model was fitted on, in words, and whether that was healthy volunteers or a single
 * dose: such a model describes neither patients nor repeated dosing, so population simulation and MAP
 * estimation refuse it unless the caller opts in, and {@code simulate} warns.
 *
 * @param description the population, e.g. "adult renal transplant recipients on ciclosporin"
 * @param healthyVolunteers true when fitted on healthy volunteers, not patients
 * @param singleDose true when fitted on single doses only, not at steady state
 */
public record FittedPopulation(String description, boolean healthyVolunteers, boolean singleDose) {

  /**
   * Validates the description.
   *
   * @param description the population
   * @param healthyVolunteers healthy volunteers
   * @param singleDose single doses only
   * @throws NullPointerException if {@code description} is null
   * @throws IllegalArgumentException if it is blank
   */
  public FittedPopulation {
    Objects.requireNonNull(description, "Invalid value for description (expected non-null): null");
    if (description.isBlank()) {
      throw new IllegalArgumentException("Invalid value for description (expected non-blank text): ''");
    }
  }

  /**
   * A population of patients at repeated doses.
   *
   * @param description the population
   * @return the description
   * @throws IllegalArgumentException if it is blank
   */
  public static FittedPopulation patients(String description) {
    return new FittedPopulation(description, false, false);
  }

  /**
   * Returns true when the model describes neither patients nor repeated dosing.
   *
   * @return true for healthy volunteers or single doses
   */
  public boolean isHealthyVolunteerOrSingleDose() {
    return healthyVolunteers || singleDose;
  }

  /**
   * Why a patient-level use of this model is refused, for an error or a warning.
   *
   * @param modelName the model's name
   * @return the caveat in one sentence
   */
  public String caveat(String modelName) {
    return modelName + " was fitted on " + description + (healthyVolunteers ? " (healthy volunteers" : " (")
        + (healthyVolunteers && singleDose ? ", " : "") + (singleDose ? "a single dose" : "")
        + "): it does not describe patients at repeated doses, and its exposures are not those of patients";
  }
}
