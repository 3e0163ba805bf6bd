package io.mmf.pk.population;

import io.mmf.core.source.Source;
import io.mmf.pk.model.PkModel;
import java.util.List;

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
   * Returns how each random effect enters its parameter, in {@link RandomEffects#parameters()} order:
   * {@code log-normal} (P = TV exp(eta), every built-in model), {@code normal} (P = TV + eta) or
   * {@code logit-normal} (logit P = logit TV + eta).
   *
   * @return one name per random effect (default: all log-normal)
   */
  default List<String> distributions() {
    return java.util.Collections.nCopies(randomEffects().parameters().size(), LOG_NORMAL);
  }

  /** The name of a log-normal random effect, P = TV exp(eta): exp(eta) is the factor on the typical value. */
  String LOG_NORMAL = "log-normal";

  /**
   * The individual with these random effects.
   *
   * @param eta random effects, in {@link RandomEffects#parameters()} order (all zero: the typical patient)
   * @return the individual's model
   * @throws IllegalArgumentException if {@code eta} has the wrong length
   */
  PkModel individual(double[] eta);

  /**
   * Returns the between-occasion variability, if the model has any.
   *
   * @return the variability (default: none)
   */
  default java.util.Optional<OccasionVariability> occasions() {
    return java.util.Optional.empty();
  }

  /**
   * The individual on one occasion: random effects eta of the subject and kappa of the occasion.
   * With kappa all 0 this is exactly {@link #individual(double[])}.
   *
   * @param eta the subject's random effects, in {@link RandomEffects#parameters()} order
   * @param kappa the occasion's, in {@link OccasionVariability#parameters()} order (empty without
   *     between-occasion variability)
   * @return the individual's model on that occasion
   * @throws IllegalArgumentException if an array has the wrong length
   */
  default PkModel individual(double[] eta, double[] kappa) {
    int m = occasions().map(o -> o.parameters().size()).orElse(0);
    if (kappa.length != m) {
      throw new IllegalArgumentException(io.mmf.core.internal.Checks.invalid("kappa", m + " values", kappa.length));
    }
    for (double k : kappa) {
      if (k != 0) {
        throw new IllegalArgumentException("model " + name() + " does not implement between-occasion variability");
      }
    }
    return individual(eta);
  }
}
