package io.mmf.pk.dosing;

import io.mmf.core.drug.Drug;
import io.mmf.core.internal.Checks;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One row of a dose history in NONMEM's conventions: the solvers' native input. A record has a time
 * and a {@link EventKind kind}; a dose record also has a drug (which the model routes to its own input:
 * compartment, bioavailability F and lag), an amount, and optionally a rate or a duration, repeats
 * and a steady-state mode; any record may carry covariate values.
 *
 * <table class="striped">
 * <caption>Items and their meaning (NONMEM's name in the first column)</caption>
 * <thead><tr><th>item</th><th>here</th><th>meaning</th></tr></thead>
 * <tbody>
 * <tr><td>TIME</td><td>{@link #timeHours()}</td><td>h after the history's time 0 (midnight of day 0 for
 *     clock emptying windows); records must come in non-decreasing time</td></tr>
 * <tr><td>EVID</td><td>{@link #kind()}</td><td>0 observation, 1 dose, 2 other (covariates, a prediction),
 *     3 reset, 4 reset and dose</td></tr>
 * <tr><td>CMT</td><td>{@link #drug()}</td><td>the model's input for this drug receives the dose; its F and
 *     lag apply, as in effect at the record's time, to the dose and to its additional doses</td></tr>
 * <tr><td>AMT</td><td>{@link #amountMg()}</td><td>mg of the drug's labelled substance: mg of MMF, or for
 *     EC-MPS mg of mycophenolic acid (Myfortic's strengths are mg of MPA), converted to the model's dose
 *     unit; F x AMT enters</td></tr>
 * <tr><td>RATE</td><td>{@link #rateMgPerHour()}</td><td>&gt; 0: a zero-order input at this rate (mg of the
 *     labelled substance per h), lasting F x AMT / RATE; 0: not given</td></tr>
 * <tr><td>DUR (RATE = -2)</td><td>{@link #durationHours()}</td><td>&gt; 0: a zero-order input of F x AMT over
 *     this many hours; 0: not given. With neither RATE nor DUR the input's own delivery applies (a bolus,
 *     or its modelled zero-order duration)</td></tr>
 * <tr><td>II</td><td>{@link #intervalHours()}</td><td>h between additional doses, and the interval of a
 *     steady-state dose</td></tr>
 * <tr><td>ADDL</td><td>{@link #additionalDoses()}</td><td>that many more doses exactly like this one,
 *     every II, not steady-state doses; cancelled by a later reset</td></tr>
 * <tr><td>SS</td><td>{@link #steadyState()}</td><td>0 none; 1 the state is reset to the steady state of
 *     this dose given every II (its lag, rate and the emptying windows it anchors included, and
 *     whatever of earlier doses of that regimen is still pending: a lagged arrival, an infusion in
 *     progress), then the dose is given; 2 the same steady state is added to the current state</td></tr>
 * <tr><td>covariates</td><td>{@link #covariates()}</td><td>values that change the model's parameters
 *     from this record on (or up to it, with {@link CovariateInterpolation#NOCB})</td></tr>
 * </tbody>
 * </table>
 *
 * <p>Order at one instant: records at the same time act in their given order, as in NONMEM; then what
 * earlier records set in motion for that instant (a lagged arrival, an additional dose, an infusion's
 * end, an emptying window's edge). So an observation record after a dose record at the same time sees
 * that dose (a bolus into the observed compartment counts, a dose into a depot has not moved yet),
 * an observation record before it does not, and an observation at the time of an additional dose
 * sees the concentration just before it (the trough). Output times that a caller asks for outside the
 * records ({@code ConcentrationSolver.simulate(model, records, times)}) see the state just before
 * everything at their instant.
 *
 * <p>What is refused, naming the record: dose items on a record that is not a dose; ADDL or SS
 * without II; both RATE and DUR; SS with AMT 0 (a steady-state constant infusion, not implemented).
 * Immutable and thread-safe; {@code with...} methods return changed copies.
 */
public final class DoseRecord {
  /** Most additional doses one record may ask for (ten years of dosing every hour is 87 660). */
  public static final int MAX_ADDITIONAL_DOSES = 100_000;

  private final double timeHours;
  private final EventKind kind;
  private final Drug drug;
  private final double amountMg;
  private final double rateMgPerHour;
  private final double durationHours;
  private final double intervalHours;
  private final int additionalDoses;
  private final SteadyStateMode steadyState;
  private final Map<String, Double> covariates;

  private DoseRecord(double timeHours, EventKind kind, Drug drug, double amountMg, double rateMgPerHour,
      double durationHours, double intervalHours, int additionalDoses, SteadyStateMode steadyState,
      Map<String, Double> covariates) {
    this.timeHours = Checks.nonNegative(timeHours, "timeHours");
    this.kind = Checks.notNull(kind, "kind");
    this.drug = drug;
    this.amountMg = amountMg;
    this.rateMgPerHour = Checks.nonNegative(rateMgPerHour, "rateMgPerHour");
    this.durationHours = Checks.nonNegative(durationHours, "durationHours");
    this.intervalHours = Checks.nonNegative(intervalHours, "intervalHours");
    this.additionalDoses = additionalDoses;
    this.steadyState = Checks.notNull(steadyState, "steadyState");
    this.covariates = Map.copyOf(covariates);
    for (Map.Entry<String, Double> c : this.covariates.entrySet()) {
      Checks.finite(c.getValue(), "covariate " + c.getKey());
    }
    if (kind.isDose()) {
      Checks.notNull(drug, "drug");
      Checks.positive(amountMg, "amountMg");
    } else if (drug != null || amountMg != 0 || rateMgPerHour != 0 || durationHours != 0 || intervalHours != 0
        || additionalDoses != 0 || steadyState != SteadyStateMode.NONE) {
      throw new IllegalArgumentException(Checks.invalid("record", "no dose items on a " + kind + " record", this));
    }
    if (rateMgPerHour > 0 && durationHours > 0) {
      throw new IllegalArgumentException(Checks.invalid("record", "a rate or a duration, not both", this));
    }
    if (additionalDoses < 0 || additionalDoses > MAX_ADDITIONAL_DOSES) {
      throw new IllegalArgumentException(Checks.invalid("additionalDoses", "0 to " + MAX_ADDITIONAL_DOSES,
          additionalDoses));
    }
    if ((additionalDoses > 0 || steadyState != SteadyStateMode.NONE) && !(intervalHours > 0)) {
      throw new IllegalArgumentException(Checks.invalid("intervalHours", "> 0 with additional doses or a steady"
          + " state", intervalHours));
    }
  }

  private static final Map<String, Double> NONE = Map.of();

  /**
   * A dose (EVID 1) of a drug into the model's input for it.
   *
   * @param timeHours h, finite and &gt;= 0
   * @param drug the drug
   * @param amountMg mg of its labelled substance, finite and &gt; 0
   * @return the record
   * @throws NullPointerException if {@code drug} is null
   * @throws IllegalArgumentException if a number is out of range
   */
  public static DoseRecord dose(double timeHours, Drug drug, double amountMg) {
    return new DoseRecord(timeHours, EventKind.DOSE, drug, amountMg, 0, 0, 0, 0, SteadyStateMode.NONE, NONE);
  }

  /**
   * A reset followed by a dose at the same instant (EVID 4).
   *
   * @param timeHours h, finite and &gt;= 0
   * @param drug the drug
   * @param amountMg mg of its labelled substance, finite and &gt; 0
   * @return the record
   * @throws NullPointerException if {@code drug} is null
   * @throws IllegalArgumentException if a number is out of range
   */
  public static DoseRecord resetAndDose(double timeHours, Drug drug, double amountMg) {
    return new DoseRecord(timeHours, EventKind.RESET_AND_DOSE, drug, amountMg, 0, 0, 0, 0, SteadyStateMode.NONE,
        NONE);
  }

  /**
   * An observation (EVID 0): the solvers report the concentrations it sees.
   *
   * @param timeHours h, finite and &gt;= 0
   * @return the record
   * @throws IllegalArgumentException if the time is out of range
   */
  public static DoseRecord observation(double timeHours) {
    return new DoseRecord(timeHours, EventKind.OBSERVATION, null, 0, 0, 0, 0, 0, SteadyStateMode.NONE, NONE);
  }

  /**
   * An other-type event (EVID 2), typically carrying covariate values ({@link #withCovariate}).
   *
   * @param timeHours h, finite and &gt;= 0
   * @return the record
   * @throws IllegalArgumentException if the time is out of range
   */
  public static DoseRecord other(double timeHours) {
    return new DoseRecord(timeHours, EventKind.OTHER, null, 0, 0, 0, 0, 0, SteadyStateMode.NONE, NONE);
  }

  /**
   * A reset (EVID 3): every amount and infusion in progress is zeroed and every pending dose, arrival
   * and dose-anchored emptying window is cancelled; clock emptying windows (meals) go on, and the
   * cumulative AUC keeps what it had.
   *
   * @param timeHours h, finite and &gt;= 0
   * @return the record
   * @throws IllegalArgumentException if the time is out of range
   */
  public static DoseRecord reset(double timeHours) {
    return new DoseRecord(timeHours, EventKind.RESET, null, 0, 0, 0, 0, 0, SteadyStateMode.NONE, NONE);
  }

  /**
   * This dose as a zero-order input at a given rate (RATE).
   *
   * @param value mg of the labelled substance per h, finite and &gt; 0
   * @return the changed copy
   * @throws IllegalArgumentException if the value is out of range, the record is no dose or has a duration
   */
  public DoseRecord withRate(double value) {
    return new DoseRecord(timeHours, kind, drug, amountMg, Checks.positive(value, "rateMgPerHour"), durationHours,
        intervalHours, additionalDoses, steadyState, covariates);
  }

  /**
   * This dose as a zero-order input over a given duration (NONMEM's DUR, RATE = -2).
   *
   * @param value h, finite and &gt; 0
   * @return the changed copy
   * @throws IllegalArgumentException if the value is out of range, the record is no dose or has a rate
   */
  public DoseRecord withDuration(double value) {
    return new DoseRecord(timeHours, kind, drug, amountMg, rateMgPerHour, Checks.positive(value, "durationHours"),
        intervalHours, additionalDoses, steadyState, covariates);
  }

  /**
   * This dose with additional doses (ADDL) every interval (II).
   *
   * @param count additional doses, 0 to {@link #MAX_ADDITIONAL_DOSES}
   * @param everyHours II, h, finite and &gt; 0; must equal the interval already set, if any
   * @return the changed copy
   * @throws IllegalArgumentException if a value is out of range or the record is no dose
   */
  public DoseRecord withAdditionalDoses(int count, double everyHours) {
    return new DoseRecord(timeHours, kind, drug, amountMg, rateMgPerHour, durationHours,
        interval(everyHours), count, steadyState, covariates);
  }

  /**
   * This dose as a steady-state dose (SS) of the regimen of this dose every interval (II).
   *
   * @param mode the steady-state mode
   * @param everyHours II, h, finite and &gt; 0; must equal the interval already set, if any
   * @return the changed copy
   * @throws NullPointerException if {@code mode} is null
   * @throws IllegalArgumentException if the interval is out of range or the record is no dose
   */
  public DoseRecord withSteadyState(SteadyStateMode mode, double everyHours) {
    Checks.notNull(mode, "steadyState");
    return new DoseRecord(timeHours, kind, drug, amountMg, rateMgPerHour, durationHours, interval(everyHours),
        additionalDoses, mode, covariates);
  }

  private double interval(double everyHours) {
    Checks.positive(everyHours, "intervalHours");
    if (intervalHours != 0 && intervalHours != everyHours) {
      throw new IllegalArgumentException(Checks.invalid("intervalHours", "the record's interval " + intervalHours,
          everyHours));
    }
    return everyHours;
  }

  /**
   * This record with one covariate's value.
   *
   * @param name the covariate, as the model names it
   * @param value its value, finite
   * @return the changed copy
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the value is not finite
   */
  public DoseRecord withCovariate(String name, double value) {
    Checks.notNull(name, "name");
    Map<String, Double> c = new TreeMap<>(covariates);
    c.put(name, value);
    return new DoseRecord(timeHours, kind, drug, amountMg, rateMgPerHour, durationHours, intervalHours,
        additionalDoses, steadyState, c);
  }

  /**
   * Returns the time, h after the history's time 0.
   *
   * @return the time, h
   */
  public double timeHours() {
    return timeHours;
  }

  /**
   * Returns what the record does.
   *
   * @return the kind
   */
  public EventKind kind() {
    return kind;
  }

  /**
   * Returns the drug a dose record gives.
   *
   * @return the drug
   * @throws IllegalStateException if this record gives no dose
   */
  public Drug drug() {
    if (drug == null) {
      throw new IllegalStateException("a " + kind + " record gives no drug");
    }
    return drug;
  }

  /**
   * Returns the amount, mg of the drug's labelled substance (0 on a record that gives no dose).
   *
   * @return AMT, mg
   */
  public double amountMg() {
    return amountMg;
  }

  /**
   * Returns the zero-order rate, mg of the labelled substance per h (0: not given).
   *
   * @return RATE, mg/h
   */
  public double rateMgPerHour() {
    return rateMgPerHour;
  }

  /**
   * Returns the zero-order duration, h (0: not given).
   *
   * @return DUR, h
   */
  public double durationHours() {
    return durationHours;
  }

  /**
   * Returns the interval between additional doses and of a steady state, h (0: none).
   *
   * @return II, h
   */
  public double intervalHours() {
    return intervalHours;
  }

  /**
   * Returns how many additional doses follow this one.
   *
   * @return ADDL
   */
  public int additionalDoses() {
    return additionalDoses;
  }

  /**
   * Returns the steady-state mode.
   *
   * @return SS
   */
  public SteadyStateMode steadyState() {
    return steadyState;
  }

  /**
   * Returns the covariate values this record gives (unmodifiable; empty when it gives none).
   *
   * @return name to value
   */
  public Map<String, Double> covariates() {
    return covariates;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DoseRecord r && Double.compare(r.timeHours, timeHours) == 0 && r.kind == kind
        && r.drug == drug && Double.compare(r.amountMg, amountMg) == 0
        && Double.compare(r.rateMgPerHour, rateMgPerHour) == 0 && Double.compare(r.durationHours, durationHours) == 0
        && Double.compare(r.intervalHours, intervalHours) == 0 && r.additionalDoses == additionalDoses
        && r.steadyState == steadyState && r.covariates.equals(covariates);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeHours, kind, drug, amountMg, rateMgPerHour, durationHours, intervalHours,
        additionalDoses, steadyState, covariates);
  }

  /**
   * Returns the record in NONMEM's items, e.g.
   * {@code DoseRecord[TIME=0.0, EVID=1, MMF, AMT=1000.0, II=12.0, ADDL=13]}; items at their defaults are
   * left out.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("DoseRecord[TIME=").append(timeHours).append(", EVID=").append(kind.evid());
    if (drug != null) {
      s.append(", ").append(drug.abbreviation()).append(", AMT=").append(amountMg);
    }
    if (rateMgPerHour > 0) {
      s.append(", RATE=").append(rateMgPerHour);
    }
    if (durationHours > 0) {
      s.append(", DUR=").append(durationHours);
    }
    if (intervalHours > 0) {
      s.append(", II=").append(intervalHours);
    }
    if (additionalDoses > 0) {
      s.append(", ADDL=").append(additionalDoses);
    }
    if (steadyState != SteadyStateMode.NONE) {
      s.append(", SS=").append(steadyState.ss());
    }
    if (!covariates.isEmpty()) {
      s.append(", ").append(new TreeMap<>(covariates));
    }
    return s.append(']').toString();
  }
}
