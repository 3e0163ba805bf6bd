package io.mmf.cli;

import io.mmf.pk.data.DatasetReader;
import io.mmf.pk.data.DatasetSubject;
import io.mmf.pk.dosing.CovariateInterpolation;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Option;

/**
 * The options of a command that reads a NONMEM-format dataset ({@code --data}), and the file read
 * through {@link CsvInput.Rows}: row by row, so memory holds one subject, not the file.
 */
final class DataOptions {
  @Option(names = "--data", paramLabel = "FILE.csv",
      description = "A NONMEM-format dataset (ID, TIME, EVID, AMT, CMT, RATE/DUR, II, ADDL, SS, DV, MDV, BLQ/LLOQ or"
          + " CENS/LIMIT, covariate columns; any case); see the README.")
  Path data;

  @Option(names = "--sort-times",
      description = "Sort each subject's rows by TIME (rows at one time keep their order; never across a reset)"
          + " instead of refusing decreasing times.")
  boolean sortTimes;

  @Option(names = "--covariate-rule", paramLabel = "locf|nocb", defaultValue = "locf",
      description = "How a covariate holds between the rows that give it: locf (from a row on, the default) or nocb"
          + " (up to a row, as NONMEM).")
  String covariateRule;

  @Option(names = "--time-zero-clock", paramLabel = "HOURS", defaultValue = "0",
      description = "Clock time of TIME 0, hours after midnight (default: ${DEFAULT-VALUE}); meal windows follow"
          + " the clock.")
  double timeZeroClock;

  /** Whether a dataset was given. */
  boolean given() {
    return data != null;
  }

  /**
   * The reader's options applied: the rule, sorting, the clock.
   *
   * @throws IllegalArgumentException naming the option for a bad value
   */
  DatasetReader configure(DatasetReader reader) {
    Ranges.clock("--time-zero-clock", timeZeroClock);
    CovariateInterpolation rule = switch (covariateRule.trim().toLowerCase(Locale.ROOT)) {
      case "locf" -> CovariateInterpolation.LOCF;
      case "nocb" -> CovariateInterpolation.NOCB;
      default -> throw new IllegalArgumentException("Invalid value for --covariate-rule (expected locf or nocb): "
          + Text.shown(covariateRule));
    };
    return reader.withInterpolation(rule).sortingTimes(sortTimes).withClockAtTimeZero(timeZeroClock);
  }

  /**
   * Reads the dataset once, subject by subject.
   *
   * @param reader the reader for the model
   * @param header receives the header before the first subject
   * @param each receives each subject in file order
   * @throws IllegalArgumentException (a {@code DatasetException}) naming file, line and column
   */
  void read(DatasetReader reader, Consumer<List<String>> header, Consumer<DatasetSubject> each) {
    try (CsvInput.Rows rows = CsvInput.Rows.open(data, "dataset", CsvInput.MAX_STREAMED_MIB)) {
      header.accept(rows.header());
      Iterator<DatasetReader.Row> cells = new Iterator<>() {
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public DatasetReader.Row next() {
          CSVRecord r = rows.next();
          return new DatasetReader.Row(rows.line(r), r.toList());
        }
      };
      reader.subjects(data.toString(), rows.header(), cells).forEachRemaining(each);
    }
  }

  /**
   * Refuses options that have no meaning with {@code --data}, naming the first one given.
   *
   * @param spec the command
   * @param options the options that do not apply
   */
  static void refuse(picocli.CommandLine.Model.CommandSpec spec, List<String> options) {
    refuse(spec, options, "--data", "the dataset gives the doses, times and covariates");
  }

  /**
   * Refuses options that have no meaning with another, naming the first one given.
   *
   * @param spec the command
   * @param options the options that do not apply
   * @param with the option they do not go with
   * @param why why, for the message
   */
  static void refuse(picocli.CommandLine.Model.CommandSpec spec, List<String> options, String with, String why) {
    var parsed = spec.commandLine().getParseResult();
    for (String o : options) {
      if (parsed.hasMatchedOption(o)) {
        throw new IllegalArgumentException("Invalid value for " + o + " (expected none with " + with + ": " + why
            + ")");
      }
    }
  }
}
