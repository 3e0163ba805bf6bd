package io.mmf.pk.population;

import io.mmf.core.drug.Drug;
import io.mmf.core.internal.Checks;
import io.mmf.core.safety.CoMedication;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Whom a population model was fitted on, in words, and whether that was healthy volunteers or a single
 * dose: such a model describes neither patients nor repeated dosing, so population simulation and MAP
 * estimation refuse it unless the caller opts in, and {@code simulate} warns.
 *
 * <p>A model may instead describe one steady-state dosing interval only ({@code steadyStateIntervalOnly}:
 * Fromage 2025, whose closed form carries the earlier doses as a constant trough C0 instead of
 * superposing them). MAP estimation of the sampled interval is what it is for and is allowed; it gives
 * no dose advice (its exposure is not proportional to dose), and population simulation, which needs
 * first doses and other doses, refuses it.
 *
 * @param description the population, e.g. "adult renal transplant recipients on ciclosporin"
 * @param healthyVolunteers true when fitted on healthy volunteers, not patients
 * @param singleDose true when fitted on single doses only, not at steady state
 * @param steadyStateIntervalOnly true when the model describes one steady-state interval only: not first
 *     doses, dose changes, missed doses or accumulation
 * @param details the population's disease, transplant, co-medication, ages, formulation and assay, as far
 *     as the model states them
 */
public record FittedPopulation(String description, boolean healthyVolunteers, boolean singleDose,
    boolean steadyStateIntervalOnly, Details details) {

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
    this(description, healthyVolunteers, singleDose, false, Details.NONE);
  }

  /**
   * A population of a model that covers doses in general (not one steady-state interval only).
   *
   * @param description the population
   * @param healthyVolunteers healthy volunteers
   * @param singleDose single doses only
   * @param details what else the model states
   * @throws NullPointerException if {@code description} or {@code details} is null
   * @throws IllegalArgumentException if the description is blank
   */
  public FittedPopulation(String description, boolean healthyVolunteers, boolean singleDose, Details details) {
    this(description, healthyVolunteers, singleDose, false, details);
  }

  /**
   * Validates the description.
   *
   * @param description the population
   * @param healthyVolunteers healthy volunteers
   * @param singleDose single doses only
   * @param steadyStateIntervalOnly one steady-state interval only
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
   * Whether the model's exposure may carry a dose change for a patient: not for healthy volunteers or
   * single doses, nor for a model of one steady-state interval only.
   *
   * @return true for a model of patients at repeated doses that covers other doses
   */
  public boolean isForDosing() {
    return !isHealthyVolunteerOrSingleDose() && !steadyStateIntervalOnly;
  }

  /**
   * Why a patient-level use of this model is refused, for an error or a warning: healthy volunteers or
   * single doses, else (for a model of one steady-state interval) what it cannot simulate.
   *
   * @param modelName the model's name
   * @return the caveat in one sentence
   */
  public String caveat(String modelName) {
    if (steadyStateIntervalOnly && !isHealthyVolunteerOrSingleDose()) {
      return modelName + " describes one steady-state dosing interval only (the earlier doses are a constant"
          + " trough, not superposed): it cannot simulate first doses, dose changes, missed doses or"
          + " accumulation, and its AUC is not proportional to dose; use it for MAP estimation of a sampled"
          + " steady-state interval";
    }
    return modelName + " was fitted on " + description + (healthyVolunteers ? " (healthy volunteers" : " (")
        + (healthyVolunteers && singleDose ? ", " : "") + (singleDose ? "a single dose" : "")
        + "): it does not describe patients at repeated doses, and its exposures are not those of patients";
  }

  /**
   * Where a patient differs from the population a model was fitted on, one sentence each, in the order
   * age, formulation, calcineurin inhibitor: an age outside the model's range (or no age given when the
   * model was fitted on children only, its oldest under 18), a formulation other than the one studied,
   * ciclosporin or tacrolimus taken by a model's population and not by the patient, or the other way
   * round. Ciclosporin lowers MPA's exposure by interrupting its recirculation, so a model fitted with
   * it misjudges a patient on tacrolimus and back. Empty where nothing differs or the model does not
   * say; decision support, to show beside the estimate, not a refusal.
   *
   * @param modelName the model's name, for the sentences
   * @param ageYears the patient's age, years, if known
   * @param drug what the patient takes, or null if not known
   * @param coMedications the patient's co-medications, or empty if the caller does not know them (then
   *     nothing is said of calcineurin inhibitors)
   * @return the warnings
   * @throws NullPointerException if {@code modelName}, {@code ageYears} or {@code coMedications} is null
   */
  public List<String> contextWarnings(String modelName, OptionalDouble ageYears, Drug drug,
      Optional<Set<CoMedication>> coMedications) {
    Checks.notNull(modelName, "modelName");
    Checks.notNull(ageYears, "ageYears");
    Checks.notNull(coMedications, "coMedications");
    List<String> out = new ArrayList<>();
    OptionalDouble min = details.minAgeYears();
    OptionalDouble max = details.maxAgeYears();
    if (min.isPresent() || max.isPresent()) {
      String range = (min.isPresent() ? number(min.getAsDouble()) : "?") + "-"
          + (max.isPresent() ? number(max.getAsDouble()) : "?") + " years";
      if (ageYears.isEmpty()) {
        if (max.isPresent() && max.getAsDouble() < 18) {
          out.add(modelName + " was fitted on children aged " + range + "; the patient's age is not given");
        }
      } else {
        double age = ageYears.getAsDouble();
        if (min.isPresent() && age < min.getAsDouble() || max.isPresent() && age > max.getAsDouble()) {
          out.add(modelName + " was fitted on patients aged " + range + "; the patient is " + number(age)
              + ": outside its population");
        }
      }
    }
    if (drug != null && details.formulation().isPresent()) {
      String studied = details.formulation().get();
      String taken = drug == Drug.MYCOPHENOLATE_SODIUM ? "EC-MPS" : "MMF";
      if (!studied.equalsIgnoreCase(taken)) {
        out.add(modelName + " was fitted on " + studied + "; the patient takes " + taken
            + ": the absorption differs");
      }
    }
    String[][] inhibitors = {{"ciclosporin", "cyclosporin"}, {"tacrolimus", "tacrolimus"}};
    CoMedication[] meds = {CoMedication.CYCLOSPORINE, CoMedication.TACROLIMUS};
    for (int i = 0; i < meds.length && coMedications.isPresent(); i++) {
      boolean model = false;
      for (String m : details.coMedication()) {
        String l = m.toLowerCase(java.util.Locale.ROOT);
        model |= l.contains(inhibitors[i][0]) || l.contains(inhibitors[i][1]);
      }
      boolean patient = coMedications.get().contains(meds[i]);
      if (model && !patient) {
        out.add(modelName + " was fitted on patients taking " + inhibitors[i][0] + "; the patient is not given as"
            + " taking it (--comed " + inhibitors[i][0] + ")");
      } else if (patient && !model) {
        out.add(modelName + "'s population is not stated to take " + inhibitors[i][0] + "; the patient does");
      }
    }
    return List.copyOf(out);
  }

  private static String number(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
