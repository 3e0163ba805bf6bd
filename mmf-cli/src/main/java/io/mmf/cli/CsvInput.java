package io.mmf.cli;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reading input CSV files: every error names the file, the line and the column. */
final class CsvInput {
  private CsvInput() {}

  /** Throws naming the file if a needed column is missing. */
  static void requireColumns(Path file, CSVParser parser, List<String> needed, String why) {
    for (String n : needed) {
      if (!parser.getHeaderMap().containsKey(n)) {
        throw new IllegalArgumentException(file + ": missing column '" + n + "' (" + why + "the file has "
            + parser.getHeaderNames() + ")");
      }
    }
  }

  /**
   * The cell as a number (finite, if asked), or an error naming the file, the line and the column.
   */
  static double number(Path file, CSVRecord r, String column, boolean finite) {
    String cell = r.isSet(column) ? r.get(column) : "";
    try {
      double v = Double.parseDouble(cell);
      if (!finite || Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(file + ":" + (r.getRecordNumber() + 1) + ": column '" + column
        + "' is not a " + (finite ? "finite " : "") + "number: '" + cell + "'");
  }
}
