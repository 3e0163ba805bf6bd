package io.mmf.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The numeric options of every command with the ranges the README and the help promise, and an oracle
 * written from those ranges (not from the code): a value that does not parse or lies outside its range
 * must be bad input, any other must run.
 */
final class FuzzOptions {
  private FuzzOptions() {}

  /** How picocli reads the option. */
  enum Kind {
    DECIMAL, INT, LONG
  }

  /**
   * One numeric option.
   *
   * @param base a command line that runs (cheaply) without the option
   * @param option the option
   * @param kind how it parses
   * @param min lowest value accepted
   * @param minOpen whether min itself is refused
   * @param max highest value accepted
   * @param maxOpen whether max itself is refused
   * @param cheapMax valid values above this are not run (they are valid but slow: 10^8 subjects)
   * @param ok what a valid value gives
   */
  record Numeric(List<String> base, String option, Kind kind, double min, boolean minOpen, double max, boolean maxOpen,
      double cheapMax, Fuzz.Expect ok, java.util.function.DoublePredicate also) {
    /** The oracle: what this value must give. */
    Fuzz.Expect expect(String text) {
      Double v = parse(text);
      if (v == null) {
        return Fuzz.Expect.BAD_INPUT;
      }
      boolean inside = (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max) && also.test(v);
      return inside ? ok : Fuzz.Expect.BAD_INPUT;
    }

    boolean cheap(String text) {
      Double v = parse(text);
      return v == null || expect(text) == Fuzz.Expect.BAD_INPUT || v <= cheapMax;
    }

    private Double parse(String text) {
      if (kind == Kind.DECIMAL) {
        // surrounding spaces are forgiven, as in CSV cells
        return DECIMAL.matcher(text.strip()).matches() ? Double.valueOf(text.strip()) : null;
      }
      try {
        return kind == Kind.INT ? (double) Integer.parseInt(text) : (double) Long.parseLong(text);
      } catch (NumberFormatException e) {
        return null;
      }
    }

    Fuzz.Case with(String value) {
      List<String> args = new ArrayList<>(base);
      args.add(option);
      args.add(value);
      Fuzz.Expect e = expect(value);
      return new Fuzz.Case(String.join(" ", args), e, e == Fuzz.Expect.BAD_INPUT ? option : null, args,
          java.util.Set.of());
    }
  }

  /** Decimal notation as the help promises it: digits, an optional point and exponent, a sign. */
  static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private static final Fuzz.Expect OK = Fuzz.Expect.OK;
  private static final double INF = Double.POSITIVE_INFINITY;

  static List<String> args(String line) {
    return List.of(line.split(" "));
  }

  private static Numeric n(String base, String option, Kind kind, double min, boolean minOpen, double max,
      boolean maxOpen) {
    return new Numeric(args(base), option, kind, min, minOpen, max, maxOpen, INF,
        base.startsWith("estimate") ? Fuzz.Expect.OK_OR_FAILED : OK, v -> true);
  }

  private static Numeric cheap(Numeric o, double cheapMax) {
    return new Numeric(o.base(), o.option(), o.kind(), o.min(), o.minOpen(), o.max(), o.maxOpen(), cheapMax, o.ok(),
        o.also());
  }

  /** An option valid only where a value derived from it is also in a range. */
  private static Numeric also(Numeric o, java.util.function.DoublePredicate also) {
    return new Numeric(o.base(), o.option(), o.kind(), o.min(), o.minOpen(), o.max(), o.maxOpen(), o.cheapMax(),
        o.ok(), also);
  }

  /** Mosteller's body-surface area, written here from its definition, must lie in 0.1-4 m2. */
  private static boolean bsaInRange(double heightCm, double weightKg) {
    double bsa = Math.sqrt(heightCm * weightKg / 3600.0);
    return bsa >= 0.1 && bsa <= 4;
  }

  static final String SIM = "simulate --model van-hest-2005 --dose 1000 --doses 2 --grid 0.5";
  static final String JIAO = "simulate --model jiao-2008 --dose 1000 --doses 2 --grid 0.5 --meal-times 7";
  static final String POP = "population --dose 1000 --subjects 8 --threads 1";
  static final String EST = "estimate --dose 1000 --sample 1=8 --sample 3=4 --draws 100";
  static final String NCA = "nca --input {dir}/" + Fuzz.LEVELS;
  static final String CHECK = "check --condition DM --dose 1000 --age 50";
  static final String SIM_DATA = "simulate --data {dir}/" + Fuzz.DATA;
  static final String EST_DATA = "estimate --data {dir}/" + Fuzz.DATA + " --draws 100";
  static final String NCA_DATA = "nca --data {dir}/" + Fuzz.DATA;
  static final String SCHEDULE = "schedule --start 2026-01-01 --months 2";

  /** Every numeric option of every command, with its range. */
  static final List<Numeric> ALL = List.of(
      n("simulate --model van-hest-2005 --doses 2 --grid 0.5", "--dose", Kind.DECIMAL, 0.001, false, 100_000, false),
      n(SIM, "--interval", Kind.DECIMAL, 1, false, 168, false),
      cheap(n("simulate --model van-hest-2005 --dose 1000 --grid 24", "--doses", Kind.INT, 1, false, 10_000, false), 50),
      n("simulate --model van-hest-2005 --dose 1000 --doses 2", "--grid", Kind.DECIMAL, 0.001, false, 24, false),
      n(JIAO, "--first-dose-clock", Kind.DECIMAL, 0, false, 24, true),
      n(JIAO, "--meal-window", Kind.DECIMAL, 0.01, false, 12, false),
      n("simulate --model jiao-2008 --dose 1000 --doses 2 --grid 0.5", "--meal-times", Kind.DECIMAL, 0, false, 23, false),
      n(SIM, "--crcl", Kind.DECIMAL, 1, false, 250, false),
      n(SIM, "--albumin", Kind.DECIMAL, 5, false, 80, false),
      n(SIM, "--cyclosporine", Kind.DECIMAL, 1, false, 2000, false),
      n("simulate --model jiao-2008 --dose 1000 --doses 2 --grid 0.5", "--weight", Kind.DECIMAL, 1, false, 300, false),
      n("population --subjects 8 --threads 1", "--dose", Kind.DECIMAL, 0.001, false, 100_000, false),
      n(POP, "--interval", Kind.DECIMAL, 1, false, 168, false),
      cheap(n("population --dose 1000 --threads 1", "--subjects", Kind.LONG, 1, false, 1e8, false), 64),
      cheap(n("population --dose 1000 --subjects 8", "--threads", Kind.INT, 1, false, 1024, false), 4),
      n(POP, "--crcl", Kind.DECIMAL, 1, false, 250, false),
      n(POP, "--albumin", Kind.DECIMAL, 5, false, 80, false),
      n(POP, "--cyclosporine", Kind.DECIMAL, 1, false, 2000, false),
      n("population --model jiao-2008 --dose 1000 --subjects 8 --threads 1 --allow-healthy-volunteer-model", "--weight", Kind.DECIMAL, 1, false, 300,
          false),
      n(POP, "--seed", Kind.LONG, Long.MIN_VALUE, false, Long.MAX_VALUE, false),
      n("estimate --sample 1=8 --sample 3=4 --draws 100", "--dose", Kind.DECIMAL, 0.001, false, 100_000, false),
      // samples within the shortest interval, so that every interval fits the history
      // valid intervals above 48 h are not run: the advice for weekly dosing exceeds the dispensing limit, which
      // issue 13 owns (CliFuzzTest.adviceAboveTheDispensingLimit)
      cheap(n("estimate --dose 1000 --sample 0.5=8 --sample 0.9=6 --draws 100", "--interval", Kind.DECIMAL, 1, false,
          168, false), 48),
      cheap(n(EST, "--doses", Kind.INT, 1, false, 10_000, false), 30),
      cheap(n("estimate --dose 1000 --sample 1=8 --sample 3=4", "--draws", Kind.INT, 100, false, 1e6, false), 2000),
      n(EST, "--first-dose-clock", Kind.DECIMAL, 0, false, 24, true),
      n(EST, "--crcl", Kind.DECIMAL, 1, false, 250, false),
      n(EST, "--albumin", Kind.DECIMAL, 5, false, 80, false),
      n(NCA, "--loq", Kind.DECIMAL, 0, false, Double.MAX_VALUE, false),
      n(SIM_DATA, "--time-zero-clock", Kind.DECIMAL, 0, false, 24, true),
      n(SIM_DATA, "--crcl", Kind.DECIMAL, 1, false, 250, false),
      n(EST_DATA, "--time-zero-clock", Kind.DECIMAL, 0, false, 24, true),
      n(EST_DATA, "--interval", Kind.DECIMAL, 1, false, 168, false),
      cheap(n("estimate --data {dir}/" + Fuzz.DATA, "--draws", Kind.INT, 100, false, 1e6, false), 2000),
      n(NCA_DATA, "--time-zero-clock", Kind.DECIMAL, 0, false, 24, true),
      n(NCA_DATA, "--loq", Kind.DECIMAL, 0, false, Double.MAX_VALUE, false),
      n(CHECK.replace(" --dose 1000", ""), "--dose", Kind.DECIMAL, 0.001, false, 100_000, false),
      n(CHECK.replace(" --age 50", ""), "--age", Kind.DECIMAL, 0, false, 130, false),
      n(CHECK, "--gfr", Kind.DECIMAL, 0, false, 250, false),
      n(CHECK, "--bsa", Kind.DECIMAL, 0.1, false, 4, false),
      also(n(CHECK + " --height 170", "--weight", Kind.DECIMAL, 0, true, 400, false), w -> bsaInRange(170, w)),
      also(n(CHECK + " --weight 70", "--height", Kind.DECIMAL, 0, true, 250, false), h -> bsaInRange(h, 70)),
      n(CHECK, "--interval", Kind.DECIMAL, 1, false, 168, false),
      n("schedule --start 2026-01-01", "--months", Kind.INT, 1, false, 600, false),
      n(SCHEDULE, "--maintenance-months", Kind.INT, 3, false, 6, false));

  /** Texts every numeric option is tried with, besides its own edges. */
  static final List<String> TEXTS = List.of("NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1e400", "1e-400",
      "4.9e-324", "0", "-0", "-1", "1", "2", "12", "23.5", "1000", "abc", "", " 5", "1_000", "0x10", "0x1p3", "1000d",
      "1e", "--", "9".repeat(400), "\u001b[2J", "+3", ".5", "5.");

  /** A value's edges: the bounds and their neighbours, as text. */
  static List<String> edges(Numeric o) {
    List<String> out = new ArrayList<>();
    for (double b : new double[] {o.min(), o.max()}) {
      if (Double.isInfinite(b) || Math.abs(b) >= 9e18) {
        continue;
      }
      if (o.kind() == Kind.DECIMAL) {
        out.add(Double.toString(b));
        out.add(Double.toString(Math.nextUp(b)));
        out.add(Double.toString(Math.nextDown(b)));
      } else {
        out.add(Long.toString((long) b));
        out.add(Long.toString((long) b + 1));
        out.add(Long.toString((long) b - 1));
      }
    }
    return out;
  }
}
