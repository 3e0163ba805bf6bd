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
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mmf nca}: non-compartmental analysis of measured levels, one row per subject. */
@Command(name = "nca", mixinStandardHelpOptions = true,
    description = {"Non-compartmental analysis of measured concentrations (times in h after the dose,"
        + " concentrations in mg/L), one row per subject with CDISC PP codes as columns.",
        "A value that cannot be estimated is written as NE, and the reason goes to the NOTES column."})
final class NcaCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "Input CSV with a header row.")
  Path input;

  @Option(names = "--subject-column", paramLabel = "NAME", defaultValue = "subject",
      description = "Subject column (default: ${DEFAULT-VALUE}); without it in the file, one subject.")
  String subjectColumn;

  @Option(names = "--time-column", paramLabel = "NAME", defaultValue = "time_h",
      description = "Time column, h after the dose (default: ${DEFAULT-VALUE}).")
  String timeColumn;

  @Option(names = "--conc-column", paramLabel = "NAME", defaultValue = "conc_mg_per_l",
      description = "Concentration column, mg/L (default: ${DEFAULT-VALUE}).")
  String concColumn;

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
    Nca nca = Nca.defaults().withLambdaZPoints(lambdaPoints).withLimitOfQuantification(loq);
    nca = switch (method) {
      case "linear" -> nca.withMethod(Nca.AucMethod.LINEAR);
      case "log-down" -> nca.withMethod(Nca.AucMethod.LINEAR_UP_LOG_DOWN);
      default -> throw new IllegalArgumentException("Invalid value for --method (expected linear or log-down): "
          + method);
    };
    if (interval != null) {
      if (interval.length != 2) {
        throw new IllegalArgumentException("Invalid value for --interval (expected FROM,TO): " + interval.length
            + " numbers");
      }
      nca = nca.withInterval(interval[0], interval[1]);
    }
    Outputs.checkWritable(output);
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
    for (Map.Entry<String, Subject> e : subjects.entrySet()) {
      Subject s = e.getValue();
      NcaResult r;
      try {
        r = nca.analyse(s.times(), s.concentrations());
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
    }
    if (output == null) {
      print(new PrintWriter(spec.commandLine().getOut()), header, rows);
    } else {
      Outputs.write(output, out -> {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        print(w, header, rows);
        w.flush();
      });
      spec.commandLine().getOut().println("wrote " + rows.size() + " subject(s) to " + output);
    }
    return 0;
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

    double[] times() {
      return samples.stream().mapToDouble(s -> s[0]).toArray();
    }

    double[] concentrations() {
      return samples.stream().mapToDouble(s -> s[1]).toArray();
    }
  }

  /** Reads the samples by subject; every error names the file, the line and the column. */
  private Map<String, Subject> read() throws java.io.IOException {
    Map<String, Subject> out = new LinkedHashMap<>();
    try (java.io.Reader in = java.nio.file.Files.newBufferedReader(input)) {
      org.apache.commons.csv.CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
          .setTrim(true).build().parse(in);
      List<String> needed = new ArrayList<>(List.of(timeColumn, concColumn));
      if (doseColumn != null) {
        needed.add(doseColumn);
      }
      CsvInput.requireColumns(input, parser, needed, "");
      boolean bySubject = parser.getHeaderMap().containsKey(subjectColumn);
      for (CSVRecord r : parser) {
        String id = bySubject ? r.get(subjectColumn) : "1";
        Subject s = out.computeIfAbsent(id, k -> new Subject());
        s.samples.add(new double[] {number(r, timeColumn), number(r, concColumn)});
        if (doseColumn != null && s.dose.isEmpty()) {
          s.dose = Double.toString(number(r, doseColumn));
        }
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException("cannot read " + input + ": no such file");
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(input + ": no samples");
    }
    return out;
  }

  private double number(CSVRecord r, String column) {
    return CsvInput.number(input, r, column, true);
  }
}
