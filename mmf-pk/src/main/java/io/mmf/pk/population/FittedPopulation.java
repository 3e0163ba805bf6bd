package io.mmf.pk.population;

import io.mmf.core.internal.Checks;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Whom a population model was fitted on, in words, and whether that was healthy volunteers or a single
 * dose: such a model describes neither patients nor repeated dosing, so population simulation and MAP
 * estimation refuse it unless the caller opts in, and {@code simulate} warns.
 *
 * @param description the population, e.g. "adult renal transplant recipients on ciclosporin"
 * @param healthyVolunteers true when fitted on healthy volunteers, not patients
 * @param singleDose true when fitted on single doses only, not at steady state
 * @param details the population's disease, transplant, co-medication, ages, formulation and assay, as far
 *     as the model states them
 */
public record FittedPopulation(String description, boolean healthyVolunteers, boolean singleDose, Details details) {

  /**
   * What a model states about its population, each part empty when it does not say.
   *
   * @param disease the disease or indication, e.g. "lupus nephritis"
   * @param transplant the transplanted organ, e.g. "kidney"
   * @param coMedication co-medications every or most patients took, e.g. "ciclosporin"
   * @param minAgeYears youngest patient, years
   * @param maxAgeYears oldest patient, years
   * @param formulation the formulation studied, e.g. "MMF"
   * @param assay the assay of the concentrations, e.g. "HPLC-UV" or "EMIT"
   */
  public record Details(Optional<String> disease, Optional<String> transplant, List<String> coMedication,
      OptionalDouble minAgeYears, OptionalDouble maxAgeYears, Optional<String> formulation, Optional<String> assay) {
    /** Nothing stated. */
    public static final Details NONE = new Details(Optional.empty(), Optional.empty(), List.of(), OptionalDouble.empty(),
        OptionalDouble.empty(), Optional.empty(), Optional.empty());

    /**
     * Validates the details.
     *
     * @param disease disease
     * @param transplant organ
     * @param coMedication co-medications
     * @param minAgeYears youngest, years
     * @param maxAgeYears oldest, years
     * @param formulation formulation
     * @param assay assay
     * @throws NullPointerException if an argument or co-medication is null
     * @throws IllegalArgumentException if an age is negative or not finite, or the oldest is younger than the
     *     youngest
     */
    public Details {
      Checks.notNull(disease, "disease");
      Checks.notNull(transplant, "transplant");
      coMedication = List.copyOf(Checks.notNull(coMedication, "coMedication"));
      Checks.notNull(minAgeYears, "minAgeYears");
      Checks.notNull(maxAgeYears, "maxAgeYears");
      Checks.notNull(formulation, "formulation");
      Checks.notNull(assay, "assay");
      if (minAgeYears.isPresent()) {
        Checks.inRange(minAgeYears.getAsDouble(), 0, 130, "minAgeYears");
      }
      if (maxAgeYears.isPresent()) {
        Checks.inRange(maxAgeYears.getAsDouble(), minAgeYears.orElse(0), 130, "maxAgeYears");
      }
    }
  }

  /**
   * A population without details.
   *
   * @param description the population
   * @param healthyVolunteers healthy volunteers
   * @param singleDose single doses only
   * @throws NullPointerException if {@code description} is null
   * @throws IllegalArgumentException if it is blank
   */
  public FittedPopulation(String description, boolean healthyVolunteers, boolean singleDose) {
    this(description, healthyVolunteers, singleDose, Details.NONE);
  }

  /**
   * Validates the description.
   *
   * @param description the population
   * @param healthyVolunteers healthy volunteers
   * @param singleDose single doses only
   * @param details what else the model states
   * @throws NullPointerException if {@code description} or {@code details} is null
   * @throws IllegalArgumentException if the description is blank
   */
  public FittedPopulation {
    Checks.notNull(description, "description");
    Checks.notNull(details, "details");
    if (description.isBlank()) {
      throw new IllegalArgumentException(Checks.invalid("description", "non-blank text", "''"));
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
