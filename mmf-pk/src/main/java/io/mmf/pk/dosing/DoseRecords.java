package io.mmf.pk.dosing;

import io.mmf.core.internal.Checks;
import io.mmf.core.regimen.DoseStep;
import io.mmf.core.regimen.Regimen;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A dose history: {@link DoseRecord}s in non-decreasing time, records at the same time in the order
 * given (they act in that order, as in NONMEM), and the rule by which covariates hold between the
 * records that give them. This is what both solvers take; a {@link DosingSchedule} or a core
 * {@link Regimen} builds one.
 *
 * <p>Nothing is reordered: records out of time order are refused, naming the first one. Immutable and
 * thread-safe.
 */
public final class DoseRecords {
  /** Most doses a history may expand to, additional doses included. */
  public static final int MAX_DOSES = 1_000_000;

  private final List<DoseRecord> records;
  private final CovariateInterpolation interpolation;

  private DoseRecords(List<DoseRecord> records, CovariateInterpolation interpolation) {
    this.records = records;
    this.interpolation = interpolation;
  }

  /**
   * A history of records, covariates carried forward ({@link CovariateInterpolation#LOCF}).
   *
   * @param records the records, in non-decreasing time
   * @return the history
   * @throws NullPointerException if {@code records} or an element is null
   * @throws IllegalArgumentException if {@code records} is empty, out of time order (the message names the
   *     first record out of order), or expands to more than {@link #MAX_DOSES} doses
   */
  public static DoseRecords of(List<DoseRecord> records) {
    Checks.nonEmpty(records, "records");
    List<DoseRecord> copy = List.copyOf(records);
    long doses = 0;
    for (int i = 0; i < copy.size(); i++) {
      DoseRecord r = copy.get(i);
      if (i > 0 && r.timeHours() < copy.get(i - 1).timeHours()) {
        throw new IllegalArgumentException(Checks.invalid("records[" + i + "].timeHours", ">= "
            + copy.get(i - 1).timeHours() + ", the time of records[" + (i - 1) + "]", r.timeHours()));
      }
      doses += r.kind().isDose() ? 1L + r.additionalDoses() : 0;
    }
    if (doses > MAX_DOSES) {
      throw new IllegalArgumentException(Checks.invalid("records", "at most " + MAX_DOSES + " doses with the"
          + " additional ones", doses + " doses"));
    }
    return new DoseRecords(copy, CovariateInterpolation.LOCF);
  }

  /**
   * A history of records, covariates carried forward.
   *
   * @param records the records, in non-decreasing time
   * @return the history
   * @throws NullPointerException if an element is null
   * @throws IllegalArgumentException as {@link #of(List)}
   */
  public static DoseRecords of(DoseRecord... records) {
    return of(List.of(records));
  }

  /**
   * The first {@code doses} administrations of a regimen, from time 0, one every interval, each at the
   * dose its titration gives for its day: one record per titration step, the repeats of a step as
   * additional doses.
   *
   * @param regimen the regimen
   * @param doses number of administrations, 1 to {@link DosingSchedule#MAX_EVENTS}
   * @return the history
   * @throws NullPointerException if {@code regimen} is null
   * @throws IllegalArgumentException if {@code doses} is out of range
   */
  public static DoseRecords fromRegimen(Regimen regimen, int doses) {
    Checks.notNull(regimen, "regimen");
    if (doses < 1 || doses > DosingSchedule.MAX_EVENTS) {
      throw new IllegalArgumentException(Checks.invalid("doses", "1 to " + DosingSchedule.MAX_EVENTS, doses));
    }
    List<DoseRecord> out = new ArrayList<>();
    List<DoseStep> steps = regimen.steps();
    double tau = regimen.interval().hours();
    int step = 0;
    int first = 0;
    for (int k = 0; k <= doses; k++) {
      int s = step;
      if (k < doses) {
        long day = (long) Math.floor(k * tau / 24.0);
        while (s + 1 < steps.size() && steps.get(s + 1).day() <= day) {
          s++;
        }
      }
      if (k == doses || s != step) {
        if (k > first) {
          DoseRecord r = DoseRecord.dose(first * tau, regimen.formulation().drug(), steps.get(step).dose().mg());
          out.add(k - first > 1 ? r.withAdditionalDoses(k - first - 1, tau) : r);
        }
        first = k;
        step = s;
      }
    }
    return of(out);
  }

  /**
   * The steady state of a regimen: one steady-state dose (SS 1) at {@code timeHours}, of the regimen's
   * dose every interval, followed by {@code additionalDoses} more.
   *
   * @param regimen the regimen (its titration is not used: the steady state is of its maintenance dose)
   * @param timeHours time of the steady-state dose, h, finite and &gt;= 0
   * @param additionalDoses doses after it, 0 to {@link DoseRecord#MAX_ADDITIONAL_DOSES}
   * @return the history
   * @throws NullPointerException if {@code regimen} is null
   * @throws IllegalArgumentException if a value is out of range
   */
  public static DoseRecords steadyState(Regimen regimen, double timeHours, int additionalDoses) {
    Checks.notNull(regimen, "regimen");
    double tau = regimen.interval().hours();
    DoseRecord r = DoseRecord.dose(timeHours, regimen.formulation().drug(), regimen.dose().mg())
        .withSteadyState(SteadyStateMode.RESET, tau);
    return of(additionalDoses > 0 ? r.withAdditionalDoses(additionalDoses, tau) : r);
  }

  /**
   * This history with another covariate rule.
   *
   * @param value the rule
   * @return the changed copy
   * @throws NullPointerException if {@code value} is null
   */
  public DoseRecords withInterpolation(CovariateInterpolation value) {
    return new DoseRecords(records, Checks.notNull(value, "interpolation"));
  }

  /**
   * Returns the records in their given order (unmodifiable).
   *
   * @return the records
   */
  public List<DoseRecord> records() {
    return records;
  }

  /**
   * Returns how covariates hold between the records that give them.
   *
   * @return the rule
   */
  public CovariateInterpolation interpolation() {
    return interpolation;
  }

  /**
   * Returns the time of the last record, h.
   *
   * @return the last record's time, h
   */
  public double lastTimeHours() {
    return records.get(records.size() - 1).timeHours();
  }

  /**
   * The times of every dose this history gives: each dose record's own dose and its additional doses
   * (ADDL), without those that a reset (EVID 3 or 4) or a steady-state dose (SS 1) cancels. An
   * additional dose due at the instant of such a record is cancelled too, since records at an instant
   * act before what earlier records set in motion for it.
   *
   * @return h after the history's time 0, in non-decreasing order
   */
  public double[] administrationTimesHours() {
    List<Administration> a = administrations();
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).timeHours();
    }
    return out;
  }

  /**
   * One dose given: when, and the record it comes from (its own dose or one of its additional doses).
   *
   * @param timeHours h after the history's time 0
   * @param record index of the record in {@link #records()}
   */
  public record Administration(double timeHours, int record) {}

  /**
   * The doses this history gives, as {@link #administrationTimesHours()}, each with its record.
   *
   * @return the doses in non-decreasing time (unmodifiable)
   */
  public List<Administration> administrations() {
    List<Administration> out = new ArrayList<>();
    replay((record, lastDoseHours) -> { }, (t, record) -> out.add(new Administration(t, record)));
    return List.copyOf(out);
  }

  /**
   * For each record, the hours since the last dose it sees (a derived TAD): a dose record sees its own
   * dose (0); a record at the instant of an additional dose sees the dose before it, as it sees the
   * state before it; after a reset (EVID 3) no dose until the next. Doses count from their
   * administration, not from a lagged arrival.
   *
   * @return h, one per record in record order; NaN where no dose precedes
   */
  public double[] hoursAfterDose() {
    double[] out = new double[records.size()];
    int[] i = {0};
    replay((record, lastDoseHours) -> out[i[0]++] = record.timeHours() - lastDoseHours, (t, record) -> { });
    return out;
  }

  /** What {@link #replay} reports at each record: the record and the last dose it sees (NaN for none). */
  @FunctionalInterface
  private interface AtRecord {
    void at(DoseRecord record, double lastDoseHours);
  }

  /**
   * Walks the records in order with the additional-dose series in progress: each record sees the doses
   * strictly before its instant and the records before it at its instant; a reset cancels every series
   * and the last dose, a steady-state dose (SS 1) the series of earlier records. Doses are reported to
   * {@code administered} in time order.
   */
  /** What {@link #replay} reports of each dose given: its time and its record's index. */
  @FunctionalInterface
  private interface Given {
    void given(double timeHours, int record);
  }

  private void replay(AtRecord atRecord, Given administered) {
    // {first dose time, interval, next dose number, last dose number, record}: dose j at first + j * interval, as the
    // engines compute it, so that coincidences with records are exact
    List<double[]> series = new ArrayList<>();
    double last = Double.NaN;
    for (int index = 0; index < records.size(); index++) {
      DoseRecord r = records.get(index);
      double t = r.timeHours();
      double drained = drain(series, t, administered);
      last = Double.isNaN(drained) ? last : drained;
      if (r.kind().isReset()) {
        series.clear();
        last = Double.NaN;
      }
      if (r.kind().isDose()) {
        if (r.steadyState() == SteadyStateMode.RESET) {
          series.clear();
        }
        administered.given(t, index);
        last = t;
        if (r.additionalDoses() > 0) {
          series.add(new double[] {t, r.intervalHours(), 1, r.additionalDoses(), index});
        }
      }
      atRecord.at(r, last);
    }
    drain(series, Double.POSITIVE_INFINITY, administered);
  }

  /** Gives the series' doses strictly before {@code limit} in time order; returns the last, or NaN. */
  private static double drain(List<double[]> series, double limit, Given administered) {
    double last = Double.NaN;
    while (true) {
      double[] next = null;
      double at = limit;
      for (double[] s : series) {
        double due = s[0] + s[2] * s[1];
        if (due < at) {
          next = s;
          at = due;
        }
      }
      if (next == null) {
        return last;
      }
      last = at;
      administered.given(at, (int) next[4]);
      if (++next[2] > next[3]) {
        series.remove(next);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DoseRecords r && r.records.equals(records) && r.interpolation == interpolation;
  }

  @Override
  public int hashCode() {
    return Objects.hash(records, interpolation);
  }

  /** Returns e.g. {@code DoseRecords[3 records, 0.0-24.0 h, LOCF]}. */
  @Override
  public String toString() {
    return "DoseRecords[" + records.size() + " records, " + records.get(0).timeHours() + "-" + lastTimeHours()
        + " h, " + interpolation + "]";
  }
}
