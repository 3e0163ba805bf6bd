package io.mmf.pk.model;

import io.mmf.core.drug.Drug;
import io.mmf.core.internal.Checks;
import io.mmf.pk.dosing.DoseEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A linear compartment network for mycophenolic acid: named compartments holding amounts (mg),
 * first-order transfers between them and out of the body (rates in 1/h), transfers switched on only
 * inside {@link EmptyingWindows} (gallbladder emptying), observed analytes with their volumes (L), and
 * a {@link DoseInput} per drug. Every model family of mmf (two compartments with lag, zero-order and
 * transit absorption, enterohepatic recirculation; see {@link ModelFamilies}) is one of these.
 *
 * <p>Between events the system is dx/dt = A x with A constant (one A with the windows closed, one
 * with them open), so it can be propagated exactly. A model may also deliver every dose at a rate
 * that follows a gamma density ({@link GammaLaw}: a Savic transit chain with a non-integer number of
 * compartments, {@link Builder#savicTransit}, or the gamma and double-gamma laws of
 * {@link Builder#gammaInput}); that input is a forcing term outside the matrix, which the exact solver
 * convolves with the system's modes in closed form (incomplete gamma functions).
 *
 * <p>Immutable and thread-safe; validated at construction. A model is also the {@link CovariateModel} that
 * ignores covariates.
 */
public final class PkModel implements CovariateModel {
  /**
   * Largest rate constant, 1/h (a time constant of 0.36 s): far above any absorption or transit rate,
   * low enough that every exponential and integration over a dosing history stays finite and bounded.
   */
  public static final double MAX_RATE_PER_HOUR = 1e4;
  /** Most compartments a model may have (a 50-compartment transit chain with its disposition fits). */
  public static final int MAX_COMPARTMENTS = 64;
  /** Smallest volume of an observed compartment, L. */
  public static final double MIN_VOLUME_L = 1e-6;
  /** Largest volume of an observed compartment, L. */
  public static final double MAX_VOLUME_L = 1e6;
  /** Most compartments of a Savic transit chain. */
  public static final double MAX_SAVIC_N = 100;

  /**
   * A first-order transfer.
   *
   * @param from source compartment
   * @param to target compartment, or empty for elimination from the body
   * @param ratePerHour rate constant, 1/h, in [0, {@value #MAX_RATE_PER_HOUR}]
   * @param windowed true when it acts only inside the emptying windows
   */
  public record Transfer(String from, Optional<String> to, double ratePerHour, boolean windowed) {
    /**
     * Validates the transfer.
     *
     * @param from source
     * @param to target or empty
     * @param ratePerHour 1/h
     * @param windowed windowed flag
     * @throws NullPointerException if {@code from} or {@code to} is null
     * @throws IllegalArgumentException if the rate is negative or not finite
     */
    public Transfer {
      Checks.notNull(from, "transfer.from");
      Checks.notNull(to, "transfer.to");
      if (!(ratePerHour >= 0 && ratePerHour <= MAX_RATE_PER_HOUR)) {
        throw new IllegalArgumentException(Checks.invalid("rate " + from + " -> " + to.orElse("out"),
            "finite, >= 0 and <= " + MAX_RATE_PER_HOUR + " per hour", ratePerHour));
      }
    }
  }

  /** Largest constant baseline concentration of an observed analyte, mg/L. */
  public static final double MAX_OFFSET_MG_PER_L = 1000;

  /**
   * An observed analyte: concentration = amount in a compartment / volume + a constant baseline.
   *
   * <p>The baseline ({@code offsetMgPerL}, 0 for every linear model) is a concentration present at all
   * times, whatever the doses: Fromage 2025's steady-state trough C0, which its closed form adds over
   * the whole interval instead of superposing earlier doses. With a baseline the analyte is no longer
   * proportional to dose (AUC over a window is the integral of amount / volume plus baseline x the
   * window's length), so such a model must not be used to scale a dose ({@link #isLinearInDose()}).
   *
   * @param name analyte name, e.g. {@code MPA}
   * @param compartment the compartment it is measured in
   * @param volumeL its volume, L, in [{@value #MIN_VOLUME_L}, {@value #MAX_VOLUME_L}]
   * @param offsetMgPerL constant baseline concentration, mg/L, in [0, {@value #MAX_OFFSET_MG_PER_L}]
   */
  public record Observed(String name, String compartment, double volumeL, double offsetMgPerL) {
    /**
     * Validates the analyte.
     *
     * @param name name
     * @param compartment compartment
     * @param volumeL L
     * @param offsetMgPerL mg/L
     * @throws NullPointerException if a name is null
     * @throws IllegalArgumentException if the volume is not finite and &gt; 0, or the baseline is negative,
     *     above {@value #MAX_OFFSET_MG_PER_L} or not finite
     */
    public Observed {
      Checks.notNull(name, "observed.name");
      Checks.notNull(compartment, "observed.compartment");
      if (!(volumeL >= MIN_VOLUME_L && volumeL <= MAX_VOLUME_L)) {
        throw new IllegalArgumentException(Checks.invalid("volume of " + name, MIN_VOLUME_L + " to " + MAX_VOLUME_L + " L",
            volumeL));
      }
      if (!(offsetMgPerL >= 0 && offsetMgPerL <= MAX_OFFSET_MG_PER_L)) {
        throw new IllegalArgumentException(Checks.invalid("offset of " + name, "a baseline concentration of 0 to "
            + MAX_OFFSET_MG_PER_L + " mg/L", offsetMgPerL));
      }
    }

    /**
     * An analyte without a baseline: concentration = amount / volume.
     *
     * @param name name
     * @param compartment compartment
     * @param volumeL L
     * @throws NullPointerException if a name is null
     * @throws IllegalArgumentException if the volume is not finite and &gt; 0
     */
    public Observed(String name, String compartment, double volumeL) {
      this(name, compartment, volumeL, 0);
    }
  }

  /**
   * A Savic transit chain with a possibly non-integer number of compartments: the dose reaches its
   * input compartment at rate D * ktr * (ktr t)^n * exp(-ktr t) / Gamma(n + 1) (Savic et al., J
   * Pharmacokinet Pharmacodyn 2007).
   *
   * @param n number of transit compartments, in [0, {@value #MAX_SAVIC_N}]
   * @param ktrPerHour transit rate constant, 1/h, in (0, {@value #MAX_RATE_PER_HOUR}]
   */
  public record SavicTransit(double n, double ktrPerHour) {
    /**
     * Validates the chain.
     *
     * @param n compartments
     * @param ktrPerHour 1/h
     * @throws IllegalArgumentException if a value is out of range or not finite
     */
    public SavicTransit {
      if (!(n >= 0 && n <= MAX_SAVIC_N)) {
        throw new IllegalArgumentException(Checks.invalid("transit n", "0 to " + MAX_SAVIC_N, n));
      }
      if (!(ktrPerHour > 0 && ktrPerHour <= MAX_RATE_PER_HOUR)) {
        throw new IllegalArgumentException(Checks.invalid("ktrPerHour", "> 0 and <= " + MAX_RATE_PER_HOUR + " per hour",
            ktrPerHour));
      }
    }
  }

  /**
   * One gamma-shaped input law: a fraction of every dose enters its input compartment at rate
   * fraction * D * k^a t^(a-1) e^(-k t) / Gamma(a), t after arrival (mean arrival a / k). A Savic chain
   * of n compartments with rate ktr is the law a = n + 1, k = ktr; the Limoges double gamma (Fromage
   * 2025) is two laws whose fractions add up to 1.
   *
   * @param fraction share of each dose this law delivers, in (0, 1]
   * @param shape a, in [{@value #MIN_SHAPE}, {@value #MAX_SHAPE}]
   * @param ratePerHour k, 1/h, in (0, {@value PkModel#MAX_RATE_PER_HOUR}]
   */
  public record GammaLaw(double fraction, double shape, double ratePerHour) {
    /** Smallest shape: below it the input rate at arrival is too singular to integrate in double precision. */
    public static final double MIN_SHAPE = 0.1;
    /** Largest shape (Fromage 2025 fits 1281). */
    public static final double MAX_SHAPE = 5000;

    /**
     * Validates the law.
     *
     * @param fraction share of each dose
     * @param shape a
     * @param ratePerHour k, 1/h
     * @throws IllegalArgumentException if a value is out of range or not finite
     */
    public GammaLaw {
      if (!(fraction > 0 && fraction <= 1)) {
        throw new IllegalArgumentException(Checks.invalid("gamma fraction", "in (0, 1]", fraction));
      }
      if (!(shape >= MIN_SHAPE && shape <= MAX_SHAPE)) {
        throw new IllegalArgumentException(Checks.invalid("gamma shape", MIN_SHAPE + " to " + MAX_SHAPE, shape));
      }
      if (!(ratePerHour > 0 && ratePerHour <= MAX_RATE_PER_HOUR)) {
        throw new IllegalArgumentException(Checks.invalid("gamma ratePerHour", "> 0 and <= " + MAX_RATE_PER_HOUR
            + " per hour", ratePerHour));
      }
    }

    /**
     * The law of a Savic chain: shape n + 1, rate ktr, the whole dose.
     *
     * @param transit the chain
     * @return the law
     * @throws NullPointerException if {@code transit} is null
     */
    public static GammaLaw of(SavicTransit transit) {
      Checks.notNull(transit, "transit");
      return new GammaLaw(1, transit.n() + 1, transit.ktrPerHour());
    }
  }

  private final String name;
  private final List<String> compartments;
  private final List<Transfer> transfers;
  private final List<Observed> observed;
  private final Map<Drug, DoseInput> inputs;
  private final DoseUnit doseUnit;
  private final Optional<EmptyingWindows> windows;
  private final Optional<SavicTransit> savic;
  private final List<GammaLaw> gamma;
  // derived
  private final double[] closed;
  private final double[] open;
  private final int[] observedIndex;
  /** The state index of each drug's input compartment, by {@link Drug#ordinal()}; -1 for none. */
  private final int[] inputIndex;

  private PkModel(Builder b) {
    this.name = b.name;
    this.compartments = List.copyOf(b.compartments);
    this.transfers = List.copyOf(b.transfers);
    this.observed = List.copyOf(b.observed);
    this.inputs = Map.copyOf(b.inputs);
    this.doseUnit = b.doseUnit;
    this.windows = Optional.ofNullable(b.windows);
    this.savic = Optional.ofNullable(b.savic);
    if (b.savic != null && b.gamma != null) {
      throw new IllegalArgumentException(Checks.invalid("gammaInput", "either a Savic transit chain or gamma laws in"
          + " model '" + name + "'", "both"));
    }
    this.gamma = b.savic != null ? List.of(GammaLaw.of(b.savic)) : b.gamma == null ? List.of() : b.gamma;
    int n = compartments.size();
    closed = new double[n * n];
    open = new double[n * n];
    boolean anyWindowed = false;
    boolean anyElimination = false;
    boolean[] exits = new boolean[n];
    for (Transfer t : transfers) {
      int i = lookup(compartments, t.from(), "transfer.from");
      int j = t.to().isPresent() ? lookup(compartments, t.to().get(), "transfer.to") : -1;
      if (i == j) {
        throw new IllegalArgumentException(Checks.invalid("transfer", "two compartments", t.from() + " -> "
            + t.from()));
      }
      anyWindowed |= t.windowed();
      anyElimination |= j < 0 && t.ratePerHour() > 0;
      exits[i] |= j < 0 && t.ratePerHour() > 0;
      add(open, n, i, j, t.ratePerHour());
      if (!t.windowed()) {
        add(closed, n, i, j, t.ratePerHour());
      }
    }
    if (anyWindowed && windows.isEmpty()) {
      throw new IllegalArgumentException(Checks.invalid("emptying windows",
          "windows for the windowed transfers of model '" + name + "'", "none"));
    }
    if (!anyElimination) {
      throw new IllegalArgumentException(Checks.invalid("transfers", "an elimination from the body in model '" + name
          + "'", "none"));
    }
    if (observed.isEmpty()) {
      throw new IllegalArgumentException(Checks.invalid("observed", "at least one analyte", "[]"));
    }
    observedIndex = new int[observed.size()];
    for (int k = 0; k < observed.size(); k++) {
      observedIndex[k] = lookup(compartments, observed.get(k).compartment(), "observed.compartment");
    }
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException(Checks.invalid("dose inputs", "at least one drug", "{}"));
    }
    inputIndex = new int[Drug.values().length];
    java.util.Arrays.fill(inputIndex, -1);
    for (Map.Entry<Drug, DoseInput> e : inputs.entrySet()) {
      inputIndex[e.getKey().ordinal()] = lookup(compartments, e.getValue().compartment(), "dose compartment");
    }
    requireDrainage(exits);
  }

  /**
   * Every compartment that a dose reaches through positive rates must drain out of the body through
   * positive rates (windowed transfers count: the windows recur): drug that can never leave
   * accumulates without bound, so such a model has no steady state and its propagator over a period
   * is singular. A zero rate is a transfer that does not exist, not a slow one.
   */
  private void requireDrainage(boolean[] exits) {
    int n = compartments.size();
    if (n > 62) {
      return; // the masks below hold 62 compartments; models have a handful
    }
    // out[from]: the compartments it feeds through positive rates, windowed transfers included
    long[] out = new long[n];
    long drains = 0;
    long reached = 0;
    for (int from = 0; from < n; from++) {
      for (int to = 0; to < n; to++) {
        if (to != from && open[to * n + from] > 0) {
          out[from] |= 1L << to;
        }
      }
      drains |= exits[from] ? 1L << from : 0;
    }
    for (int i : inputIndex) {
      reached |= i >= 0 ? 1L << i : 0;
    }
    for (int pass = 0; pass < n; pass++) {
      long d = drains;
      long r = reached;
      for (int from = 0; from < n; from++) {
        d |= (out[from] & drains) != 0 ? 1L << from : 0;
        r |= (reached & 1L << from) != 0 ? out[from] : 0;
      }
      if (d == drains && r == reached) {
        break;
      }
      drains = d;
      reached = r;
    }
    long stuck = reached & ~drains;
    if (stuck != 0) {
      throw new IllegalArgumentException(Checks.invalid("transfers of model '" + name + "'", "a way out of the body,"
          + " through positive rates, from every compartment a dose reaches", compartments.get(
          Long.numberOfTrailingZeros(stuck))));
    }
  }

  /**
   * Returns this model: its parameters do not depend on covariates.
   *
   * @param covariates ignored
   * @return this model
   */
  @Override
  public PkModel at(Map<String, Double> covariates) {
    return this;
  }

  /** The state index of a compartment (a linear search: models have a handful). */
  private static int lookup(List<String> compartments, String compartment, String field) {
    int i = compartments.indexOf(compartment);
    if (i < 0) {
      throw new IllegalArgumentException(Checks.invalid(field, "one of " + compartments, compartment));
    }
    return i;
  }


  private static void add(double[] a, int n, int from, int to, double k) {
    a[from * n + from] -= k;
    if (to >= 0) {
      a[to * n + from] += k;
    }
  }

  /**
   * Starts a model.
   *
   * @param name a readable name
   * @return a builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Returns the readable name.
   *
   * @return the readable name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the compartment names, in state order.
   *
   * @return the compartment names, in state order
   */
  public List<String> compartments() {
    return compartments;
  }

  /**
   * Returns every transfer.
   *
   * @return every transfer
   */
  public List<Transfer> transfers() {
    return transfers;
  }

  /**
   * Returns the observed analytes; the first is the primary one (MPA).
   *
   * @return the observed analytes; the first is the primary one (MPA)
   */
  public List<Observed> observed() {
    return observed;
  }

  /**
   * Whether every observed concentration is proportional to dose: true unless an analyte has a constant
   * baseline ({@link Observed#offsetMgPerL()} &gt; 0). Only such a model's exposure at one dose fixes its
   * exposure at another by scaling.
   *
   * @return true when no analyte has a baseline
   */
  public boolean isLinearInDose() {
    for (Observed o : observed) {
      if (o.offsetMgPerL() != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the dose input per drug.
   *
   * @return the dose input per drug
   */
  public Map<Drug, DoseInput> inputs() {
    return inputs;
  }

  /**
   * Returns the unit the model's doses are in.
   *
   * @return the unit the model's doses are in
   */
  public DoseUnit doseUnit() {
    return doseUnit;
  }

  /**
   * Returns the emptying windows, if the model has windowed transfers.
   *
   * @return the emptying windows, if the model has windowed transfers
   */
  public Optional<EmptyingWindows> emptyingWindows() {
    return windows;
  }

  /**
   * Returns the non-integer transit chain, if any.
   *
   * @return the non-integer transit chain, if any
   */
  public Optional<SavicTransit> savicTransit() {
    return savic;
  }

  /**
   * Returns the gamma input laws every dose is delivered by (their fractions add up to 1), or an empty
   * list when doses enter as the {@link DoseInput} says (bolus or zero-order).
   *
   * @return the gamma laws, empty for none
   */
  public List<GammaLaw> gammaInput() {
    return gamma;
  }

  /**
   * Whether the exact path can solve this model: always, now that gamma-shaped inputs (non-integer
   * Savic chains, gamma and double-gamma laws) are convolved with the modes in closed form; kept so that
   * callers choosing a solver need not change.
   *
   * @return true
   */
  public boolean supportsExactPath() {
    return true;
  }

  /**
   * The amount of a dose that enters the model, in the model's dose unit, bioavailability applied.
   *
   * @param event the administration
   * @return mg entering (of MMF or of MPA, per {@link #doseUnit()})
   * @throws IllegalArgumentException if the model has no input for the event's drug
   */
  public double enteringAmount(DoseEvent event) {
    return enteringAmount(event.formulation().drug(), event.dose().mg());
  }

  /**
   * The amount of a dose that enters the model, in the model's dose unit, bioavailability applied.
   *
   * @param drug the drug given
   * @param mg mg of its labelled substance (MMF, or MPA for EC-MPS, whose strengths are mg of MPA)
   * @return mg entering (of MMF or of MPA, per {@link #doseUnit()})
   * @throws NullPointerException if {@code drug} is null
   * @throws IllegalArgumentException if the model has no input for the drug
   */
  public double enteringAmount(Drug drug, double mg) {
    return inModelUnit(drug, mg) * input(drug).bioavailability();
  }

  /**
   * A mass (or a rate) of a drug's labelled substance in the model's dose unit, without
   * bioavailability: what a zero-order rate given in mg of the labelled substance per hour enters at.
   *
   * @param drug the drug
   * @param mg mg (or mg/h) of its labelled substance
   * @return mg (or mg/h) of MMF or of MPA, per {@link #doseUnit()}
   * @throws NullPointerException if {@code drug} is null
   */
  public double inModelUnit(Drug drug, double mg) {
    double mpa = mg * drug.mpaMassFraction();
    return doseUnit == DoseUnit.MG_MPA ? mpa : mpa / Drug.MYCOPHENOLATE_MOFETIL.mpaMassFraction();
  }

  /**
   * The dose input for a drug.
   *
   * @param drug the drug
   * @return its input
   * @throws IllegalArgumentException if the model has none for it
   */
  public DoseInput input(Drug drug) {
    DoseInput input = inputs.get(drug);
    if (input == null) {
      throw new IllegalArgumentException(Checks.invalid("formulation", "a drug model '" + name + "' takes, one of "
          + inputs.keySet(), drug));
    }
    return input;
  }

  /** A copy of this model's parts in a builder, for the transformations below. */
  private Builder copy() {
    Builder b = new Builder(name);
    b.compartments.addAll(compartments);
    b.transfers.addAll(transfers);
    b.observed.addAll(observed);
    b.inputs.putAll(inputs);
    b.doseUnit = doseUnit;
    b.windows = windows.orElse(null);
    b.savic = savic.orElse(null);
    b.gamma = savic.isPresent() || gamma.isEmpty() ? null : gamma;
    return b;
  }

  /**
   * This model with a drug's bioavailability multiplied by a factor (an interaction that lowers
   * absorption).
   *
   * @param drug the drug whose input changes
   * @param factor multiplier, in (0, 1]
   * @return the changed copy
   * @throws IllegalArgumentException if the factor is out of range or the model has no input for the drug
   */
  public PkModel withBioavailabilityFactor(Drug drug, double factor) {
    if (!(factor > 0 && factor <= 1)) {
      throw new IllegalArgumentException(Checks.invalid("factor", "in (0, 1]", factor));
    }
    DoseInput in = input(drug);
    Builder b = copy();
    b.inputs.put(drug, new DoseInput(in.compartment(), in.bioavailability() * factor, in.lagHours(),
        in.zeroOrderHours()));
    return new PkModel(b);
  }

  /**
   * This model with every transfer from one compartment to another multiplied by a factor (e.g.
   * ciclosporin blocking biliary excretion).
   *
   * @param from source compartment
   * @param to target compartment
   * @param factor multiplier, finite and &gt;= 0
   * @return the changed copy
   * @throws IllegalArgumentException if the factor is out of range or no such transfer exists
   */
  public PkModel withTransferScaled(String from, String to, double factor) {
    Checks.nonNegative(factor, "factor");
    Builder b = copy();
    boolean found = false;
    for (int i = 0; i < b.transfers.size(); i++) {
      Transfer t = b.transfers.get(i);
      if (t.from().equals(from) && t.to().equals(Optional.of(to))) {
        b.transfers.set(i, new Transfer(from, t.to(), t.ratePerHour() * factor, t.windowed()));
        found = true;
      }
    }
    if (!found) {
      throw new IllegalArgumentException(Checks.invalid("transfer", "one from " + from + " to " + to + " in model '"
          + name + "'", "none"));
    }
    return new PkModel(b);
  }

  /**
   * This model with enterohepatic recirculation interrupted: what the gallbladder empties leaves the
   * body (to the faeces) instead of returning to the gut, as with a bile-acid sequestrant.
   *
   * @return the changed copy
   * @throws IllegalArgumentException if the model has no windowed transfer
   */
  public PkModel withoutRecirculation() {
    Builder b = copy();
    boolean found = false;
    for (int i = 0; i < b.transfers.size(); i++) {
      Transfer t = b.transfers.get(i);
      if (t.windowed() && t.to().isPresent()) {
        b.transfers.set(i, new Transfer(t.from(), Optional.empty(), t.ratePerHour(), true));
        found = true;
      }
    }
    if (!found) {
      throw new IllegalArgumentException("Invalid value for model (expected enterohepatic recirculation; model '"
          + name + "' has no windowed transfer back to the gut)");
    }
    return new PkModel(b);
  }

  /**
   * This model with other emptying windows, e.g. the gallbladder emptying at a patient's own clock meal
   * times instead of the paper's times after each dose.
   *
   * @param value the new windows
   * @return the changed copy
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if the model has no windowed transfer for the windows to switch
   */
  public PkModel withEmptyingWindows(EmptyingWindows value) {
    Checks.notNull(value, "emptyingWindows");
    if (transfers.stream().noneMatch(Transfer::windowed)) {
      throw new IllegalArgumentException("Invalid value for emptyingWindows (expected a model with enterohepatic"
          + " recirculation; model '" + name + "' has no windowed transfer)");
    }
    Builder b = copy();
    b.windows = value;
    return new PkModel(b);
  }

  /**
   * The period of the steady state of a dose every {@code intervalHours}: the interval, or, when the
   * emptying windows follow the clock, the least common multiple of the interval and 24 h.
   *
   * @param intervalHours the dosing interval, h, finite and &gt; 0
   * @return the period, h (a whole number of intervals)
   * @throws IllegalArgumentException if the interval is not finite and &gt; 0, or has no common period with
   *     the 24-h meal cycle within 1000 intervals
   */
  public double steadyStatePeriodHours(double intervalHours) {
    Checks.positive(intervalHours, "intervalHours");
    if (windows.map(w -> w.anchor() != EmptyingWindows.Anchor.CLOCK).orElse(true)) {
      return intervalHours;
    }
    for (int k = 1; k <= 1000; k++) {
      double p = k * intervalHours;
      double days = p / EmptyingWindows.DAY_HOURS;
      if (Math.abs(days - Math.rint(days)) < 1e-9 * Math.max(1, days)) {
        return p;
      }
    }
    throw new IllegalArgumentException(Checks.invalid("intervalHours",
        "a common period with the 24-h meal cycle within 1000 intervals", intervalHours));
  }

  /**
   * The rate matrix A of dx/dt = A x, row-major n x n in state order, 1/h: column j holds what leaves
   * compartment j (negative on the diagonal) and where it goes.
   *
   * @param windowsOpen true for the matrix inside emptying windows, false outside
   * @return a fresh copy
   */
  public double[] rateMatrix(boolean windowsOpen) {
    return windowsOpen ? open.clone() : closed.clone();
  }

  /**
   * The state index of an observed analyte's compartment.
   *
   * @param analyte index into {@link #observed()}
   * @return the compartment's state index
   * @throws IndexOutOfBoundsException if {@code analyte} is out of range
   */
  public int observedStateIndex(int analyte) {
    return observedIndex[analyte];
  }

  /**
   * The state index of the compartment a drug's doses enter.
   *
   * @param drug the drug
   * @return the compartment's state index
   * @throws IllegalArgumentException if the model has no input for the drug
   */
  public int inputStateIndex(Drug drug) {
    input(drug);
    return inputIndex[drug.ordinal()];
  }

  /** Returns {@code PkModel[name, compartments]}. */
  @Override
  public String toString() {
    return "PkModel[" + name + ", " + compartments + "]";
  }

  /** Assembles a {@link PkModel}; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final List<String> compartments = new ArrayList<>();
    private final List<Transfer> transfers = new ArrayList<>();
    private final List<Observed> observed = new ArrayList<>();
    private final Map<Drug, DoseInput> inputs = new EnumMap<>(Drug.class);
    private DoseUnit doseUnit = DoseUnit.MG_MPA;
    private EmptyingWindows windows;
    private SavicTransit savic;
    private List<GammaLaw> gamma;

    private Builder(String name) {
      this.name = Checks.notNull(name, "name");
    }

    /**
     * Adds compartments, in state order.
     *
     * @param names compartment names, unique
     * @return this builder
     * @throws IllegalArgumentException if a name repeats, or the model would have more than
     *     {@value PkModel#MAX_COMPARTMENTS} compartments
     */
    public Builder compartments(String... names) {
      if (compartments.size() + names.length > MAX_COMPARTMENTS) {
        throw new IllegalArgumentException(Checks.invalid("compartments", "at most " + MAX_COMPARTMENTS,
            compartments.size() + names.length));
      }
      for (String c : names) {
        if (compartments.contains(c)) {
          throw new IllegalArgumentException(Checks.invalid("compartment", "a new name", c));
        }
        compartments.add(Checks.notNull(c, "compartment"));
      }
      return this;
    }

    /**
     * Adds a first-order transfer between compartments.
     *
     * @param from source
     * @param to target
     * @param ratePerHour rate constant, 1/h, &gt;= 0
     * @return this builder
     * @throws IllegalArgumentException if the rate is negative or not finite
     */
    public Builder transfer(String from, String to, double ratePerHour) {
      transfers.add(new Transfer(from, Optional.of(to), ratePerHour, false));
      return this;
    }

    /**
     * Adds a first-order elimination from the body.
     *
     * @param from source
     * @param ratePerHour rate constant, 1/h, &gt;= 0
     * @return this builder
     * @throws IllegalArgumentException if the rate is negative or not finite
     */
    public Builder elimination(String from, double ratePerHour) {
      transfers.add(new Transfer(from, Optional.empty(), ratePerHour, false));
      return this;
    }

    /**
     * Adds a transfer that acts only inside the emptying windows (gallbladder emptying).
     *
     * @param from source
     * @param to target
     * @param ratePerHour rate constant while open, 1/h, &gt;= 0
     * @return this builder
     * @throws IllegalArgumentException if the rate is negative or not finite
     */
    public Builder windowedTransfer(String from, String to, double ratePerHour) {
      transfers.add(new Transfer(from, Optional.of(to), ratePerHour, true));
      return this;
    }

    /**
     * Adds an elimination from the body that acts only inside the emptying windows (bile emptied to
     * the faeces).
     *
     * @param from source
     * @param ratePerHour rate constant while open, 1/h, &gt;= 0
     * @return this builder
     * @throws IllegalArgumentException if the rate is negative or not finite
     */
    public Builder windowedElimination(String from, double ratePerHour) {
      transfers.add(new Transfer(from, Optional.empty(), ratePerHour, true));
      return this;
    }

    /**
     * Sets when windowed transfers act.
     *
     * @param value the windows
     * @return this builder
     */
    public Builder emptyingWindows(EmptyingWindows value) {
      this.windows = value;
      return this;
    }

    /**
     * Adds an observed analyte.
     *
     * @param analyte name, e.g. {@code MPA}
     * @param compartment where it is measured
     * @param volumeL volume, L, &gt; 0
     * @return this builder
     * @throws IllegalArgumentException if the volume is not finite and &gt; 0
     */
    public Builder observe(String analyte, String compartment, double volumeL) {
      observed.add(new Observed(analyte, compartment, volumeL));
      return this;
    }

    /**
     * Adds an observed analyte with a constant baseline concentration (see {@link Observed}).
     *
     * @param analyte name, e.g. {@code MPA}
     * @param compartment where it is measured
     * @param volumeL volume, L, &gt; 0
     * @param offsetMgPerL baseline concentration, mg/L, in [0, {@value PkModel#MAX_OFFSET_MG_PER_L}]
     * @return this builder
     * @throws IllegalArgumentException if the volume or the baseline is out of range
     */
    public Builder observe(String analyte, String compartment, double volumeL, double offsetMgPerL) {
      observed.add(new Observed(analyte, compartment, volumeL, offsetMgPerL));
      return this;
    }

    /**
     * Routes doses of one drug.
     *
     * @param drug the drug
     * @param input where and how its doses enter
     * @return this builder
     */
    public Builder dose(Drug drug, DoseInput input) {
      inputs.put(Checks.notNull(drug, "drug"),
          Checks.notNull(input, "input"));
      return this;
    }

    /**
     * Routes doses of both drugs the same way.
     *
     * @param input where and how doses enter
     * @return this builder
     */
    public Builder doseAny(DoseInput input) {
      for (Drug d : Drug.values()) {
        dose(d, input);
      }
      return this;
    }

    /**
     * Sets the unit doses are in (default mg MPA).
     *
     * @param value the unit
     * @return this builder
     */
    public Builder doseUnit(DoseUnit value) {
      this.doseUnit = Checks.notNull(value, "doseUnit");
      return this;
    }

    /**
     * Delivers every dose by gamma-shaped laws into its input compartment: one law (the Limoges gamma),
     * or two (the double gamma), their fractions adding up to 1.
     *
     * @param laws the laws
     * @return this builder
     * @throws NullPointerException if a law is null
     * @throws IllegalArgumentException if there is none, or the fractions do not add up to 1 (within 1e-12)
     */
    public Builder gammaInput(GammaLaw... laws) {
      List<GammaLaw> list = List.of(laws);
      if (list.isEmpty()) {
        throw new IllegalArgumentException(Checks.invalid("gammaInput", "at least one law", "[]"));
      }
      double total = 0;
      for (GammaLaw l : list) {
        total += l.fraction();
      }
      if (!(Math.abs(total - 1) <= 1e-12)) {
        throw new IllegalArgumentException(Checks.invalid("gammaInput fractions", "a sum of 1", total));
      }
      this.gamma = list;
      return this;
    }

    /**
     * Delivers every dose through a Savic transit chain into its input compartment (the gamma law of
     * shape n + 1 and rate ktr).
     *
     * @param value the chain
     * @return this builder
     */
    public Builder savicTransit(SavicTransit value) {
      this.savic = value;
      return this;
    }

    /**
     * Builds and validates the model.
     *
     * @return the model
     * @throws IllegalArgumentException if a name is unknown, no elimination exists, windowed transfers lack
     *     windows, or nothing is observed or dosed
     */
    public PkModel build() {
      if (compartments.isEmpty()) {
        throw new IllegalArgumentException(Checks.invalid("compartments", "at least one", "[]"));
      }
      return new PkModel(this);
    }
  }
}
