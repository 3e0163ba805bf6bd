package io.mmf.pk.model;

import io.mmf.core.internal.Checks;
import io.mmf.pk.internal.ModelReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@link PkModel} from a JSON file. The format (documented with an example in README.md):
 *
 * <pre>{@code
 * {
 *   "name": "two compartments with EHC",
 *   "doseUnit": "MG_MPA",                          // or MG_MMF
 *   "compartments": ["depot", "central", "peripheral", "gallbladder"],
 *   "transfers": [
 *     {"from": "depot", "to": "central", "ratePerHour": 4.1},
 *     {"from": "central", "ratePerHour": 0.24},     // no "to": elimination from the body
 *     {"from": "gallbladder", "to": "depot", "ratePerHour": 5, "windowed": true}
 *   ],
 *   "emptyingWindows": {"anchor": "AFTER_EACH_DOSE", "windows": [{"startHours": 6, "durationHours": 1}]},
 *   "observed": [{"analyte": "MPA", "compartment": "central", "volumeL": 40}],
 *   "doses": {"MMF": {"compartment": "depot", "lagHours": 0.3},
 *             "EC-MPS": {"compartment": "depot", "lagHours": 1.5}}
 * }
 * }</pre>
 *
 * <p>{@code doses} keys are {@code MMF}, {@code EC-MPS} or {@code any}; each input takes
 * {@code compartment} and optionally {@code bioavailability} (default 1), {@code lagHours} (0) and
 * {@code zeroOrderHours} (0 = bolus). {@code savicTransit} ({@code n}, {@code ktrPerHour}) is optional.
 * Unknown fields are errors, so a typing error cannot silently fall back to a default.
 *
 * <h2>Population models</h2>
 * A file may also carry the sections of a population model (read as one by
 * {@code io.mmf.pk.population.Populations#read}; {@link #read} gives its typical subject at the reference
 * covariates):
 *
 * <pre>{@code
 *   "source": {"id": "van-hest-2005", "citation": "...", "verification": "READ_SECONDARY"},
 *   "population": {"description": "adult renal transplant recipients on ciclosporin", "disease": "...",
 *                  "transplant": "kidney", "coMedication": ["ciclosporin"], "ageYears": {"min": 18, "max": 75},
 *                  "formulation": "MMF", "assay": "HPLC", "healthyVolunteers": false, "singleDose": false},
 *   "covariates": {"albuminGPerL": {"unit": "g/L", "reference": 30, "min": 5, "max": 80}},
 *   "parameters": {
 *     "CL": {"unit": "L/h", "typical": 32.5, "covariates": [
 *              {"covariate": "albuminGPerL", "effect": "power", "coefficient": -1.07},
 *              {"covariate": "female", "effect": "categorical", "factors": {"0": 1, "1": 1.11}}]},
 *     "F":  {"unit": "", "typical": 0.8, "distribution": "logit-normal"}
 *   },
 *   "variability": {"parameters": ["CL", "F"], "omega": [[0.091, 0.01], [0.01, 0.2]]},
 *   "residualError": {"MPA": {"model": "combined", "additiveMgPerL": 0.3, "proportional": 0.2}},
 *   "transfers": [{"from": "central", "ratePerHour": "CL / V1"}, ...]
 * }</pre>
 *
 * <ul>
 *   <li>{@code parameters}: name (a letter or {@code _}, then letters, digits, {@code _}) to unit, typical
 *       value and covariate relations. A subject's typical value is the typical value times each
 *       relation's factor, in the order written: {@code power} (c / ref)^coefficient (c &gt; 0),
 *       {@code exponential} exp(coefficient (c - ref)), {@code linear} 1 + coefficient (c - ref) (must stay
 *       &gt; 0), {@code categorical} the factor of the category c (the reference's category must be listed;
 *       another value is refused).
 *   <li>{@code covariates}: every covariate a relation names, with its unit, its reference value
 *       (required) and optionally the range accepted.
 *   <li>{@code variability}: the parameters with a random effect and their full covariance matrix omega
 *       (symmetric, positive definite). Each such parameter's {@code distribution} is {@code log-normal}
 *       (the default: P = TV exp(eta)), {@code normal} (P = TV + eta) or {@code logit-normal}
 *       (logit P = logit TV + eta, for a fraction in (0, 1)).
 *   <li>{@code occasions}: between-occasion variability ({@link io.mmf.pk.population.OccasionVariability}):
 *       {@code definition} {@code dose}, {@code day} or {@code column} (then {@code column}, the dataset
 *       column that numbers occasions, e.g. {@code OCC}), {@code parameters} and their covariance
 *       {@code omega} (a variance may be 0 with a zero row). Each occasion's kappa adds to the parameter's
 *       eta on its distribution's scale: P = TV exp(eta + kappa).
 *       Example: {@code "occasions": {"definition": "day", "parameters": ["CL"], "omega": [[0.084]]}}.
 *   <li>{@code residualError}: per observed analyte, {@code additive} ({@code additiveMgPerL}),
 *       {@code proportional} ({@code proportional}), {@code combined} (both, y = c (1 + p e1) + a e2) or
 *       {@code exponential} ({@code sd}, ln y = ln c + sd e). A population needs one for the first observed
 *       analyte.
 *   <li>{@code population}: whom the model was fitted on; {@code healthyVolunteers} or {@code singleDose}
 *       true makes population simulation and MAP estimation refuse the model unless the caller opts in;
 *       {@code steadyStateIntervalOnly} true says the model describes one steady-state interval only (no
 *       dose advice, no population simulation; MAP estimation of the sampled interval allowed).
 *   <li>{@code observed} entries may have {@code offsetMgPerL}: a constant baseline concentration, mg/L,
 *       added to the analyte at all times (and, times the window, to every AUC): Fromage 2025's trough C0.
 *       It makes exposure not proportional to dose, so a file with one must declare
 *       {@code steadyStateIntervalOnly}.
 *   <li>Where the file declares parameters, every {@code ratePerHour}, {@code volumeL}, {@code offsetMgPerL},
 *       {@code bioavailability}, {@code lagHours}, {@code zeroOrderHours}, {@code savicTransit} and
 *       {@code gammaInput} value may be
 *       an {@link Expression} of them in a string ({@code "CL / V1"}, {@code "Q / V2"},
 *       {@code "exp(lka) * 2"}); a number stays a number. Unknown names and bad syntax are refused when
 *       the file is read.
 * </ul>
 */
public final class ModelFiles {
  private ModelFiles() {}

  /** Longest name or other text field, characters. */
  public static final int MAX_TEXT = 200;

  /**
   * Reads a model file. A file with parameters and covariates gives its typical subject at the
   * reference covariates (all random effects zero).
   *
   * @param file the JSON file
   * @return the model
   * @throws ModelFileException if the file cannot be read, is not JSON, or does not describe a valid
   *     model; the message names the file, line and field
   * @throws NullPointerException if {@code file} is null
   */
  public static PkModel read(Path file) throws ModelFileException {
    Checks.notNull(file, "file");
    return ModelReader.read(file).typicalModel();
  }

  /**
   * Reads a model file and gives its typical subject with these covariates (the file's reference value
   * for each covariate not given; names the file does not use are ignored).
   *
   * @param file the JSON file
   * @param covariates covariate values by name
   * @return the model
   * @throws ModelFileException if the file cannot be read or is not a valid model
   * @throws IllegalArgumentException if a covariate is outside the file's range or category, naming it
   * @throws NullPointerException if an argument is null
   */
  public static PkModel read(Path file, Map<String, Double> covariates) throws ModelFileException {
    Checks.notNull(file, "file");
    Checks.notNull(covariates, "covariates");
    ModelReader.Parsed parsed = ModelReader.read(file);
    Map<String, Double> values = new LinkedHashMap<>(parsed.referenceCovariates());
    covariates.forEach((name, value) -> values.computeIfPresent(name, (k, old) -> value));
    return parsed.model(parsed.typical(values));
  }

  /** Largest model file, bytes: a model of the largest size {@link PkModel} allows fits many times over. */
  public static final int MAX_BYTES = 1024 * 1024;
}
