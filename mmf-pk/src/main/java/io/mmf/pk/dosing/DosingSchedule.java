package io.mmf.pk.dosing;

import io.mmf.core.internal.Checks;
import io.mmf.core.regimen.DoseStep;
import io.mmf.core.regimen.Regimen;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A non-empty sequence of administrations in time order, built from an mmf-core {@link Regimen}
 * (titration included) or from explicit events (irregular times, missed, late and changed doses): a
 * builder of the {@link DoseRecords} the solvers take ({@link #toRecords()}).
 *
 * <p>Immutable and thread-safe; {@code with...} methods return changed copies.
 */
public final class DosingSchedule {
  /** Most administrations a schedule may hold (ten years of twice-daily dosing is 7 305). */
  public static final int MAX_EVENTS = 100_000;

  private static final Comparator<DoseEvent> BY_TIME = Comparator.comparingDouble(DoseEvent::timeHours);

  private final List<DoseEvent> events;

  private DosingSchedule(List<DoseEvent> events) {
    this.events = events;
  }

  /**
   * A schedule of explicit events. Two events may share a time (e.g. two formulations at once).
   *
   * @param events the administrations, in non-decreasing time order
   * @return the schedule
   * @throws NullPointerException if {@code events} or an element is null
   * @throws IllegalArgumentException if {@code events} is empty, longer than {@link #MAX_EVENTS}, or not
   *     in time order (the message names the first event out of order)
   */
  public static DosingSchedule of(List<DoseEvent> events) {
    Checks.notNull(events, "events");
    List<DoseEvent> copy = List.copyOf(events);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(Checks.invalid("events", "at least one dose", "[]"));
    }
    if (copy.size() > MAX_EVENTS) {
      throw new IllegalArgumentException(Checks.invalid("events", "at most " + MAX_EVENTS + " doses", copy.size()
          + " doses"));
    }
    for (int i = 1; i < copy.size(); i++) {
      if (copy.get(i).timeHours() < copy.get(i - 1).timeHours()) {
        throw new IllegalArgumentException(Checks.invalid("events[" + i + "].timeHours", ">= "
            + copy.get(i - 1).timeHours() + ", the time of events[" + (i - 1) + "]", copy.get(i).timeHours()));
      }
    }
    return new DosingSchedule(copy);
  }

  /**
   * The first {@code doses} administrations of a regimen, from time 0 h on day 0 of treatment, one
   * every interval, each at the dose the regimen's titration gives for its day.
   *
   * @param regimen the regimen
   * @param doses number of administrations, 1 to {@link #MAX_EVENTS}
   * @return the schedule
   * @throws NullPointerException if {@code regimen} is null
   * @throws IllegalArgumentException if {@code doses} is out of range
   */
  public static DosingSchedule fromRegimen(Regimen regimen, int doses) {
    Checks.notNull(regimen, "regimen");
    if (doses < 1 || doses > MAX_EVENTS) {
      throw new IllegalArgumentException(Checks.invalid("doses", "1 to " + MAX_EVENTS, doses));
    }
    List<DoseEvent> events = new ArrayList<>(doses);
    List<DoseStep> steps = regimen.steps();
    double tau = regimen.interval().hours();
    int step = 0;
    for (int k = 0; k < doses; k++) {
      double t = k * tau;
      long day = (long) Math.floor(t / 24.0);
      while (step + 1 < steps.size() && steps.get(step + 1).day() <= day) {
        step++;
      }
      events.add(new DoseEvent(t, steps.get(step).dose(), regimen.formulation()));
    }
    return new DosingSchedule(List.copyOf(events));
  }

  /**
   * Returns the administrations in time order (unmodifiable).
   *
   * @return the administrations in time order (unmodifiable)
   */
  public List<DoseEvent> events() {
    return events;
  }

  /**
   * The dose history of this schedule: one dose record per administration, at its time, in order.
   *
   * @return the records
   */
  public DoseRecords toRecords() {
    List<DoseRecord> out = new ArrayList<>(events.size());
    for (DoseEvent e : events) {
      out.add(DoseRecord.dose(e.timeHours(), e.formulation().drug(), e.dose().mg()));
    }
    return DoseRecords.of(out);
  }

  /**
   * Returns the total MPA given, mg.
   *
   * @return the total MPA given, mg
   */
  public double totalMpaMg() {
    double sum = 0;
    for (DoseEvent e : events) {
      sum += e.mpaMg();
    }
    return sum;
  }

  /**
   * This schedule without one administration: a missed dose.
   *
   * @param index which administration, 0-based
   * @return the changed copy
   * @throws IndexOutOfBoundsException if {@code index} is out of range
   * @throws IllegalArgumentException if it is the only administration
   */
  public DosingSchedule withMissedDose(int index) {
    Objects.checkIndex(index, events.size());
    List<DoseEvent> copy = new ArrayList<>(events);
    copy.remove(index);
    return of(copy);
  }

  /**
   * This schedule with one administration given late (it may move past later ones; order is kept).
   *
   * @param index which administration, 0-based
   * @param delayHours delay, h, finite and &gt;= 0
   * @return the changed copy
   * @throws IndexOutOfBoundsException if {@code index} is out of range
   * @throws IllegalArgumentException if {@code delayHours} is negative or not finite
   */
  public DosingSchedule withLateDose(int index, double delayHours) {
    Objects.checkIndex(index, events.size());
    Checks.nonNegative(delayHours, "delayHours");
    List<DoseEvent> copy = new ArrayList<>(events);
    DoseEvent e = copy.remove(index);
    copy.add(new DoseEvent(e.timeHours() + delayHours, e.dose(), e.formulation()));
    copy.sort(BY_TIME);
    return of(copy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DosingSchedule s && events.equals(s.events);
  }

  @Override
  public int hashCode() {
    return events.hashCode();
  }

  /**
   * Returns e.g. {@code DosingSchedule[14 doses, 0-156 h]}.
   */
  @Override
  public String toString() {
    return "DosingSchedule[" + events.size() + " doses, " + events.get(0).timeHours() + "-"
        + events.get(events.size() - 1).timeHours() + " h]";
  }
}
