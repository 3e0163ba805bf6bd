package io.mmf.cli;

import io.mmf.core.drug.Formulation;
import io.mmf.core.target.AucTarget;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.population.Attainment;
import io.mmf.pk.population.CovariatePopulation;
import io.mmf.pk.population.Covariates;
import io.mmf.pk.population.PopulationSimulation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mmf population}: probability of target attainment for several doses over a simulated population. */
@Command(name = "population", mixinStandardHelpOptions = true,
    description = "Simulate a population with the model's published variability and report, for each dose, the"
        + " fraction of patients whose AUC0-12 is below, inside and above the target, with AUC, C0 and Cmax"
        + " percentiles. The same seed gives the same numbers on any number of threads.")
final class PopulationCommand implements Callable<Integer> {
  @Option(names = "--model", paramLabel = "NAME|FILE.json", defaultValue = "van-hest-2005",
      description = "van-hest-2005, jiao-2008, mizaki-2023, zhao-2010, heida-2024, riglet-2020, fromage-2025 (refused: one"
          + " steady-state interval only) or a population model file (see the README;"
          + " default: ${DEFAULT-VALUE}).")
  String modelName;

  @Option(names = "--dose", split = ",", paramLabel = "MG",
      description = "Dose per administration, mg; several, comma-separated, to compare (e.g. 500,750,1000,1500).")
  List<Double> doses;

  /** The old spelling: --doses counts administrations in every other command. */
  @Option(names = "--doses", split = ",", hidden = true)
  List<String> oldDoses;

  @Option(names = "--formulation", paramLabel = "FORM", defaultValue = "mmf-tablet-500",
      description = "Formulation (default: ${DEFAULT-VALUE}).")
  String formulation;

  @Option(names = "--interval", paramLabel = "HOURS", defaultValue = "12", description = "Hours between doses (default: ${DEFAULT-VALUE}).")
  double intervalHours;

  @Option(names = "--subjects", paramLabel = "N", defaultValue = "1000", description = "Virtual patients (default: ${DEFAULT-VALUE}).")
  long subjects;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all processors; results do not depend on it).")
  Integer threads;

  @Mixin
  TargetOption targetOption;

  @Mixin
  FormatOption formatOption;

  @Option(names = "--quiet", description = "No progress bar (it is drawn only when standard error is a terminal).")
  boolean quiet;

  @Mixin
  CovariateOptions covariateOptions;

  @Option(names = "--covariate", paramLabel = "NAME=SPEC",
      description = "A covariate distribution, repeatable: NAME=normal:MEAN:SD[:MIN:MAX], lognormal:MEDIAN:CV,"
          + " uniform:MIN:MAX, bernoulli:P or fixed:VALUE. Names: van-hest-2005: creatinineClearanceMlPerMin,"
          + " albuminGPerL, cyclosporineMgPerDay, female; jiao-2008: weightKg; riglet-2020:"
          + " creatinineClearanceMlPerMin, albuminGPerL, abcb1Rs1045642TT (0 or 1). Unset ones keep the fixed options.")
  List<String> covariateSpecs = new ArrayList<>();

  @Option(names = "--covariates", paramLabel = "FILE.csv",
      description = "Real covariate rows (a header naming the model's covariates); each virtual patient is a row"
          + " drawn with replacement.")
  Path covariateFile;

  @Option(names = "--comed", split = ",", paramLabel = "DRUG",
      description = "Co-medications whose quantified effects act on every patient's model.")
  List<String> comeds = new ArrayList<>();

  @Option(names = "--csv", paramLabel = "FILE", description = "Write one row per dose with the fractions and percentiles.")
  Path csv;

  @Option(names = "--plot", paramLabel = "FILE.svg|FILE.png", description = "Plot the fraction in target and the 5-95 %% AUC band against dose.")
  Path plot;

  @Spec
  CommandSpec spec;

  CovariatePopulation population() {
    return CovariateOptions.population(modelName);
  }

  /** The fixed options as the default distribution of each covariate. */
  private Map<String, Covariates.Distribution> fixedCovariates(CovariatePopulation population) {
    Map<String, Covariates.Distribution> d = new LinkedHashMap<>();
    covariateOptions.values(population).forEach((name, value) -> d.put(name, new Covariates.Fixed(value)));
    return d;
  }

  Covariates covariates(CovariatePopulation population) {
    if (covariateFile != null) {
      return Covariates.rows(readRows(covariateFile, population.covariates()));
    }
    Map<String, Covariates.Distribution> d = fixedCovariates(population);
    for (String spec : covariateSpecs) {
      int eq = spec.indexOf('=');
      String name = eq < 0 ? spec : spec.substring(0, eq).trim();
      if (eq < 0 || !d.containsKey(name)) {
        throw new IllegalArgumentException("Invalid value for --covariate (expected NAME=SPEC with NAME one of "
            + d.keySet() + "): " + Text.shown(spec));
      }
      d.put(name, CovariateOptions.checked(name, distribution(spec.substring(eq + 1).trim(), spec), spec));
    }
    return Covariates.distributions(d);
  }

  static Covariates.Distribution distribution(String spec, String whole) {
    String[] p = spec.split(":");
    try {
      double[] v = new double[p.length - 1];
      for (int i = 1; i < p.length; i++) {
        v[i - 1] = Double.parseDouble(p[i]);
      }
      switch (p[0]) {
        case "fixed":
          if (v.length == 1) {
            return new Covariates.Fixed(v[0]);
          }
          break;
        case "normal":
          if (v.length == 2) {
            return new Covariates.Normal(v[0], v[1], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
          }
          if (v.length == 4) {
            return new Covariates.Normal(v[0], v[1], v[2], v[3]);
          }
          break;
        case "lognormal":
          if (v.length == 2) {
            return new Covariates.LogNormal(v[0], v[1]);
          }
          break;
        case "uniform":
          if (v.length == 2) {
            return new Covariates.Uniform(v[0], v[1]);
          }
          break;
        case "bernoulli":
          if (v.length == 1) {
            return new Covariates.Bernoulli(v[0]);
          }
          break;
        default:
          break;
      }
    } catch (NumberFormatException e) {
      // reported below
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid value for --covariate " + Text.shown(whole) + ": " + e.getMessage(),
          e);
    }
    throw new IllegalArgumentException("Invalid value for --covariate (expected normal:MEAN:SD[:MIN:MAX],"
        + " lognormal:MEDIAN:CV, uniform:MIN:MAX, bernoulli:P or fixed:VALUE): " + Text.shown(whole));
  }

  /** Reads covariate rows; every error names the file, the line and the column. */
  static List<Map<String, Double>> readRows(Path file, List<String> needed) {
    CsvInput table = CsvInput.read(file, "covariates");
    table.requireColumns(needed, "the model needs " + needed + "; ");
    List<Map<String, Double>> rows = new ArrayList<>();
    for (org.apache.commons.csv.CSVRecord r : table.records()) {
      Map<String, Double> row = new LinkedHashMap<>();
      for (String n : needed) {
        double v = table.number(r, n, true);
        CovariateOptions.Range range = CovariateOptions.RANGES.get(n);
        if (range != null && !range.contains(v)) {
          throw new IllegalArgumentException(table.where(r, n) + ": column " + Text.quoted(n) + " (expected " + range
              + "): " + v);
        }
        row.put(n, v);
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(file + ": no covariate rows (expected a header and at least one row)");
    }
    return rows;
  }

  @Override
  public Integer call() throws Exception {
    formatOption.requireFile("--csv", csv);
    formatOption.requireFile("--plot", plot);
    if (oldDoses != null) {
      throw new IllegalArgumentException("Invalid value for --doses (expected --dose MG[,MG...]: in every command --dose"
          + " is mg per administration and --doses a number of administrations)");
    }
    if (doses == null) {
      throw new IllegalArgumentException("Missing required option: '--dose=MG' (mg per administration; several,"
          + " comma-separated, to compare)");
    }
    // picocli's split drops a trailing empty value ("1000," is one dose): refuse it as it refuses "1000,,2000"
    for (String raw : spec.commandLine().getParseResult().matchedOption("--dose").originalStringValues()) {
      for (String part : raw.split(",", -1)) {
        if (part.isBlank()) {
          throw new IllegalArgumentException("Invalid value for option '--dose' (MG): " + Text.quoted(raw)
              + " has an empty dose (expected MG[,MG...], e.g. 500,750,1000)");
        }
      }
    }
    Ranges.between("--dose (count)", doses.size(), 1, MAX_REGIMENS);
    double[] mg = doses.stream().mapToDouble(d -> Ranges.dose("--dose", d)).toArray();
    Ranges.interval("--interval", intervalHours);
    Ranges.between("--subjects", subjects, 1, PopulationSimulation.MAX_SUBJECTS);
    if (threads != null) {
      Ranges.between("--threads", threads, 1, MAX_THREADS);
    }
    covariateOptions.values();
    try (Outputs outputs = new Outputs(spec.commandLine().getOut())) {
      if (CovariateOptions.isFile(modelName)) {
        outputs.input("--model", Path.of(modelName));
      }
      outputs.input("--covariates", covariateFile);
      outputs.target("--csv", csv);
      outputs.target("--plot", plot);
      Charts.checkExtension(plot);
      return run(mg, outputs);
    }
  }

  /** Most doses compared in one run. */
  static final int MAX_REGIMENS = 100;
  /** Most worker threads. */
  static final int MAX_THREADS = 1024;

  private int run(double[] mg, Outputs outputs) throws java.io.IOException {
    AucTarget target = targetOption.target();
    CovariatePopulation population = population();
    if (covariateFile == null && covariateSpecs.isEmpty()) {
      // a covariate option outside the model's own range (a model file's min and max) is bad input, found
      // here rather than by the first subject of the run
      population.at(covariateOptions.values(population));
    }
    PopulationSimulation.Builder b = PopulationSimulation.of(population, covariates(population)).subjects(subjects)
        .seed(seed).target(target)
        .doses(Formulation.byName(formulation), DosingInterval.everyHours(intervalHours), mg);
    if (threads != null) {
      b.threads(threads);
    }
    io.mmf.core.safety.PatientProfile co = PatientOptions.takingByName(io.mmf.core.safety.PatientProfile.none(), comeds);
    b.coMedications(co.coMedications());
    if (covariateOptions.allowHealthyVolunteerModel) {
      b.allowHealthyVolunteerModel();
    }
    PopulationSimulation sim = b.build();
    PrintWriter out = formatOption.text(spec.commandLine().getOut());
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    boolean[] shown = {false};
    boolean progress = !quiet && stderrIsTerminal();
    List<Attainment> result = sim.run(done -> {
      if (progress && System.nanoTime() - start > 1_000_000_000L) {
        int width = 30;
        int filled = (int) (width * done / subjects);
        err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + (100 * done / subjects) + " % of "
            + subjects + " patients");
        err.flush();
        shown[0] = true;
      }
    });
    if (shown[0]) {
      err.println();
    }
    out.printf(Locale.ROOT, "Population: %s, %d virtual patients, seed %d; target %s [%s]%n", population.name(), subjects,
        seed, target, target.source().ref());
    if (!target.isSourced()) {
      out.println("Target:     " + target.population() + ": the fractions are for orientation only.");
    }
    if (population.fittedOn().isHealthyVolunteerOrSingleDose()) {
      out.println("Warning:    " + population.fittedOn().caveat(population.name()) + "; for research, not dosing.");
    }
    Formulation form = Formulation.byName(formulation);
    // the virtual patients are the model's own population: only the formulation and co-medications can differ
    List<String> context = population.fittedOn().contextWarnings(population.name(),
        java.util.OptionalDouble.empty(), form.drug(), java.util.Optional.of(co.coMedications()));
    for (String w : context) {
      out.println("Context:    " + w + ".");
    }
    // The virtual patients are adults of the model's population: an adult's ceiling for the condition (the
    // label's without one). A dose above it is simulated for research, never a dose to give.
    io.mmf.core.regimen.DoseCeiling ceiling = targetOption.condition()
        .map(c -> io.mmf.core.regimen.RegimenCheck.ceiling(c, io.mmf.core.regimen.Patient.ofAgeYears(
            io.mmf.core.condition.PediatricDosing.ADULT_AGE_YEARS), form))
        .orElseGet(() -> io.mmf.core.regimen.RegimenCheck.labelCeiling(form));
    DosingInterval interval = DosingInterval.everyHours(intervalHours);
    double maxMg = ceiling.maxMgPerAdministration(interval);
    List<Double> above = new ArrayList<>();
    for (double d : mg) {
      if (ceiling.isExceededBy(d, interval)) {
        above.add(d);
      }
    }
    if (!above.isEmpty()) {
      out.println("Limit:      " + above.stream().map(SimulateCommand::num).collect(java.util.stream.Collectors.joining(
          ", ")) + " mg every " + SimulateCommand.num(intervalHours) + " h " + (above.size() == 1 ? "is" : "are")
          + " above an adult's ceiling of " + ceiling.describe(interval) + ": simulated for research, not a dose to"
          + " give.");
    }
    io.mmf.pk.population.PopulationModel typical = population.at(covariateOptions.values(population));
    io.mmf.pk.model.Interactions.Applied effects = io.mmf.pk.model.Interactions.apply(
        typical.individual(new double[typical.randomEffects().parameters().size()]), co.coMedications(), form);
    SimulateCommand.printInteractions(out, effects, co, form);
    out.println(io.mmf.pk.population.AttainmentTable.header());
    for (Attainment a : result) {
      out.println(io.mmf.pk.population.AttainmentTable.row(a));
    }
    out.println("Percentiles from 1.2 %-wide histogram bins. Decision support, not medical advice.");
    if (csv != null) {
      List<double[]> rows = new ArrayList<>();
      for (Attainment a : result) {
        rows.add(io.mmf.pk.population.AttainmentTable.csvRow(a));
      }
      SimulateCommand.writeCsv(outputs, csv, io.mmf.pk.population.AttainmentTable.CSV_HEADER.toArray(new String[0]),
          rows);
    }
    if (plot != null) {
      double[] x = result.stream().mapToDouble(a -> a.regimen().dose().mg()).toArray();
      Charts.write(Charts.attainment(population.name() + ": " + subjects + " virtual patients, target " + target, x,
          result.stream().mapToDouble(a -> 100 * a.steadyState().within()).toArray(),
          result.stream().mapToDouble(a -> a.aucSteadyState().p5()).toArray(),
          result.stream().mapToDouble(a -> a.aucSteadyState().p50()).toArray(),
          result.stream().mapToDouble(a -> a.aucSteadyState().p95()).toArray(), target.toString()
              + (target.isSourced() ? "" : ", orientation only"), target.lowMgHPerL(), target.highMgHPerL()), plot,
          outputs);
    }
    outputs.commit();
    Outputs.written(out, "CSV", csv);
    Outputs.written(out, "Plot", plot);
    if (formatOption.json()) {
      JsonOut.write(spec.commandLine().getOut(), "population", g -> {
        g.writeStringField("model", population.name());
        JsonOut.strings(g, "context", context);
        g.writeNumberField("subjects", subjects);
        g.writeNumberField("seed", seed);
        g.writeStringField("formulation", form.id());
        JsonOut.number(g, "intervalHours", intervalHours);
        JsonOut.target(g, "target", target);
        if (population.fittedOn().isHealthyVolunteerOrSingleDose()) {
          g.writeStringField("warning", population.fittedOn().caveat(population.name()));
        }
        g.writeArrayFieldStart("regimens");
        for (Attainment a : result) {
          g.writeStartObject();
          double[] row = io.mmf.pk.population.AttainmentTable.csvRow(a);
          List<String> names = io.mmf.pk.population.AttainmentTable.CSV_HEADER;
          for (int i = 0; i < names.size(); i++) {
            JsonOut.number(g, camel(names.get(i)), row[i]);
          }
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeBooleanField("fractionsAreVerdicts", target.isSourced());
        JsonOut.number(g, "ceilingMgPerAdministration", maxMg);
        g.writeArrayFieldStart("dosesAboveCeilingMg");
        for (double d : above) {
          g.writeNumber(d);
        }
        g.writeEndArray();
        g.writeStringField("csv", csv == null ? null : csv.toString());
        g.writeStringField("plot", plot == null ? null : plot.toString());
      });
    }
    return Mmf.OK;
  }


  /**
   * Whether this process's standard error is a terminal: on Linux its file descriptor links to a tty or pts
   * device; elsewhere, whether the JVM has a console. A pipe, a file or a CI log gets no progress bar.
   */
  static boolean stderrIsTerminal() {
    try {
      String target = java.nio.file.Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  /** A CSV column name in JSON's camel case, units kept: ss_auc_p5_mg_h_per_l -> ssAucP5MgHPerL. */
  static String camel(String snake) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char ch : snake.toCharArray()) {
      if (ch == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    return b.toString();
  }
}
