package io.mmf.spark;

import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.target.AucTarget;
import io.mmf.pk.population.CovariatePopulation;
import io.mmf.pk.population.Covariates;
import io.mmf.pk.population.PopulationModel;
import io.mmf.pk.population.PopulationSimulation;
import io.mmf.pk.population.Populations;
import io.mmf.pk.tdm.SimulationEstimation;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One cell of a study grid: a population model with fixed covariates (a stratum), regimens, a target,
 * subjects and a seed, and either a population simulation or a simulation-estimation study. It holds
 * names and numbers only, so it travels to Spark executors, each of which builds the same simulation
 * from it; subject {@code i} of the scenario draws from a stream keyed by (seed, i), so the scenario's
 * results equal {@link #population()}.{@code run()} in one process, to the bit.
 *
 * @param name the scenario's name, unique in its grid
 * @param kind population simulation or simulation-estimation
 * @param model a population model name ({@link Populations#NAMES})
 * @param covariates fixed covariate values by name; missing ones take the model's reference values
 * @param formulation the formulation's id, e.g. {@code mmf-tablet-500}
 * @param intervalHours the dosing interval, h
 * @param dosesMg doses per administration, mg; one for a simulation-estimation study
 * @param subjects virtual patients
 * @param seed the seed
 * @param condition the condition whose target applies, or blank for none (the orientation window of seed 003)
 * @param dosesTaken for a study: administrations taken before sampling (0 for a population run)
 * @param samplingHours for a study: sampling times after the last dose, h (empty for a population run)
 * @param lloqMgPerL for a study: the assay's limit of quantification, mg/L
 * @param allowHealthyVolunteerModel whether a healthy-volunteer or single-dose model may be used
 * @serial exclude
 */
public record Scenario(String name, Kind kind, String model, Map<String, Double> covariates, String formulation,
    double intervalHours, List<Double> dosesMg, long subjects, long seed, String condition, int dosesTaken,
    List<Double> samplingHours, double lloqMgPerL, boolean allowHealthyVolunteerModel) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What a scenario runs. */
  public enum Kind {
    /** Probability of target attainment over a virtual population. */
    POPULATION,
    /** A simulation-estimation study of MAP estimation from sparse levels. */
    ESTIMATION
  }

  /**
   * Validates the scenario by building what it runs, so that a bad grid fails before any job starts.
   *
   * @param name name
   * @param kind kind
   * @param model model name
   * @param covariates fixed covariates
   * @param formulation formulation id
   * @param intervalHours interval
   * @param dosesMg doses
   * @param subjects subjects
   * @param seed seed
   * @param condition condition or blank
   * @param dosesTaken doses before sampling
   * @param samplingHours sampling times
   * @param lloqMgPerL limit of quantification
   * @param allowHealthyVolunteerModel allow such a model
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a value is invalid (the message names the field)
   */
  public Scenario {
    Objects.requireNonNull(name, "Invalid value for scenario (expected non-null): null");
    Objects.requireNonNull(kind, "Invalid value for kind (expected non-null): null");
    Objects.requireNonNull(model, "Invalid value for model (expected non-null): null");
    covariates = Map.copyOf(Objects.requireNonNull(covariates, "Invalid value for covariates (expected non-null): null"));
    Objects.requireNonNull(formulation, "Invalid value for formulation (expected non-null): null");
    dosesMg = List.copyOf(Objects.requireNonNull(dosesMg, "Invalid value for doses_mg (expected non-null): null"));
    Objects.requireNonNull(condition, "Invalid value for condition (expected non-null): null");
    samplingHours = List.copyOf(Objects.requireNonNull(samplingHours,
        "Invalid value for sampling_h (expected non-null): null"));
    if (name.isBlank()) {
      throw new IllegalArgumentException("Invalid value for scenario (expected a non-blank name): ''");
    }
    if (dosesMg.isEmpty() || (kind == Kind.ESTIMATION && dosesMg.size() != 1)) {
      throw new IllegalArgumentException("Invalid value for doses_mg (expected " + (kind == Kind.ESTIMATION
          ? "one dose for a simulation-estimation study" : "at least one dose") + "): " + dosesMg);
    }
    if (kind == Kind.ESTIMATION && samplingHours.isEmpty()) {
      throw new IllegalArgumentException("Invalid value for sampling_h (expected sampling times for a"
          + " simulation-estimation study): []");
    }
  }

  /** Checks everything a run would build; called by the grid reader. */
  void validate() {
    if (kind == Kind.POPULATION) {
      population();
    } else {
      estimation();
    }
  }

  /**
   * The population model at this scenario's covariates.
   *
   * @return the model
   * @throws IllegalArgumentException if the model name or a covariate is invalid
   */
  public PopulationModel populationModel() {
    CovariatePopulation p = Populations.named(model);
    return p.at(covariateValues(p));
  }

  private Map<String, Double> covariateValues(CovariatePopulation p) {
    for (String given : covariates.keySet()) {
      if (!p.covariates().contains(given)) {
        throw new IllegalArgumentException("Invalid value for covariates (expected names of " + p.name() + "'s "
            + p.covariates() + "): " + given);
      }
    }
    Map<String, Double> values = new LinkedHashMap<>();
    for (String c : p.covariates()) {
      // the model's own reference where it states one (a bundled file), else the built-in models' references
      values.put(c, covariates.getOrDefault(c, p.referenceCovariates().getOrDefault(c,
          Populations.REFERENCE_COVARIATES.get(c))));
    }
    return values;
  }

  /**
   * The target: the condition's, or the seed 003 window for orientation.
   *
   * @return the target
   * @throws IllegalArgumentException if the condition is unknown
   */
  public AucTarget target() {
    return condition.isBlank() ? AucTarget.DEFAULT : ConditionCatalog.standard().get(condition).target();
  }

  /**
   * The in-process population simulation this scenario is.
   *
   * @return the simulation (not run)
   * @throws IllegalArgumentException if a value is invalid or the scenario is an estimation study
   */
  public PopulationSimulation population() {
    if (kind != Kind.POPULATION) {
      throw new IllegalArgumentException("Invalid value for kind (expected population): " + kind);
    }
    CovariatePopulation p = Populations.named(model);
    PopulationSimulation.Builder b = PopulationSimulation.of(p, Covariates.distributions(fixed(covariateValues(p))))
        .subjects(subjects).seed(seed).target(target()).threads(1)
        .doses(Formulation.byName(formulation), DosingInterval.everyHours(intervalHours),
            dosesMg.stream().mapToDouble(Double::doubleValue).toArray());
    if (allowHealthyVolunteerModel) {
      b.allowHealthyVolunteerModel();
    }
    return b.build();
  }

  /**
   * The in-process simulation-estimation study this scenario is.
   *
   * @return the study (not run)
   * @throws IllegalArgumentException if a value is invalid or the scenario is a population run
   */
  public SimulationEstimation estimation() {
    if (kind != Kind.ESTIMATION) {
      throw new IllegalArgumentException("Invalid value for kind (expected estimation): " + kind);
    }
    Regimen r = Regimen.of(Formulation.byName(formulation), Dose.ofMg(dosesMg.get(0)),
        DosingInterval.everyHours(intervalHours));
    double[] t = samplingHours.stream().mapToDouble(Double::doubleValue).toArray();
    PopulationModel m = populationModel();
    return allowHealthyVolunteerModel
        ? SimulationEstimation.ofHealthyVolunteerModel(m, r, dosesTaken, t, lloqMgPerL, subjects, seed)
        : SimulationEstimation.of(m, r, dosesTaken, t, lloqMgPerL, subjects, seed);
  }

  private static Map<String, Covariates.Distribution> fixed(Map<String, Double> values) {
    Map<String, Covariates.Distribution> d = new LinkedHashMap<>();
    values.forEach((k, v) -> d.put(k, new Covariates.Fixed(v)));
    return d;
  }
}
