package io.mmf.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.mmf.cli.Fuzz.Case;
import io.mmf.cli.Fuzz.Expect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated part of the fuzz suite: QuickTheories draws whole command lines (every option of a
 * command at once, each valid or not) and whole level files, and {@link Fuzz} checks each against an
 * oracle written from the documented ranges: all valid runs, anything invalid is bad input with a
 * message that names it (for files: the file, the line and the column of the first bad cell). The run's
 * QuickTheories seed (QT_SEED, fixed in CI), so CI sees the same cases every run and -Dqt.seed repeats one.
 */
class CliFuzzProperties {
  private static final int EXAMPLES = 120;

  @TempDir
  Path root;

  /** A value drawn for an option: its text and whether the documented range accepts it. */
  record Value(String text, boolean valid) {}

  private static final List<String> JUNK = List.of("NaN", "Infinity", "-Infinity", "1e400", "-1e308", "abc", "",
      "0x10", "1000d", "1e", "\u001b[2J", "1;2", "--", "9".repeat(300));

  /** Mostly a valid value in [min, max], sometimes one just outside, sometimes junk. */
  static Value decimal(SplittableRandom r, double min, double max) {
    return decimal(r, min, max, min, max);
  }

  /**
   * Mostly a value in [min, max] (valid), sometimes one outside the documented range [lowest, highest]
   * (invalid), sometimes junk.
   */
  static Value decimal(SplittableRandom r, double min, double max, double lowest, double highest) {
    int kind = r.nextInt(10);
    if (kind == 0) {
      return new Value(JUNK.get(r.nextInt(JUNK.size())), false);
    }
    if (kind == 1) {
      double outside = r.nextBoolean() ? lowest - (1 + r.nextDouble()) * Math.max(1, Math.abs(lowest))
          : highest + (1 + r.nextDouble()) * Math.max(1, Math.abs(highest));
      return new Value(Double.toString(outside), false);
    }
    double v = kind == 2 ? (r.nextBoolean() ? min : max) : min + (max - min) * r.nextDouble();
    return new Value(Double.toString(v), true);
  }

  static Value integer(SplittableRandom r, int min, int max) {
    return integer(r, min, max, min, max);
  }

  /** As {@link #decimal(SplittableRandom, double, double, double, double)}, for whole numbers. */
  static Value integer(SplittableRandom r, int min, int max, long lowest, long highest) {
    int kind = r.nextInt(10);
    if (kind == 0) {
      return new Value(JUNK.get(r.nextInt(JUNK.size())), false);
    }
    if (kind == 1) {
      return new Value(Long.toString(r.nextBoolean() ? lowest - 1 - r.nextInt(100) : highest + 1 + r.nextInt(100)),
          false);
    }
    return new Value(Integer.toString(min + r.nextInt(max - min + 1)), true);
  }

  /** Builds a command line from options and values, with the oracle's verdict. */
  static final class Line {
    final List<String> args = new ArrayList<>();
    boolean valid = true;

    Line(String start) {
      args.addAll(List.of(start.split(" ")));
    }

    double add(String option, Value v) {
      args.add(option);
      args.add(v.text());
      valid &= v.valid();
      try {
        return v.valid() ? Double.parseDouble(v.text()) : Double.NaN;
      } catch (NumberFormatException e) {
        return Double.NaN; // a composite value (a list, a sample)
      }
    }

    Case toCase(Expect whenValid) {
      return new Case(String.join(" ", args), valid ? whenValid : Expect.BAD_INPUT, null, List.copyOf(args), Set.of());
    }
  }

  static Case simulate(SplittableRandom r) {
    Line l = new Line("simulate --model jiao-2008");
    l.add("--dose", decimal(r, 0.001, 100_000));
    double doses = l.add("--doses", integer(r, 1, 20, 1, Ranges.MAX_DOSES));
    // mostly whole hours; a fraction of an hour is valid only where a whole number of days is a multiple of it
    double interval = l.add("--interval", r.nextInt(4) == 0 ? decimal(r, 1, 168)
        : new Value(Integer.toString(1 + r.nextInt(168)), true));
    double grid = l.add("--grid", decimal(r, 0.05, 24));
    double window = l.add("--meal-window", decimal(r, 0.01, 12));
    Value meal = decimal(r, 0, 23.99);
    double mealTime = l.add("--meal-times", meal);
    l.add("--first-dose-clock", decimal(r, 0, 23.99));
    l.add("--weight", decimal(r, 1, 300));
    // the cross-constraints the help states: a meal's window ends by midnight; at most 10^6 curve points
    if (l.valid && (mealTime + window > 24 || doses * interval / grid > 1_000_000 || !wholeDays(interval))) {
      l.valid = false;
    }
    return l.toCase(Expect.OK);
  }

  /** The README's rule for clock meal times: some multiple of the interval, at most 1000, is a whole number of days. */
  static boolean wholeDays(double intervalHours) {
    for (int k = 1; k <= 1000; k++) {
      double days = k * intervalHours / 24;
      if (Math.abs(days - Math.rint(days)) < 1e-9 * Math.max(1, days)) {
        return true;
      }
    }
    return false;
  }

  static Case population(SplittableRandom r) {
    Line l = new Line("population --threads 1");
    Value a = decimal(r, 0.001, 100_000);
    Value b = decimal(r, 0.001, 100_000);
    l.add("--dose", new Value(a.text() + "," + b.text(), a.valid() && b.valid() && !a.text().contains(",")
        && !b.text().contains(",")));
    l.add("--subjects", integer(r, 1, 32, 1, 100_000_000));
    l.add("--interval", decimal(r, 1, 168));
    l.add("--crcl", decimal(r, 1, 250));
    l.add("--albumin", decimal(r, 5, 80));
    l.add("--cyclosporine", decimal(r, 1, 2000));
    l.add("--seed", new Value(Long.toString(r.nextLong()), true));
    if (r.nextBoolean()) {
      l.args.add("--female");
    }
    return l.toCase(Expect.OK);
  }

  static Case estimate(SplittableRandom r) {
    Line l = new Line("estimate --draws 100");
    l.add("--dose", decimal(r, 0.001, 100_000));
    double doses = l.add("--doses", integer(r, 1, 20, 1, 10_000));
    // the dispensing limit of the advice at long intervals belongs to issue 13 (CliFuzzTest)
    double interval = l.add("--interval", decimal(r, 8, 24, 1, 168));
    l.add("--crcl", decimal(r, 1, 250));
    int n = 1 + r.nextInt(3);
    // the documented range of a sample: after the first dose of the history ((doses - 1) x interval before the
    // last one; 0 is the trough before the last dose, so with a single dose a sample must come after it) and at
    // most 168 h after the last dose
    boolean known = !Double.isNaN(doses) && !Double.isNaN(interval);
    double earliest = known ? -(doses - 1) * interval : 0;
    for (int i = 0; i < n; i++) {
      Value h = decimal(r, 0, Double.isNaN(interval) ? 8 : interval, earliest, EstimateCommand.MAX_SAMPLE_HOURS);
      Value c = decimal(r, 0, 1000);
      boolean below = r.nextInt(5) == 0;
      boolean afterFirstDose = !h.valid() || !known || Double.parseDouble(h.text()) > earliest;
      l.add("--sample", new Value(h.text() + "=" + (below ? "<" : "") + c.text(), h.valid() && c.valid()
          && afterFirstDose && !(below && !(Double.parseDouble(c.text()) > 0))));
    }
    return l.toCase(Expect.OK_OR_FAILED);
  }

  private Fuzz.Report check(String name, Function<SplittableRandom, Case> generator) {
    Fuzz.Report report = new Fuzz.Report();
    qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed ->
        Fuzz.run(root, generator.apply(new SplittableRandom(seed)), report));
    System.out.println("fuzz (" + name + "): " + report.toString().lines().findFirst().orElse(""));
    return report;
  }

  @Test
  void simulateKeepsEveryPromiseOnGeneratedCommandLines() {
    Fuzz.Report report = check("simulate", CliFuzzProperties::simulate);
    assertTrue(report.clean(), report.toString());
  }

  @Test
  void populationKeepsEveryPromiseOnGeneratedCommandLines() {
    Fuzz.Report report = check("population", CliFuzzProperties::population);
    assertTrue(report.clean(), report.toString());
  }

  @Test
  void estimateKeepsEveryPromiseOnGeneratedCommandLines() {
    Fuzz.Report report = check("estimate", CliFuzzProperties::estimate);
    assertTrue(report.clean(), report.toString());
  }

  /** One cell of a generated level file: its text (as written) and whether it is acceptable. */
  record Cell(String text, boolean valid) {}

  static Cell subjectCell(SplittableRandom r) {
    return switch (r.nextInt(12)) {
      case 0 -> new Cell("\"a\u001bb\"", false);
      case 1 -> new Cell("s".repeat(300), false);
      case 2 -> new Cell("\"x,y\"", true);
      default -> new Cell(Character.toString('a' + r.nextInt(3)), true);
    };
  }

  static Cell numberCell(SplittableRandom r, double max) {
    return switch (r.nextInt(14)) {
      case 0 -> new Cell("-1", false);
      case 1 -> new Cell("x", false);
      case 2 -> new Cell("NaN", false);
      case 3 -> new Cell("1e400", false);
      case 4 -> new Cell("", false);
      case 5 -> new Cell("0x10", false);
      default -> new Cell(String.format(Locale.ROOT, "%.4f", max * r.nextDouble()), true);
    };
  }

  @Test
  void ncaNamesTheFileLineAndColumnOfTheFirstBadCell() throws Exception {
    Fuzz.Report report = new Fuzz.Report();
    int[] file = {0};
    qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      StringBuilder csv = new StringBuilder("subject,time_h,conc_mg_per_l\n");
      String firstBad = null;
      Set<String> subjects = new LinkedHashSet<>();
      int rows = 1 + r.nextInt(12);
      for (int i = 0; i < rows; i++) {
        Cell[] cells = {subjectCell(r), numberCell(r, 48), numberCell(r, 50)};
        csv.append(cells[0].text()).append(',').append(cells[1].text()).append(',').append(cells[2].text()).append('\n');
        subjects.add(cells[0].text());
        for (int c = 0; c < 3 && firstBad == null; c++) {
          if (!cells[c].valid()) {
            firstBad = ":" + (i + 2) + ":" + (c + 1) + ":";
          }
        }
      }
      Path in;
      try {
        in = Files.writeString(root.resolve("levels" + file[0]++ + ".csv"), csv.toString());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      Case c = firstBad == null ? Case.of(Expect.OK, null, "nca", "--input", in.toString())
          : Case.of(Expect.BAD_INPUT, in + firstBad, "nca", "--input", in.toString());
      Fuzz.run(root, c, report);
    });
    System.out.println("fuzz (nca files): " + report.toString().lines().findFirst().orElse(""));
    assertTrue(report.clean(), report.toString());
  }

  /**
   * Generated datasets: rows of doses (some with ADDL or SS) and levels in time order, one cell in eight
   * made bad (text in a number's place, a negative time, an EVID outside 0-4, a dose on an observation, ADDL
   * or SS without II, an overflowing level, an empty ID). The oracle: no bad cell runs; otherwise the
   * message names the file and the line of the first bad row, and nothing is written.
   */
  @Test
  void datasetsNameTheFileAndLineOfTheFirstBadRow() {
    Fuzz.Report report = new Fuzz.Report();
    int[] file = {0};
    qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      StringBuilder csv = new StringBuilder("ID,TIME,EVID,AMT,II,ADDL,SS,DV\n");
      String firstBad = null;
      double t = 0;
      int rows = 1 + r.nextInt(10);
      for (int i = 0; i < rows; i++) {
        boolean dose = i == 0 || r.nextInt(3) == 0;
        String[] cell = dose ? new String[] {"1", num(t), "1", "500", "", "", "", ""}
            : new String[] {"1", num(t), "0", "0", "", "", "", String.format(Locale.ROOT, "%.2f", 20 * r.nextDouble())};
        if (dose && r.nextInt(3) == 0) {
          cell[4] = "12";
          cell[r.nextBoolean() ? 5 : 6] = r.nextBoolean() ? "2" : "1";
        }
        boolean bad = r.nextInt(8) == 0;
        if (bad) {
          switch (r.nextInt(8)) {
            case 0 -> cell[1] = List.of("abc", "-1", "NaN", "0x10", "").get(r.nextInt(5));
            case 1 -> cell[2] = List.of("9", "-1", "1.5", "x").get(r.nextInt(4));
            case 2 -> cell[3] = dose ? "x" : "100";
            case 3 -> {
              cell[2] = "1";
              cell[3] = "500";
              cell[5] = "3";
              cell[4] = "";
            }
            case 4 -> {
              cell[2] = "1";
              cell[3] = "500";
              cell[6] = "1";
              cell[4] = "0";
            }
            case 5 -> {
              cell[2] = "0";
              cell[3] = "0";
              cell[7] = "1e400";
            }
            case 6 -> cell[0] = "";
            default -> cell[1] = "1e9";
          }
          if (firstBad == null) {
            firstBad = ":" + (i + 2) + ":";
          }
        }
        csv.append(String.join(",", cell)).append('\n');
        t += 0.5 + 5 * r.nextDouble();
      }
      Path in;
      try {
        in = Files.writeString(root.resolve("dataset" + file[0]++ + ".csv"), csv.toString());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      Case c = firstBad == null ? Case.of(Expect.OK, null, "simulate", "--data", in.toString())
          : Case.of(Expect.BAD_INPUT, in + firstBad, "simulate", "--data", in.toString());
      Fuzz.run(root, c, report);
    });
    System.out.println("fuzz (datasets): " + report.toString().lines().findFirst().orElse(""));
    assertTrue(report.clean(), report.toString());
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
