package io.mmf.pk.population;

import io.mmf.core.source.Source;
import io.mmf.pk.model.PkModel;

/**
 * A population model: typical values, inter-individual variability and residual error,
 * from which an individual {@link PkModel} is made for each vector of random effects. Implementations
 * are immutable and thread-safe.
 */
public interface PopulationModel {

  /**
   * Returns a readable name.
   *
   * @return the name
   */
  String name();

  /**
   * Returns the citation for the typical values and variability.
   *
   * @return the source
   */
  Source source();

  /**
   * Returns the inter-individual variability.
   *
   * @return the random effects
   */
  RandomEffects randomEffects();

  /**
   * Returns the residual error of observations.
   *
   * @return the error model
   */
  ResidualError residualError();

  /**
   * Returns whom the model was fitted on. Population simulation and MAP estimation refuse a model of
   * healthy volunteers or single doses unless the caller opts in.
   *
   * @return the fitted population (default: "not stated", patients at repeated doses)
   */
  default FittedPopulation fittedOn() {
    return FittedPopulation.patients("a population not stated by the model");
  }

  /**
   * The individual with these random effects.
   *
   * @param eta random effects, in {@link RandomEffects#parameters()} order (all zero: the typical patient)
   * @return the individual's model
   * @throws IllegalArgumentException if {@code eta} has the wrong length
   */
  PkModel individual(double[] eta);
}
