package io.mmf.cli;

import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.Regimen;
import io.mmf.pk.data.DatasetException;
import io.mmf.pk.data.DatasetReader;
import io.mmf.pk.data.DatasetRow;
import io.mmf.pk.data.DatasetSubject;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.exposure.DoseAdvice;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.population.CovariatePopulation;
import io.mmf.pk.population.PopulationModel;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.tdm.EstimationException;
import io.mmf.pk.tdm.MapEstimate;
import io.mmf.pk.tdm.Sample;
import io.mmf.pk.tdm.TdmAssessment;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code mmf estimate --data}: the MAP estimate of every subject of a dataset from its own dose history
 * and levels, one row per subject. A subject whose history the population model cannot take (a drug it
 * has no input for) or whose levels cannot support an estimate is a row that says why, not a failed run;
 * the exit code is 1 when any subject has no estimate.
 */
final class EstimateData {
  private EstimateData() {}

  /** One subject's result: the estimate and its reading, or why there is none. */
  record Result(String id, int levels, Regimen regimen, double sampledDoseHours, MapEstimate estimate,
      TdmAssessment assessment, PopulationModel population, String reason) {
    boolean estimated() {
      return estimate != null;
    }
  }

  static int run(EstimateCommand cmd, Outputs outputs) throws IOException {
    CovariatePopulation covariatePopulation = CovariateOptions.population(cmd.model());
    Map<String, Double> defaults = cmd.covariates(covariatePopulation);
    PopulationModel typical = covariatePopulation.at(defaults);
    PkModel structure = typical.individual(new double[typical.randomEffects().parameters().size()]);
    DatasetReader reader = DatasetReader.forModel(structure).acceptingAnyDrug(true);
    for (String c : covariatePopulation.covariates()) {
      CovariateOptions.Range range = CovariateOptions.RANGES.get(c);
      // a model file's own covariate: any finite value here, the file's range when the model takes it
      reader = range == null ? reader.withCovariate(c, Double::isFinite, "a finite number")
          : reader.withCovariate(c, range::contains, range.toString());
    }
    // a model whose occasions are a dataset column (NONMEM's OCC) reads it onto the records, where the
    // estimator's occasion plan numbers them; without this the column would be ignored
    String occasionColumn = typical.occasions().filter(o -> o.definition()
        == io.mmf.pk.population.OccasionVariability.Definition.COLUMN).map(o -> o.key()).orElse(null);
    if (occasionColumn != null) {
      reader = reader.withCovariate(occasionColumn, Double::isFinite, "an occasion number");
    }
    reader = cmd.dataOptions.configure(reader);
    String source = cmd.dataOptions.data.toString();
    List<String> ids = new ArrayList<>();
    cmd.dataOptions.read(reader, h -> { }, s -> {
      covariates(s, source, occasionColumn);
      for (DatasetRow r : s.rows()) {
        if (r.hasLevel() && r.analyte() != 0) {
          throw new DatasetException(source, r.line(), 0, "a level of " + structure.observed().get(r.analyte()).name()
              + " (estimate fits " + structure.observed().get(0).name() + " levels only)");
        }
      }
      ids.add(s.id());
    });
    Map<String, Path> plots = plotFiles(cmd.plot, ids);
    for (Path p : plots.values()) {
      outputs.target("--plot", p);
    }
    List<Result> results = new ArrayList<>();
    cmd.dataOptions.read(reader, h -> { }, s -> results.add(estimate(cmd, covariatePopulation, defaults, s,
        occasionColumn)));

    PrintWriter out = cmd.formatOption.text(cmd.spec.commandLine().getOut());
    print(out, typical, source, results, cmd.limitOptions.assumption());
    if (cmd.output != null) {
      outputs.stage(cmd.output, stream -> {
        Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, SimulateCommand.DATASET_CSV);
        p.printRecord(header(typical));
        for (Result r : results) {
          p.printRecord(row(r, typical));
        }
        p.flush();
      });
    }
    for (Result r : results) {
      if (r.estimated() && plots.containsKey(r.id())) {
        List<Sample> samples = r.estimate().samples();
        ConcentrationProfile curve = EstimateCommand.curve(r.estimate(), 0, r.sampledDoseHours(),
            r.regimen().interval().hours(), samples);
        EstimateCommand.plot(r.population(), r.regimen(), r.sampledDoseHours(), samples, curve, r.assessment(),
            outputs, plots.get(r.id()), r.estimate());
      }
    }
    outputs.commit();
    Outputs.written(out, "CSV", cmd.output);
    if (cmd.plot != null) {
      out.println("Plots written: " + results.stream().filter(r -> r.estimated() && plots.containsKey(r.id())).count()
          + " in " + Text.shown(cmd.plot.toString()));
    }
    if (cmd.formatOption.json()) {
      JsonOut.write(cmd.spec.commandLine().getOut(), "estimate", g -> {
        g.writeStringField("model", typical.name());
        g.writeStringField("data", source);
        g.writeArrayFieldStart("subjects");
        for (Result r : results) {
          g.writeStartObject();
          g.writeStringField("id", r.id());
          g.writeBooleanField("estimated", r.estimated());
          g.writeStringField("reason", r.reason());
          g.writeNumberField("levels", r.levels());
          if (r.estimated()) {
            EstimateCommand.estimate(g, r.regimen(), r.sampledDoseHours(), r.estimate(), r.assessment());
          }
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("output", cmd.output == null ? null : cmd.output.toString());
      });
    }
    return results.stream().allMatch(Result::estimated) ? Mmf.OK : Mmf.FAILED;
  }

  /** The subject's covariates: one value each (the prior is of one patient), else an error naming the row. */
  static Map<String, Double> covariates(DatasetSubject s, String source, String occasionColumn) {
    Map<String, Double> values = new HashMap<>();
    List<DoseRecord> records = s.records().records();
    for (int i = 0; i < s.rows().size(); i++) {
      for (Map.Entry<String, Double> c : records.get(s.recordOf(i)).covariates().entrySet()) {
        if (c.getKey().equals(occasionColumn)) {
          continue; // the occasion number changes by design; it is not a covariate of the prior
        }
        Double before = values.putIfAbsent(c.getKey(), c.getValue());
        if (before != null && !before.equals(c.getValue())) {
          throw new DatasetException(source, s.rows().get(i).line(), 0, "subject '" + s.id() + "' changes "
              + c.getKey() + " from " + before + " to " + c.getValue() + " (estimate takes one value of a covariate"
              + " per subject: the prior is of one patient)");
        }
      }
    }
    return values;
  }

  /** One file per subject in the plot directory: fit-ID.svg, the ID made safe for a file name. */
  static Map<String, Path> plotFiles(Path dir, List<String> ids) {
    Map<String, Path> out = new LinkedHashMap<>();
    if (dir == null) {
      return out;
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("Invalid value for --plot (expected, with --data, an existing directory for"
          + " one fit-ID.svg per subject): " + Text.shown(dir.toString()));
    }
    Set<String> used = new HashSet<>();
    for (String id : ids) {
      String safe = id.replaceAll("[^A-Za-z0-9._-]", "_");
      String name = "fit-" + safe;
      for (int k = 2; !used.add(name); k++) {
        name = "fit-" + safe + "-" + k;
      }
      out.put(id, dir.resolve(name + ".svg"));
    }
    return out;
  }

  private static Result estimate(EstimateCommand cmd, CovariatePopulation covariatePopulation,
      Map<String, Double> defaults, DatasetSubject s, String occasionColumn) {
    List<Sample> samples = new ArrayList<>();
    List<DoseRecord> records = s.records().records();
    for (int i = 0; i < s.rows().size(); i++) {
      DatasetRow r = s.rows().get(i);
      if (r.hasLevel()) {
        double t = records.get(s.recordOf(i)).timeHours();
        samples.add(r.belowLimit() ? Sample.belowLimit(t, r.limitMgPerL()) : Sample.measured(t, r.dvMgPerL()));
      }
    }
    samples.sort(java.util.Comparator.comparingDouble(Sample::timeHours));
    Map<String, Double> covariates = new HashMap<>(defaults);
    covariates.putAll(covariates(s, cmd.dataOptions.data.toString(), occasionColumn));
    PopulationModel population = covariatePopulation.at(covariates);
    PkModel typical = population.individual(new double[population.randomEffects().parameters().size()]);
    for (DoseRecord r : records) {
      if (r.kind().isDose() && !typical.inputs().containsKey(r.drug())) {
        return failed(s, samples, population.name() + " takes no " + r.drug().abbreviation() + " doses");
      }
    }
    if (samples.isEmpty()) {
      return failed(s, samples, "no levels (EVID 0 rows with MDV 0 and a DV)");
    }
    // the regimen: the sampled dose's drug, amount and interval (II, else --interval)
    double lastSample = samples.get(samples.size() - 1).timeHours();
    int doseRow = -1;
    for (int i = 0; i < s.rows().size(); i++) {
      DoseRecord r = records.get(s.recordOf(i));
      if (r.kind().isDose() && r.timeHours() <= lastSample && (doseRow < 0
          || s.recordOf(i) > s.recordOf(doseRow))) {
        doseRow = i;
      }
    }
    if (doseRow < 0) {
      return failed(s, samples, "no dose before the levels");
    }
    DoseRecord dose = records.get(s.recordOf(doseRow));
    Regimen regimen;
    try {
      Formulation f = formulation(cmd, s.rows().get(doseRow), dose.drug());
      double tau = dose.intervalHours() > 0 ? dose.intervalHours() : cmd.regimenOptions.intervalHours;
      Ranges.interval("--interval", tau);
      regimen = Regimen.of(f, io.mmf.core.drug.Dose.ofMg(dose.amountMg()), io.mmf.core.regimen.DosingInterval
          .everyHours(tau));
      MapEstimate est = cmd.estimator(population).estimate(s.records(), samples);
      TdmAssessment a = cmd.assess(est, regimen);
      return new Result(s.id(), samples.size(), regimen, est.sampledDoseHours(), est, a, population, null);
    } catch (EstimationException | IllegalArgumentException e) {
      return failed(s, samples, e.getMessage());
    }
  }

  /** The formulation of the sampled dose: its DRUG cell's, else --formulation if of that drug, else the usual. */
  private static Formulation formulation(EstimateCommand cmd, DatasetRow row, Drug drug) {
    if (row.formulation().isPresent()) {
      return row.formulation().get();
    }
    Formulation given = Formulation.byName(cmd.regimenOptions.formulation);
    if (given.drug() == drug) {
      return given;
    }
    return drug == Drug.MYCOPHENOLATE_MOFETIL ? Formulation.MMF_TABLET_500 : Formulation.EC_MPS_TABLET_360;
  }

  private static Result failed(DatasetSubject s, List<Sample> samples, String reason) {
    return new Result(s.id(), samples.size(), null, Double.NaN, null, null, null, reason);
  }

  private static void print(PrintWriter out, PopulationModel typical, String source, List<Result> results,
      java.util.Optional<String> limits) {
    out.println("Model:    " + typical.name() + " [" + typical.source().ref() + "]; dataset " + Text.shown(source)
        + ", " + results.size() + " subject(s)");
    out.println();
    out.printf(Locale.ROOT, "%-12s %-6s %-30s %-24s %-14s %s%n", "ID", "levels", "regimen (sampled dose)",
        "AUC0-tau mg*h/L (95 %)", "interval (h)", "verdict");
    for (Result r : results) {
      if (!r.estimated()) {
        out.printf(Locale.ROOT, "%-12s %-6d no estimate: %s%n", Text.cut(r.id(), 12), r.levels(), r.reason());
        continue;
      }
      TdmAssessment a = r.assessment();
      out.printf(Locale.ROOT, "%-12s %-6d %-30s %-24s %-14s %s%n", Text.cut(r.id(), 12), r.levels(),
          r.regimen().formulation().drug().abbreviation() + " " + SimulateCommand.num(r.regimen().dose().mg())
              + " mg every " + SimulateCommand.num(r.regimen().interval().hours()) + " h",
          String.format(Locale.ROOT, "%.1f (%.1f-%.1f)", a.aucMgHPerL(), a.aucLowerMgHPerL(), a.aucUpperMgHPerL()),
          SimulateCommand.num(a.intervalStartHours()) + "-" + SimulateCommand.num(a.intervalStartHours()
              + a.intervalHours()),
          a.verdict().isVerdict() ? a.verdict().position().toString() : "none (no validated target)");
    }
    out.println();
    for (Result r : results) {
      if (r.estimated()) {
        out.println(Text.cut(r.id(), 40) + ": " + r.assessment().advice().text());
      }
    }
    // the advice of every subject is bounded by the one patient the options describe
    limits.ifPresent(x -> out.println("Limits:  " + x + ", for every subject."));
    out.println("Decision support, not medical advice.");
  }

  static List<String> header(PopulationModel typical) {
    List<String> h = new ArrayList<>(List.of("ID", "status", "reason", "levels"));
    for (String p : typical.randomEffects().parameters()) {
      h.addAll(List.of(p + "_factor", p + "_factor_low95", p + "_factor_high95"));
    }
    h.addAll(List.of("formulation", "dose_mg", "interval_h", "interval_start_h", "interval_end_h",
        "auc_mg_h_per_l", "auc_low95_mg_h_per_l", "auc_high95_mg_h_per_l", "auc12_mg_h_per_l", "target",
        "verdict", "steady_state_auc12_mg_h_per_l", "advice", "advice_dose_mg", "probability_in_target",
        "advice_text"));
    return h;
  }

  static List<String> row(Result r, PopulationModel typical) {
    List<String> row = new ArrayList<>(List.of(r.id(), r.estimated() ? "estimated" : "not estimated",
        r.estimated() ? "" : r.reason(), Integer.toString(r.levels())));
    int n = typical.randomEffects().parameters().size();
    if (!r.estimated()) {
      for (int i = 0; i < 3 * n + 16; i++) {
        row.add("");
      }
      return row;
    }
    MapEstimate est = r.estimate();
    double[] eta = est.eta();
    for (int i = 0; i < n; i++) {
      double se = est.etaStandardError(i);
      row.add(number(Math.exp(eta[i])));
      row.add(number(Math.exp(eta[i] - 1.96 * se)));
      row.add(number(Math.exp(eta[i] + 1.96 * se)));
    }
    TdmAssessment a = r.assessment();
    boolean verdict = a.verdict().isVerdict();
    DoseAdvice advice = a.advice();
    row.addAll(List.of(r.regimen().formulation().id(), number(r.regimen().dose().mg()),
        number(r.regimen().interval().hours()), number(a.intervalStartHours()),
        number(a.intervalStartHours() + a.intervalHours()), number(a.aucMgHPerL()), number(a.aucLowerMgHPerL()),
        number(a.aucUpperMgHPerL()), number(a.auc12hMgHPerL()), a.target().bounds(),
        verdict ? a.verdict().position().name() : "", number(a.steadyStateAuc12hMgHPerL()), advice.kind().name(),
        advice.changesDose() ? number(a.adviceDoseMg()) : "",
        EstimateCommand.hasProbability(a) ? number(a.probabilityInTarget()) : "", advice.text()));
    return row;
  }

  private static String number(double v) {
    return io.mmf.pk.data.DatasetPredictions.number(v);
  }
}
