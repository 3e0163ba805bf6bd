package io.mmf.core.target;

import io.mmf.core.internal.Checks;
import io.mmf.core.internal.Format;
import io.mmf.core.source.Source;
import io.mmf.core.source.Sources;
import java.util.OptionalDouble;

/**
 * A therapeutic target for the MPA area under the concentration-time curve over one dosing
 * interval, in mg*h/L (= ug*h/mL): a window (30-60), or a lower bound only (heart transplant:
 * AUC0-12 &gt; 36), optionally met instead by a trough above a threshold (heart: or C0 &gt; 2.0 mg/L).
 *
 * <p>Every target says whom it was given for ({@link #population()}) and on what {@link Basis}: a
 * source that gives it for the condition it is used for, or, where no source gives one, the 20-60
 * window of seed 003 shown for orientation only ({@link #orientation(String)}). A verdict against an
 * orientation target says so ({@link TargetVerdict#toString()}), and mmf gives no dose advice from it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lowMgHPerL lower bound, mg*h/L, finite and &gt;= 0
 * @param highMgHPerL upper bound, mg*h/L, finite and &gt; {@code lowMgHPerL}; empty for a lower
 *     bound only
 * @param intervalHours the dosing interval the bounds refer to, h, finite and &gt; 0 (12 for
 *     twice-daily AUC0-12)
 * @param minTroughMgPerL a pre-dose concentration, mg/L, that meets the target as well when the AUC
 *     does not (IATDMCT 2021 for heart transplantation: C0 &gt; 2.0 mg/L); usually empty
 * @param population whom the source gives the target for, and its qualifiers (time after
 *     transplantation, assay), e.g. "kidney transplantation, first 30 days, HPLC"
 * @param basis whether a source gives it for the condition it is used for
 * @param source where the target comes from
 */
public record AucTarget(double lowMgHPerL, OptionalDouble highMgHPerL, double intervalHours,
    OptionalDouble minTroughMgPerL, String population, Basis basis, Source source) {

  /** Why a target applies to the condition it is used for. */
  public enum Basis {
    /** A cited source gives this target for the condition or population it is used for. */
    SOURCED,
    /**
     * No source gives a target for the condition: the window is shown for orientation only, and no
     * verdict or dose advice rests on it.
     */
    ORIENTATION
  }

  /** Where an AUC falls relative to the target. */
  public enum Verdict {
    /** Below the lower bound (and, where there is one, the trough criterion not met). */
    BELOW,
    /** Within the window, or at or above a lower bound. */
    WITHIN,
    /** Above the upper bound. */
    ABOVE
  }

  /** Largest accepted bound, mg*h/L: far above any published target, so a typing error is caught. */
  public static final double MAX_BOUND_MG_H_PER_L = 1000;

  /** Shortest accepted interval for the bounds (and for an AUC expressed on them), h. */
  public static final double MIN_INTERVAL_HOURS = 1.0 / 60;

  /** Longest accepted interval for the bounds (and for an AUC expressed on them), h: one week. */
  public static final double MAX_INTERVAL_HOURS = 168;

  /**
   * The 20-60 mg*h/L window of seed 003, given there for dermatomyositis and inflammatory myopathy
   * only (an AI-assisted guideline summary citing no primary source; no primary source was found).
   * It is the target of those two conditions and the window shown for orientation elsewhere.
   */
  public static final AucTarget SEED_003_MYOSITIS = new AucTarget(20, OptionalDouble.of(60), 12,
      OptionalDouble.empty(), "dermatomyositis and inflammatory myopathy (seed 003; no primary source found)",
      Basis.SOURCED, Sources.SEED_003);

  /**
   * What mmf judges against when no condition is given: the seed 003 window, for orientation only.
   *
   * @see #orientation(String)
   */
  public static final AucTarget DEFAULT = orientation("the unspecified condition");

  /**
   * Kidney transplantation, MMF with a calcineurin inhibitor: AUC0-12 30-60 mg*h/L (HPLC) in the
   * first 30 days after transplantation (Kuypers 2010 consensus; the IATDMCT 2021 consensus keeps
   * 30-60 for adult and paediatric kidney recipients). Immunoassays read higher.
   *
   * @see Sources#KUYPERS_2010
   */
  public static final AucTarget KIDNEY_TRANSPLANT = new AucTarget(30, OptionalDouble.of(60), 12,
      OptionalDouble.empty(), "kidney transplantation with a calcineurin inhibitor, first 30 days after"
          + " transplantation; HPLC, immunoassays read higher", Basis.SOURCED, Sources.KUYPERS_2010);

  /**
   * Former name of {@link #KIDNEY_TRANSPLANT}.
   *
   * @see Sources#KUYPERS_2010
   */
  public static final AucTarget TRANSPLANT_CONSENSUS = KIDNEY_TRANSPLANT;

  /**
   * Liver transplantation: AUC0-12 30-60 mg*h/L (IATDMCT 2021 consensus).
   *
   * @see Sources#BERGAN_2021
   */
  public static final AucTarget LIVER_TRANSPLANT = new AucTarget(30, OptionalDouble.of(60), 12,
      OptionalDouble.empty(), "liver transplantation (IATDMCT 2021)", Basis.SOURCED, Sources.BERGAN_2021);

  /**
   * Heart transplantation: AUC0-12 &gt; 36 mg*h/L or C0 &gt; 2.0 mg/L, a lower bound only (IATDMCT 2021
   * consensus, grade C, level III).
   *
   * @see Sources#BERGAN_2021
   */
  public static final AucTarget HEART_TRANSPLANT = new AucTarget(36, OptionalDouble.empty(), 12,
      OptionalDouble.of(2.0), "heart transplantation (IATDMCT 2021: AUC0-12 > 36 mg*h/L or C0 > 2.0 mg/L;"
          + " no upper bound given)", Basis.SOURCED, Sources.BERGAN_2021);

  /**
   * Validates the target.
   *
   * @param lowMgHPerL lower bound
   * @param highMgHPerL upper bound or empty
   * @param intervalHours interval
   * @param minTroughMgPerL trough criterion or empty
   * @param population whom it is for
   * @param basis basis
   * @param source citation
   * @throws IllegalArgumentException if a bound is negative, not finite or above
   *     {@link #MAX_BOUND_MG_H_PER_L}, the bounds are not increasing, the interval is outside
   *     [{@link #MIN_INTERVAL_HOURS}, {@link #MAX_INTERVAL_HOURS}], the trough is not finite and &gt; 0,
   *     or {@code population} is blank
   * @throws NullPointerException if an argument is null
   */
  public AucTarget {
    Checks.inRange(lowMgHPerL, 0, MAX_BOUND_MG_H_PER_L, "lowMgHPerL");
    Checks.notNull(highMgHPerL, "highMgHPerL");
    if (highMgHPerL.isPresent()) {
      double high = Checks.inRange(highMgHPerL.getAsDouble(), 0, MAX_BOUND_MG_H_PER_L, "highMgHPerL");
      if (high <= lowMgHPerL) {
        throw new IllegalArgumentException(Checks.invalid("highMgHPerL", "> lowMgHPerL = " + lowMgHPerL, high));
      }
    } else if (lowMgHPerL <= 0) {
      throw new IllegalArgumentException(Checks.invalid("lowMgHPerL", "> 0 for a target with no upper bound",
          lowMgHPerL));
    }
    Checks.inRange(intervalHours, MIN_INTERVAL_HOURS, MAX_INTERVAL_HOURS, "intervalHours");
    Checks.notNull(minTroughMgPerL, "minTroughMgPerL");
    minTroughMgPerL.ifPresent(v -> Checks.positive(v, "minTroughMgPerL"));
    Checks.notBlank(population, "population");
    Checks.notNull(basis, "basis");
    Checks.notNull(source, "source");
  }

  /**
   * A twelve-hour window that a source gives for the population it is used for.
   *
   * @param lowMgHPerL lower bound of AUC0-12, mg*h/L
   * @param highMgHPerL upper bound of AUC0-12, mg*h/L
   * @param population whom the source gives it for
   * @param source citation
   * @return the window
   * @throws IllegalArgumentException if the bounds are invalid (see the canonical constructor)
   * @throws NullPointerException if an argument is null
   */
  public static AucTarget of12Hours(double lowMgHPerL, double highMgHPerL, String population, Source source) {
    return new AucTarget(lowMgHPerL, OptionalDouble.of(highMgHPerL), 12, OptionalDouble.empty(), population,
        Basis.SOURCED, source);
  }

  /**
   * A twelve-hour lower bound that a source gives for the population it is used for.
   *
   * @param lowMgHPerL lowest AUC0-12 that meets the target, mg*h/L, finite and &gt; 0
   * @param population whom the source gives it for
   * @param source citation
   * @return the target
   * @throws IllegalArgumentException if the bound is invalid
   * @throws NullPointerException if an argument is null
   */
  public static AucTarget atLeast12Hours(double lowMgHPerL, String population, Source source) {
    return new AucTarget(lowMgHPerL, OptionalDouble.empty(), 12, OptionalDouble.empty(), population,
        Basis.SOURCED, source);
  }

  /**
   * The seed 003 window (20-60 mg*h/L over 12 h) for orientation, for a condition that no source gives
   * a target for. Verdicts against it say so, and no dose advice rests on it.
   *
   * @param conditionName the condition, as it should read in the verdict
   * @return the orientation window
   * @throws NullPointerException if {@code conditionName} is null
   * @throws IllegalArgumentException if it is blank
   */
  public static AucTarget orientation(String conditionName) {
    Checks.notBlank(conditionName, "conditionName");
    return new AucTarget(20, OptionalDouble.of(60), 12, OptionalDouble.empty(),
        "no validated MPA target for " + conditionName + "; the 20-60 window of seed 003 (dermatomyositis and"
            + " myopathy) for orientation", Basis.ORIENTATION, Sources.SEED_003);
  }

  /**
   * Returns true when a source gives this target for the condition it is used for.
   *
   * @return true for {@link Basis#SOURCED}
   */
  public boolean isSourced() {
    return basis == Basis.SOURCED;
  }

  /**
   * Returns true for a lower bound with no upper bound.
   *
   * @return true when {@link #highMgHPerL()} is empty
   */
  public boolean isLowerBoundOnly() {
    return highMgHPerL.isEmpty();
  }

  /**
   * The AUC a dose change aims at: the middle of a window, or the lower bound of a target with no
   * upper bound (a dose is then rounded up to reach it), mg*h/L over {@link #intervalHours()}.
   *
   * @return the aim, mg*h/L
   */
  public double aimMgHPerL() {
    return highMgHPerL.isPresent() ? (lowMgHPerL + highMgHPerL.getAsDouble()) / 2 : lowMgHPerL;
  }

  /**
   * Returns the middle of a window, mg*h/L over {@link #intervalHours()}; for a lower bound only, the
   * bound itself (as {@link #aimMgHPerL()}).
   *
   * @return the middle of the window
   */
  public double middleMgHPerL() {
    return aimMgHPerL();
  }

  /**
   * This target for another population or basis, e.g. a source's window reused for orientation.
   *
   * @param newPopulation whom it is for
   * @param newBasis basis
   * @return the changed copy
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code newPopulation} is blank
   */
  public AucTarget withPopulation(String newPopulation, Basis newBasis) {
    return new AucTarget(lowMgHPerL, highMgHPerL, intervalHours, minTroughMgPerL, newPopulation, newBasis, source);
  }

  /**
   * Expresses an AUC over another interval on this target's interval: {@code auc * intervalHours /
   * aucIntervalHours} (the same average concentration).
   *
   * @param aucMgHPerL the AUC, mg*h/L, finite and &gt;= 0
   * @param aucIntervalHours the interval it was measured over, h, in [{@link #MIN_INTERVAL_HOURS},
   *     {@link #MAX_INTERVAL_HOURS}]
   * @return the equivalent AUC over {@link #intervalHours()}, mg*h/L
   * @throws IllegalArgumentException if an argument is out of range, or the result is not finite
   */
  public double equivalentAuc(double aucMgHPerL, double aucIntervalHours) {
    Checks.nonNegative(aucMgHPerL, "aucMgHPerL");
    Checks.inRange(aucIntervalHours, MIN_INTERVAL_HOURS, MAX_INTERVAL_HOURS, "aucIntervalHours");
    double scaled = aucMgHPerL * intervalHours / aucIntervalHours;
    if (!Double.isFinite(scaled)) {
      throw new IllegalArgumentException(Checks.invalid("aucMgHPerL", "an AUC whose " + Format.num(intervalHours)
          + "-hour equivalent is finite", aucMgHPerL));
    }
    return scaled;
  }

  /**
   * Classifies an AUC measured over this target's own interval. Both bounds count as within.
   *
   * @param aucMgHPerL the AUC, mg*h/L, finite and &gt;= 0
   * @return below, within or above
   * @throws IllegalArgumentException if the AUC is negative or not finite
   */
  public Verdict classify(double aucMgHPerL) {
    Checks.nonNegative(aucMgHPerL, "aucMgHPerL");
    if (aucMgHPerL < lowMgHPerL) {
      return Verdict.BELOW;
    }
    return highMgHPerL.isPresent() && aucMgHPerL > highMgHPerL.getAsDouble() ? Verdict.ABOVE : Verdict.WITHIN;
  }

  /**
   * Classifies an AUC measured over another interval, through {@link #equivalentAuc}.
   *
   * @param aucMgHPerL the AUC, mg*h/L
   * @param aucIntervalHours the interval it was measured over, h
   * @return below, within or above
   * @throws IllegalArgumentException if an argument is out of range
   */
  public Verdict classify(double aucMgHPerL, double aucIntervalHours) {
    return classify(equivalentAuc(aucMgHPerL, aucIntervalHours));
  }

  /**
   * Judges an AUC over this target's interval, and the trough where the target has a trough criterion.
   *
   * @param aucMgHPerL the AUC over {@link #intervalHours()}, mg*h/L, finite and &gt;= 0
   * @param troughMgPerL the pre-dose concentration, mg/L, finite and &gt;= 0, or empty when unknown
   * @return the verdict, with this target and the values
   * @throws IllegalArgumentException if a value is negative or not finite
   * @throws NullPointerException if {@code troughMgPerL} is null
   */
  public TargetVerdict judge(double aucMgHPerL, OptionalDouble troughMgPerL) {
    Verdict byAuc = classify(aucMgHPerL);
    Checks.notNull(troughMgPerL, "troughMgPerL");
    troughMgPerL.ifPresent(v -> Checks.nonNegative(v, "troughMgPerL"));
    boolean byTrough = byAuc == Verdict.BELOW && minTroughMgPerL.isPresent() && troughMgPerL.isPresent()
        && troughMgPerL.getAsDouble() > minTroughMgPerL.getAsDouble();
    return new TargetVerdict(byTrough ? Verdict.WITHIN : byAuc, this, aucMgHPerL, troughMgPerL, byTrough);
  }

  /**
   * Judges an AUC over this target's interval (no trough known).
   *
   * @param aucMgHPerL the AUC over {@link #intervalHours()}, mg*h/L, finite and &gt;= 0
   * @return the verdict
   * @throws IllegalArgumentException if the AUC is negative or not finite
   */
  public TargetVerdict judge(double aucMgHPerL) {
    return judge(aucMgHPerL, OptionalDouble.empty());
  }

  /**
   * Returns the bounds, e.g. {@code 20-60 mg*h/L over 12 h} or {@code > 36 mg*h/L over 12 h (or C0 > 2 mg/L)}.
   *
   * @return the bounds in words
   */
  public String bounds() {
    String auc = highMgHPerL.isPresent()
        ? Format.num(lowMgHPerL) + "-" + Format.num(highMgHPerL.getAsDouble()) + " mg*h/L"
        : ">= " + Format.num(lowMgHPerL) + " mg*h/L";
    String trough = minTroughMgPerL.isPresent() ? " (or C0 > " + Format.num(minTroughMgPerL.getAsDouble()) + " mg/L)"
        : "";
    return auc + " over " + Format.num(intervalHours) + " h" + trough;
  }

  /**
   * Returns the bounds (see {@link #bounds()}).
   */
  @Override
  public String toString() {
    return bounds();
  }
}
