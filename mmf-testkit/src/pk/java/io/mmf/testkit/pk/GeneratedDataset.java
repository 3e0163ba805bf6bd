package io.mmf.testkit.pk;

import io.mmf.pk.data.DatasetReader;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.model.PkModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A NONMEM-format dataset made by {@link PkGenerators#datasets()}: its header and rows of cells, the model
 * it is valid for, and what each row means, written down as it was made (not read back), so a property
 * can hold a reader or a command to it.
 *
 * <p>The text ({@link #csv()}) is RFC 4180 CSV with line feeds: cells holding a comma or a quote are
 * quoted, no cell has spaces around it. Immutable and thread-safe.
 *
 * @param model the model the dataset is valid for (its drugs, inputs, compartments and analytes)
 * @param header the column names in file order, in the case the file spells them
 * @param rows the data rows, in file order, each with one cell per column
 * @param expected what each row encodes, parallel to {@code rows}
 * @param subjects the subjects in file order, with the dose history their rows encode
 */
public record GeneratedDataset(PkModel model, List<String> header, List<List<String>> rows, List<Line> expected,
    List<Subject> subjects) {

  /**
   * What one row encodes.
   *
   * @param id the subject
   * @param record the record the row is (a dose with its items, an observation, another event, a reset)
   * @param analyte index of the analyte an observation row measures (in {@link PkModel#observed()}), else 0
   * @param dvMgPerL the measured level of an observation row, mg/L; NaN when the row has none (missing,
   *     below the limit, or not an observation)
   * @param missingDv true for an observation row with MDV 1
   * @param belowLimit true for a level reported below the limit of quantification
   * @param limitMgPerL that limit, mg/L; NaN unless {@code belowLimit}
   */
  public record Line(String id, DoseRecord record, int analyte, double dvMgPerL, boolean missingDv,
      boolean belowLimit, double limitMgPerL) {
    /**
     * Validates the line.
     *
     * @param id the subject
     * @param record the record
     * @param analyte the analyte index
     * @param dvMgPerL the level or NaN
     * @param missingDv MDV 1
     * @param belowLimit below the limit
     * @param limitMgPerL the limit or NaN
     * @throws NullPointerException if {@code id} or {@code record} is null
     */
    public Line {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(record, "record");
    }
  }

  /**
   * One subject.
   *
   * @param id its ID cell
   * @param firstRow index in {@link #rows()} of its first row
   * @param rowCount how many rows it has (they are together)
   * @param records the dose history its rows encode, in file order
   */
  public record Subject(String id, int firstRow, int rowCount, DoseRecords records) {
    /**
     * Validates the subject.
     *
     * @param id the ID
     * @param firstRow first row index
     * @param rowCount row count
     * @param records the history
     * @throws NullPointerException if {@code id} or {@code records} is null
     */
    public Subject {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(records, "records");
    }
  }

  /**
   * Copies the lists and checks that they agree.
   *
   * @param model the model
   * @param header the header
   * @param rows the rows
   * @param expected one line per row
   * @param subjects the subjects
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a row's width is not the header's, or {@code expected} has another
   *     length than {@code rows}
   */
  public GeneratedDataset {
    Objects.requireNonNull(model, "model");
    header = List.copyOf(header);
    List<List<String>> copied = new ArrayList<>(rows.size());
    for (List<String> r : rows) {
      if (r.size() != header.size()) {
        throw new IllegalArgumentException("a row of " + r.size() + " cells under a header of " + header.size());
      }
      copied.add(List.copyOf(r));
    }
    rows = List.copyOf(copied);
    expected = List.copyOf(expected);
    subjects = List.copyOf(subjects);
    if (expected.size() != rows.size()) {
      throw new IllegalArgumentException(expected.size() + " expected lines for " + rows.size() + " rows");
    }
  }

  /**
   * Returns the dataset as CSV text: the header line, then one line per row, each ended by a line feed.
   *
   * @return the text
   */
  public String csv() {
    StringBuilder out = new StringBuilder();
    line(out, header);
    for (List<String> r : rows) {
      line(out, r);
    }
    return out.toString();
  }

  /**
   * Returns the rows as {@link DatasetReader#subjects} takes them: line 2 for the first (the header is
   * line 1).
   *
   * @return the rows, in file order
   */
  public List<DatasetReader.Row> readerRows() {
    List<DatasetReader.Row> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      out.add(new DatasetReader.Row(i + 2, rows.get(i)));
    }
    return out;
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String c = cells.get(i);
      if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0) {
        out.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        out.append(c);
      }
    }
    out.append('\n');
  }

  /**
   * Returns the CSV text with the model's name, for a property's failure report.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "dataset for model '" + model.name() + "':\n" + csv();
  }
}
