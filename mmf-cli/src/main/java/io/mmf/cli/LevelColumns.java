package io.mmf.cli;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The columns of a file of measured levels, named the same in {@code nca --input} and {@code estimate
 * --samples}: the time (h after the dose) and the level (mg/L, or {@code <LIMIT} for a level below the
 * limit of quantification). Without an option, either command reads either naming: {@code time_h} or
 * {@code hours_after_dose}, {@code conc_mg_per_l} or {@code mpa_mg_per_l}.
 */
final class LevelColumns {
  /** The time columns read without --time-column, first found first. */
  static final List<String> TIMES = List.of("time_h", "hours_after_dose");
  /** The level columns read without --conc-column. */
  static final List<String> LEVELS = List.of("conc_mg_per_l", "mpa_mg_per_l");

  @Option(names = "--time-column", paramLabel = "NAME",
      description = "Column of the hours after the dose (default: time_h or hours_after_dose, whichever the file has).")
  String time;

  @Option(names = {"--conc-column", "--concentration-column"}, paramLabel = "NAME",
      description = "Column of the MPA level in mg/L, or <LIMIT below the limit of quantification (default:"
          + " conc_mg_per_l or mpa_mg_per_l, whichever the file has).")
  String level;

  /** The time column of this file: the one named (which must exist), else the first default it has. */
  String time(CsvInput table) {
    return pick(table, time, TIMES);
  }

  /** The level column of this file. */
  String level(CsvInput table) {
    return pick(table, level, LEVELS);
  }

  private static String pick(CsvInput table, String named, List<String> defaults) {
    if (named != null) {
      table.requireColumns(List.of(named), "");
      return named;
    }
    for (String d : defaults) {
      if (table.has(d)) {
        return d;
      }
    }
    table.requireColumns(List.of(defaults.get(0)), "or '" + defaults.get(1) + "'; ");
    return defaults.get(0);
  }

  /**
   * A level cell: a number of mg/L, or {@code <LIMIT}.
   *
   * @return {level, limit}: {value, NaN} when measured, {0, LIMIT} when below the limit; null when the cell is
   *     neither
   */
  static double[] parse(String cell) {
    String v = cell.trim();
    if (v.startsWith("<")) {
      double limit = CsvInput.decimal(v.substring(1));
      return limit > 0 && Double.isFinite(limit) ? new double[] {0, limit} : null;
    }
    double mg = CsvInput.decimal(v);
    return Double.isNaN(mg) ? null : new double[] {mg, Double.NaN};
  }
}
