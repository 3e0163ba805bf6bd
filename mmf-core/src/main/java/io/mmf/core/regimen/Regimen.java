package io.mmf.core.regimen;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.internal.Checks;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dosing regimen: a formulation, the (target) dose per administration, the interval, an optional
 * start date and an optional titration up to the dose.
 *
 * <p>Immutable and thread-safe; {@code with...} methods return changed copies. Doses are mg of the
 * formulation's labelled substance (MMF, or MPA as mycophenolate sodium for EC-MPS).
 *
 * @param formulation what is given
 * @param dose dose per administration once titration is complete
 * @param interval time between administrations
 * @param startDate first day of treatment, if known
 * @param titration gradual start, if any
 */
public record Regimen(Formulation formulation, Dose dose, DosingInterval interval, Optional<LocalDate> startDate,
    Optional<Titration> titration) {

  /**
   * Validates the regimen.
   *
   * @param formulation formulation
   * @param dose target dose per administration
   * @param interval interval
   * @param startDate optional start
   * @param titration optional titration
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the titration's start dose is not below the target dose
   */
  public Regimen {
    Checks.notNull(formulation, "formulation");
    Checks.notNull(dose, "dose");
    Checks.notNull(interval, "interval");
    Checks.notNull(startDate, "startDate");
    Checks.notNull(titration, "titration");
    if (titration.isPresent() && titration.get().startDose().compareTo(dose) >= 0) {
      throw new IllegalArgumentException(Checks.invalid("titration.startDose",
          "< regimen dose " + dose, titration.get().startDose()));
    }
  }

  /**
   * A regimen without start date or titration, e.g.
   * {@code Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1000), DosingInterval.TWICE_DAILY)}.
   *
   * @param formulation what is given
   * @param dose dose per administration
   * @param interval time between administrations
   * @return the regimen
   * @throws NullPointerException if an argument is null
   */
  public static Regimen of(Formulation formulation, Dose dose, DosingInterval interval) {
    return new Regimen(formulation, dose, interval, Optional.empty(), Optional.empty());
  }

  /**
   * This regimen starting on a date.
   *
   * @param date first day of treatment
   * @return the changed copy
   * @throws NullPointerException if {@code date} is null
   */
  public Regimen startingOn(LocalDate date) {
    return new Regimen(formulation, dose, interval, Optional.of(Checks.notNull(date, "startDate")), titration);
  }

  /**
   * This regimen with another target dose.
   *
   * @param newDose dose per administration
   * @return the changed copy
   * @throws NullPointerException if {@code newDose} is null
   * @throws IllegalArgumentException if a titration starts at or above the new dose
   */
  public Regimen withDose(Dose newDose) {
    return new Regimen(formulation, newDose, interval, startDate, titration);
  }

  /**
   * This regimen reaching its dose through a titration.
   *
   * @param value the titration
   * @return the changed copy
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if the titration starts at or above the regimen dose
   */
  public Regimen withTitration(Titration value) {
    return new Regimen(formulation, dose, interval, startDate, Optional.of(Checks.notNull(value, "titration")));
  }

  /**
   * Returns the target total daily dose, mg per day: dose x administrations per day.
   *
   * @return the target total daily dose, mg per day: dose x administrations per day
   */
  public Dose dailyDose() {
    return dose.times(interval.administrationsPerDay());
  }

  /**
   * The dose per administration over time: day 0 onwards, one step per change, ending at the target
   * dose. Without titration this is a single step.
   *
   * @return the steps, in day order
   */
  public List<DoseStep> steps() {
    List<DoseStep> steps = new ArrayList<>();
    if (titration.isEmpty()) {
      return List.of(new DoseStep(0, dose));
    }
    Titration t = titration.get();
    double mg = t.startDose().mg();
    int day = 0;
    while (mg < dose.mg()) {
      steps.add(new DoseStep(day, Dose.ofMg(mg)));
      mg += t.step().mg();
      day = Math.addExact(day, t.stepEveryDays());
    }
    steps.add(new DoseStep(day, dose));
    return List.copyOf(steps);
  }

  /**
   * The dose per administration on a day of treatment.
   *
   * @param day day of treatment, &gt;= 0 (0 is the first day)
   * @return the dose that applies that day
   * @throws IllegalArgumentException if {@code day} is negative
   */
  public Dose doseOnDay(int day) {
    Checks.nonNegative(day, "day");
    Dose current = null;
    for (DoseStep s : steps()) {
      if (s.day() <= day) {
        current = s.dose();
      }
    }
    return current;
  }

  /**
   * The dose per administration on a calendar date.
   *
   * @param date the date, on or after the start date
   * @return the dose that applies that day
   * @throws NullPointerException if {@code date} is null
   * @throws IllegalStateException if the regimen has no start date
   * @throws IllegalArgumentException if {@code date} is before the start date
   */
  public Dose doseOn(LocalDate date) {
    Checks.notNull(date, "date");
    LocalDate start = startDate.orElseThrow(() -> new IllegalStateException("regimen has no start date"));
    long day = ChronoUnit.DAYS.between(start, date);
    if (day < 0) {
      throw new IllegalArgumentException(Checks.invalid("date", "on or after start date " + start, date));
    }
    return doseOnDay((int) Math.min(day, Integer.MAX_VALUE));
  }

  /**
   * Returns e.g. {@code MMF 500 mg tablet 1000 mg every 12 h}.
   */
  @Override
  public String toString() {
    return formulation.label() + ", " + dose + " " + interval
        + titration.map(t -> ", titrated from " + t.startDose() + " by " + t.step() + " every "
            + t.stepEveryDays() + " d").orElse("")
        + startDate.map(d -> ", from " + d).orElse("");
  }
}
