package io.mmf.spark;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a grid of scenarios from a CSV file, one scenario a row, and validates every row by building
 * what it runs, so that a bad grid is refused with its file, line and column before a job starts.
 *
 * <p>Columns (header names, any case):
 * <ul>
 *   <li>{@code scenario}: a unique name; {@code kind}: {@code population} or {@code estimation};
 *       {@code model}: {@code van-hest-2005} or {@code jiao-2008} (required);</li>
 *   <li>{@code doses_mg}: doses per administration, mg, separated by {@code ;} (one for a study);
 *       {@code subjects}; {@code seed} (required);</li>
 *   <li>{@code formulation} (default {@code mmf-tablet-500}); {@code interval_h} (12); {@code condition}
 *       (empty: the orientation window); {@code covariates}: {@code name=value} pairs separated by
 *       {@code ;} (missing covariates take the model's reference values);</li>
 *   <li>for a study: {@code doses_taken} (14), {@code sampling_h} (times after the last dose separated by
 *       {@code ;}), {@code lloq_mg_per_l} (0);</li>
 *   <li>{@code allow_healthy_volunteer_model}: {@code true} to allow such a model (default false).</li>
 * </ul>
 */
public final class Scenarios {
  private Scenarios() {}

  /** Largest grid file read, bytes. */
  public static final long MAX_FILE_BYTES = 10L << 20;

  private static final Set<String> COLUMNS = Set.of("scenario", "kind", "model", "formulation", "interval_h",
      "doses_mg", "subjects", "seed", "condition", "covariates", "doses_taken", "sampling_h", "lloq_mg_per_l",
      "allow_healthy_volunteer_model");

  /**
   * Reads and validates a grid.
   *
   * @param file the CSV file
   * @return the scenarios, in file order
   * @throws IllegalArgumentException if the file is missing, not a regular file, too large, not UTF-8, has
   *     an unknown, duplicate or missing column, or a row is invalid (file:line: column: message)
   * @throws IOException if the file cannot be read
   */
  public static List<Scenario> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": not a regular file");
    }
    if (Files.size(file) > MAX_FILE_BYTES) {
      throw new IllegalArgumentException(file + ": larger than " + MAX_FILE_BYTES + " bytes");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text", e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Scenario> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    try (Reader in = new java.io.StringReader(text);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
            .setIgnoreEmptyLines(true).build().parse(in)) {
      Map<String, String> header = new LinkedHashMap<>();
      for (String h : parser.getHeaderNames()) {
        String key = h.toLowerCase(Locale.ROOT);
        if (!COLUMNS.contains(key)) {
          throw new IllegalArgumentException(file + ":1: unknown column '" + h + "' (expected " + COLUMNS + ")");
        }
        if (header.put(key, h) != null) {
          throw new IllegalArgumentException(file + ":1: duplicate column '" + h + "'");
        }
      }
      for (String required : List.of("scenario", "kind", "model", "doses_mg", "subjects", "seed")) {
        if (!header.containsKey(required)) {
          throw new IllegalArgumentException(file + ":1: missing column '" + required + "'");
        }
      }
      for (CSVRecord r : parser) {
        Row row = new Row(file, r, header);
        Scenario s = row.scenario();
        if (!names.add(s.name())) {
          throw new IllegalArgumentException(file + ":" + (r.getRecordNumber() + 1) + ": scenario: duplicate name '"
              + s.name() + "'");
        }
        out.add(s);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(file + ": no scenarios");
    }
    return List.copyOf(out);
  }

  /** One row, with the field-naming errors. */
  private static final class Row {
    private final Path file;
    private final CSVRecord record;
    private final Map<String, String> header;
    private final long line;

    Row(Path file, CSVRecord record, Map<String, String> header) {
      this.file = file;
      this.record = record;
      this.header = header;
      this.line = record.getRecordNumber() + 1;
    }

    String text(String column, String fallback) {
      String h = header.get(column);
      String v = h == null || !record.isSet(h) ? "" : record.get(h);
      return v.isEmpty() ? fallback : v;
    }

    IllegalArgumentException error(String column, String message) {
      String shown = text(column, "");
      shown = shown.length() > 60 ? shown.substring(0, 60) + "..." : shown;
      return new IllegalArgumentException(file + ":" + line + ": " + column + ": " + message + " (got '"
          + shown.replaceAll("\\p{Cntrl}", "?") + "')");
    }

    double number(String column, String fallback) {
      try {
        double v = Double.parseDouble(text(column, fallback));
        if (!Double.isFinite(v)) {
          throw error(column, "expected a finite number");
        }
        return v;
      } catch (NumberFormatException e) {
        throw error(column, "expected a number");
      }
    }

    long whole(String column, String fallback) {
      try {
        return Long.parseLong(text(column, fallback));
      } catch (NumberFormatException e) {
        throw error(column, "expected a whole number");
      }
    }

    List<Double> numbers(String column) {
      List<Double> out = new ArrayList<>();
      String v = text(column, "");
      if (v.isEmpty()) {
        return out;
      }
      for (String part : v.split(";")) {
        try {
          double d = Double.parseDouble(part.trim());
          if (!Double.isFinite(d)) {
            throw error(column, "expected finite numbers separated by ';'");
          }
          out.add(d);
        } catch (NumberFormatException e) {
          throw error(column, "expected numbers separated by ';'");
        }
      }
      return out;
    }

    Map<String, Double> covariates() {
      Map<String, Double> out = new LinkedHashMap<>();
      String v = text("covariates", "");
      if (v.isEmpty()) {
        return out;
      }
      for (String pair : v.split(";")) {
        int eq = pair.indexOf('=');
        try {
          if (eq < 1) {
            throw new NumberFormatException();
          }
          double d = Double.parseDouble(pair.substring(eq + 1).trim());
          if (!Double.isFinite(d)) {
            throw new NumberFormatException();
          }
          out.put(pair.substring(0, eq).trim(), d);
        } catch (NumberFormatException e) {
          throw error("covariates", "expected name=value pairs separated by ';'");
        }
      }
      return out;
    }

    Scenario scenario() {
      Scenario.Kind kind;
      switch (text("kind", "").toLowerCase(Locale.ROOT)) {
        case "population" -> kind = Scenario.Kind.POPULATION;
        case "estimation" -> kind = Scenario.Kind.ESTIMATION;
        default -> throw error("kind", "expected population or estimation");
      }
      String allow = text("allow_healthy_volunteer_model", "false").toLowerCase(Locale.ROOT);
      if (!allow.equals("true") && !allow.equals("false")) {
        throw error("allow_healthy_volunteer_model", "expected true or false");
      }
      long dosesTaken = whole("doses_taken", "14");
      if (dosesTaken < 1 || dosesTaken > 10_000) {
        throw error("doses_taken", "expected 1 to 10000");
      }
      String condition = text("condition", "");
      Scenario s;
      try {
        s = new Scenario(text("scenario", ""), kind, text("model", ""), covariates(),
            text("formulation", "mmf-tablet-500"), number("interval_h", "12"), numbers("doses_mg"),
            whole("subjects", ""), whole("seed", ""), condition,
            (int) dosesTaken, numbers("sampling_h"), number("lloq_mg_per_l", "0"), allow.equals("true"));
        s.validate();
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
          throw e;
        }
        throw new IllegalArgumentException(file + ":" + line + ": " + e.getMessage(), e);
      }
      return s;
    }
  }
}
