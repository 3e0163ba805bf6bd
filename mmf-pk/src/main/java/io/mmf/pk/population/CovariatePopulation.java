package io.mmf.pk.population;

import io.mmf.core.internal.Checks;
import java.util.List;
import java.util.Map;

/**
 * A population model whose typical values depend on patient covariates (weight, albumin, renal
 * function, co-medication doses). Implementations are immutable and thread-safe.
 */
public interface CovariatePopulation {

  /**
   * Returns a readable name.
   *
   * @return the name
   */
  String name();

  /**
   * Returns the covariates the model needs, with their units in the names (e.g. {@code albuminGPerL}).
   *
   * @return the names
   */
  List<String> covariates();

  /**
   * Returns whom the model was fitted on (see {@link PopulationModel#fittedOn()}).
   *
   * @return the fitted population (default: "not stated", patients at repeated doses)
   */
  default FittedPopulation fittedOn() {
    return FittedPopulation.patients("a population not stated by the model");
  }

  /**
   * Returns the covariates of the model's reference subject, where every covariate factor is 1.
   *
   * @return name to value (default: none stated)
   */
  default Map<String, Double> referenceCovariates() {
    return Map.of();
  }

  /**
   * The population model of patients with these covariates.
   *
   * @param covariates a value for every name in {@link #covariates()} (others are ignored)
   * @return the population model
   * @throws IllegalArgumentException if a covariate is missing or out of range (the message names it)
   */
  PopulationModel at(Map<String, Double> covariates);

  /**
   * A covariate's value.
   *
   * @param covariates the values
   * @param name the covariate
   * @return its value
   * @throws IllegalArgumentException if it is missing
   */
  static double get(Map<String, Double> covariates, String name) {
    Double v = covariates.get(name);
    if (v == null) {
      throw new IllegalArgumentException(Checks.invalid("covariates", "a value for '" + name + "'",
          covariates.keySet()));
    }
    return v;
  }
}
