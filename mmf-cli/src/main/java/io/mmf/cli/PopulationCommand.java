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
  @Option(names = "--model", paramLabel = "NAME", defaultValue = "van-hest-2005",
      description = "van-hest-2005 or jiao-2008 (default: ${DEFAULT-VALUE}).")
  String modelName;

  @Option(names = "--doses", split = ",", required = true, paramLabel = "MG",
      description = "Doses per administration to compare, mg, comma-separated (e.g. 500,750,1000,1500).")
  List<Double> doses;

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
  CovariateOptions covariateOptions;

  @Option(names = "--covariate", paramLabel = "NAME=SPEC",
      description = "A covariate distribution, repeatable: NAME=normal:MEAN:SD[:MIN:MAX], lognormal:MEDIAN:CV,"
          + " uniform:MIN:MAX, bernoulli:P or fixed:VALUE. Names: van-hest-2005: creatinineClearanceMlPerMin,"
          + " albuminGPerL, cyclosporineMgPerDay, female; jiao-2008: weightKg. Unset ones keep the fixed options.")
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
  private Map<String, Covariates.Distribution> fixedCovariates() {
    Map<String, Covariates.Distribution> d = new LinkedHashMap<>();
    covariateOptions.values().forEach((name, value) -> d.put(name, new Covariates.Fixed(value)));
    return d;
  }

  Covariates covariates(CovariatePopulation population) throws java.io.IOException {
    if (covariateFile != null) {
      return Covariates.rows(readRows(covariateFile, population.covariates()));
    }
    Map<String, Covariates.Distribution> d = fixedCovariates();
    for (String spec : covariateSpecs) {
      int eq = spec.indexOf('=');
      String name = eq < 0 ? spec : spec.substring(0, eq).trim();
      if (eq < 0 || !d.containsKey(name)) {
        throw new IllegalArgumentException("Invalid value for --covariate (expected NAME=SPEC with NAME one of "
            + d.keySet() + "): " + spec);
      }
      d.put(name, distribution(spec.substring(eq + 1).trim(), spec));
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
    }
    throw new IllegalArgumentException("Invalid value for --covariate (expected normal:MEAN:SD[:MIN:MAX],"
        + " lognormal:MEDIAN:CV, uniform:MIN:MAX, bernoulli:P or fixed:VALUE): " + whole);
  }

  /** Reads covariate rows; every error names the file, the line and the column. */
  static List<Map<String, Double>> readRows(Path file, List<String> needed) throws java.io.IOException {
    List<Map<String, Double>> rows = new ArrayList<>();
    try (java.io.Reader in = java.nio.file.Files.newBufferedReader(file)) {
      org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
          .setSkipHeaderRecord(true).setTrim(true).build().parse(in);
      CsvInput.requireColumns(file, parser, needed, "the model needs " + needed + "; ");
      for (org.apache.commons.csv.CSVRecord r : parser) {
        Map<String, Double> row = new LinkedHashMap<>();
        for (String n : needed) {
          row.put(n, CsvInput.number(file, r, n, false));
        }
        rows.add(row);
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException("cannot read covariates: no such file " + file);
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(file + ": no covariate rows");
    }
    return rows;
  }

  @Override
  public Integer call() throws Exception {
    Outputs.checkWritable(csv);
    Outputs.checkWritable(plot);
    Charts.checkExtension(plot);
    AucTarget target = targetOption.target();
    double[] mg = doses.stream().mapToDouble(Double::doubleValue).toArray();
    CovariatePopulation population = population();
    PopulationSimulation.Builder b = PopulationSimulation.of(population, covariates(population)).subjects(subjects)
        .seed(seed).target(target)
        .doses(Formulation.byName(formulation), DosingInterval.everyHours(intervalHours), mg);
    if (threads != null) {
      b.threads(threads);
    }
    io.mmf.core.safety.PatientProfile co = io.mmf.core.safety.PatientProfile.none().takingByName(comeds);
    b.coMedications(co.coMedications());
    if (covariateOptions.allowHealthyVolunteerModel) {
      b.allowHealthyVolunteerModel();
    }
    PopulationSimulation sim = b.build();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    boolean[] shown = {false};
    List<Attainment> result = sim.run(done -> {
      if (System.nanoTime() - start > 1_000_000_000L) {
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
    io.mmf.pk.population.PopulationModel typical = population.at(covariateOptions.values());
    io.mmf.pk.model.Interactions.Applied effects = io.mmf.pk.model.Interactions.apply(
        typical.individual(new double[typical.randomEffects().parameters().size()]), co.coMedications(), form);
    SimulateCommand.printInteractions(out, effects, co, form);
    out.printf("%-9s %-22s %-28s %-26s %-14s %-14s%n", "dose mg", "first dose: in target", "steady state: below/in/above",
        "AUC0-12 median (5-95 %)", "C0 median", "Cmax median");
    for (Attainment a : result) {
      out.printf(Locale.ROOT, "%-9.0f %-22s %-28s %-26s %-14s %-14s%n", a.regimen().dose().mg(),
          pct(a.firstDose().within()), pct(a.steadyState().below()) + " / " + pct(a.steadyState().within()) + " / "
              + pct(a.steadyState().above()),
          String.format(Locale.ROOT, "%.1f (%.1f-%.1f)", a.aucSteadyState().p50(), a.aucSteadyState().p5(),
              a.aucSteadyState().p95()),
          String.format(Locale.ROOT, "%.2f mg/L", a.troughSteadyState().p50()),
          String.format(Locale.ROOT, "%.2f mg/L", a.cmaxSteadyState().p50()));
    }
    out.println("Percentiles from 1.2 %-wide histogram bins. Decision support, not medical advice.");
    if (csv != null) {
      List<double[]> rows = new ArrayList<>();
      for (Attainment a : result) {
        rows.add(new double[] {a.regimen().dose().mg(), a.firstDose().within(), a.steadyState().below(),
            a.steadyState().within(), a.steadyState().above(), a.aucSteadyState().mean(), a.aucSteadyState().p5(),
            a.aucSteadyState().p50(), a.aucSteadyState().p95(), a.troughSteadyState().p50(), a.cmaxSteadyState().p50()});
      }
      SimulateCommand.writeCsv(csv, new String[] {"dose_mg", "first_dose_fraction_in_target", "ss_fraction_below",
          "ss_fraction_in_target", "ss_fraction_above", "ss_auc_mean_mg_h_per_l", "ss_auc_p5_mg_h_per_l",
          "ss_auc_p50_mg_h_per_l", "ss_auc_p95_mg_h_per_l", "ss_c0_p50_mg_per_l", "ss_cmax_p50_mg_per_l"}, rows);
      out.println("CSV written: " + csv);
    }
    if (plot != null) {
      double[] x = result.stream().mapToDouble(a -> a.regimen().dose().mg()).toArray();
      Charts.write(Charts.attainment(population.name() + ": " + subjects + " virtual patients, target " + target, x,
          result.stream().mapToDouble(a -> 100 * a.steadyState().within()).toArray(),
          result.stream().mapToDouble(a -> a.aucSteadyState().p5()).toArray(),
          result.stream().mapToDouble(a -> a.aucSteadyState().p50()).toArray(),
          result.stream().mapToDouble(a -> a.aucSteadyState().p95()).toArray()), plot);
      out.println("Plot written: " + plot);
    }
    return Mmf.OK;
  }

  private static String pct(double f) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * f);
  }
}
