package io.mmf.core.regimen;

import io.mmf.core.drug.Drug;
import io.mmf.core.internal.Checks;
import io.mmf.core.internal.Format;
import io.mmf.core.source.Source;
import java.util.Comparator;
import java.util.List;

/**
 * The highest dose a patient may be advised for a condition: the lowest of every limit that applies
 * (the label's maximum, the condition's own maximum, the renal cap, the paediatric mg/m2 and daily
 * limits), in labelled mg of the regimen's drug (mg MMF, or mg MPA for EC-MPS). {@link RegimenCheck}
 * reports a finding for each limit a regimen exceeds; dose advice never goes above the ceiling.
 *
 * <p>Immutable and thread-safe. Made by {@link RegimenCheck#ceiling}.
 *
 * @param drug the drug the limits are expressed in
 * @param limits every limit that applies, never empty
 */
public record DoseCeiling(Drug drug, List<Limit> limits) {

  /**
   * One limit.
   *
   * @param ruleId the rule that reports a dose above it, e.g. {@code over-label-maximum}
   * @param perDay true for a daily limit, false for a limit per administration
   * @param maxMg the limit, labelled mg of the ceiling's drug (per day or per administration)
   * @param what the limit in words, e.g. "the label's adult maximum of 3 g/day"
   * @param source citation
   */
  public record Limit(String ruleId, boolean perDay, double maxMg, String what, Source source) {
    /**
     * Validates the limit.
     *
     * @param ruleId rule id
     * @param perDay daily or per administration
     * @param maxMg limit, finite and &gt; 0
     * @param what in words
     * @param source citation
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code maxMg} is not finite and &gt; 0, or a text is blank
     */
    public Limit {
      Checks.notBlank(ruleId, "ruleId");
      Checks.positive(maxMg, "maxMg");
      Checks.notBlank(what, "what");
      Checks.notNull(source, "source");
    }

    /**
     * This limit per administration at a dosing interval.
     *
     * @param interval the interval
     * @return mg per administration
     * @throws NullPointerException if {@code interval} is null
     */
    public double maxMgPerAdministration(DosingInterval interval) {
      Checks.notNull(interval, "interval");
      return perDay ? maxMg / interval.administrationsPerDay() : maxMg;
    }
  }

  /**
   * Validates the ceiling.
   *
   * @param drug drug
   * @param limits limits, at least one
   * @throws NullPointerException if an argument or element is null
   * @throws IllegalArgumentException if {@code limits} is empty
   */
  public DoseCeiling {
    Checks.notNull(drug, "drug");
    limits = List.copyOf(Checks.nonEmpty(limits, "limits"));
  }

  /**
   * The limit that binds at an interval: the one with the lowest dose per administration.
   *
   * @param interval the dosing interval
   * @return the binding limit
   * @throws NullPointerException if {@code interval} is null
   */
  public Limit binding(DosingInterval interval) {
    Checks.notNull(interval, "interval");
    return limits.stream().min(Comparator.comparingDouble(l -> l.maxMgPerAdministration(interval))).orElseThrow();
  }

  /**
   * The highest dose per administration at an interval, labelled mg.
   *
   * @param interval the dosing interval
   * @return mg per administration
   * @throws NullPointerException if {@code interval} is null
   */
  public double maxMgPerAdministration(DosingInterval interval) {
    return binding(interval).maxMgPerAdministration(interval);
  }

  /**
   * Whether a dose per administration is above the ceiling at an interval (a relative 10^-12 is rounding,
   * not excess: a dose equal to the ceiling, however it was computed, is at it).
   *
   * @param mgPerAdministration labelled mg per administration
   * @param interval the dosing interval
   * @return true when the dose exceeds the ceiling
   * @throws NullPointerException if {@code interval} is null
   */
  public boolean isExceededBy(double mgPerAdministration, DosingInterval interval) {
    return mgPerAdministration > maxMgPerAdministration(interval) * (1 + 1e-12);
  }

  /**
   * Returns e.g. {@code EC-MPS <= 720 mg per administration at every 12 h (the Myfortic label's ...)}.
   *
   * @param interval the dosing interval
   * @return the ceiling in words
   */
  public String describe(DosingInterval interval) {
    Limit l = binding(interval);
    return Format.num(maxMgPerAdministration(interval)) + " mg " + drug.abbreviation() + " per administration ("
        + l.what() + ") [" + l.source().ref() + "]";
  }
}
