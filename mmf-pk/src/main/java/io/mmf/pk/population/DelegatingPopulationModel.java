package io.mmf.pk.population;

import io.mmf.core.source.Source;
import io.mmf.pk.model.PkModel;
import java.util.List;
import java.util.Optional;

/**
 * Another population model with its distributions, its between-occasion variability and how an
 * occasion's individual is made given here; everything else is the other's. Immutable and thread-safe
 * if the parts are.
 */
final class DelegatingPopulationModel implements PopulationModel {
  /** Makes the individual on one occasion. */
  @FunctionalInterface
  interface OnOccasion {
    PkModel individual(double[] eta, double[] kappa);
  }

  private final PopulationModel base;
  private final List<String> distributions;
  private final Optional<OccasionVariability> occasions;
  private final OnOccasion onOccasion;
  private final String text;

  DelegatingPopulationModel(PopulationModel base, List<String> distributions, Optional<OccasionVariability> occasions,
      OnOccasion onOccasion, String text) {
    this.base = base;
    this.distributions = distributions;
    this.occasions = occasions;
    this.onOccasion = onOccasion;
    this.text = text;
  }

  @Override
  public String name() {
    return base.name();
  }

  @Override
  public Source source() {
    return base.source();
  }

  @Override
  public FittedPopulation fittedOn() {
    return base.fittedOn();
  }

  @Override
  public RandomEffects randomEffects() {
    return base.randomEffects();
  }

  @Override
  public ResidualError residualError() {
    return base.residualError();
  }

  @Override
  public List<String> distributions() {
    return distributions;
  }

  @Override
  public Optional<OccasionVariability> occasions() {
    return occasions;
  }

  @Override
  public PkModel individual(double[] eta) {
    return base.individual(eta);
  }

  @Override
  public PkModel individual(double[] eta, double[] kappa) {
    return onOccasion.individual(eta, kappa);
  }

  @Override
  public String toString() {
    return text;
  }
}
