package io.mmf.pk.data;

import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.internal.Checks;
import io.mmf.core.internal.Names;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.dosing.CovariateInterpolation;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.dosing.EventKind;
import io.mmf.pk.dosing.SteadyStateMode;
import io.mmf.pk.model.DoseInput;
import io.mmf.pk.model.PkModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoublePredicate;
import java.util.regex.Pattern;

/**
 * Reads a NONMEM-format dataset for one model, subject by subject: a header row and rows of cells in,
 * {@link DatasetSubject}s out, each with its rows and its {@link DoseRecords}. It streams: one subject's
 * rows are held at a time, so a dataset of any length reads in the memory of its longest subject.
 *
 * <table class="striped">
 * <caption>Columns (names in any case; other columns are carried through unread)</caption>
 * <thead><tr><th>column</th><th>meaning</th></tr></thead>
 * <tbody>
 * <tr><td>ID</td><td>required: the subject; a subject's rows must be together</td></tr>
 * <tr><td>TIME</td><td>required: h from midnight of the first day (or from the clock time set by
 *     {@link #withClockAtTimeZero}), &gt;= 0, non-decreasing within a subject</td></tr>
 * <tr><td>EVID</td><td>0 observation, 1 dose, 2 other (a prediction, covariate values), 3 reset, 4 reset
 *     and dose; without the column, NONMEM's rule: AMT &gt; 0 is a dose, else MDV 1 is EVID 2, else an
 *     observation</td></tr>
 * <tr><td>AMT</td><td>required: mg of the drug's labelled substance (MMF, or MPA for EC-MPS, whose
 *     strengths are mg of mycophenolic acid); &gt; 0 on dose rows, 0 or empty on the others</td></tr>
 * <tr><td>CMT</td><td>the compartment that receives a dose (its name, or its number: 1 for the model's
 *     first compartment), which must be the model's input for the row's drug, or the drug's name; on an
 *     observation row, the compartment (or name) of the analyte measured; empty or 0: the drug's input,
 *     the primary analyte</td></tr>
 * <tr><td>DRUG</td><td>MMF or EC-MPS (or 1, 2), or a formulation (mmf-tablet-500, ec-mps-360, ...); when
 *     absent, the drug CMT names or whose input it is, else MMF (or the model's only drug)</td></tr>
 * <tr><td>RATE, DUR</td><td>RATE &gt; 0: zero-order at that many mg per h; DUR &gt; 0 (with RATE 0, empty or
 *     -2): over that many h; RATE -1 or -2 without DUR: the model's own zero-order input; RATE 0 or empty:
 *     a bolus, which a model whose input is zero-order refuses (give -2)</td></tr>
 * <tr><td>II, ADDL</td><td>ADDL more doses every II h (II &gt; 0 needed)</td></tr>
 * <tr><td>SS</td><td>0, 1 (the state replaced by the steady state of this dose every II, the dose the
 *     last of the series), 2 (that steady state added to the current state)</td></tr>
 * <tr><td>DV, MDV</td><td>the measured level, mg/L, on observation rows; MDV 1: none</td></tr>
 * <tr><td>BLQ, LLOQ</td><td>BLQ 1: below the limit LLOQ (mg/L, &gt; 0); without BLQ, a DV below LLOQ is below
 *     it</td></tr>
 * <tr><td>CENS, LIMIT</td><td>as rxode2 writes them: CENS 1, DV is the limit the level lies below (LIMIT
 *     empty or &lt;= 0: no lower bound, Beal's M3); CENS -1 (above a limit) is refused</td></tr>
 * <tr><td>covariates</td><td>the columns named by {@link #withCovariate}: values from that row on (LOCF) or up
 *     to it (NOCB); empty cells give none</td></tr>
 * <tr><td>ETA1 to ETAn</td><td>with {@link #withRandomEffects}: the subject's random effects, constant
 *     within a subject</td></tr>
 * </tbody>
 * </table>
 *
 * <p>A cell of "." is empty, as in NONMEM. Numbers are decimal ({@code 12}, {@code 0.5}, {@code 1e3}).
 * Refused, naming the line and the column: a missing ID, TIME or AMT column (the message suggests the
 * closest name), DATE, DAT1-3, CONT, CALL and L2 (NONMEM items whose meaning mmf does not implement),
 * two columns of the same name in different case, non-numeric cells, negative or decreasing times
 * (unless sorting is asked for), dose items on rows that give no dose, AMT 0 on a dose row, ADDL or SS
 * without II, SS 3, negative ADDL (empirical steady state), EVID 5-7, MDV 0 on a row that is not an
 * observation, a subject whose rows are not together.
 *
 * <p>Immutable and thread-safe; the iterators it returns are not.
 */
public final class DatasetReader {
  /** Latest TIME, h (about 11 years): keeps the clock windows between two records finite in number. */
  public static final double MAX_TIME_HOURS = 100_000;
  /** Largest AMT, mg (100 g, far above any dose). */
  public static final double MAX_AMOUNT_MG = 100_000;
  /** Largest RATE, mg/h. */
  public static final double MAX_RATE_MG_PER_HOUR = 1e7;
  /** Highest level, mg/L (far above any MPA level). */
  public static final double MAX_LEVEL_MG_PER_L = 1000;
  /** Longest ID, characters. */
  public static final int MAX_ID_LENGTH = 256;

  /** NONMEM items whose meaning mmf does not implement: read as anything else, they would mislead. */
  static final List<String> REFUSED = List.of("DATE", "DAT1", "DAT2", "DAT3", "CONT", "CALL", "L2");

  /** A number in decimal notation (possessive: no backtracking on long cells). */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?+(?:[0-9]++(?:\\.[0-9]*+)?+|\\.[0-9]++)(?:[eE][+-]?+[0-9]++)?+");
  /** Longest cell read as a number, characters. */
  private static final int MAX_NUMBER = 64;

  /**
   * One data row as the caller read it.
   *
   * @param line the 1-based line it starts on (the header is line 1)
   * @param cells its cells, in header order
   */
  public record Row(long line, List<String> cells) {
    /**
     * Validates the row.
     *
     * @param line 1-based line
     * @param cells cells
     * @throws NullPointerException if {@code cells} is null
     */
    public Row {
      Checks.notNull(cells, "cells");
    }
  }

  /** A covariate column: its name as the model names it, and what values it accepts. */
  private record Covariate(String name, DoublePredicate accepts, String expected) {}

  private final PkModel model;
  private final Map<String, Covariate> covariates;
  private final CovariateInterpolation interpolation;
  private final boolean sortTimes;
  private final double clockHours;
  private final int randomEffects;
  private final boolean anyDrug;

  private DatasetReader(PkModel model, Map<String, Covariate> covariates, CovariateInterpolation interpolation,
      boolean sortTimes, double clockHours, int randomEffects, boolean anyDrug) {
    this.model = model;
    this.covariates = covariates;
    this.interpolation = interpolation;
    this.sortTimes = sortTimes;
    this.clockHours = clockHours;
    this.randomEffects = randomEffects;
    this.anyDrug = anyDrug;
  }

  /**
   * A reader for datasets of a model: its compartments and inputs give CMT its meaning, its analytes the
   * observations'. No covariates, LOCF, times as given, TIME 0 at midnight.
   *
   * @param model the model (for a covariate model, any of its models: they share their structure)
   * @return the reader
   * @throws NullPointerException if {@code model} is null
   */
  public static DatasetReader forModel(PkModel model) {
    return new DatasetReader(Checks.notNull(model, "model"), Map.of(), CovariateInterpolation.LOCF, false, 0, 0,
        false);
  }

  /**
   * This reader with a covariate column: the column of that name (in any case), where present, gives
   * the covariate's values.
   *
   * @param name the covariate as the model names it
   * @param accepts which values are valid
   * @param expected the valid values in words, for messages (e.g. "1 to 250 mL/min")
   * @return the changed copy
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the name is a column of the dataset's own
   */
  public DatasetReader withCovariate(String name, DoublePredicate accepts, String expected) {
    Checks.notNull(name, "name");
    Checks.notNull(accepts, "accepts");
    Checks.notNull(expected, "expected");
    String key = key(name);
    if (Column.of(key) != null || key.startsWith("ETA")) {
      throw new IllegalArgumentException(Checks.invalid("covariate", "a name that is not a dataset column's", name));
    }
    Map<String, Covariate> c = new LinkedHashMap<>(covariates);
    c.put(key, new Covariate(name, accepts, expected));
    return new DatasetReader(model, Map.copyOf(c), interpolation, sortTimes, clockHours, randomEffects, anyDrug);
  }

  /**
   * This reader with another rule for covariates between the rows that give them.
   *
   * @param value LOCF (the default) or NOCB (NONMEM's)
   * @return the changed copy
   * @throws NullPointerException if {@code value} is null
   */
  public DatasetReader withInterpolation(CovariateInterpolation value) {
    return new DatasetReader(model, covariates, Checks.notNull(value, "interpolation"), sortTimes, clockHours,
        randomEffects, anyDrug);
  }

  /**
   * This reader sorting each subject's rows by TIME (stably: rows at one time keep their order) instead
   * of refusing decreasing times. Rows never cross a reset (EVID 3 or 4): a row before it in time but
   * after it in the file is refused.
   *
   * @param value true to sort
   * @return the changed copy
   */
  public DatasetReader sortingTimes(boolean value) {
    return new DatasetReader(model, covariates, interpolation, value, clockHours, randomEffects, anyDrug);
  }

  /**
   * This reader with TIME 0 at a clock time other than midnight: the records' times are TIME plus this,
   * so that clock emptying windows (meals) fall at the right hours.
   *
   * @param hours clock time of TIME 0, h after midnight, in [0, 24)
   * @return the changed copy
   * @throws IllegalArgumentException if the time is out of range
   */
  public DatasetReader withClockAtTimeZero(double hours) {
    if (!(hours >= 0 && hours < 24)) {
      throw new IllegalArgumentException(Checks.invalid("clockAtTimeZeroHours", ">= 0 and < 24 h after midnight",
          hours));
    }
    return new DatasetReader(model, covariates, interpolation, sortTimes, hours, randomEffects, anyDrug);
  }

  /**
   * This reader taking a subject's random effects from columns ETA1 to ETAn (as mrgsolve's {@code etasrc
   * = "data"}), where present.
   *
   * @param count n, the model's number of random effects, 0 to 100
   * @return the changed copy
   * @throws IllegalArgumentException if the count is out of range
   */
  public DatasetReader withRandomEffects(int count) {
    if (count < 0 || count > 100) {
      throw new IllegalArgumentException(Checks.invalid("randomEffects", "0 to 100", count));
    }
    return new DatasetReader(model, covariates, interpolation, sortTimes, clockHours, count, anyDrug);
  }

  /**
   * This reader accepting doses of a drug the model has no input for (with an empty CMT, or CMT naming the
   * drug), so that the caller can report such a subject instead of refusing the dataset; the records of
   * such a subject cannot be simulated on the model.
   *
   * @param value true to accept them
   * @return the changed copy
   */
  public DatasetReader acceptingAnyDrug(boolean value) {
    return new DatasetReader(model, covariates, interpolation, sortTimes, clockHours, randomEffects, value);
  }

  /**
   * Returns the model whose structure gives the dataset its meaning.
   *
   * @return the model
   */
  public PkModel model() {
    return model;
  }

  /**
   * The subjects of a dataset, read as the iterator is advanced. The header is checked at once.
   *
   * @param source the file name, for messages
   * @param header the column names, in file order
   * @param rows the data rows, in file order
   * @return the subjects, in file order
   * @throws NullPointerException if an argument is null
   * @throws DatasetException if the header is empty, lacks ID, TIME or AMT, or names a column twice (in
   *     any case) or a refused NONMEM item; the iterator's {@code next} and {@code hasNext} throw it for a
   *     row that cannot be read
   */
  public Iterator<DatasetSubject> subjects(String source, List<String> header, Iterator<Row> rows) {
    Checks.notNull(source, "source");
    Checks.notNull(header, "header");
    Checks.notNull(rows, "rows");
    return new Subjects(new Layout(source, header), rows);
  }

  /**
   * A number in decimal notation, as datasets and mmf's options take it: {@code 12}, {@code -0.5},
   * {@code 1e3}, spaces around it forgiven (Java alone would also take {@code 1d}, {@code 0x1p3} and
   * {@code NaN}).
   *
   * @param text the text
   * @return the number (infinite if it overflows), or NaN if the text is not one
   * @throws NullPointerException if {@code text} is null
   */
  public static double decimal(String text) {
    String t = text.trim();
    return t.length() <= MAX_NUMBER && DECIMAL.matcher(t).matches() ? Double.parseDouble(t) : Double.NaN;
  }

  static String key(String name) {
    return name.trim().toUpperCase(Locale.ROOT);
  }

  /** The dataset columns mmf reads. */
  enum Column {
    ID, TIME, EVID, AMT, CMT, DRUG, RATE, DUR, II, ADDL, SS, DV, MDV, BLQ, LLOQ, CENS, LIMIT;

    static Column of(String key) {
      for (Column c : values()) {
        if (c.name().equals(key)) {
          return c;
        }
      }
      return null;
    }
  }

  /** The header: where each column is. */
  final class Layout {
    final String source;
    final List<String> header;
    final int[] index = new int[Column.values().length];
    /** Column index of each covariate given, to the covariate. */
    final Map<Integer, Covariate> covariateColumns = new TreeMap<>();
    final int[] etaColumns;

    Layout(String source, List<String> header) {
      this.source = source;
      this.header = List.copyOf(header);
      java.util.Arrays.fill(index, -1);
      if (header.isEmpty() || header.size() == 1 && header.get(0).isBlank()) {
        throw new DatasetException(source, 1, 1, "empty dataset (expected a header row naming ID, TIME, AMT and"
            + " the other columns, then one row per record)");
      }
      Map<String, Integer> seen = new HashMap<>();
      int[] eta = new int[randomEffects];
      java.util.Arrays.fill(eta, -1);
      int etas = 0;
      for (int i = 0; i < header.size(); i++) {
        String k = key(header.get(i));
        Integer before = seen.putIfAbsent(k, i);
        if (before != null) {
          throw new DatasetException(source, 1, i + 1, "column '" + header.get(i) + "' repeats column " + (before + 1)
              + " '" + header.get(before) + "' (column names are read in any case; expected unique names)");
        }
        if (REFUSED.contains(k)) {
          throw new DatasetException(source, 1, i + 1, "column '" + header.get(i) + "' is a NONMEM item whose meaning"
              + " mmf does not implement (" + String.join(", ", REFUSED) + "); give TIME in hours from the first"
              + " day's midnight and rename or drop the column");
        }
        Column c = Column.of(k);
        if (c != null) {
          index[c.ordinal()] = i;
        } else if (covariates.containsKey(k)) {
          covariateColumns.put(i, covariates.get(k));
        } else if (k.matches("ETA[0-9]+")) {
          String digits = k.substring(3);
          int n = digits.length() > 3 ? 0 : Integer.parseInt(digits);
          if (n < 1 || n > randomEffects) {
            throw new DatasetException(source, 1, i + 1, "column '" + header.get(i) + "': "
                + (randomEffects == 0 ? "random effects are not read here, only by a simulation of a population"
                + " model"
                : "model '" + model.name() + "' has " + randomEffects + " random effects, ETA1 to ETA" + randomEffects)
                + " (rename the column to carry it unread)");
          }
          eta[n - 1] = i;
          etas++;
        }
      }
      for (Column required : List.of(Column.ID, Column.TIME, Column.AMT)) {
        if (index[required.ordinal()] < 0) {
          throw missing(required.name());
        }
      }
      if (index[Column.BLQ.ordinal()] >= 0 && index[Column.CENS.ordinal()] >= 0) {
        throw new DatasetException(source, 1, index[Column.CENS.ordinal()] + 1, "columns BLQ and CENS both flag levels"
            + " below the limit (expected one of BLQ with LLOQ, or CENS with LIMIT)");
      }
      if (etas > 0 && etas < randomEffects) {
        for (int k = 0; k < randomEffects; k++) {
          if (eta[k] < 0) {
            throw new DatasetException(source, 1, 0, "missing column 'ETA" + (k + 1) + "' (the ETA columns give all "
                + randomEffects + " random effects of model '" + model.name() + "' or none)");
          }
        }
      }
      etaColumns = etas == 0 ? new int[0] : eta;
    }

    private DatasetException missing(String name) {
      int best = -1;
      int bestDistance = Integer.MAX_VALUE;
      for (int i = 0; i < header.size(); i++) {
        String k = key(header.get(i));
        if (Column.of(k) != null) {
          continue;
        }
        int d = distance(k, name);
        if (d < bestDistance) {
          bestDistance = d;
          best = i;
        }
      }
      String list = "the file has " + header;
      if (best >= 0 && bestDistance <= (name.length() <= 2 ? 1 : 2)) {
        return new DatasetException(source, 1, best + 1, "missing column '" + name + "': is '" + header.get(best)
            + "' meant? (expected columns ID, TIME and AMT; " + list + ")");
      }
      return new DatasetException(source, 1, 0, "missing column '" + name + "' (expected columns ID, TIME and AMT; "
          + list + ")");
    }

    int column(Column c) {
      return index[c.ordinal()];
    }

    boolean has(Column c) {
      return index[c.ordinal()] >= 0;
    }
  }

  /** The edit distance, or MAX_VALUE where the lengths alone rule a match out (so long names cost nothing). */
  private static int distance(String a, String b) {
    return Math.abs(a.length() - b.length()) > 8 ? Integer.MAX_VALUE : Names.levenshtein(a, b);
  }

  /** One row read: what it is, the record it becomes, and its subject's cells. */
  private record Parsed(String id, DatasetRow row, DoseRecord record, double[] eta) {}

  /** The subjects, one at a time. */
  private final class Subjects implements Iterator<DatasetSubject> {
    private final Layout layout;
    private final Iterator<Row> rows;
    private final Set<String> done = new HashSet<>();
    private Parsed pending;
    private DatasetSubject next;
    private boolean any;

    Subjects(Layout layout, Iterator<Row> rows) {
      this.layout = layout;
      this.rows = rows;
    }

    @Override
    public boolean hasNext() {
      if (next == null) {
        next = read();
      }
      return next != null;
    }

    @Override
    public DatasetSubject next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      DatasetSubject s = next;
      next = null;
      return s;
    }

    private DatasetSubject read() {
      List<Parsed> subject = new ArrayList<>();
      if (pending != null) {
        subject.add(pending);
        pending = null;
      }
      while (rows.hasNext()) {
        Row row = Objects.requireNonNull(rows.next(), "row");
        Parsed p = parse(layout, row);
        any = true;
        if (!subject.isEmpty() && !p.id().equals(subject.get(0).id())) {
          pending = p;
          break;
        }
        if (subject.isEmpty() && done.contains(p.id())) {
          throw new DatasetException(layout.source, row.line(), layout.column(Column.ID) + 1, "subject '" + p.id()
              + "' appears again after other subjects (expected each subject's rows together)");
        }
        subject.add(p);
      }
      if (subject.isEmpty()) {
        if (!any) {
          any = true;
          throw new DatasetException(layout.source, 2, 0, "no rows after the header (expected one row per record)");
        }
        return null;
      }
      done.add(subject.get(0).id());
      if (pending != null && done.contains(pending.id())) {
        throw new DatasetException(layout.source, pending.row().line(), layout.column(Column.ID) + 1, "subject '"
            + pending.id() + "' appears again after other subjects (expected each subject's rows together)");
      }
      return subject(layout, subject);
    }
  }

  /** A subject from its rows: times in order (or sorted within resets), random effects constant. */
  private DatasetSubject subject(Layout layout, List<Parsed> rows) {
    int n = rows.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int timeColumn = layout.column(Column.TIME) + 1;
    if (sortTimes) {
      // blocks start at each reset; rows are sorted within a block and may not move before its reset
      int start = 0;
      for (int i = 0; i <= n; i++) {
        if (i == n || i > start && rows.get(i).row().kind().isReset()) {
          java.util.Arrays.sort(order, start, i, Comparator.comparingDouble(k -> rows.get(k).row().timeHours()));
          start = i;
        }
      }
      for (int i = 0; i < n; i++) {
        DatasetRow r = rows.get(i).row();
        if (r.kind().isReset()) {
          for (int j = i + 1; j < n && !rows.get(j).row().kind().isReset(); j++) {
            if (rows.get(j).row().timeHours() < r.timeHours()) {
              throw new DatasetException(layout.source, rows.get(j).row().line(), timeColumn, "TIME "
                  + rows.get(j).row().timeHours() + " is before the reset (EVID " + r.kind().evid() + ") at "
                  + r.timeHours() + " h on line " + r.line() + " that comes before it (rows are sorted, but never"
                  + " across a reset)");
            }
          }
          if (i > 0 && r.timeHours() < maxBefore(rows, order, i)) {
            throw new DatasetException(layout.source, r.line(), timeColumn, "TIME " + r.timeHours() + " of a reset"
                + " (EVID " + r.kind().evid() + ") is before rows above it (rows are sorted, but never across a"
                + " reset; mmf keeps one clock per subject)");
          }
        }
      }
    } else {
      for (int i = 1; i < n; i++) {
        DatasetRow r = rows.get(i).row();
        DatasetRow before = rows.get(i - 1).row();
        if (r.timeHours() < before.timeHours()) {
          throw new DatasetException(layout.source, r.line(), timeColumn, "TIME " + r.timeHours() + " is before "
              + before.timeHours() + " on line " + before.line() + " of subject '" + rows.get(0).id()
              + "' (expected non-decreasing times within a subject, a reset included: mmf keeps one clock per"
              + " subject; or ask for the times to be sorted, --sort-times in mmf-cli)");
        }
      }
    }
    double[] eta = rows.get(0).eta();
    for (Parsed p : rows) {
      if (eta != null && !java.util.Arrays.equals(eta, p.eta())) {
        int k = 0;
        while (p.eta()[k] == eta[k]) {
          k++;
        }
        throw new DatasetException(layout.source, p.row().line(), layout.etaColumns[k] + 1, "ETA" + (k + 1) + " "
            + p.eta()[k] + " differs from " + eta[k] + " on line " + rows.get(0).row().line() + " (expected one value"
            + " per subject)");
      }
    }
    List<DoseRecord> records = new ArrayList<>(n);
    int[] recordOfRow = new int[n];
    for (int k = 0; k < n; k++) {
      records.add(rows.get(order[k]).record());
      recordOfRow[order[k]] = k;
    }
    List<DatasetRow> inOrder = new ArrayList<>(n);
    for (Parsed p : rows) {
      inOrder.add(p.row());
    }
    DoseRecords history;
    try {
      history = DoseRecords.of(records).withInterpolation(interpolation);
    } catch (IllegalArgumentException e) {
      throw new DatasetException(layout.source, rows.get(0).row().line(), 0, "subject '" + rows.get(0).id() + "': "
          + e.getMessage());
    }
    return new DatasetSubject(rows.get(0).id(), inOrder, history, recordOfRow, eta);
  }

  private static double maxBefore(List<Parsed> rows, Integer[] order, int position) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < position; k++) {
      max = Math.max(max, rows.get(order[k]).row().timeHours());
    }
    return max;
  }

  /** The cells of one row, read against the header. */
  private final class Cells {
    final Layout layout;
    final Row row;
    final List<String> cells;

    Cells(Layout layout, Row row) {
      this.layout = layout;
      this.row = row;
      int width = layout.header.size();
      List<String> c = new ArrayList<>(row.cells());
      if (c.size() > width) {
        for (int i = width; i < c.size(); i++) {
          if (!c.get(i).isBlank()) {
            throw fail(i, "a cell past the header's " + width + " columns: '" + c.get(i) + "'");
          }
        }
        c = new ArrayList<>(c.subList(0, width));
      }
      while (c.size() < width) {
        c.add("");
      }
      cells = c;
    }

    DatasetException fail(int column, String message) {
      return new DatasetException(layout.source, row.line(), column + 1, message);
    }

    DatasetException fail(Column c, String message) {
      return fail(layout.column(c), message);
    }

    /** The trimmed text of a column's cell; empty for an absent column, an empty cell or ".". */
    String text(int column) {
      if (column < 0) {
        return "";
      }
      String t = cells.get(column).trim();
      return t.equals(".") ? "" : t;
    }

    String text(Column c) {
      return text(layout.column(c));
    }

    /** A number, or {@code empty} where the cell is empty. */
    double number(int column, double empty) {
      String t = text(column);
      if (t.isEmpty()) {
        return empty;
      }
      double v = decimal(t);
      if (!Double.isFinite(v)) {
        throw fail(column, "column '" + layout.header.get(column) + "' is not a finite number: '" + shown(t) + "'");
      }
      return v == 0 ? 0 : v; // -0 is 0
    }

    double number(Column c, double empty) {
      return number(layout.column(c), empty);
    }

    /** A whole number, or {@code empty} where the cell is empty. */
    int integer(Column c, int empty) {
      double v = number(c, empty);
      if (v != Math.rint(v) || Math.abs(v) > 1e9) {
        throw fail(c, "column " + c + " is not a whole number: '" + shown(text(c)) + "'");
      }
      return (int) v;
    }

    /** A value that must be 0 (or empty) on rows of this kind. */
    void zero(Column c, EventKind kind, String why) {
      if (layout.has(c) && number(c, 0) != 0) {
        throw fail(c, c + " " + text(c) + " on an EVID " + kind.evid() + " row (expected 0 or empty: " + why + ")");
      }
    }
  }

  private static String shown(String t) {
    return t.length() > 40 ? t.substring(0, 40) + "... (" + t.length() + " characters)" : t;
  }

  /** One row: checked against the model and turned into its record. */
  private Parsed parse(Layout layout, Row row) {
    Cells c = new Cells(layout, row);
    String id = c.text(Column.ID);
    if (id.isEmpty()) {
      throw c.fail(Column.ID, "empty ID (expected the subject's identifier)");
    }
    if (id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
      throw c.fail(Column.ID, "ID (expected at most " + MAX_ID_LENGTH + " characters and no control characters): '"
          + shown(id.replaceAll("\\p{Cntrl}", "?")) + "'");
    }
    if (c.text(Column.TIME).isEmpty()) {
      throw c.fail(Column.TIME, "empty TIME (expected h from the first day's midnight)");
    }
    double time = c.number(Column.TIME, 0);
    if (!(time >= 0 && time <= MAX_TIME_HOURS)) {
      throw c.fail(Column.TIME, "TIME " + time + " (expected 0 to " + (long) MAX_TIME_HOURS + " h)");
    }
    double amt = c.number(Column.AMT, 0);
    int mdv = c.integer(Column.MDV, -1);
    if (mdv != -1 && mdv != 0 && mdv != 1) {
      throw c.fail(Column.MDV, "MDV " + mdv + " (expected 0 or 1)");
    }
    EventKind kind;
    if (layout.has(Column.EVID)) {
      if (c.text(Column.EVID).isEmpty()) {
        throw c.fail(Column.EVID, "empty EVID (expected 0 to 4)");
      }
      int evid = c.integer(Column.EVID, 0);
      if (evid < 0 || evid > 4) {
        throw c.fail(Column.EVID, "EVID " + evid + " (expected 0 observation, 1 dose, 2 other, 3 reset, 4 reset and"
            + " dose" + (evid >= 5 && evid <= 7 ? "; EVID 5-7 are rxode2's, not NONMEM's" : "") + ")");
      }
      kind = EventKind.ofEvid(evid);
    } else {
      kind = amt > 0 ? EventKind.DOSE : mdv == 1 ? EventKind.OTHER : EventKind.OBSERVATION;
    }
    if (kind != EventKind.OBSERVATION && mdv == 0) {
      throw c.fail(Column.MDV, "MDV 0 on an EVID " + kind.evid() + " row (expected 1: only an observation has a"
          + " level)");
    }
    double t = time + clockHours;
    DoseRecord record;
    Drug drug = null;
    Formulation formulation = null;
    int analyte = 0;
    double dv = Double.NaN;
    boolean below = false;
    double limit = Double.NaN;
    if (kind.isDose()) {
      if (!(amt > 0 && amt <= MAX_AMOUNT_MG)) {
        throw c.fail(Column.AMT, "AMT " + amt + " on an EVID " + kind.evid() + " row (expected a dose > 0 and <= "
            + (long) MAX_AMOUNT_MG + " mg)");
      }
      String drugCell = c.text(Column.DRUG);
      if (!drugCell.isEmpty()) {
        formulation = formulation(c, drugCell);
        drug = formulation != null ? formulation.drug() : drug(c, drugCell);
      }
      drug = route(c, drug);
      record = kind == EventKind.DOSE ? DoseRecord.dose(t, drug, amt) : DoseRecord.resetAndDose(t, drug, amt);
      record = delivery(c, record, drug);
      double ii = c.number(Column.II, 0);
      int addl = c.integer(Column.ADDL, 0);
      int ss = c.integer(Column.SS, 0);
      if (!(ii >= 0 && ii <= DosingInterval.MAX_HOURS)) {
        throw c.fail(Column.II, "II " + ii + " (expected 0 to " + (long) DosingInterval.MAX_HOURS + " h)");
      }
      if (addl < 0) {
        throw c.fail(Column.ADDL, "ADDL " + addl + " (expected >= 0; a negative ADDL, NONMEM's empirical steady"
            + " state, is not implemented: use SS 1)");
      }
      if (addl > DoseRecord.MAX_ADDITIONAL_DOSES) {
        throw c.fail(Column.ADDL, "ADDL " + addl + " (expected at most " + DoseRecord.MAX_ADDITIONAL_DOSES + ")");
      }
      if (ss < 0 || ss > 2) {
        throw c.fail(Column.SS, "SS " + ss + " (expected 0, 1 or 2" + (ss == 3 ? "; SS 3 is not implemented: mmf"
            + " solves the steady state directly, so use SS 1" : "") + ")");
      }
      if (addl > 0 && ii == 0) {
        throw c.fail(layout.has(Column.II) ? layout.column(Column.II) : layout.column(Column.ADDL), "ADDL " + addl
            + " without II (expected II > 0 h, the interval of the additional doses)");
      }
      if (ss > 0 && ii == 0) {
        throw c.fail(layout.has(Column.II) ? layout.column(Column.II) : layout.column(Column.SS), "SS " + ss
            + " without II (expected II > 0 h, the interval of the steady state)");
      }
      try {
        if (ss > 0) {
          record = record.withSteadyState(SteadyStateMode.ofSs(ss), ii);
        }
        if (addl > 0) {
          record = record.withAdditionalDoses(addl, ii);
        }
      } catch (IllegalArgumentException e) {
        throw new DatasetException(layout.source, row.line(), 0, e.getMessage());
      }
    } else {
      String none = kind == EventKind.OBSERVATION ? "an observation gives no dose; EVID 1 for a dose"
          : "only EVID 1 and 4 give doses";
      if (amt != 0) {
        throw c.fail(Column.AMT, "AMT " + c.text(Column.AMT) + " on an EVID " + kind.evid() + " row (expected 0 or"
            + " empty: " + none + ")");
      }
      for (Column d : List.of(Column.RATE, Column.DUR, Column.II, Column.ADDL, Column.SS)) {
        c.zero(d, kind, none);
      }
      if (kind == EventKind.OBSERVATION) {
        analyte = analyte(c);
        record = DoseRecord.observation(t);
        if (mdv != 1) {
          String dvCell = c.text(Column.DV);
          if (dvCell.startsWith("<")) {
            below = true;
          } else if (layout.has(Column.DV) && !dvCell.isEmpty()) {
            dv = c.number(Column.DV, 0);
          }
          if (below) {
            double l = decimal(dvCell.substring(1));
            if (!(l > 0 && l <= MAX_LEVEL_MG_PER_L)) {
              throw c.fail(Column.DV, "DV '" + shown(dvCell) + "' (expected <LIMIT with a limit > 0 and <= "
                  + (long) MAX_LEVEL_MG_PER_L + " mg/L)");
            }
            limit = l;
          } else if (!Double.isNaN(dv) && !(dv >= 0 && dv <= MAX_LEVEL_MG_PER_L)) {
            throw c.fail(Column.DV, "DV " + dv + " (expected a level of 0 to " + (long) MAX_LEVEL_MG_PER_L + " mg/L)");
          }
          if (!below) {
            double[] flagged = belowLimit(c, dv);
            if (flagged != null) {
              below = true;
              limit = flagged[0];
              dv = Double.NaN;
            }
          } else {
            dv = Double.NaN;
          }
        }
      } else {
        record = kind == EventKind.OTHER ? DoseRecord.other(t) : DoseRecord.reset(t);
      }
    }
    for (Map.Entry<Integer, Covariate> e : layout.covariateColumns.entrySet()) {
      int col = e.getKey();
      if (!c.text(col).isEmpty()) {
        double v = c.number(col, 0);
        Covariate cov = e.getValue();
        if (!cov.accepts().test(v)) {
          throw c.fail(col, "column '" + layout.header.get(col) + "' (expected " + cov.expected() + "): " + v);
        }
        record = record.withCovariate(cov.name(), v);
      }
    }
    double[] eta = null;
    if (layout.etaColumns.length > 0) {
      eta = new double[layout.etaColumns.length];
      for (int k = 0; k < eta.length; k++) {
        int col = layout.etaColumns[k];
        if (c.text(col).isEmpty()) {
          throw c.fail(col, "empty ETA" + (k + 1) + " (expected the subject's random effect on every row)");
        }
        eta[k] = c.number(col, 0);
        if (!(Math.abs(eta[k]) <= 10)) {
          throw c.fail(col, "ETA" + (k + 1) + " " + eta[k] + " (expected -10 to 10, on the log scale)");
        }
      }
    }
    DatasetRow r = new DatasetRow(row.line(), c.cells, kind, time, analyte, dv, mdv == 1, below, limit, drug,
        formulation);
    return new Parsed(id, r, record, eta);
  }

  /** BLQ/LLOQ or CENS/LIMIT on an observation row: {limit} if the level is below it, else null. */
  private static double[] belowLimit(Cells c, double dv) {
    Layout layout = c.layout;
    if (layout.has(Column.CENS)) {
      int cens = c.integer(Column.CENS, 0);
      if (cens == -1) {
        throw c.fail(Column.CENS, "CENS -1 (a level above a limit) is not implemented (expected 0, or 1 for a level"
            + " below the limit in DV)");
      }
      if (cens != 0 && cens != 1) {
        throw c.fail(Column.CENS, "CENS " + cens + " (expected 0, or 1 for a level below the limit in DV)");
      }
      if (cens == 0) {
        return null;
      }
      if (!(dv > 0)) {
        throw c.fail(Column.DV, "CENS 1 with DV '" + c.text(Column.DV) + "' (expected the limit of quantification,"
            + " > 0 mg/L, in DV)");
      }
      double lower = c.number(Column.LIMIT, 0);
      if (lower > 0) {
        throw c.fail(Column.LIMIT, "LIMIT " + lower + " with CENS 1 (expected empty or <= 0: mmf takes a level below"
            + " the limit as Beal's M3, with no lower bound)");
      }
      return new double[] {dv};
    }
    double lloq = c.number(Column.LLOQ, Double.NaN);
    if (layout.has(Column.BLQ)) {
      int blq = c.integer(Column.BLQ, 0);
      if (blq != 0 && blq != 1) {
        throw c.fail(Column.BLQ, "BLQ " + blq + " (expected 0, or 1 for a level below LLOQ)");
      }
      if (blq == 0) {
        return null;
      }
      if (!(lloq > 0 && lloq <= MAX_LEVEL_MG_PER_L)) {
        throw c.fail(layout.has(Column.LLOQ) ? layout.column(Column.LLOQ) : layout.column(Column.BLQ), "BLQ 1 with"
            + " LLOQ '" + c.text(Column.LLOQ) + "' (expected the limit of quantification, > 0 mg/L, in an LLOQ"
            + " column)");
      }
      return new double[] {lloq};
    }
    if (!Double.isNaN(lloq)) {
      if (!(lloq > 0 && lloq <= MAX_LEVEL_MG_PER_L)) {
        throw c.fail(Column.LLOQ, "LLOQ " + lloq + " (expected > 0 and <= " + (long) MAX_LEVEL_MG_PER_L + " mg/L)");
      }
      return dv < lloq ? new double[] {lloq} : null;
    }
    return null;
  }

  /** A formulation named in DRUG, or null if the cell names a drug. */
  private Formulation formulation(Cells c, String cell) {
    if (cell.equals("1") || cell.equals("2") || drugByName(cell) != null) {
      return null;
    }
    try {
      Formulation f = Formulation.byName(cell);
      if (f.route() != Formulation.Route.ORAL) {
        throw c.fail(Column.DRUG, "DRUG '" + shown(cell) + "' is intravenous, and model '" + model.name()
            + "' describes oral doses (absorption, lag, bioavailability)");
      }
      return f;
    } catch (DatasetException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw c.fail(Column.DRUG, "DRUG '" + shown(cell) + "' (expected MMF, EC-MPS, 1 for MMF, 2 for EC-MPS, or a"
          + " formulation such as mmf-tablet-500 or ec-mps-360)");
    }
  }

  private static Drug drug(Cells c, String cell) {
    if (cell.equals("1")) {
      return Drug.MYCOPHENOLATE_MOFETIL;
    }
    if (cell.equals("2")) {
      return Drug.MYCOPHENOLATE_SODIUM;
    }
    return drugByName(cell);
  }

  private static Drug drugByName(String cell) {
    for (Drug d : Drug.values()) {
      if (d.abbreviation().equalsIgnoreCase(cell) || d.name().equalsIgnoreCase(cell)) {
        return d;
      }
    }
    return null;
  }

  /** The drug of a dose row and the check of its CMT against the model's input for it. */
  private Drug route(Cells c, Drug given) {
    String cmt = c.text(Column.CMT);
    if (decimal(cmt) == 0) {
      cmt = ""; // CMT 0 on a dose: the default dose compartment, as NONMEM reads it (the drug's input here)
    }
    Drug drug = given;
    String compartment = null;
    if (!cmt.isEmpty()) {
      Drug named = drugByName(cmt);
      if (named != null) {
        if (drug != null && drug != named) {
          throw c.fail(Column.CMT, "CMT '" + cmt + "' names another drug than DRUG '" + c.text(Column.DRUG) + "'");
        }
        drug = named;
      } else {
        compartment = compartment(c, cmt);
        if (drug == null) {
          List<Drug> into = new ArrayList<>();
          for (Map.Entry<Drug, DoseInput> e : new TreeMap<>(model.inputs()).entrySet()) {
            if (e.getValue().compartment().equals(compartment)) {
              into.add(e.getKey());
            }
          }
          if (into.size() > 1 && !into.contains(Drug.MYCOPHENOLATE_MOFETIL)) {
            throw c.fail(Column.CMT, "CMT '" + cmt + "': compartment " + compartment + " of model '" + model.name()
                + "' receives " + abbreviations(into) + " (expected a DRUG column saying which)");
          }
          drug = into.isEmpty() ? null : into.size() > 1 ? Drug.MYCOPHENOLATE_MOFETIL : into.get(0);
          if (drug == null) {
            throw c.fail(Column.CMT, "CMT '" + cmt + "': model '" + model.name() + "' doses nothing into compartment "
                + compartment + " (" + inputsText() + ")");
          }
        }
      }
    }
    if (drug == null) {
      if (model.inputs().containsKey(Drug.MYCOPHENOLATE_MOFETIL)) {
        drug = Drug.MYCOPHENOLATE_MOFETIL;
      } else if (model.inputs().size() > 1) {
        throw c.fail(layout(c), "a dose without DRUG or CMT, and model '" + model.name() + "' takes "
            + abbreviations(new ArrayList<>(new TreeMap<>(model.inputs()).keySet())) + " (expected a DRUG or CMT"
            + " column saying which)");
      } else {
        drug = model.inputs().keySet().iterator().next();
      }
    }
    DoseInput input = model.inputs().get(drug);
    if (input == null && anyDrug && compartment == null) {
      return drug;
    }
    if (input == null) {
      throw c.fail(c.layout.has(Column.DRUG) ? c.layout.column(Column.DRUG) : c.layout.column(Column.CMT), "model '"
          + model.name() + "' takes no " + drug.abbreviation() + " doses (" + inputsText() + ")");
    }
    if (compartment != null && !compartment.equals(input.compartment())) {
      throw c.fail(Column.CMT, "CMT '" + cmt + "': model '" + model.name() + "' doses " + drug.abbreviation()
          + " into " + input.compartment() + " (CMT " + (model.compartments().indexOf(input.compartment()) + 1)
          + "), not " + compartment);
    }
    return drug;
  }

  private static int layout(Cells c) {
    return c.layout.column(Column.AMT);
  }

  private String inputsText() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<Drug, DoseInput> e : new TreeMap<>(model.inputs()).entrySet()) {
      out.add(e.getKey().abbreviation() + " into " + e.getValue().compartment() + ", CMT "
          + (model.compartments().indexOf(e.getValue().compartment()) + 1));
    }
    return String.join("; ", out);
  }

  private static String abbreviations(List<Drug> drugs) {
    List<String> out = new ArrayList<>();
    for (Drug d : drugs) {
      out.add(d.abbreviation());
    }
    return String.join(" and ", out);
  }

  /** A compartment by name (any case) or 1-based number. */
  private String compartment(Cells c, String cmt) {
    List<String> names = model.compartments();
    double v = decimal(cmt);
    if (!Double.isNaN(v)) {
      if (v < 0) {
        throw c.fail(Column.CMT, "CMT " + cmt + " (a negative CMT, NONMEM's compartment off, is not implemented)");
      }
      if (v != Math.rint(v) || v < 1 || v > names.size()) {
        throw c.fail(Column.CMT, "CMT " + cmt + " (expected 0 or empty for the drug's input or the primary analyte,"
            + " or 1 to " + names.size() + " for model '" + model.name() + "': " + numbered() + ")");
      }
      return names.get((int) v - 1);
    }
    for (String n : names) {
      if (n.equalsIgnoreCase(cmt)) {
        return n;
      }
    }
    throw c.fail(Column.CMT, "CMT '" + shown(cmt) + "' (expected a compartment of model '" + model.name() + "': "
        + numbered() + ")");
  }

  private String numbered() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < model.compartments().size(); i++) {
      out.add((i + 1) + " " + model.compartments().get(i));
    }
    return String.join(", ", out);
  }

  /** The analyte an observation row measures: the primary one, or the one CMT names. */
  private int analyte(Cells c) {
    String cmt = c.text(Column.CMT);
    if (cmt.isEmpty() || decimal(cmt) == 0) {
      return 0;
    }
    List<PkModel.Observed> observed = model.observed();
    for (int a = 0; a < observed.size(); a++) {
      if (observed.get(a).name().equalsIgnoreCase(cmt)) {
        return a;
      }
    }
    String compartment = compartment(c, cmt);
    for (int a = 0; a < observed.size(); a++) {
      if (observed.get(a).compartment().equals(compartment)) {
        return a;
      }
    }
    List<String> where = new ArrayList<>();
    for (PkModel.Observed o : observed) {
      where.add(o.name() + " in " + o.compartment() + " (CMT " + (model.compartments().indexOf(o.compartment()) + 1)
          + ")");
    }
    throw c.fail(Column.CMT, "CMT '" + cmt + "' on an observation row: model '" + model.name() + "' observes "
        + String.join(", ", where));
  }

  /** RATE and DUR of a dose row. */
  private DoseRecord delivery(Cells c, DoseRecord record, Drug drug) {
    Layout layout = c.layout;
    double rate = c.number(Column.RATE, 0);
    double dur = c.number(Column.DUR, 0);
    DoseInput input = model.inputs().get(drug);
    boolean modelled = input != null && input.zeroOrderHours() > 0;
    if (rate > 0 && dur > 0) {
      throw c.fail(Column.DUR, "RATE " + rate + " and DUR " + dur + " (expected one of them: a rate or a duration)");
    }
    if (dur < 0 || dur > DoseInput.MAX_HOURS) {
      throw c.fail(Column.DUR, "DUR " + dur + " (expected 0 to " + (long) DoseInput.MAX_HOURS + " h)");
    }
    if (rate == -2 && dur > 0) {
      return record.withDuration(dur);
    }
    if (rate == -1 || rate == -2) {
      if (!modelled) {
        throw c.fail(Column.RATE, "RATE " + (int) rate + " asks for the model's own zero-order input, and model '"
            + model.name() + "' gives " + drug.abbreviation() + " as a bolus (expected RATE 0, a rate, or DUR)");
      }
      if (dur > 0) {
        throw c.fail(Column.DUR, "DUR " + dur + " with RATE -1 (expected RATE -2 with a duration)");
      }
      return record;
    }
    if (rate < 0 || rate > MAX_RATE_MG_PER_HOUR) {
      throw c.fail(Column.RATE, "RATE " + rate + " (expected 0 for a bolus, > 0 mg/h up to " + (long)
          MAX_RATE_MG_PER_HOUR + ", or -1/-2 for the model's own zero-order input)");
    }
    if (rate > 0) {
      return record.withRate(rate);
    }
    if (dur > 0) {
      return record.withDuration(dur);
    }
    if (modelled && layout.has(Column.RATE)) {
      throw c.fail(Column.RATE, "RATE 0 (a bolus), and model '" + model.name() + "' gives " + drug.abbreviation()
          + " over " + input.zeroOrderHours() + " h (expected RATE -2 for the model's own input, or a RATE or DUR"
          + " of the row's own; mmf has no bolus into that input)");
    }
    return record;
  }
}
