package io.mmf.cli;

import io.mmf.pk.population.CovariatePopulation;
import io.mmf.pk.population.Populations;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** The population models by name and their covariates as options, shared by the population commands. */
final class CovariateOptions {
  @Option(names = "--crcl", paramLabel = "ML_MIN", defaultValue = "48", description = "van Hest 2005 covariate: creatinine clearance, mL/min.")
  double crcl;

  @Option(names = "--albumin", paramLabel = "G_L", defaultValue = "30", description = "van Hest 2005 covariate: albumin, g/L.")
  double albumin;

  @Option(names = "--cyclosporine", paramLabel = "MG_DAY", defaultValue = "450", description = "van Hest 2005 covariate: ciclosporin dose, mg/day.")
  double cyclosporine;

  @Option(names = "--female", description = "van Hest 2005 covariate: female.")
  boolean female;

  @Option(names = "--weight", paramLabel = "KG", defaultValue = "65.5", description = "Jiao 2008 covariate: weight, kg.")
  double weightKg;

  @Option(names = "--allow-healthy-volunteer-model",
      description = "Allow a model fitted on healthy volunteers or single doses (jiao-2008), for research only:"
          + " its exposures are not those of patients at repeated doses.")
  boolean allowHealthyVolunteerModel;

  /** The covariate values given (or defaulted), by the population models' covariate names. */
  Map<String, Double> values() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put(Populations.CRCL, crcl);
    d.put(Populations.ALBUMIN, albumin);
    d.put(Populations.CYCLOSPORINE, cyclosporine);
    d.put(Populations.FEMALE, female ? 1.0 : 0.0);
    d.put(Populations.WEIGHT, weightKg);
    return d;
  }

  /** The population model of that name. */
  static CovariatePopulation population(String modelName) {
    return switch (modelName.trim().toLowerCase(Locale.ROOT)) {
      case "van-hest-2005" -> Populations.vanHest2005();
      case "jiao-2008" -> Populations.jiao2008();
      default -> throw new IllegalArgumentException("Unknown population model: '" + modelName
          + "' (expected van-hest-2005 or jiao-2008)");
    };
  }
}
