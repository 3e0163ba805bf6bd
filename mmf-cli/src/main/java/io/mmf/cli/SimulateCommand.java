package io.mmf.cli;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.finding.Finding;
import io.mmf.core.safety.CoMedication;
import io.mmf.core.safety.PatientProfile;
import io.mmf.core.safety.SafetyScreen;
import io.mmf.pk.model.Window;
import io.mmf.core.target.AucTarget;
import io.mmf.core.regimen.Regimen;
import io.mmf.pk.data.DatasetPredictions;
import io.mmf.pk.data.DatasetReader;
import io.mmf.pk.dosing.DoseEvent;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.exposure.DoseAdvice;
import io.mmf.pk.exposure.ExposureSummary;
import io.mmf.pk.exposure.Exposures;
import io.mmf.pk.model.EmptyingWindows;
import io.mmf.pk.model.CovariateModel;
import io.mmf.pk.model.Interactions;
import io.mmf.pk.model.ModelFileException;
import io.mmf.pk.model.ModelFiles;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Presets;
import io.mmf.pk.population.Populations;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.solve.ConcentrationSolver;
import io.mmf.pk.solve.ExactSolver;
import io.mmf.pk.solve.NumericalSolver;
import io.mmf.pk.solve.SteadyState;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mmf simulate}: a model on a regimen, with a summary, CSV and plots. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Simulate MPA concentrations of a regimen on a published model or a JSON model file; print"
        + " AUC0-12 after the first dose and at steady state, Cmax, Tmax, C0, the verdict against the target"
        + " and the dose that meets it.")
final class SimulateCommand implements Callable<Integer> {
  /** The presets, by name. */
  static final List<String> PRESETS = List.of("van-hest-2005", "de-winter-2008", "sherwin-2012", "jiao-2008");

  @Option(names = "--model", paramLabel = "NAME|FILE.json", defaultValue = "van-hest-2005",
      description = "van-hest-2005, de-winter-2008, sherwin-2012, jiao-2008, mizaki-2023, zhao-2010, heida-2024, riglet-2020,"
          + " fromage-2025 (a population"
          + " model's typical patient), or a JSON model file (default:"
          + " ${DEFAULT-VALUE}).")
  String modelName;

  @Mixin
  DataOptions dataOptions;

  @Mixin
  FormatOption formatOption;

  @Option(names = "--output", paramLabel = "FILE.csv",
      description = "With --data: write the dataset with IPRED, TAD (and PRED) here (default: standard output).")
  Path output;

  @Mixin
  RegimenOptions regimenOptions;

  @Option(names = "--doses", paramLabel = "N", defaultValue = "14",
      description = "Administrations to simulate for the curve (default: ${DEFAULT-VALUE}).")
  int doses;

  @Mixin
  TargetOption targetOption;

  @Mixin
  DoseLimitOptions limitOptions;

  @Option(names = "--solver", paramLabel = "PATH", defaultValue = "auto",
      description = "exact, numerical or auto (exact where the model allows; default: ${DEFAULT-VALUE}).")
  String solverName;

  @Option(names = "--first-dose-clock", paramLabel = "HOURS", defaultValue = "8",
      description = "Clock time of the first dose, hours after midnight; matters for models whose gallbladder"
          + " empties at clock meal times (default: ${DEFAULT-VALUE}).")
  double firstDoseClock;

  @Option(names = "--grid", paramLabel = "HOURS", defaultValue = "0.1",
      description = "Time step of the curve (default: ${DEFAULT-VALUE} h).")
  double gridHours;

  @Option(names = "--crcl", paramLabel = "ML_MIN", description = "van Hest 2005: creatinine clearance, mL/min (48).")
  Double crcl;

  @Option(names = "--albumin", paramLabel = "G_L", description = "van Hest 2005: albumin, g/L (30).")
  Double albumin;

  @Option(names = "--cyclosporine", paramLabel = "MG_DAY", description = "van Hest 2005: ciclosporin dose, mg/day (450).")
  Double cyclosporine;

  @Option(names = "--female", description = "van Hest 2005: female (clearance x 1.11).")
  boolean female;

  @Option(names = "--weight", paramLabel = "KG", description = "Jiao 2008: body weight, kg (65.5).")
  Double weightKg;

  @Option(names = "--meal-times", split = ",", paramLabel = "HOURS",
      description = "Clock times of meals, hours after midnight (e.g. 7.5,12,19): the gallbladder of an EHC model"
          + " then empties at these times every day, for --meal-window hours, instead of the model's own windows.")
  List<Double> mealTimes;

  @Option(names = "--meal-window", paramLabel = "HOURS", defaultValue = "1",
      description = "How long the gallbladder empties after each meal (default: ${DEFAULT-VALUE} h).")
  double mealWindowHours;

  @Option(names = "--comed", split = ",", paramLabel = "DRUG",
      description = "Co-medications by name: quantified effects act on the model (antacids, PPIs, bile-acid"
          + " sequestrants, ciclosporin on recirculating models); the others are listed.")
  List<String> comeds = new ArrayList<>();

  @Option(names = "--csv", paramLabel = "FILE", description = "Write the curve: time, concentration, cumulative AUC.")
  Path csv;

  @Option(names = "--plot", paramLabel = "FILE.svg|FILE.png", description = "Draw the curve (or, with --dose-range, AUC against dose).")
  Path plot;

  @Option(names = "--dose-range", paramLabel = "MIN:MAX:STEP",
      description = "Also tabulate steady-state AUC0-12 for doses MIN to MAX in STEP mg.")
  String doseRange;

  @Spec
  CommandSpec spec;

  PkModel model() throws ModelFileException {
    String n = modelName.trim().toLowerCase(Locale.ROOT);
    switch (n) {
      case "van-hest-2005" -> {
        Presets.VanHestCovariates r = Presets.VanHestCovariates.REFERENCE;
        return Presets.vanHest2005(new Presets.VanHestCovariates(crcl == null ? r.creatinineClearanceMlPerMin() : crcl,
            albumin == null ? r.albuminGPerL() : albumin,
            cyclosporine == null ? r.cyclosporineMgPerDay() : cyclosporine, female));
      }
      case "de-winter-2008" -> {
        return Presets.deWinter2008();
      }
      case "sherwin-2012" -> {
        return Presets.sherwin2012();
      }
      case "jiao-2008" -> {
        return Presets.jiao2008(weightKg == null ? 65.5 : weightKg);
      }
      default -> {
        if (n.endsWith(".json")) {
          // a file's covariates of the options' names take the options given, the rest its reference values
          return ModelFiles.read(Path.of(modelName), givenCovariates());
        }
        if (Populations.BUNDLED.contains(n)) {
          // a bundled population model: its typical patient at the covariates given (the reference otherwise)
          io.mmf.pk.population.PopulationModel typical = bundledPopulation().at(bundledCovariates());
          return typical.individual(new double[typical.randomEffects().parameters().size()]);
        }
        java.util.Set<String> names = new java.util.LinkedHashSet<>(PRESETS);
        names.addAll(Populations.BUNDLED);
        throw new IllegalArgumentException("Unknown model: '" + modelName + "' (expected one of "
            + String.join(", ", names) + " or a .json model file)");
      }
    }
  }

  ConcentrationSolver solver(PkModel model) {
    return switch (solverName) {
      case "exact" -> new ExactSolver();
      case "numerical" -> new NumericalSolver();
      case "auto" -> model.supportsExactPath() ? new ExactSolver() : new NumericalSolver();
      default -> throw new IllegalArgumentException("Invalid value for --solver (expected exact, numerical or auto): "
          + solverName);
    };
  }

  AucTarget target() {
    return targetOption.target();
  }

  /** Options of a regimen's simulation, which a dataset's rows replace. */
  static final List<String> NOT_WITH_DATA = List.of("--dose", "--formulation", "--interval", "--doses", "--dose-range",
      "--csv", "--plot", "--grid", "--first-dose-clock", "--comed", "--condition", "--age", "--bsa", "--gfr");

  @Override
  public Integer call() throws Exception {
    formatOption.requireFile("--csv", csv);
    formatOption.requireFile("--plot", plot);
    if (dataOptions.given()) {
      DataOptions.refuse(spec, NOT_WITH_DATA);
      if (formatOption.json() && (output == null || Outputs.standardOutput(output))) {
        throw new IllegalArgumentException("Invalid value for --output (expected a file with --format json, which"
            + " prints its document on standard output)");
      }
      checkMeals(null);
      CovariateOptions.checked(Populations.CRCL, crcl);
      CovariateOptions.checked(Populations.ALBUMIN, albumin);
      CovariateOptions.checked(Populations.CYCLOSPORINE, cyclosporine);
      CovariateOptions.checked(Populations.WEIGHT, weightKg);
      try (Outputs outputs = new Outputs(spec.commandLine().getOut())) {
        if (modelName.trim().toLowerCase(Locale.ROOT).endsWith(".json")) {
          outputs.input("--model", Path.of(modelName));
        }
        outputs.input("--data", dataOptions.data);
        outputs.target("--output", output == null ? Path.of(Outputs.STDOUT) : output);
        return runData(outputs);
      }
    }
    if (output != null) {
      throw new IllegalArgumentException("Invalid value for --output (expected it only with --data; the curve of a"
          + " regimen goes to --csv)");
    }
    Ranges.between("--doses", doses, 1, Ranges.MAX_DOSES);
    Regimen regimen = regimenOptions.regimen();
    Ranges.curvePoints(doses, regimen.interval().hours(), gridHours);
    Ranges.clock("--first-dose-clock", firstDoseClock);
    checkMeals(regimen);
    double[] range = doseRange == null ? null : parseRange(doseRange);
    CovariateOptions.checked(Populations.CRCL, crcl);
    CovariateOptions.checked(Populations.ALBUMIN, albumin);
    CovariateOptions.checked(Populations.CYCLOSPORINE, cyclosporine);
    CovariateOptions.checked(Populations.WEIGHT, weightKg);
    try (Outputs outputs = new Outputs(spec.commandLine().getOut())) {
      if (modelName.trim().toLowerCase(Locale.ROOT).endsWith(".json")) {
        outputs.input("--model", Path.of(modelName));
      }
      outputs.target("--csv", csv);
      outputs.target("--plot", plot);
      Charts.checkExtension(plot);
      return run(regimen, range, outputs);
    }
  }

  /** The meal options' ranges; with a regimen, its interval must fit whole days. */
  private void checkMeals(Regimen regimen) {
    if (mealTimes != null) {
      Ranges.between("--meal-times (count)", mealTimes.size(), 1, MAX_MEALS);
      Ranges.between("--meal-window", mealWindowHours, MIN_MEAL_WINDOW_HOURS, MAX_MEAL_WINDOW_HOURS, "h");
      if (regimen != null && !wholeDays(regimen.interval().hours())) {
        throw new IllegalArgumentException("Invalid value for --interval (expected, with --meal-times, an interval"
            + " that fits a whole number of days within " + MAX_PERIOD_INTERVALS + " intervals, e.g. 8, 12, 24 or 36"
            + " h): " + regimen.interval().hours());
      }
      for (double m : mealTimes) {
        Ranges.clock("--meal-times", m);
        if (m + mealWindowHours > Ranges.DAY_HOURS) {
          throw new IllegalArgumentException("Invalid value for --meal-times (expected each meal's --meal-window of "
              + num(mealWindowHours) + " h to end by midnight): " + m);
        }
      }
    }
  }

  /** The meal times as the model's gallbladder windows, or the model as it is. */
  private PkModel withMeals(PkModel model) {
    if (mealTimes == null || mealTimes.isEmpty()) {
      return model;
    }
    List<Window> windows = new ArrayList<>();
    for (double m : mealTimes) {
      windows.add(new Window(m, mealWindowHours));
    }
    return model.withEmptyingWindows(EmptyingWindows.atClockTimes(windows.toArray(new Window[0])));
  }

  /** The model for a dataset: the presets with a population take covariates and ETAs from the rows. */
  DataModel dataModel() throws ModelFileException {
    String n = modelName.trim().toLowerCase(Locale.ROOT);
    switch (n) {
      case "van-hest-2005" -> {
        Map<String, Double> d = new LinkedHashMap<>(Populations.REFERENCE_COVARIATES);
        d.remove(Populations.WEIGHT);
        d.put(Populations.FEMALE, female ? 1.0 : 0.0);
        putIfGiven(d, Populations.CRCL, crcl);
        putIfGiven(d, Populations.ALBUMIN, albumin);
        putIfGiven(d, Populations.CYCLOSPORINE, cyclosporine);
        return DataModel.of(Populations.vanHest2005(), d, this::withMeals);
      }
      case "jiao-2008" -> {
        return DataModel.of(Populations.jiao2008(), Map.of(Populations.WEIGHT, weightKg == null
            ? Populations.REFERENCE_COVARIATES.get(Populations.WEIGHT) : weightKg), this::withMeals);
      }
      default -> {
        if (CovariateOptions.isFile(modelName)) {
          // a population model file: covariates and ETAs from the rows, as for the presets
          var parsed = io.mmf.pk.population.Populations.readIfPopulation(Path.of(modelName));
          if (parsed.isPresent()) {
            Map<String, Double> d = new LinkedHashMap<>(parsed.get().referenceCovariates());
            givenCovariates().forEach((name, value) -> d.computeIfPresent(name, (k, old) -> value));
            return DataModel.of(parsed.get(), d, this::withMeals);
          }
        }
        if (Populations.BUNDLED.contains(n)) {
          return DataModel.of(bundledPopulation(), bundledCovariates(), this::withMeals);
        }
        return DataModel.of(model(), this::withMeals);
      }
    }
  }

  private io.mmf.pk.population.CovariatePopulation bundled;

  /** The bundled population model --model names (read once), or null if it names none. */
  private io.mmf.pk.population.CovariatePopulation bundledPopulation() {
    String n = modelName.trim().toLowerCase(Locale.ROOT);
    if (bundled == null && Populations.BUNDLED.contains(n)) {
      bundled = Populations.bundled(n);
    }
    return bundled;
  }

  /** The bundled population model's reference covariates, with the options given in their place. */
  private Map<String, Double> bundledCovariates() {
    Map<String, Double> d = new LinkedHashMap<>(bundledPopulation().referenceCovariates());
    givenCovariates().forEach((cov, value) -> d.computeIfPresent(cov, (k, old) -> value));
    return d;
  }

  /** The covariate options given (with --female's value always), by the covariates' names. */
  private Map<String, Double> givenCovariates() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put(Populations.FEMALE, female ? 1.0 : 0.0);
    putIfGiven(d, Populations.CRCL, crcl);
    putIfGiven(d, Populations.ALBUMIN, albumin);
    putIfGiven(d, Populations.CYCLOSPORINE, cyclosporine);
    putIfGiven(d, Populations.WEIGHT, weightKg);
    return d;
  }

  private static void putIfGiven(Map<String, Double> values, String name, Double value) {
    if (value != null) {
      values.put(name, value);
    }
  }

  /**
   * Simulates a dataset: every input row, in input order, its cells unchanged, with IPRED (per analyte),
   * TAD and, for a model with a population, PRED. The file is read twice: once to check every row before
   * anything is written, once to simulate subject by subject while the output streams to its temporary
   * file.
   */
  private int runData(Outputs outputs) throws IOException, ModelFileException {
    DataModel m = dataModel();
    DatasetReader reader = m.reader(dataOptions);
    String source = dataOptions.data.toString();
    List<List<String>> header = new ArrayList<>();
    long[] counts = new long[2];
    dataOptions.read(reader, h -> header.add(DatasetPredictions.header(source, h, m.analytes(), m.hasPopulation())),
        s -> {
          m.check(s, source);
          counts[0]++;
          counts[1] += s.rows().size();
        });
    ConcentrationSolver solver = solver(m.structure());
    CovariateModel typical = m.typical();
    Path out = output == null ? Path.of(Outputs.STDOUT) : output;
    outputs.stage(out, stream -> {
      Writer w = new java.io.BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
      CSVPrinter p = new CSVPrinter(w, DATASET_CSV);
      p.printRecord(header.get(0));
      dataOptions.read(reader, h -> { }, s -> {
        DatasetPredictions predictions = DatasetPredictions.of(s, m.individual(s), typical, solver);
        try {
          for (int i = 0; i < s.rows().size(); i++) {
            p.printRecord(predictions.cells(i));
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      p.flush();
    });
    outputs.commit();
    if (formatOption.json()) {
      JsonOut.write(spec.commandLine().getOut(), "simulate", g -> {
        g.writeStringField("model", m.name());
        g.writeStringField("solver", solver instanceof ExactSolver ? "exact" : "numerical");
        g.writeStringField("data", source);
        g.writeNumberField("subjects", counts[0]);
        g.writeNumberField("rows", counts[1]);
        g.writeArrayFieldStart("columnsAdded");
        for (String c : DatasetPredictions.columns(m.analytes(), m.hasPopulation())) {
          g.writeString(c);
        }
        g.writeEndArray();
        g.writeStringField("output", output.toString());
      });
      return Mmf.OK;
    }
    PrintWriter text = spec.commandLine().getOut();
    if (modelName.trim().equalsIgnoreCase("jiao-2008") && output != null) {
      text.println("Warning: " + Populations.JIAO_2008_POPULATION.caveat("Jiao 2008") + ".");
    }
    if (output != null && !Outputs.standardOutput(output)) {
      text.println("Simulated " + counts[0] + " subject(s), " + counts[1] + " rows, on " + m.name() + " ("
          + (solver instanceof ExactSolver ? "exact" : "numerical") + " solver): " + String.join(", ",
          DatasetPredictions.columns(m.analytes(), m.hasPopulation())) + " added");
      Outputs.written(text, "Dataset", output);
    }
    return Mmf.OK;
  }

  /** Datasets are written with line feeds (NONMEM on Unix reads a carriage return as part of a value). */
  static final CSVFormat DATASET_CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build();

  private int run(Regimen regimen, double[] range, Outputs outputs) throws IOException, ModelFileException {
    PkModel model = withMeals(model());
    requireOral(regimen.formulation(), model);
    PatientProfile comedication = PatientOptions.takingByName(PatientProfile.none(), comeds);
    Interactions.Applied interactions = Interactions.apply(model, comedication.coMedications(), regimen.formulation());
    model = interactions.model();
    ConcentrationSolver solver = solver(model);
    AucTarget target = target();
    PrintWriter out = formatOption.text(spec.commandLine().getOut());
    double offset = clockOffset(model, firstDoseClock);

    io.mmf.pk.population.FittedPopulation fitted = fittedOn(model);
    if (range != null && fitted != null && fitted.steadyStateIntervalOnly()) {
      // a table of other doses is what such a model cannot give
      throw new IllegalArgumentException("Invalid value for --dose-range (expected a model that covers other doses): "
          + fitted.caveat(model.name()));
    }
    Result r = simulate(model, solver, regimen, target, offset, interactions.applied());
    if (fitted != null && !fitted.isForDosing()) {
      out.println("Warning: " + fitted.caveat(model.name()) + ".");
    }
    printSummary(out, model, solver, regimen, r, comedication);
    printInteractions(out, interactions, comedication, regimen.formulation());
    List<double[]> rangeRows = new ArrayList<>();
    if (range != null) {
      List<double[]> rows = rangeRows;
      out.println();
      out.printf("%-12s %-22s %s%n", "dose (mg)", "AUC0-12 (mg*h/L)", "verdict");
      for (double d : rangeDoses(range)) {
        SteadyState ss = solver.steadyState(model, Dose.ofMg(d), regimen.formulation(), regimen.interval(), offset);
        double auc12 = target.equivalentAuc(ss.aucTauMgHPerL(), regimen.interval().hours());
        rows.add(new double[] {d, auc12});
        out.printf(Locale.ROOT, "%-12.0f %-22.2f %s%n", d, auc12, target.classify(auc12)
            + (target.isSourced() ? "" : " (orientation only)"));
      }
      if (csv != null) {
        writeCsv(outputs, csv, new String[] {"dose_mg", "auc0_12_mg_h_per_l"}, rows);
      }
      if (plot != null) {
        double[] x = rows.stream().mapToDouble(a -> a[0]).toArray();
        double[] y = rows.stream().mapToDouble(a -> a[1]).toArray();
        Charts.write(Charts.doseRange(model.name() + ": AUC0-12 against dose (" + regimen.formulation().label()
            + ", " + regimen.interval() + ")", x, y, target.lowMgHPerL(), target.highMgHPerL(), target.toString()), plot,
            outputs);
      }
    } else {
      if (csv != null) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < r.curve.size(); i++) {
          rows.add(new double[] {r.curve.timeHours(i) - offset, r.curve.concentrationMgPerL(i),
              r.curve.cumulativeAucMgHPerL(i)});
        }
        writeCsv(outputs, csv, new String[] {"time_h", "mpa_mg_per_l", "cumulative_auc_mg_h_per_l"}, rows);
      }
      if (plot != null) {
        double tau = regimen.interval().hours();
        double[] t = r.curve.timesHours();
        for (int i = 0; i < t.length; i++) {
          t[i] -= offset;
        }
        double[] doseTimes = new double[doses];
        for (int k = 0; k < doses; k++) {
          doseTimes[k] = k * tau;
        }
        double lastStart = (doses - 1) * tau;
        String area = String.format(Locale.ROOT, "last interval: AUC %.1f mg*h/L", r.lastIntervalAuc);
        String verdict = String.format(Locale.ROOT, "steady-state AUC0-12 %.1f mg*h/L: %s %s%s",
            r.summary.steadyStateAuc12hMgHPerL(), r.summary.verdict().position(), target,
            target.isSourced() ? "" : " (orientation only)");
        Charts.write(Charts.curve(model.name() + ": " + regimen, t, r.curve.analyteConcentrationsMgPerL(0),
            doseTimes, lastStart, lastStart + tau, area, verdict), plot, outputs);
      }
    }
    outputs.commit();
    Outputs.written(out, "CSV", csv);
    Outputs.written(out, "Plot", plot);
    if (formatOption.json()) {
      json(spec.commandLine().getOut(), model, solver, regimen, r, interactions, rangeRows, target,
          SafetyScreen.screen(comedication, regimen.formulation()).interactions(),
          context(model, regimen, comedication));
    }
    return Mmf.OK;
  }

  /** The run as one JSON document (docs/schema/simulate.schema.json). */
  private void json(PrintWriter out, PkModel model, ConcentrationSolver solver, Regimen regimen, Result r,
      Interactions.Applied interactions, List<double[]> rangeRows, AucTarget target, List<Finding> findings,
      List<String> context) {
    ExposureSummary s = r.summary;
    SteadyState ss = s.steadyState();
    JsonOut.write(out, "simulate", g -> {
      g.writeStringField("model", model.name());
      JsonOut.strings(g, "context", context);
      g.writeStringField("solver", solver instanceof ExactSolver ? "exact" : "numerical");
      io.mmf.pk.population.FittedPopulation fitted = fittedOn(model);
      if (fitted != null && !fitted.isForDosing()) {
        g.writeStringField("warning", fitted.caveat(model.name()));
      }
      g.writeObjectFieldStart("regimen");
      g.writeStringField("formulation", regimen.formulation().id());
      JsonOut.number(g, "doseMg", regimen.dose().mg());
      JsonOut.number(g, "intervalHours", regimen.interval().hours());
      g.writeNumberField("doses", doses);
      g.writeEndObject();
      JsonOut.number(g, "firstDoseAucTauMgHPerL", model.isLinearInDose() ? s.firstDoseAucTauMgHPerL() : Double.NaN);
      JsonOut.number(g, "lastIntervalAucMgHPerL", r.lastIntervalAuc);
      g.writeObjectFieldStart("steadyState");
      JsonOut.number(g, "aucTauMgHPerL", ss.aucTauMgHPerL());
      JsonOut.number(g, "auc12hMgHPerL", s.steadyStateAuc12hMgHPerL());
      JsonOut.number(g, "cmaxMgPerL", ss.cmaxMgPerL());
      JsonOut.number(g, "tmaxHours", ss.tmaxHours());
      JsonOut.number(g, "troughMgPerL", ss.troughMgPerL());
      g.writeEndObject();
      JsonOut.verdict(g, "verdict", s.verdict());
      JsonOut.advice(g, "advice", r.advice);
      g.writeArrayFieldStart("interactionsApplied");
      for (Interactions.Effect e : interactions.applied()) {
        g.writeStartObject();
        g.writeStringField("coMedication", e.coMedication().toString());
        g.writeStringField("effect", e.effect());
        JsonOut.source(g, "source", e.source());
        g.writeEndObject();
      }
      g.writeEndArray();
      JsonOut.findings(g, "interactionFindings", findings);
      g.writeArrayFieldStart("interactionsNotModelled");
      for (String n : interactions.notModelled()) {
        g.writeString(n);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("doseRange");
      for (double[] row : rangeRows) {
        g.writeStartObject();
        JsonOut.number(g, "doseMg", row[0]);
        JsonOut.number(g, "auc12hMgHPerL", row[1]);
        g.writeStringField("position", target.classify(row[1]).name());
        g.writeBooleanField("isVerdict", target.isSourced());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("csv", csv == null ? null : csv.toString());
      g.writeStringField("plot", plot == null ? null : plot.toString());
    });
  }

  /**
   * Prints what the co-medications did to the model (applied, not modelled) and their screening
   * findings, unlisted drugs among them.
   */
  static void printInteractions(PrintWriter out, Interactions.Applied interactions, PatientProfile comedication,
      Formulation formulation) {
    for (Interactions.Effect e : interactions.applied()) {
      out.println("Interaction applied: " + e.coMedication() + ": " + e.effect() + " [" + e.source().ref() + "]");
    }
    for (String n : interactions.notModelled()) {
      out.println("Interaction not modelled: " + n);
    }
    for (Finding f : SafetyScreen.screen(comedication, formulation).interactions()) {
      out.println("  " + f.severity() + " " + f.action() + ": " + f.message() + " [" + f.source().ref() + "]");
    }
  }

  /** What a simulation produced. */
  record Result(ExposureSummary summary, DoseAdvice advice, ConcentrationProfile curve, double lastIntervalAuc) {}

  /**
   * Refuses an intravenous formulation: every model mmf knows was fitted on oral doses, and its
   * absorption, lag and bioavailability do not describe an infusion.
   */
  static void requireOral(Formulation f, PkModel model) {
    if (f.route() != Formulation.Route.ORAL) {
      throw new IllegalArgumentException("Invalid value for --formulation (expected an oral form): " + f.id()
          + " is intravenous, and model '" + model.name() + "' describes oral doses (absorption, lag,"
          + " bioavailability), so an infusion cannot be simulated with it");
    }
  }

  Result simulate(PkModel model, ConcentrationSolver solver, Regimen regimen, AucTarget target, double offset,
      List<Interactions.Effect> effects) {
    double tau = regimen.interval().hours();
    DosingSchedule schedule = schedule(regimen, doses, offset);
    double end = doses * tau;
    double[] grid = ConcentrationSolver.grid(gridHours, end);
    double[] times = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      times[i] = grid[i] + offset;
    }
    ConcentrationProfile curve = solver.simulate(model, schedule, times);
    double lastAuc = solver.aucMgHPerL(model, schedule, offset + end - tau, offset + end);
    ExposureSummary summary = Exposures.summarise(solver, model, regimen, target, offset);
    DoseAdvice advice = Exposures.advise(summary,
        regimen.formulation().isCountable() ? sameDrugSolids(regimen.formulation()) : List.of(),
        limitOptions.ceiling(targetOption.condition(), regimen.formulation()), effects);
    io.mmf.pk.population.FittedPopulation fitted = fittedOn(model);
    if (fitted != null) {
      advice = Exposures.forModelFittedOn(advice, regimen, fitted, model.name());
    }
    return new Result(summary, advice, curve, lastAuc);
  }

  /**
   * Whom the model was fitted on, where that limits its use: Jiao 2008's healthy volunteers, a bundled
   * population model's population, or, for a model file whose analyte has a baseline concentration (its
   * exposure not proportional to dose), a model of one steady-state interval; null where nothing says so.
   */
  io.mmf.pk.population.FittedPopulation fittedOn(PkModel model) {
    if (modelName.trim().equalsIgnoreCase("jiao-2008")) {
      return Populations.JIAO_2008_POPULATION;
    }
    if (bundledPopulation() != null) {
      return bundledPopulation().fittedOn();
    }
    return model.isLinearInDose() ? null : new io.mmf.pk.population.FittedPopulation("the file's population",
        false, false, true, io.mmf.pk.population.FittedPopulation.Details.NONE);
  }

  /**
   * Where the schedule's clock puts the first dose: its clock time for models whose gallbladder empties
   * at clock meal times, else 0.
   */
  static double clockOffset(PkModel model, double firstDoseClock) {
    boolean clock = model.emptyingWindows().map(w -> w.anchor() == EmptyingWindows.Anchor.CLOCK).orElse(false);
    return clock ? firstDoseClock : 0;
  }

  /** {@code doses} administrations of the regimen, the first at {@code offset} h on the schedule's clock. */
  static DosingSchedule schedule(Regimen regimen, int doses, double offset) {
    List<DoseEvent> events = new ArrayList<>();
    for (DoseEvent e : DosingSchedule.fromRegimen(regimen, doses).events()) {
      events.add(DoseEvent.at(e.timeHours() + offset, e.dose(), e.formulation()));
    }
    return DosingSchedule.of(events);
  }

  static List<Formulation> sameDrugSolids(Formulation f) {
    List<Formulation> out = new ArrayList<>();
    for (Formulation g : Formulation.values()) {
      if (g.drug() == f.drug() && g.isCountable()) {
        out.add(g);
      }
    }
    return out;
  }

  /** Where the patient differs from a bundled population model's population ("Context:" lines). */
  private void printContext(PrintWriter out, PkModel model, Regimen regimen, PatientProfile comedication) {
    for (String w : context(model, regimen, comedication)) {
      out.println("Context:  " + w + ".");
    }
  }

  /** The context warnings of a bundled population model (none for a structural model). */
  private List<String> context(PkModel model, Regimen regimen, PatientProfile comedication) {
    return bundledPopulation() == null ? List.of() : bundledPopulation().fittedOn().contextWarnings(model.name(),
        limitOptions.ageYears == null ? java.util.OptionalDouble.empty()
            : java.util.OptionalDouble.of(limitOptions.ageYears),
        regimen.formulation().drug(), java.util.Optional.of(comedication.coMedications()));
  }

  private void printSummary(PrintWriter out, PkModel model, ConcentrationSolver solver, Regimen regimen, Result r,
      PatientProfile comedication) {
    ExposureSummary s = r.summary;
    SteadyState ss = s.steadyState();
    out.println("Model:    " + model.name() + " (" + (solver instanceof ExactSolver ? "exact" : "numerical")
        + " solver)");
    out.println("Regimen:  " + regimen + ", " + doses + " doses simulated");
    printContext(out, model, regimen, comedication);
    if (model.isLinearInDose()) {
      out.printf(Locale.ROOT, "AUC0-%s after the first dose:  %.2f mg*h/L%n", num(regimen.interval().hours()),
          s.firstDoseAucTauMgHPerL());
    } else {
      // a constant baseline stands for the earlier doses: a first dose has none, so the model cannot say
      out.printf(Locale.ROOT, "AUC0-%s after the first dose:  not given (the model's constant trough stands for"
          + " the earlier doses)%n", num(regimen.interval().hours()));
    }
    out.printf(Locale.ROOT, "AUC0-%s at steady state:       %.2f mg*h/L%n", num(regimen.interval().hours()),
        ss.aucTauMgHPerL());
    out.printf(Locale.ROOT, "Cmax at steady state:           %.3f mg/L at %.2f h after the dose%n", ss.cmaxMgPerL(),
        ss.tmaxHours());
    out.printf(Locale.ROOT, "C0 (trough) at steady state:    %.3f mg/L%n", ss.troughMgPerL());
    out.printf(Locale.ROOT, "Verdict: AUC0-12%s %.2f mg*h/L%s %s%n",
        s.scaledToTargetInterval() ? " (12-h equivalent)" : "", s.steadyStateAuc12hMgHPerL(),
        s.verdict().isVerdict() ? " is" : ":", s.verdict());
    out.println("Advice:   " + r.advice.text());
    limitOptions.assumption().ifPresent(a -> out.println("Limits:   " + a + "."));
    out.println("Decision support, not medical advice.");
  }

  static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** Most intervals the steady state of clock meal times may span (as the solver allows). */
  static final int MAX_PERIOD_INTERVALS = 1000;

  /** Whether some multiple of the interval, at most {@value #MAX_PERIOD_INTERVALS}, is a whole number of days. */
  static boolean wholeDays(double intervalHours) {
    for (int k = 1; k <= MAX_PERIOD_INTERVALS; k++) {
      double days = k * intervalHours / Ranges.DAY_HOURS;
      if (Math.abs(days - Math.rint(days)) < 1e-9 * Math.max(1, days)) {
        return true;
      }
    }
    return false;
  }

  /** Most doses a --dose-range tabulates. */
  static final int MAX_RANGE_DOSES = 1000;
  /** Most meals a day. */
  static final int MAX_MEALS = 24;
  /**
   * Shortest gallbladder emptying after a meal, h (Jiao 2008's own windows): a gallbladder that hardly ever
   * empties has no steady state to solve for.
   */
  static final double MIN_MEAL_WINDOW_HOURS = 0.01;
  /** Longest gallbladder emptying after a meal, h. */
  static final double MAX_MEAL_WINDOW_HOURS = 12;

  /**
   * MIN:MAX:STEP in mg, with 0 < MIN <= MAX <= the largest dose, STEP > 0 and at most {@value #MAX_RANGE_DOSES}
   * doses, each step at least a millionth of MAX (so every step moves the dose).
   */
  static double[] parseRange(String s) {
    String[] p = s.split(":", -1);
    if (p.length == 3) {
      double min = CsvInput.decimal(p[0]);
      double max = CsvInput.decimal(p[1]);
      double step = CsvInput.decimal(p[2]);
      if (min > 0 && max >= min && max <= Ranges.MAX_DOSE_MG && step > 0 && step >= max * 1e-6
          && (max - min) / step < MAX_RANGE_DOSES && min >= Ranges.MIN_DOSE_MG) {
        return new double[] {min, max, step};
      }
    }
    throw new IllegalArgumentException("Invalid value for --dose-range (expected MIN:MAX:STEP in mg with"
        + " " + num(Ranges.MIN_DOSE_MG) + " <= MIN <= MAX <= " + num(Ranges.MAX_DOSE_MG) + ", STEP > 0, at most "
        + MAX_RANGE_DOSES
        + " doses): " + Text.shown(s));
  }

  /** The doses of a range: MIN + i STEP up to MAX (within rounding), counted, so the loop always ends. */
  static double[] rangeDoses(double[] range) {
    int n = (int) Math.floor((range[1] - range[0]) / range[2] + 1e-9) + 1;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = range[0] + i * range[2];
    }
    return d;
  }

  static void writeCsv(Outputs outputs, Path file, String[] header, List<double[]> rows) throws IOException {
    outputs.stage(file, stream -> {
      Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
      try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header).build())) {
        for (double[] row : rows) {
          List<String> cells = new ArrayList<>();
          for (double v : row) {
            cells.add(Double.toString(v));
          }
          p.printRecord(cells);
        }
      }
    });
  }
}
