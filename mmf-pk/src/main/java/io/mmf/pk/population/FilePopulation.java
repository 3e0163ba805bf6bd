package io.mmf.pk.population;

import io.mmf.pk.internal.ModelReader;
import io.mmf.pk.model.ModelFileException;
import java.util.List;
import java.util.Map;

/**
 * A population model read from a model file: typical values from the covariate relations, individuals
 * from the random effects, everything else as the file states it. Immutable and thread-safe.
 */
final class FilePopulation implements CovariatePopulation {
  private final ModelReader.Parsed parsed;
  private final RandomEffects randomEffects;
  private final ResidualError residualError;
  private final List<String> covariates;

  private FilePopulation(ModelReader.Parsed parsed, RandomEffects randomEffects, ResidualError residualError) {
    this.parsed = parsed;
    this.randomEffects = randomEffects;
    this.residualError = residualError;
    this.covariates = parsed.covariates().stream().map(ModelReader.Covariate::name).toList();
  }

  /** The population of a parsed file, which must have variability and a residual error for its first analyte. */
  static FilePopulation of(ModelReader.Parsed parsed) throws ModelFileException {
    RandomEffects re = parsed.randomEffects().orElseThrow(() -> new ModelFileException(parsed.file(), 0,
        "no 'variability' section: a population model needs the parameters' random effects and their omega", null));
    String analyte = parsed.typicalModel().observed().get(0).name();
    ResidualError error = parsed.residualErrors().get(analyte);
    if (error == null) {
      throw new ModelFileException(parsed.file(), 0, "no 'residualError' for " + analyte + ", the first observed"
          + " analyte: a population model needs one", null);
    }
    return new FilePopulation(parsed, re, error);
  }

  @Override
  public String name() {
    return parsed.name();
  }

  @Override
  public List<String> covariates() {
    return covariates;
  }

  @Override
  public FittedPopulation fittedOn() {
    return parsed.fittedOn();
  }

  @Override
  public Map<String, Double> referenceCovariates() {
    return parsed.referenceCovariates();
  }

  @Override
  public PopulationModel at(Map<String, Double> values) {
    double[] typical = parsed.typical(values);
    PopulationModel m = Populations.of(parsed.name(), parsed.source(), parsed.fittedOn(), randomEffects,
        residualError, eta -> parsed.model(parsed.individual(typical, eta)));
    List<String> distributions = parsed.etaDistributions();
    return new DelegatingPopulationModel(m, distributions, parsed.occasions(), (eta, kappa) -> {
      if (eta.length != randomEffects.parameters().size()) {
        return m.individual(eta);
      }
      return parsed.model(parsed.individual(typical, eta, kappa));
    }, m.toString());
  }

  @Override
  public String toString() {
    return "CovariatePopulation[" + parsed.name() + " from " + parsed.file() + ", covariates " + covariates + "]";
  }
}
