package io.mmf.pk.model;

import java.util.Map;

/**
 * A model whose parameters depend on covariates that may change over a dose history (weight,
 * creatinine clearance, a co-medication's dose): the solvers ask it for the {@link PkModel} in effect
 * between the records where a covariate changes, and hold that model constant in between. Every model
 * it gives must have the same structure (compartments, observed analytes, dose inputs' compartments);
 * rates, volumes, bioavailability and lag may differ.
 *
 * <p>A {@link PkModel} is the covariate model that ignores its covariates. Implementations must be
 * thread-safe and give equal models for equal covariates.
 */
@FunctionalInterface
public interface CovariateModel {
  /**
   * The model for one set of covariate values.
   *
   * @param covariates name to value, as the dose records give them (empty when no record gives any)
   * @return the model
   * @throws IllegalArgumentException if a covariate the model needs is missing or out of range
   */
  PkModel at(Map<String, Double> covariates);
}
