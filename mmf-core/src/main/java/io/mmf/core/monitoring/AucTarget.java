package io.mmf.core.monitoring;

import io.mmf.core.internal.Checks;
import io.mmf.core.internal.Format;
import io.mmf.core.source.Source;
import io.mmf.core.source.Sources;

/**
 * A therapeutic window for the MPA area under the concentration-time curve over one dosing
 * interval, in mg*h/L (= ug*h/mL).
 *
 * <p>Immutable and thread-safe. The project default is {@link #DEFAULT}, 20-60 mg*h/L over 12 h;
 * conditions may carry their own, each with its source.
 *
 * @param lowMgHPerL lower bound, mg*h/L, finite and &gt;= 0
 * @param highMgHPerL upper bound, mg*h/L, finite and &gt; {@code lowMgHPerL}
 * @param intervalHours the dosing interval the bounds refer to, h, finite and &gt; 0 (12 for
 *     twice-daily AUC0-12)
 * @param source where the window comes from
 */
public record AucTarget(double lowMgHPerL, double highMgHPerL, double intervalHours, Source source) {

  /**
   * The project default: AUC0-12 of 20-60 mg*h/L. Its only source is seed 003 (a guideline summary
   * on dermatomyositis and myopathy); no primary source was found, and the transplant consensus uses
   * 30-60. Override it per condition or per call where a better source applies.
   */
  public static final AucTarget DEFAULT = new AucTarget(20, 60, 12, Sources.SEED_003);

  /**
   * Transplant consensus: AUC0-12 30-60 mg*h/L (HPLC), first 30 days after kidney transplantation.
   *
   * @see Sources#KUYPERS_2010
   */
  public static final AucTarget TRANSPLANT_CONSENSUS = new AucTarget(30, 60, 12, Sources.KUYPERS_2010);

  /** Where an AUC falls relative to the window. */
  public enum Verdict {
    /** Below the lower bound. */
    BELOW,
    /** Within the bounds, both included. */
    WITHIN,
    /** Above the upper bound. */
    ABOVE
  }

  /**
   * Validates the window.
   *
   * @param lowMgHPerL lower bound, mg*h/L
   * @param highMgHPerL upper bound, mg*h/L
   * @param intervalHours dosing interval, h
   * @param source citation
   * @throws IllegalArgumentException if a bound is negative or not finite, the bounds are not
   *     increasing, or the interval is not finite and &gt; 0
   * @throws NullPointerException if {@code source} is null
   */
  public AucTarget {
    Checks.nonNegative(lowMgHPerL, "lowMgHPerL");
    Checks.positive(highMgHPerL, "highMgHPerL");
    if (highMgHPerL <= lowMgHPerL) {
      throw new IllegalArgumentException(
          Checks.invalid("highMgHPerL", "> lowMgHPerL = " + lowMgHPerL, highMgHPerL));
    }
    Checks.positive(intervalHours, "intervalHours");
    Checks.notNull(source, "source");
  }

  /**
   * A twelve-hour window.
   *
   * @param lowMgHPerL lower bound of AUC0-12, mg*h/L
   * @param highMgHPerL upper bound of AUC0-12, mg*h/L
   * @param source citation
   * @return the window
   * @throws IllegalArgumentException if the bounds are invalid (see the canonical constructor)
   * @throws NullPointerException if {@code source} is null
   */
  public static AucTarget of12Hours(double lowMgHPerL, double highMgHPerL, Source source) {
    return new AucTarget(lowMgHPerL, highMgHPerL, 12, source);
  }

  /**
   * Returns the middle of the window, mg*h/L over {@link #intervalHours()}.
   *
   * @return the middle of the window, mg*h/L over {@link #intervalHours()}
   */
  public double middleMgHPerL() {
    return (lowMgHPerL + highMgHPerL) / 2;
  }

  /**
   * Expresses an AUC over another interval on this window's interval: {@code auc * intervalHours /
   * aucIntervalHours} (the same average concentration).
   *
   * @param aucMgHPerL the AUC, mg*h/L, finite and &gt;= 0
   * @param aucIntervalHours the interval it was measured over, h, finite and &gt; 0
   * @return the equivalent AUC over {@link #intervalHours()}, mg*h/L
   * @throws IllegalArgumentException if an argument is out of range
   */
  public double equivalentAuc(double aucMgHPerL, double aucIntervalHours) {
    Checks.nonNegative(aucMgHPerL, "aucMgHPerL");
    Checks.positive(aucIntervalHours, "aucIntervalHours");
    return aucMgHPerL * intervalHours / aucIntervalHours;
  }

  /**
   * Classifies an AUC measured over this window's own interval. Both bounds count as within.
   *
   * @param aucMgHPerL the AUC, mg*h/L, finite and &gt;= 0
   * @return below, within or above
   * @throws IllegalArgumentException if the AUC is negative or not finite
   */
  public Verdict classify(double aucMgHPerL) {
    Checks.nonNegative(aucMgHPerL, "aucMgHPerL");
    return aucMgHPerL < lowMgHPerL ? Verdict.BELOW : aucMgHPerL > highMgHPerL ? Verdict.ABOVE : Verdict.WITHIN;
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
   * Returns e.g. {@code 20-60 mg*h/L over 12 h}.
   */
  @Override
  public String toString() {
    return Format.num(lowMgHPerL) + "-" + Format.num(highMgHPerL) + " mg*h/L over " + Format.num(intervalHours) + " h";
  }
}
