package io.mmf.cli;

import io.mmf.pk.data.DatasetException;
import io.mmf.pk.data.DatasetReader;
import io.mmf.pk.data.DatasetSubject;
import io.mmf.pk.model.CovariateModel;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.population.CovariatePopulation;
import io.mmf.pk.population.PopulationModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A model as a dataset needs it: its structure (for CMT and the analytes), the covariates the dataset's
 * columns may give (with their ranges), and for each subject its individual model and, where the model
 * has a population, the typical one (PRED). Covariates a subject's rows do not give take the command's
 * values.
 *
 * @param name the model's name
 * @param structure a model of the family (the reader needs its compartments and inputs)
 * @param population the population, or null for a model without one
 * @param fixed the model itself, for one without a population
 * @param defaults covariate values where the rows give none
 * @param adjust what the command changes on every model (meal windows)
 */
record DataModel(String name, PkModel structure, CovariatePopulation population, PkModel fixed,
    Map<String, Double> defaults, UnaryOperator<PkModel> adjust) {

  /** A model without a population: the same model for every subject, no covariates, no PRED. */
  static DataModel of(PkModel model, UnaryOperator<PkModel> adjust) {
    PkModel m = adjust.apply(model);
    return new DataModel(model.name(), m, null, m, Map.of(), UnaryOperator.identity());
  }

  /** A population model: covariates from the rows (else {@code defaults}), ETA columns, PRED. */
  static DataModel of(CovariatePopulation population, Map<String, Double> defaults, UnaryOperator<PkModel> adjust) {
    PopulationModel typical = population.at(defaults);
    PkModel structure = adjust.apply(typical.individual(new double[typical.randomEffects().parameters().size()]));
    return new DataModel(population.name(), structure, population, null, Map.copyOf(defaults), adjust);
  }

  /** The reader for this model: its covariates with their ranges, its random effects. */
  DatasetReader reader(DataOptions options) {
    DatasetReader r = DatasetReader.forModel(structure);
    if (population != null) {
      for (String c : population.covariates()) {
        CovariateOptions.Range range = CovariateOptions.RANGES.get(c);
        // a model file's own covariate: any finite value here, the file's range when the model takes it
        r = range == null ? r.withCovariate(c, Double::isFinite, "a finite number")
            : r.withCovariate(c, range::contains, range.toString());
      }
      r = r.withRandomEffects(randomEffects());
    }
    return options.configure(r);
  }

  private int randomEffects() {
    return population.at(defaults).randomEffects().parameters().size();
  }

  /** Whether PRED is written. */
  boolean hasPopulation() {
    return population != null;
  }

  /** The subject's model: its ETA columns (or the typical patient), its covariates over the defaults. */
  CovariateModel individual(DatasetSubject s) {
    if (population == null) {
      return fixed;
    }
    return at(s.eta().orElse(new double[randomEffects()]));
  }

  /** The typical patient's model, for PRED; null without a population. */
  CovariateModel typical() {
    return population == null ? null : at(new double[randomEffects()]);
  }

  private CovariateModel at(double[] eta) {
    return covariates -> {
      Map<String, Double> all = new HashMap<>(defaults);
      all.putAll(covariates);
      return adjust.apply(population.at(all).individual(eta));
    };
  }

  /**
   * Checks that the subject's random effects give a valid model (a huge ETA makes a rate out of range),
   * naming the subject's first row.
   *
   * @throws DatasetException otherwise
   */
  void check(DatasetSubject s, String source) {
    if (population != null && s.eta().isPresent()) {
      try {
        individual(s).at(Map.of());
      } catch (IllegalArgumentException e) {
        throw new DatasetException(source, s.rows().get(0).line(), 0, "subject '" + s.id() + "': the ETA columns give"
            + " no valid model: " + e.getMessage());
      }
    }
  }

  /** The analytes' names, the primary first. */
  List<String> analytes() {
    return structure.observed().stream().map(PkModel.Observed::name).toList();
  }
}
