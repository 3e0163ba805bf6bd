package io.mmf.cli;

import io.mmf.pk.model.ModelFileException;
import io.mmf.pk.population.CovariatePopulation;
import io.mmf.pk.population.Covariates;
import io.mmf.pk.population.Populations;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** The population models by name and their covariates as options, shared by the population commands. */
final class CovariateOptions {
  /**
   * A covariate's accepted values: wider than any patient's, narrow enough that every model's
   * covariate equations stay finite and positive.
   *
   * @param option the command-line option that sets it
   * @param min lowest value
   * @param max highest value
   * @param unit unit for messages
   */
  record Range(String option, double min, double max, String unit) {
    /** Throws naming the option (or {@code where}), the range and the value unless it is inside. */
    double check(String where, double v) {
      if (!contains(v)) {
        throw new IllegalArgumentException("Invalid value for " + where + " (expected " + this + "): " + v);
      }
      return v;
    }

    /** Whether a value is accepted: in [min, max], and 0 or 1 for a covariate without a unit. */
    boolean contains(double v) {
      return v >= min && v <= max && (!unit.isEmpty() || v == 0 || v == 1);
    }

    @Override
    public String toString() {
      return unit.isEmpty() ? "0 or 1" : SimulateCommand.num(min) + " to " + SimulateCommand.num(max) + " " + unit;
    }
  }

  /** The accepted range of each covariate, by the population models' names. */
  static final Map<String, Range> RANGES = Map.of(
      Populations.CRCL, new Range("--crcl", 1, 250, "mL/min"),
      Populations.ALBUMIN, new Range("--albumin", 5, 80, "g/L"),
      Populations.CYCLOSPORINE, new Range("--cyclosporine", 1, 2000, "mg/day"),
      Populations.FEMALE, new Range("--female", 0, 1, ""),
      Populations.WEIGHT, new Range("--weight", 1, 300, "kg"));

  @Option(names = "--crcl", paramLabel = "ML_MIN",
      description = "van Hest 2005, Mizaki 2023 and Riglet 2020 covariate: creatinine clearance, mL/min (1 to 250;"
          + " default: the model's reference, 48 for van Hest 2005, 103.3 for Mizaki 2023, 54.81 for Riglet 2020).")
  Double crcl;

  @Option(names = "--albumin", paramLabel = "G_L",
      description = "van Hest 2005, Mizaki 2023, Zhao 2010, Heida 2024 and Riglet 2020 (baseline) covariate:"
          + " albumin, g/L (5 to 80; default: the model's reference, 30, 36, 38.6, 34 and 37).")
  Double albumin;

  @Option(names = "--cyclosporine", paramLabel = "MG_DAY",
      description = "van Hest 2005 covariate: ciclosporin dose, mg/day (1 to 2000; default 450, its reference).")
  Double cyclosporine;

  @Option(names = "--female", description = "van Hest 2005 covariate: female (default: male, its reference).")
  boolean female;

  @Option(names = "--weight", paramLabel = "KG",
      description = "Jiao 2008, Zhao 2010 and Heida 2024 covariate: weight, kg (1 to 300; default: the model's"
          + " reference, 65.5, 23.5 and 70).")
  Double weightKg;

  @Option(names = "--allow-healthy-volunteer-model",
      description = "Allow a model fitted on healthy volunteers or single doses (jiao-2008), for research only:"
          + " its exposures are not those of patients at repeated doses.")
  boolean allowHealthyVolunteerModel;

  /**
   * Where neither an option nor the model gives a covariate: the built-in models' references (van Hest
   * 2005's CLcr 48 mL/min, albumin 30 g/L, ciclosporin 450 mg/day, male; Jiao 2008's 65.5 kg).
   */
  static final Map<String, Double> DEFAULTS = Populations.REFERENCE_COVARIATES;

  /**
   * The covariate values given on the command line, by the population models' covariate names.
   *
   * @throws IllegalArgumentException naming the option if a value is out of its range
   */
  Map<String, Double> values() {
    Map<String, Double> d = new LinkedHashMap<>();
    putIfGiven(d, Populations.CRCL, crcl);
    putIfGiven(d, Populations.ALBUMIN, albumin);
    putIfGiven(d, Populations.CYCLOSPORINE, cyclosporine);
    if (female) {
      d.put(Populations.FEMALE, 1.0);
    }
    putIfGiven(d, Populations.WEIGHT, weightKg);
    return d;
  }

  private static void putIfGiven(Map<String, Double> d, String name, Double value) {
    if (value != null) {
      d.put(name, RANGES.get(name).check(RANGES.get(name).option(), value));
    }
  }

  /**
   * Checks an optional covariate option (simulate's), by covariate name.
   *
   * @param name the covariate
   * @param value the value given, or null
   * @return the value, or null
   */
  static Double checked(String name, Double value) {
    Range r = RANGES.get(name);
    return value == null ? null : r.check(r.option(), value);
  }

  /**
   * Checks that a distribution of a covariate draws only values in its range: fixed values, bounds and
   * medians inside it, a normal without bounds truncated to it, a lognormal CV of at most 2.
   *
   * @param name the covariate
   * @param d the distribution
   * @param spec the option's text, for messages
   * @return the distribution (a normal without bounds truncated to the range)
   */
  static Covariates.Distribution checked(String name, Covariates.Distribution d, String spec) {
    Range r = RANGES.get(name);
    if (r == null) {
      return d; // a model file's own covariate: the model checks each drawn value against the file's range
    }
    String where = "--covariate " + Text.shown(spec);
    if (d instanceof Covariates.Fixed f) {
      r.check(where, f.value());
    } else if (d instanceof Covariates.Normal n) {
      r.check(where + " (mean)", n.mean());
      double min = Double.isInfinite(n.min()) ? r.min() : r.check(where + " (min)", n.min());
      double max = Double.isInfinite(n.max()) ? r.max() : r.check(where + " (max)", n.max());
      return new Covariates.Normal(n.mean(), n.sd(), min, max);
    } else if (d instanceof Covariates.LogNormal l) {
      r.check(where + " (median)", l.median());
      if (!(l.cv() <= 2)) {
        throw new IllegalArgumentException("Invalid value for " + where + " (expected a CV of at most 2): " + l.cv());
      }
    } else if (d instanceof Covariates.Uniform u) {
      r.check(where + " (min)", u.min());
      r.check(where + " (max)", u.max());
    } else if (d instanceof Covariates.Bernoulli) {
      if (!r.unit().isEmpty()) {
        throw new IllegalArgumentException("Invalid value for " + where + " (expected bernoulli only for a 0/1"
            + " covariate such as female; " + name + " takes " + r + ")");
      }
    }
    return d;
  }

  /** The population model of that name, or of that population model file (a name ending in .json). */
  static CovariatePopulation population(String modelName) {
    if (isFile(modelName)) {
      try {
        return Populations.read(Path.of(modelName));
      } catch (ModelFileException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
    if (!Populations.NAMES.contains(modelName.trim().toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("Unknown population model: " + Text.quoted(modelName)
          + " (expected " + String.join(", ", Populations.NAMES) + " or a population model file FILE.json)");
    }
    return Populations.named(modelName);
  }

  /** Whether --model names a file rather than a built-in model. */
  static boolean isFile(String modelName) {
    return modelName.trim().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  /**
   * The covariate values given (or defaulted), and a model file's covariates that no option sets at the
   * file's reference values.
   *
   * @throws IllegalArgumentException naming the option if a value is out of its range
   */
  Map<String, Double> values(CovariatePopulation population) {
    Map<String, Double> d = values();
    population.referenceCovariates().forEach(d::putIfAbsent);
    DEFAULTS.forEach(d::putIfAbsent);
    return d;
  }
}
