package io.mmf.cli;

import io.mmf.core.target.AucTarget;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.safety.PatientProfile;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.population.CovariatePopulation;
import io.mmf.pk.population.ModelChoice;
import io.mmf.pk.population.PopulationModel;
import io.mmf.pk.population.ResidualError;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.solve.ConcentrationSolver;
import io.mmf.pk.tdm.MapEstimate;
import io.mmf.pk.tdm.MapEstimator;
import io.mmf.pk.tdm.Sample;
import io.mmf.pk.tdm.TdmAssessment;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mmf estimate}: a patient's exposure and dose from a few measured levels (MAP Bayesian estimation). */
@Command(name = "estimate", mixinStandardHelpOptions = true,
    description = "Estimate one patient's MPA exposure from a few measured levels by MAP Bayesian estimation under"
        + " a population model: individual parameters, AUC0-12 of the sampled interval with its 95 %% interval,"
        + " the verdict against the target, the dose for the target's middle rounded to strengths, and the"
        + " probability that the AUC at that dose lies in the target.")
final class EstimateCommand implements Callable<Integer> {
  @Option(names = "--model", paramLabel = "NAME|FILE.json",
      description = "Population model (the prior): van-hest-2005, jiao-2008, mizaki-2023, zhao-2010, heida-2024,"
          + " riglet-2020, fromage-2025 or a population model file (see the README; default: chosen for the patient from --condition, --age,"
          + " --formulation and --comed, and printed with the reason).")
  String modelName;

  @Option(names = "--comed", split = ",", paramLabel = "DRUG",
      description = "Co-medications by name: here they choose the default --model and say where the patient differs"
          + " from the model's population (ciclosporin, tacrolimus); they do not change the model.")
  List<String> comeds = new ArrayList<>();

  @Option(names = "--covariate", paramLabel = "NAME=VALUE",
      description = "A covariate of the model by its own name, repeatable, for those without an option of their own"
          + " (e.g. abcb1Rs1045642TT=1 for Riglet 2020, indicationGroup=1 for Fromage 2025); it overrides the named"
          + " options.")
  List<String> covariateValues = new ArrayList<>();

  /**
   * The model's covariates: --covariate NAME=VALUE over the named options over the model's references.
   *
   * @throws IllegalArgumentException if a --covariate is not NAME=VALUE with a finite number, or names no
   *     covariate of the model
   */
  java.util.Map<String, Double> covariates(CovariatePopulation population) {
    java.util.Map<String, Double> d = covariateOptions.values(population);
    for (String spec : covariateValues) {
      int eq = spec.indexOf('=');
      String name = eq < 0 ? spec : spec.substring(0, eq).trim();
      if (eq < 0 || !population.covariates().contains(name)) {
        throw new IllegalArgumentException("Invalid value for --covariate (expected NAME=VALUE with NAME one of "
            + population.name() + "'s covariates " + population.covariates() + "): " + Text.quoted(spec));
      }
      double v;
      try {
        v = Double.parseDouble(spec.substring(eq + 1).trim());
      } catch (NumberFormatException e) {
        v = Double.NaN;
      }
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("Invalid value for --covariate " + name + " (expected a finite number): "
            + Text.quoted(spec.substring(eq + 1)));
      }
      d.put(name, v);
    }
    return d;
  }

  /** The model to use: --model, or the one chosen for the patient's context. */
  String model() {
    return modelName != null ? modelName : choice().name();
  }

  /** The model chosen for the patient's context (without --model). */
  ModelChoice choice() {
    return ModelChoice.forPatient(targetOption.condition().map(io.mmf.core.condition.Condition::id),
        age(), io.mmf.core.drug.Formulation.byName(regimenOptions.formulation).drug(), comedication().coMedications());
  }

  /** Why the model was chosen, or null when --model named it. */
  String chosenBecause() {
    return modelName != null ? null : choice().reason();
  }

  private java.util.OptionalDouble age() {
    return limitOptions.ageYears == null ? java.util.OptionalDouble.empty()
        : java.util.OptionalDouble.of(limitOptions.ageYears);
  }

  private PatientProfile comedication() {
    return PatientOptions.takingByName(PatientProfile.none(), comeds);
  }

  /**
   * Where the patient differs from the model's population ({@link
   * io.mmf.pk.population.FittedPopulation#contextWarnings}); calcineurin inhibitors are judged only when
   * --comed is given.
   */
  List<String> context(PopulationModel population, io.mmf.core.drug.Formulation formulation) {
    return population.fittedOn().contextWarnings(population.name(), age(), formulation.drug(),
        comeds.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(comedication().coMedications()));
  }

  @Mixin
  RegimenOptions regimenOptions;

  @Mixin
  CovariateOptions covariateOptions;

  @Option(names = "--doses", paramLabel = "N", defaultValue = "14",
      description = "Administrations of the regimen taken, on schedule; the samples follow the last one"
          + " (default: ${DEFAULT-VALUE}).")
  int doses;

  @Option(names = "--dose-history", split = ",", paramLabel = "HOURS=MG",
      description = "The doses taken, instead of --doses on schedule: h on the history's clock (h after midnight of"
          + " the first day, as a dataset's TIME) = mg of --formulation, comma-separated, in time order (irregular"
          + " times, missed, extra and changed doses); the samples follow the last, whose dose the advice scales.")
  List<String> doseHistory;

  @Mixin
  DataOptions dataOptions;

  @Mixin
  FormatOption formatOption;

  @Option(names = "--output", paramLabel = "FILE.csv",
      description = "With --data: write one row per subject (estimates, intervals, AUC, verdict, advice).")
  Path output;

  @Option(names = "--sample", paramLabel = "HOURS=MG_L",
      description = "A measured level: hours after the last dose = mg/L, or =<LIMIT for a level reported below the"
          + " limit of quantification (e.g. 0.33=9.8, 3=<0.5). 0 is the trough just before the last dose."
          + " Repeatable.")
  List<String> sampleSpecs = new ArrayList<>();

  @Option(names = "--samples", paramLabel = "FILE.csv",
      description = "Measured levels from a CSV file with a header (columns set by --time-column and"
          + " --concentration-column; a cell <LIMIT is below the limit of quantification).")
  Path sampleFile;

  @Mixin
  LevelColumns columns;

  @Mixin
  TargetOption targetOption;

  @Mixin
  DoseLimitOptions limitOptions;

  @Option(names = "--first-dose-clock", paramLabel = "HOURS", defaultValue = "8",
      description = "Clock time of the first dose, hours after midnight; matters for models whose gallbladder"
          + " empties at clock meal times (default: ${DEFAULT-VALUE}).")
  double firstDoseClock;

  @Option(names = "--draws", paramLabel = "N", defaultValue = "1000",
      description = "Posterior draws for the interval and the probability (default: ${DEFAULT-VALUE}).")
  int draws;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Seed of the posterior draws (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--csv", paramLabel = "FILE", description = "Write the individual curve around the samples.")
  Path csv;

  @Option(names = "--plot", paramLabel = "FILE.svg|FILE.png|DIR",
      description = "Draw the individual curve with the measured levels (with --data: a directory, one"
          + " fit-ID.svg per subject).")
  Path plot;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Ranges.between("--draws", draws, MIN_DRAWS, MAX_DRAWS);
    formatOption.requireFile("--csv", csv);
    formatOption.requireFile("--plot", plot);
    formatOption.requireFile("--output", output);
    if (dataOptions.given()) {
      DataOptions.refuse(spec, List.of("--dose", "--doses", "--dose-history", "--sample", "--samples", "--csv",
          "--time-column", "--conc-column", "--concentration-column", "--first-dose-clock"));
      covariateOptions.values();
      Ranges.interval("--interval", regimenOptions.intervalHours);
      try (Outputs outputs = new Outputs(spec.commandLine().getOut())) {
        if (CovariateOptions.isFile(model())) {
          outputs.input("--model", Path.of(model()));
        }
        outputs.input("--data", dataOptions.data);
        outputs.target("--output", output);
        return EstimateData.run(this, outputs);
      }
    }
    if (output != null) {
      throw new IllegalArgumentException("Invalid value for --output (expected it only with --data; the curve goes"
          + " to --csv)");
    }
    if (doseHistory != null) {
      DataOptions.refuse(spec, List.of("--dose", "--doses"), "--dose-history", "the history gives the doses; the"
          + " advice scales its last");
    }
    Ranges.between("--doses", doses, 1, Ranges.MAX_DOSES);
    Regimen regimen = doseHistory != null ? regimenOptions.regimen(history().lastMg()) : regimenOptions.regimen();
    Ranges.clock("--first-dose-clock", firstDoseClock);
    covariateOptions.values();
    try (Outputs outputs = new Outputs(spec.commandLine().getOut())) {
      if (CovariateOptions.isFile(model())) {
        outputs.input("--model", Path.of(model()));
      }
      outputs.input("--samples", sampleFile);
      outputs.target("--csv", csv);
      outputs.target("--plot", plot);
      Charts.checkExtension(plot);
      return run(regimen, outputs);
    }
  }

  /** Fewest and most posterior draws (as {@link MapEstimate#assess} takes). */
  static final int MIN_DRAWS = 100;
  /** Most posterior draws. */
  static final int MAX_DRAWS = 1_000_000;

  private int run(Regimen regimen, Outputs outputs) throws IOException {
    CovariatePopulation covariatePopulation = CovariateOptions.population(model());
    PopulationModel population = covariatePopulation.at(covariates(covariatePopulation));
    AucTarget target = targetOption.target();
    double tau = regimen.interval().hours();
    double offset = SimulateCommand.clockOffset(
        population.individual(new double[population.randomEffects().parameters().size()]), firstDoseClock);
    History given = doseHistory != null ? history() : null;
    double lastDose = given != null ? given.lastHours() : offset + (doses - 1) * tau;
    DoseRecords history = given != null ? given.records(regimen.formulation())
        : SimulateCommand.schedule(regimen, doses, offset).toRecords();
    List<Sample> samples = samples(lastDose);

    SimulateCommand.requireOral(regimen.formulation(), population.individual(
        new double[population.randomEffects().parameters().size()]));
    MapEstimate est = estimator(population).estimate(history, samples);
    TdmAssessment a = assess(est, regimen);
    if (formatOption.json()) {
      JsonOut.write(spec.commandLine().getOut(), "estimate", g -> {
        g.writeStringField("model", population.name());
        g.writeStringField("modelChosenBecause", chosenBecause());
        JsonOut.strings(g, "context", context(population, regimen.formulation()));
        EstimateCommand.estimate(g, regimen, lastDose, est, a);
        g.writeStringField("csv", csv == null ? null : csv.toString());
        g.writeStringField("plot", plot == null ? null : plot.toString());
      });
    } else {
      print(population, regimen, given == null ? doses + " doses taken" : "a history of " + given.times().length
          + " doses", lastDose, est, a);
    }

    ConcentrationProfile curve = curve(est, offset, lastDose, tau, samples);
    if (csv != null) {
      List<double[]> rows = new ArrayList<>();
      for (int i = 0; i < curve.size(); i++) {
        rows.add(new double[] {curve.timeHours(i) - lastDose, curve.concentrationMgPerL(i)});
      }
      SimulateCommand.writeCsv(outputs, csv, new String[] {"hours_after_dose", "mpa_mg_per_l"}, rows);
    }
    if (plot != null) {
      plot(population, regimen, lastDose, samples, curve, a, outputs, plot, est);
    }
    outputs.commit();
    Outputs.written(formatOption.text(spec.commandLine().getOut()), "CSV", csv);
    Outputs.written(formatOption.text(spec.commandLine().getOut()), "Plot", plot);
    return Mmf.OK;
  }

  /** The individual curve from an hour before the first sample (or the dose) to the interval's end. */
  static ConcentrationProfile curve(MapEstimate est, double start, double lastDose, double tau, List<Sample> samples) {
    double from = Math.max(start, Math.min(lastDose, samples.get(0).timeHours()) - 1);
    double to = Math.max(lastDose + tau, samples.get(samples.size() - 1).timeHours());
    double[] grid = ConcentrationSolver.grid(0.05, to - from);
    for (int i = 0; i < grid.length; i++) {
      grid[i] += from;
    }
    return est.curve(grid);
  }

  /**
   * One estimate's fields in JSON: the samples with the fit, the individual parameters with 95 % intervals,
   * the sampled interval's AUC with its interval, the verdict (none without a validated target), the advice
   * and the probability in the target (none without a validated target).
   */
  static void estimate(com.fasterxml.jackson.core.JsonGenerator g, Regimen regimen, double lastDose, MapEstimate est,
      TdmAssessment a) throws IOException {
    g.writeObjectFieldStart("regimen");
    g.writeStringField("formulation", regimen.formulation().id());
    JsonOut.number(g, "doseMg", regimen.dose().mg());
    JsonOut.number(g, "intervalHours", regimen.interval().hours());
    g.writeEndObject();
    g.writeArrayFieldStart("samples");
    double[] fit = est.predictedMgPerL();
    for (int k = 0; k < fit.length; k++) {
      Sample s = est.samples().get(k);
      g.writeStartObject();
      JsonOut.number(g, "timeHours", s.timeHours());
      JsonOut.number(g, "hoursAfterDose", s.timeHours() - lastDose);
      JsonOut.number(g, "measuredMgPerL", s.concentrationMgPerL());
      g.writeBooleanField("belowLimit", s.belowLimit());
      JsonOut.number(g, "fitMgPerL", fit[k]);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("parameters");
    double[] eta = est.eta();
    for (int i = 0; i < eta.length; i++) {
      double se = est.etaStandardError(i);
      g.writeStartObject();
      g.writeStringField("name", est.parameters().get(i));
      JsonOut.number(g, "eta", eta[i]);
      String distribution = est.distributions().get(i);
      g.writeStringField("distribution", distribution);
      if (distribution.equals(PopulationModel.LOG_NORMAL)) {
        JsonOut.number(g, "factor", Math.exp(eta[i]));
        JsonOut.number(g, "factorLow95", Math.exp(eta[i] - 1.96 * se));
        JsonOut.number(g, "factorHigh95", Math.exp(eta[i] + 1.96 * se));
      } else {
        JsonOut.number(g, "etaLow95", eta[i] - 1.96 * se);
        JsonOut.number(g, "etaHigh95", eta[i] + 1.96 * se);
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("sampledInterval");
    JsonOut.number(g, "startHours", a.intervalStartHours());
    JsonOut.number(g, "endHours", a.intervalStartHours() + a.intervalHours());
    JsonOut.number(g, "aucMgHPerL", a.aucMgHPerL());
    JsonOut.number(g, "aucLow95MgHPerL", a.aucLowerMgHPerL());
    JsonOut.number(g, "aucHigh95MgHPerL", a.aucUpperMgHPerL());
    g.writeNumberField("draws", a.draws());
    g.writeNumberField("rejectedDraws", a.rejectedDraws());
    g.writeEndObject();
    JsonOut.verdict(g, "verdict", a.verdict());
    JsonOut.number(g, "steadyStateAuc12hMgHPerL", a.steadyStateAuc12hMgHPerL());
    JsonOut.advice(g, "advice", a.advice());
    boolean probability = hasProbability(a);
    JsonOut.number(g, "adviceDoseMg", probability || a.advice().changesDose() ? a.adviceDoseMg() : Double.NaN);
    JsonOut.number(g, "probabilityInTarget", probability ? a.probabilityInTarget() : Double.NaN);
  }

  /**
   * Whether the probability in the target means something: a sourced target, and a model of patients (a
   * healthy-volunteer model gives no advice, and its probability would be of its own exposures).
   */
  static boolean hasProbability(TdmAssessment a) {
    return a.verdict().isVerdict() && a.advice().kind() != io.mmf.pk.exposure.DoseAdvice.Kind.MODEL_NOT_FOR_DOSING;
  }

  /** The estimator on the population: MAP estimation refuses a healthy-volunteer model unless allowed. */
  MapEstimator estimator(PopulationModel population) {
    return covariateOptions.allowHealthyVolunteerModel
        ? MapEstimator.ofHealthyVolunteerModel(population, new io.mmf.pk.solve.ExactSolver())
        : MapEstimator.of(population);
  }

  /** The clinical reading: verdict against the condition's target, advice under the patient's ceiling. */
  TdmAssessment assess(MapEstimate est, Regimen regimen) {
    return est.assess(regimen, targetOption.target(),
        regimen.formulation().isCountable() ? SimulateCommand.sameDrugSolids(regimen.formulation()) : List.of(),
        limitOptions.ceiling(targetOption.condition(), regimen.formulation()), List.of(), draws, seed);
  }

  /** A dose history from --dose-history: times (h) and doses (mg), in time order. */
  record History(double[] times, double[] mg) {
    double lastHours() {
      return times[times.length - 1];
    }

    double lastMg() {
      return mg[mg.length - 1];
    }

    DoseRecords records(io.mmf.core.drug.Formulation formulation) {
      List<DoseRecord> out = new ArrayList<>();
      for (int k = 0; k < times.length; k++) {
        out.add(DoseRecord.dose(times[k], formulation.drug(), mg[k]));
      }
      return DoseRecords.of(out);
    }
  }

  /** Most doses in a --dose-history. */
  static final int MAX_HISTORY = Ranges.MAX_DOSES;

  History history() {
    Ranges.between("--dose-history (count)", doseHistory.size(), 1, MAX_HISTORY);
    double[] t = new double[doseHistory.size()];
    double[] mg = new double[t.length];
    for (int k = 0; k < t.length; k++) {
      String entry = doseHistory.get(k);
      int eq = entry.indexOf('=');
      double h = eq < 0 ? Double.NaN : CsvInput.decimal(entry.substring(0, eq));
      double d = eq < 0 ? Double.NaN : CsvInput.decimal(entry.substring(eq + 1));
      if (!(h >= 0 && h <= io.mmf.pk.data.DatasetReader.MAX_TIME_HOURS) || !(d >= Ranges.MIN_DOSE_MG
          && d <= Ranges.MAX_DOSE_MG)) {
        throw new IllegalArgumentException("Invalid value for --dose-history (expected HOURS=MG with 0 <= HOURS <= "
            + (long) io.mmf.pk.data.DatasetReader.MAX_TIME_HOURS + " and " + SimulateCommand.num(Ranges.MIN_DOSE_MG)
            + " <= MG <= " + SimulateCommand.num(Ranges.MAX_DOSE_MG) + "): " + Text.shown(entry));
      }
      if (k > 0 && h < t[k - 1]) {
        throw new IllegalArgumentException("Invalid value for --dose-history (expected doses in time order; "
            + SimulateCommand.num(h) + " h follows " + SimulateCommand.num(t[k - 1]) + " h): " + Text.shown(entry));
      }
      t[k] = h;
      mg[k] = d;
    }
    return new History(t, mg);
  }

  /** The samples from the options and the file, on the history's clock, in time order. */
  List<Sample> samples(double lastDose) throws IOException {
    List<Sample> out = new ArrayList<>();
    for (String s : sampleSpecs) {
      int eq = s.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("Invalid value for --sample (expected HOURS=MG_L or HOURS=<LIMIT): "
            + Text.shown(s));
      }
      String where = "--sample " + Text.shown(s);
      out.add(sample(lastDose, hours(s.substring(0, eq), where), s.substring(eq + 1), where));
    }
    if (sampleFile != null) {
      CsvInput table = CsvInput.read(sampleFile, "samples");
      String timeColumn = columns.time(table);
      String concentrationColumn = columns.level(table);
      for (CSVRecord r : table.records()) {
        double h = table.number(r, timeColumn, true);
        out.add(sample(lastDose, h, table.cell(r, concentrationColumn), table.where(r, concentrationColumn)));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("No samples (expected --sample HOURS=MG_L or --samples FILE.csv)");
    }
    out.sort(Comparator.comparingDouble(Sample::timeHours));
    return out;
  }

  private static double hours(String text, String where) {
    double h = CsvInput.decimal(text);
    if (Double.isFinite(h)) {
      return h;
    }
    throw new IllegalArgumentException(where + ": hours after the dose is not a finite number: " + Text.quoted(text));
  }

  /** Latest sample, h after the last dose. */
  static final double MAX_SAMPLE_HOURS = Ranges.MAX_INTERVAL_HOURS;
  /** Highest level, mg/L: far above any MPA level, low enough to keep the likelihood finite. */
  static final double MAX_LEVEL_MG_PER_L = 1000;

  /** One sample: "9.8" measured, "<0.5" below that limit; errors name where it came from. */
  private static Sample sample(double lastDose, double hoursAfterDose, String value, String where) {
    String v = value.trim();
    boolean below = v.startsWith("<");
    String number = below ? v.substring(1).trim() : v;
    double mgPerL = CsvInput.decimal(number);
    if (Double.isNaN(mgPerL)) {
      throw new IllegalArgumentException(where + ": the level is not a number in mg/L or <LIMIT: " + Text.quoted(value));
    }
    if (!(mgPerL <= MAX_LEVEL_MG_PER_L)) {
      throw new IllegalArgumentException(where + ": Invalid value for the level (expected at most "
          + SimulateCommand.num(MAX_LEVEL_MG_PER_L) + " mg/L): " + mgPerL);
    }
    if (!(hoursAfterDose <= MAX_SAMPLE_HOURS)) {
      throw new IllegalArgumentException(where + ": Invalid value for hours after the last dose (expected at most "
          + SimulateCommand.num(MAX_SAMPLE_HOURS) + " h): " + hoursAfterDose);
    }
    double t = lastDose + hoursAfterDose;
    if (t < 0) {
      throw new IllegalArgumentException(where + ": " + hoursAfterDose + " h after the last dose is before the first"
          + " dose of the history (raise --doses)");
    }
    try {
      return below ? Sample.belowLimit(t, mgPerL) : Sample.measured(t, mgPerL);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private void print(PopulationModel population, Regimen regimen, String taken, double lastDose, MapEstimate est,
      TdmAssessment a) {
    var out = spec.commandLine().getOut();
    String occasions = population.occasions().filter(o -> !o.isZero()).map(o -> "; between-occasion variability on "
        + o.parameters() + ", an occasion being each " + o.definition().name().toLowerCase(Locale.ROOT)
        + o.column().map(c -> " " + c).orElse("") + ", the sampled one's estimated").orElse("");
    out.println("Model:    " + population.name() + " (prior: its variability on " + est.parameters() + occasions
        + "; residual error " + describe(population.residualError()) + ") [" + population.source().ref() + "]");
    if (population.fittedOn().isHealthyVolunteerOrSingleDose()) {
      out.println("Warning:  " + population.fittedOn().caveat(population.name()) + "; for research, not dosing.");
    }
    if (chosenBecause() != null) {
      out.println("Chosen:   " + chosenBecause() + "; --model names another.");
    }
    for (String w : context(population, regimen.formulation())) {
      out.println("Context:  " + w + ".");
    }
    out.println("Regimen:  " + regimen + ", " + taken + "; samples after the last one");
    out.println();
    out.printf(Locale.ROOT, "%-22s %-18s %s%n", "hours after the dose", "measured (mg/L)", "individual fit (mg/L)");
    double[] fit = est.predictedMgPerL();
    for (int k = 0; k < fit.length; k++) {
      Sample s = est.samples().get(k);
      out.printf(Locale.ROOT, "%-22.2f %-18s %.3f%n", s.timeHours() - lastDose,
          (s.belowLimit() ? "< " : "") + String.format(Locale.ROOT, "%.3f", s.concentrationMgPerL()), fit[k]);
    }
    out.println();
    out.println("Individual parameters (typical value x factor; 95 % interval of the factor):");
    double[] eta = est.eta();
    for (int i = 0; i < eta.length; i++) {
      double se = est.etaStandardError(i);
      String distribution = est.distributions().get(i);
      if (distribution.equals(PopulationModel.LOG_NORMAL)) {
        out.printf(Locale.ROOT, "  %-6s x %.2f (%.2f-%.2f)%n", est.parameters().get(i), Math.exp(eta[i]),
            Math.exp(eta[i] - 1.96 * se), Math.exp(eta[i] + 1.96 * se));
      } else {
        // a normal or logit-normal effect is no factor: its eta is added to the typical value or its logit
        out.printf(Locale.ROOT, "  %-6s %s eta %+.3f (%+.3f to %+.3f), %s%n", est.parameters().get(i),
            distribution.equals("normal") ? "typical value +" : "logit of the typical value +", eta[i],
            eta[i] - 1.96 * se, eta[i] + 1.96 * se, distribution);
      }
    }
    out.println();
    String interval = SimulateCommand.num(a.intervalHours());
    out.printf(Locale.ROOT, "AUC0-%s of the sampled interval: %.1f mg*h/L (95 %% interval %.1f-%.1f, %d posterior"
        + " draws%s)%n", interval, a.aucMgHPerL(), a.aucLowerMgHPerL(), a.aucUpperMgHPerL(), a.draws(),
        a.rejectedDraws() == 0 ? "" : String.format(Locale.ROOT, "; %d more outside the model's valid range or the"
            + " estimator's bounds, redrawn", a.rejectedDraws()));
    out.printf(Locale.ROOT, "Verdict: AUC0-12%s %.1f mg*h/L%s %s%n",
        a.intervalHours() == a.target().intervalHours() ? "" : " (12-h equivalent)", a.auc12hMgHPerL(),
        a.verdict().isVerdict() ? " is" : ":", a.verdict());
    out.printf(Locale.ROOT, "Steady-state AUC0-12 at %s: %.1f mg*h/L%n", regimen.dose(), a.steadyStateAuc12hMgHPerL());
    out.println("Advice:  " + a.advice().text());
    limitOptions.assumption().ifPresent(x -> out.println("Limits:  " + x + "."));
    if (hasProbability(a)) {
      out.printf(Locale.ROOT, "Probability that AUC0-12 at %.0f mg lies in %s: %.0f %%%n", a.adviceDoseMg(),
          a.target(), 100 * a.probabilityInTarget());
    }
    out.println("Decision support, not medical advice.");
  }

  /** Posterior draws behind the plotted 95 % band of the individual curve. */
  static final int BAND_DRAWS = 200;

  static void plot(PopulationModel population, Regimen regimen, double lastDose, List<Sample> samples,
      ConcentrationProfile curve, TdmAssessment a, Outputs outputs, Path plot, MapEstimate est) throws IOException {
    double[] t = curve.timesHours();
    for (int i = 0; i < t.length; i++) {
      t[i] -= lastDose;
    }
    List<double[]> measured = new ArrayList<>();
    List<double[]> below = new ArrayList<>();
    for (Sample s : samples) {
      (s.belowLimit() ? below : measured).add(new double[] {s.timeHours() - lastDose, s.concentrationMgPerL()});
    }
    String label = String.format(Locale.ROOT, "individual fit: AUC0-%s %.1f mg*h/L (95 %% interval %.1f-%.1f), %s"
        + " target %s%s", SimulateCommand.num(a.intervalHours()), a.aucMgHPerL(), a.aucLowerMgHPerL(),
        a.aucUpperMgHPerL(), a.verdict().position(), a.target(), a.target().isSourced() ? "" : " (orientation only)");
    double[][] band = est.curveBand(curve.timesHours(), BAND_DRAWS, MapEstimate.DEFAULT_SEED);
    Charts.write(Charts.fit(population.name() + " MAP estimate: " + regimen, t, curve.analyteConcentrationsMgPerL(0),
        band, column(measured, 0), column(measured, 1), column(below, 0), column(below, 1), label), plot, outputs);
  }

  private static double[] column(List<double[]> rows, int c) {
    return rows.stream().mapToDouble(r -> r[c]).toArray();
  }

  private static String describe(ResidualError e) {
    if (e.exponential() > 0) {
      return String.format(Locale.ROOT, "exponential, SD %.3f", e.exponential());
    }
    return String.format(Locale.ROOT, "additive %.3f mg/L, proportional %.1f %%", e.additiveMgPerL(),
        100 * e.proportional());
  }
}
