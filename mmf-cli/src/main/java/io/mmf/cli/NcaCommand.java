package io.mmf.cli;

import io.mmf.pk.nca.Nca;
import io.mmf.pk.nca.NcaCode;
import io.mmf.pk.nca.NcaResult;
import io.mmf.pk.nca.NcaValue;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mmf nca}: non-compartmental analysis of measured levels, one row per subject. */
@Command(name = "nca", mixinStandardHelpOptions = true,
    description = {"Non-compartmental analysis of measured concentrations (times in h after the dose,"
        + " concentrations in mg/L), one row per subject with CDISC PP codes as columns.",
        "A value that cannot be estimated is written as NE, and the reason goes to the NOTES column."})
final class NcaCommand implements Callable<Integer> {
  @Option(names = "--input", paramLabel = "FILE.csv", description = "Input CSV with a header row.")
  Path input;

  @Mixin
  DataOptions dataOptions;

  @Mixin
  FormatOption formatOption;

  @Option(names = "--pp", paramLabel = "FILE.csv",
      description = "With --data: also write the results in CDISC PP form (USUBJID, PPTESTCD, PPORRES, PPORRESU,"
          + " PPSTINT, PPENINT, ...), one record per parameter and interval.")
  Path pp;

  /** Most points a fixed LAMZ fit may take. */
  static final int MAX_LAMBDA_POINTS = 1_000_000;

  /** The subject column used when the file has one and none is named. */
  static final String DEFAULT_SUBJECT = "subject";

  @Option(names = "--subject-column", paramLabel = "NAME",
      description = "Subject column (default: subject; a file without that column is one subject, unless it has"
          + " one spelled otherwise, such as ID or Subject, which must then be named here). A column named here must"
          + " exist.")
  String subjectColumn;

  @Mixin
  LevelColumns columns;

  @Option(names = "--dose-column", paramLabel = "NAME",
      description = "Dose column, mg (optional; copied to the output as dose_mg).")
  String doseColumn;

  @Option(names = "--method", paramLabel = "linear|log-down", defaultValue = "log-down",
      description = "AUC between samples: linear trapezoids or linear-up/log-down (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--lambda-points", paramLabel = "N", defaultValue = "0",
      description = "Points for LAMZ: 0 picks them by adjusted R2 (default), or a fixed count >= 3.")
  int lambdaPoints;

  @Option(names = "--loq", paramLabel = "MG_L", defaultValue = "0",
      description = "Limit of quantification, mg/L: lower values before the first quantifiable sample count as 0,"
          + " later ones are dropped (default: none).")
  double loq;

  @Option(names = "--interval", paramLabel = "FROM,TO", split = ",",
      description = "Also AUCINT over this interval, h (e.g. 0,12).")
  double[] interval;

  @Option(names = "--output", paramLabel = "FILE.csv", description = "Write the table here instead of stdout.")
  Path output;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (lambdaPoints != 0 && (lambdaPoints < 3 || lambdaPoints > MAX_LAMBDA_POINTS)) {
      throw new IllegalArgumentException("Invalid value for --lambda-points (expected 0 for automatic, or 3 to "
          + MAX_LAMBDA_POINTS + "): " + lambdaPoints);
    }
    if (!(loq >= 0) || !Double.isFinite(loq)) {
      throw new IllegalArgumentException("Invalid value for --loq (expected finite and >= 0 mg/L): " + loq);
    }
    Nca nca = Nca.defaults().withLambdaZPoints(lambdaPoints).withLimitOfQuantification(loq);
    nca = switch (method) {
      case "linear" -> nca.withMethod(Nca.AucMethod.LINEAR);
      case "log-down" -> nca.withMethod(Nca.AucMethod.LINEAR_UP_LOG_DOWN);
      default -> throw new IllegalArgumentException("Invalid value for --method (expected linear or log-down): "
          + method);
    };
    if (interval != null) {
      if (interval.length != 2 || !(interval[0] >= 0) || !(interval[1] > interval[0])
          || !Double.isFinite(interval[1])) {
        throw new IllegalArgumentException("Invalid value for --interval (expected FROM,TO in h with 0 <= FROM < TO,"
            + " finite): " + Text.shown(java.util.Arrays.toString(interval)));
      }
      nca = nca.withInterval(interval[0], interval[1]);
    }
    if (dataOptions.given()) {
      DataOptions.refuse(spec, List.of("--input", "--subject-column", "--time-column", "--conc-column",
          "--concentration-column", "--dose-column", "--interval"));
      try (Outputs outputs = new Outputs(spec.commandLine().getOut())) {
        outputs.input("--data", dataOptions.data);
        outputs.target("--output", output);
        outputs.target("--pp", pp);
        return NcaData.run(this, nca, outputs);
      }
    }
    if (input == null) {
      throw new IllegalArgumentException("Missing required option: '--input=FILE.csv' (or --data FILE.csv)");
    }
    if (pp != null) {
      throw new IllegalArgumentException("Invalid value for --pp (expected it only with --data)");
    }
    try (Outputs outputs = new Outputs(spec.commandLine().getOut())) {
      outputs.input("--input", input);
      outputs.target("--output", output);
      return run(nca, outputs);
    }
  }

  private int run(Nca nca, Outputs outputs) throws java.io.IOException {
    Map<String, Subject> subjects = read();
    List<String> header = new ArrayList<>(List.of("subject"));
    if (doseColumn != null) {
      header.add("dose_mg");
    }
    for (NcaCode c : NcaCode.values()) {
      header.add(c.name());
    }
    header.add("NOTES");
    List<List<String>> rows = new ArrayList<>();
    List<NcaResult> results = new ArrayList<>();
    for (Map.Entry<String, Subject> e : subjects.entrySet()) {
      Subject s = e.getValue();
      NcaResult r;
      try {
        r = (s.limit > 0 ? nca.withLimitOfQuantification(Math.max(s.limit, nca.limitOfQuantificationMgPerL())) : nca)
            .analyse(s.times(), s.concentrations());
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(input + ": subject " + e.getKey() + ": " + ex.getMessage(), ex);
      }
      List<String> row = new ArrayList<>(List.of(e.getKey()));
      if (doseColumn != null) {
        row.add(s.dose);
      }
      List<String> notes = new ArrayList<>(r.notes());
      for (NcaCode c : NcaCode.values()) {
        NcaValue v = r.get(c);
        row.add(v.estimable() ? Double.toString(v.value()) : "NE");
        if (!v.estimable() && !(c == NcaCode.AUCINT && interval == null)) {
          notes.add(c + ": " + v.reason());
        }
      }
      row.add(String.join("; ", notes));
      rows.add(row);
      results.add(r);
    }
    if (formatOption.json()) {
      formatOption.requireFile("--output", output);
      JsonOut.write(spec.commandLine().getOut(), "nca", g -> {
        g.writeArrayFieldStart("subjects");
        for (int i = 0; i < rows.size(); i++) {
          List<String> row = rows.get(i);
          g.writeStartObject();
          g.writeStringField("subject", row.get(0));
          JsonOut.number(g, "doseMg", doseColumn != null ? Double.parseDouble(row.get(1)) : Double.NaN);
          parameters(g, results.get(i), interval != null);
          g.writeEndObject();
        }
        g.writeEndArray();
      });
    }
    if (output == null) {
      if (!formatOption.json()) {
        print(new PrintWriter(spec.commandLine().getOut()), header, rows);
      }
    } else {
      outputs.stage(output, out -> {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        print(w, header, rows);
        w.flush();
      });
      outputs.commit();
      if (!Outputs.standardOutput(output)) {
        spec.commandLine().getOut().println("wrote " + rows.size() + " subject(s) to " + Text.shown(output.toString()));
      }
    }
    return Mmf.OK;
  }

  private static void print(Writer w, List<String> header, List<List<String>> rows) throws java.io.IOException {
    CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build());
    for (List<String> r : rows) {
      p.printRecord(r);
    }
    p.flush();
  }

  /** One subject's samples. */
  private static final class Subject {
    final List<double[]> samples = new ArrayList<>();
    String dose = "";
    /** The largest limit of a level reported as {@code <LIMIT}, mg/L (0: none). */
    double limit;

    double[] times() {
      return samples.stream().mapToDouble(s -> s[0]).toArray();
    }

    double[] concentrations() {
      return samples.stream().mapToDouble(s -> s[1]).toArray();
    }
  }

  /** Reads the samples by subject; every error names the file, the line and the column. */
  private Map<String, Subject> read() {
    Map<String, Subject> out = new LinkedHashMap<>();
    CsvInput table = CsvInput.read(input, "levels");
    String timeColumn = columns.time(table);
    String concColumn = columns.level(table);
    List<String> needed = new ArrayList<>();
    if (doseColumn != null) {
      needed.add(doseColumn);
    }
    if (subjectColumn != null) {
      // named on the command line: a typing error must not pool every subject into one
      needed.add(subjectColumn);
    }
    table.requireColumns(needed, "");
    String subjects = subjectColumn != null ? subjectColumn : table.has(DEFAULT_SUBJECT) ? DEFAULT_SUBJECT : null;
    if (subjects == null) {
      refuseUnreadSubjects(table);
    }
    for (CSVRecord r : table.records()) {
      String id = subjects == null ? "1" : table.text(r, subjects);
      Subject s = out.computeIfAbsent(id, k -> new Subject());
      double t = atLeastZero(table, r, timeColumn);
      String cell = table.cell(r, concColumn);
      if (cell.trim().startsWith("<")) {
        double[] below = LevelColumns.parse(cell);
        if (below == null) {
          throw new IllegalArgumentException(table.where(r, concColumn) + ": column " + Text.quoted(concColumn)
              + " (expected a level in mg/L, or <LIMIT with a limit > 0): " + Text.quoted(cell));
        }
        s.samples.add(new double[] {t, 0});
        s.limit = Math.max(s.limit, below[1]);
      } else {
        s.samples.add(new double[] {t, atLeastZero(table, r, concColumn)});
      }
      if (doseColumn != null && s.dose.isEmpty()) {
        double dose = table.number(r, doseColumn, true);
        if (!(dose > 0)) {
          throw new IllegalArgumentException(table.where(r, doseColumn) + ": column " + Text.quoted(doseColumn)
              + " (expected a dose > 0 mg): " + dose);
        }
        s.dose = Double.toString(dose);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(input + ": no samples (expected a header row and at least one row)");
    }
    return out;
  }

  /** Names of a subject column in other spellings (compared in lower case, without '_', '-' or spaces). */
  static final Set<String> SUBJECT_LIKE = Set.of("subject", "subj", "subjectid", "subjid", "usubjid", "id", "patient",
      "patientid", "pt", "ptid");

  /**
   * A file without the subject column is one subject; one with a column that names subjects in another
   * spelling ({@code ID}, {@code Subject}, {@code USUBJID}) would pool every subject into one and average
   * their levels at equal times, so it is refused with the option that reads it.
   */
  private void refuseUnreadSubjects(CsvInput table) {
    List<String> header = table.header();
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i);
      if (SUBJECT_LIKE.contains(h.toLowerCase(Locale.ROOT).replaceAll("[_\\- ]", ""))) {
        throw new IllegalArgumentException(input + ":1:" + (i + 1) + ": column " + Text.quoted(h) + " looks like"
            + " subjects, but the subject column is '" + DEFAULT_SUBJECT + "' (expected --subject-column "
            + Text.shown(h) + ", or a column named '" + DEFAULT_SUBJECT + "'; without one the file is one subject)");
      }
    }
  }

  private static double atLeastZero(CsvInput table, CSVRecord r, String column) {
    double v = table.number(r, column, true);
    if (!(v >= 0)) {
      throw new IllegalArgumentException(table.where(r, column) + ": column " + Text.quoted(column)
          + " (expected finite and >= 0): " + v);
    }
    return v;
  }

  /**
   * The parameters of one analysis as JSON: {@code "parameters": {"CMAX": {"value": 9.7, "unit": "mg/L"},
   * "LAMZ": {"value": null, "unit": "1/h", "reason": "..."}}} and the notes.
   */
  static void parameters(com.fasterxml.jackson.core.JsonGenerator g, NcaResult r, boolean interval)
      throws java.io.IOException {
    g.writeObjectFieldStart("parameters");
    for (NcaCode c : NcaCode.values()) {
      NcaValue v = r.get(c);
      g.writeObjectFieldStart(c == NcaCode.AUCINT && interval ? "AUCINT" : c.name());
      JsonOut.number(g, "value", v.estimable() ? v.value() : Double.NaN);
      g.writeStringField("unit", c.unit());
      if (!v.estimable()) {
        g.writeStringField("reason", v.reason());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeArrayFieldStart("notes");
    for (String n : r.notes()) {
      g.writeString(n);
    }
    g.writeEndArray();
  }
}
