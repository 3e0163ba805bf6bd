package io.mmf.cli;

import io.mmf.core.drug.Drug;
import io.mmf.pk.data.DatasetPredictions;
import io.mmf.pk.data.DatasetReader;
import io.mmf.pk.data.DatasetRow;
import io.mmf.pk.data.DatasetSubject;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.model.DoseInput;
import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.nca.Nca;
import io.mmf.pk.nca.NcaCode;
import io.mmf.pk.nca.NcaResult;
import io.mmf.pk.nca.NcaValue;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code mmf nca --data}: non-compartmental analysis of a dataset, dosing interval by dosing interval:
 * the doses come from the dose records (additional doses included), the levels from the observation
 * rows. A level belongs to the interval of the dose it follows; a level taken at a dose's time before
 * that dose (listed before it) is also that interval's time 0, as ADNCA duplicates a pre-dose sample.
 * Each interval with two levels or more gives one row of the wide table, and one CDISC PP record per
 * parameter; AUCTAU, CLFTAU and VZFTAU need the interval's length (to the next dose, or the dose's II).
 */
final class NcaData {
  private NcaData() {}

  /** One interval analysed. */
  record Interval(String id, double doseHours, double endHours, Drug drug, double doseMg, int levels,
      NcaResult result, double clfTau, double vzfTau, List<String> notes) {}

  /** Doses and levels need no model; this one reads any drug (its numbers are never used). */
  private static final PkModel ANY = PkModel.builder("dataset").compartments("depot", "central")
      .transfer("depot", "central", 1).elimination("central", 1).observe("MPA", "central", 1)
      .doseAny(DoseInput.bolus("depot", 1, 0)).doseUnit(DoseUnit.MG_MPA).build();

  static int run(NcaCommand cmd, Nca nca, Outputs outputs) throws IOException {
    DatasetReader reader = cmd.dataOptions.configure(DatasetReader.forModel(ANY));
    cmd.dataOptions.read(reader, h -> { }, s -> { });
    List<Interval> intervals = new ArrayList<>();
    cmd.dataOptions.read(reader, h -> { }, s -> intervals.addAll(analyse(s, nca, cmd.dataOptions.timeZeroClock)));
    List<String> header = header();
    List<List<String>> rows = new ArrayList<>();
    for (Interval i : intervals) {
      rows.add(row(i));
    }
    if (cmd.formatOption.json()) {
      cmd.formatOption.requireFile("--output", cmd.output);
      cmd.formatOption.requireFile("--pp", cmd.pp);
      JsonOut.write(cmd.spec.commandLine().getOut(), "nca", g -> {
        g.writeStringField("data", cmd.dataOptions.data.toString());
        g.writeArrayFieldStart("intervals");
        for (Interval i : intervals) {
          g.writeStartObject();
          g.writeStringField("subject", i.id());
          JsonOut.number(g, "doseTimeHours", i.doseHours());
          JsonOut.number(g, "intervalEndHours", i.endHours());
          g.writeStringField("drug", i.drug().abbreviation());
          JsonOut.number(g, "doseMg", i.doseMg());
          g.writeNumberField("levels", i.levels());
          NcaCommand.parameters(g, i.result(), true);
          JsonOut.number(g, "clfTauLPerH", i.clfTau());
          JsonOut.number(g, "vzfTauL", i.vzfTau());
          g.writeEndObject();
        }
        g.writeEndArray();
      });
    }
    if (cmd.output != null) {
      outputs.stage(cmd.output, stream -> print(stream, header, rows));
    } else if (!cmd.formatOption.json()) {
      PrintWriter out = new PrintWriter(cmd.spec.commandLine().getOut());
      CSVPrinter p = new CSVPrinter(out, SimulateCommand.DATASET_CSV);
      p.printRecord(header);
      for (List<String> r : rows) {
        p.printRecord(r);
      }
      p.flush();
    }
    if (cmd.pp != null) {
      List<List<String>> pp = new ArrayList<>();
      for (Interval i : intervals) {
        pp.addAll(pp(i));
      }
      outputs.stage(cmd.pp, stream -> print(stream, PP_HEADER, pp));
    }
    outputs.commit();
    if (cmd.formatOption.json()) {
      return Mmf.OK;
    }
    if (cmd.output != null && !Outputs.standardOutput(cmd.output)) {
      cmd.spec.commandLine().getOut().println("wrote " + rows.size() + " interval(s) to " + Text.shown(
          cmd.output.toString()));
    }
    Outputs.written(cmd.spec.commandLine().getOut(), "CDISC PP", cmd.pp);
    return Mmf.OK;
  }

  private static void print(java.io.OutputStream stream, List<String> header, List<List<String>> rows)
      throws IOException {
    Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    CSVPrinter p = new CSVPrinter(w, SimulateCommand.DATASET_CSV);
    p.printRecord(header);
    for (List<String> r : rows) {
      p.printRecord(r);
    }
    p.flush();
  }

  /** A subject's intervals with levels, in time order. */
  static List<Interval> analyse(DatasetSubject s, Nca nca, double clock) {
    DoseRecords records = s.records();
    List<DoseRecords.Administration> doses = records.administrations();
    double[] tad = records.hoursAfterDose();
    // interval index -> {time after its dose, level, limit (NaN if measured)}
    TreeMap<Integer, List<double[]>> levels = new TreeMap<>();
    for (int i = 0; i < s.rows().size(); i++) {
      DatasetRow row = s.rows().get(i);
      if (!row.hasLevel() || row.analyte() != 0) {
        continue;
      }
      int k = s.recordOf(i);
      double t = records.records().get(k).timeHours();
      if (Double.isNaN(tad[k])) {
        continue; // before the first dose: no interval
      }
      double seen = t - tad[k];
      int d = last(doses, seen);
      double[] level = {tad[k], row.belowLimit() ? 0 : row.dvMgPerL(), row.belowLimit() ? row.limitMgPerL()
          : Double.NaN};
      levels.computeIfAbsent(d, x -> new ArrayList<>()).add(level);
      int next = next(doses, d);
      if (next >= 0 && doses.get(next).timeHours() == t) {
        levels.computeIfAbsent(next, x -> new ArrayList<>()).add(new double[] {0, level[1], level[2]});
      }
    }
    List<Interval> out = new ArrayList<>();
    for (var e : levels.entrySet()) {
      if (e.getValue().size() < 2) {
        continue; // one level (a trough that ends an interval) is no profile
      }
      DoseRecords.Administration dose = doses.get(e.getKey());
      DoseRecord record = records.records().get(dose.record());
      int next = next(doses, e.getKey());
      double tau = next >= 0 ? doses.get(next).timeHours() - dose.timeHours() : record.intervalHours();
      List<double[]> l = e.getValue();
      double[] t = new double[l.size()];
      double[] c = new double[l.size()];
      double loq = 0;
      for (int i = 0; i < t.length; i++) {
        t[i] = l.get(i)[0];
        c[i] = l.get(i)[1];
        loq = Double.isNaN(l.get(i)[2]) ? loq : Math.max(loq, l.get(i)[2]);
      }
      Nca analysis = loq > 0 ? nca.withLimitOfQuantification(Math.max(loq, nca.limitOfQuantificationMgPerL())) : nca;
      analysis = tau > 0 ? analysis.withInterval(0, tau) : analysis;
      NcaResult r = analysis.analyse(t, c);
      double mpaMg = record.amountMg() * record.drug().mpaMassFraction();
      NcaValue aucTau = r.get(NcaCode.AUCINT);
      NcaValue lamz = r.get(NcaCode.LAMZ);
      double clf = aucTau.estimable() && aucTau.value() > 0 ? mpaMg / aucTau.value() : Double.NaN;
      double vzf = !Double.isNaN(clf) && lamz.estimable() && lamz.value() > 0 ? clf / lamz.value() : Double.NaN;
      List<String> notes = new ArrayList<>(r.notes());
      for (NcaCode code : NcaCode.values()) {
        NcaValue v = r.get(code);
        if (!v.estimable()) {
          notes.add((code == NcaCode.AUCINT ? "AUCTAU" : code.name()) + ": " + reason(code, v, tau > 0));
        }
      }
      out.add(new Interval(s.id(), dose.timeHours() - clock, tau > 0 ? dose.timeHours() + tau - clock : Double.NaN,
          record.drug(), record.amountMg(), t.length, r, clf, vzf, notes));
    }
    return out;
  }

  /** The last dose at or before a time (the dose a level at that time sees). */
  private static int last(List<DoseRecords.Administration> doses, double t) {
    int k = -1;
    for (int i = 0; i < doses.size() && doses.get(i).timeHours() <= t; i++) {
      k = i;
    }
    return k;
  }

  /** The first dose after dose k (a later time), or -1. */
  private static int next(List<DoseRecords.Administration> doses, int k) {
    for (int i = k + 1; i < doses.size(); i++) {
      if (doses.get(i).timeHours() > doses.get(k).timeHours()) {
        return i;
      }
    }
    return -1;
  }

  /** A unit as a column-name suffix: mg/L -> mg_per_L, mg*h/L -> mg_h_per_L, 1/h -> per_h. */
  static String suffix(String unit) {
    return switch (unit) {
      case "1" -> "ratio";
      case "%" -> "percent";
      default -> unit.replace("1/", "per_").replace("*", "_").replace("/", "_per_");
    };
  }

  /** The wide table's header: every column with its unit. */
  static List<String> header() {
    List<String> h = new ArrayList<>(List.of("ID", "dose_time_h", "interval_end_h", "drug", "dose_mg", "levels"));
    for (NcaCode c : NcaCode.values()) {
      h.add((c == NcaCode.AUCINT ? "AUCTAU" : c.name()) + "_" + suffix(c.unit()));
    }
    h.addAll(List.of("CLFTAU_L_per_h", "VZFTAU_L", "NOTES"));
    return h;
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "NE" : DatasetPredictions.number(v);
  }

  static List<String> row(Interval i) {
    List<String> r = new ArrayList<>(List.of(i.id(), DatasetPredictions.number(i.doseHours()),
        Double.isNaN(i.endHours()) ? "" : DatasetPredictions.number(i.endHours()), i.drug().abbreviation(),
        DatasetPredictions.number(i.doseMg()), Integer.toString(i.levels())));
    for (NcaCode c : NcaCode.values()) {
      NcaValue v = i.result().get(c);
      r.add(v.estimable() ? DatasetPredictions.number(v.value()) : "NE");
    }
    r.add(number(i.clfTau()));
    r.add(number(i.vzfTau()));
    r.add(String.join("; ", i.notes()));
    return r;
  }

  /** The CDISC PP columns. */
  static final List<String> PP_HEADER = List.of("USUBJID", "PPCAT", "PPSCAT", "PPGRPID", "PPTESTCD", "PPTEST",
      "PPORRES", "PPORRESU", "PPSTINT", "PPENINT", "PPREASND");

  private static final java.util.Map<String, String> TESTS = java.util.Map.ofEntries(
      java.util.Map.entry("CMAX", "Max Conc"), java.util.Map.entry("TMAX", "Time of CMAX"),
      java.util.Map.entry("CLST", "Last Nonzero Conc"), java.util.Map.entry("TLST", "Time of Last Nonzero Conc"),
      java.util.Map.entry("AUCLST", "AUC to Last Nonzero Conc"), java.util.Map.entry("LAMZ", "Lambda z"),
      java.util.Map.entry("LAMZHL", "Half-Life Lambda z"), java.util.Map.entry("LAMZNPT",
          "Number of Points for Lambda z"), java.util.Map.entry("R2ADJ", "R Squared Adjusted"),
      java.util.Map.entry("AUCIFO", "AUC Infinity Obs"), java.util.Map.entry("AUCIFP", "AUC Infinity Pred"),
      java.util.Map.entry("AUCPEO", "AUC %Extrapolation Obs"), java.util.Map.entry("AUCTAU", "AUC Over Dosing Interval"),
      java.util.Map.entry("CLFTAU", "Total CL by F for Dose Int"), java.util.Map.entry("VZFTAU",
          "Vz for Dose Int by F"));

  /** One PP record per parameter; a parameter that cannot be estimated has no result and its reason. */
  static List<List<String>> pp(Interval i) {
    List<List<String>> out = new ArrayList<>();
    String group = String.format(Locale.ROOT, "DOSE AT %s H", SimulateCommand.num(i.doseHours()));
    String start = "PT0H";
    String end = Double.isNaN(i.endHours()) ? "" : "PT" + SimulateCommand.num(i.endHours() - i.doseHours()) + "H";
    for (NcaCode c : NcaCode.values()) {
      String code = c == NcaCode.AUCINT ? "AUCTAU" : c.name();
      NcaValue v = i.result().get(c);
      out.add(List.of(i.id(), "MPA", "NON-COMPARTMENTAL", group, code, TESTS.get(code), v.estimable()
          ? DatasetPredictions.number(v.value()) : "", unit(c.unit()), start, end, v.estimable() ? ""
          : reason(c, v, !Double.isNaN(i.endHours()))));
    }
    out.add(List.of(i.id(), "MPA", "NON-COMPARTMENTAL", group, "CLFTAU", TESTS.get("CLFTAU") + " (MPA content of"
        + " the dose)", Double.isNaN(i.clfTau()) ? "" : DatasetPredictions.number(i.clfTau()), "L/h", start, end,
        Double.isNaN(i.clfTau()) ? "AUCTAU not estimable" : ""));
    out.add(List.of(i.id(), "MPA", "NON-COMPARTMENTAL", group, "VZFTAU", TESTS.get("VZFTAU") + " (MPA content of"
        + " the dose)", Double.isNaN(i.vzfTau()) ? "" : DatasetPredictions.number(i.vzfTau()), "L", start, end,
        Double.isNaN(i.vzfTau()) ? "AUCTAU or LAMZ not estimable" : ""));
    return out;
  }

  /** Why a value is not estimable; AUCTAU's "no interval requested" said as a dataset's reason. */
  private static String reason(NcaCode code, NcaValue v, boolean intervalKnown) {
    return code == NcaCode.AUCINT && !intervalKnown
        ? "no dosing interval: the dose has no II and no later dose" : v.reason();
  }

  private static String unit(String unit) {
    return switch (unit) {
      case "1", "count" -> "";
      case "mg*h/L" -> "h*mg/L";
      default -> unit;
    };
  }
}
