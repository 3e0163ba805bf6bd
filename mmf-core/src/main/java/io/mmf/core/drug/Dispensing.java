package io.mmf.core.drug;

import io.mmf.core.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dose made up of whole units of the strengths at hand: how many capsules or tablets of each
 * strength to give for one administration.
 *
 * <p>Immutable and thread-safe. Create it with {@link #nearest(Dose, Collection)}.
 */
public final class Dispensing {
  /**
   * Largest single administration this rounds, in mg: a guard on the search, far above any dose in
   * the sources (the largest is 1.5 g).
   */
  public static final double MAX_REQUEST_MG = 20_000;

  private final Dose requested;
  private final Map<Formulation, Integer> units;
  private final Dose dose;

  private Dispensing(Dose requested, Map<Formulation, Integer> units) {
    this.requested = requested;
    this.units = units;
    double mg = 0;
    for (Map.Entry<Formulation, Integer> e : units.entrySet()) {
      mg += e.getKey().strengthMg() * e.getValue();
    }
    this.dose = Dose.ofMg(mg);
  }

  /**
   * The dose nearest to {@code requested} that whole units of the available strengths can make, with
   * the fewest units. A tie between a higher and a lower dose goes to the lower. The result is at
   * least one unit, so a request below the smallest strength gives one unit of it.
   *
   * @param requested the dose wanted, in mg of the products' labelled substance
   * @param available the strengths at hand: countable forms of one drug
   * @return the nearest dispensable dose
   * @throws NullPointerException if an argument or element is null
   * @throws IllegalArgumentException if {@code requested} is over {@link #MAX_REQUEST_MG}, if
   *     {@code available} is empty, mixes MMF with EC-MPS, or holds a
   *     form measured by volume (round those with {@link #nearestVolumeMl})
   */
  public static Dispensing nearest(Dose requested, Collection<Formulation> available) {
    return search(requested, available, Double.POSITIVE_INFINITY, false).orElseThrow();
  }

  /**
   * The dispensable dose nearest to {@code requested} that is not above {@code maxMg}, with the fewest
   * units (ties go to the lower dose): dose advice under a ceiling.
   *
   * @param requested the dose wanted, mg of labelled substance
   * @param available the strengths at hand: countable forms of one drug
   * @param maxMg the highest dose allowed, mg, finite and &gt; 0
   * @return the dose, or empty when not even one unit of the smallest strength fits under {@code maxMg}
   * @throws NullPointerException if an argument or element is null
   * @throws IllegalArgumentException as {@link #nearest}, or if {@code maxMg} is not finite and &gt; 0
   */
  public static java.util.Optional<Dispensing> nearestAtMost(Dose requested, Collection<Formulation> available,
      double maxMg) {
    return search(requested, available, Checks.positive(maxMg, "maxMg"), false);
  }

  /**
   * The smallest dispensable dose at or above {@code requested} and not above {@code maxMg} (fewest units
   * for that dose), or, when none is, the largest not above {@code maxMg}: dose advice for a lower-bound
   * target, where rounding down would miss it.
   *
   * @param requested the lowest dose wanted, mg of labelled substance
   * @param available the strengths at hand: countable forms of one drug
   * @param maxMg the highest dose allowed, mg, finite and &gt; 0
   * @return the dose, or empty when not even one unit of the smallest strength fits under {@code maxMg}
   * @throws NullPointerException if an argument or element is null
   * @throws IllegalArgumentException as {@link #nearest}, or if {@code maxMg} is not finite and &gt; 0
   */
  public static java.util.Optional<Dispensing> atLeast(Dose requested, Collection<Formulation> available,
      double maxMg) {
    return search(requested, available, Checks.positive(maxMg, "maxMg"), true);
  }

  private static java.util.Optional<Dispensing> search(Dose requested, Collection<Formulation> available,
      double maxMg, boolean roundUp) {
    Checks.notNull(requested, "requested");
    Checks.inRange(requested.mg(), 0, MAX_REQUEST_MG, "requestedMg");
    Checks.nonEmpty(available, "available");
    Set<Formulation> forms = EnumSet.copyOf(available);
    Drug drug = forms.iterator().next().drug();
    for (Formulation f : forms) {
      if (!f.isCountable()) {
        throw new IllegalArgumentException(Checks.invalid("available", "capsules or tablets only", f));
      }
      if (f.drug() != drug) {
        throw new IllegalArgumentException(Checks.invalid("available", "forms of one drug", forms));
      }
    }
    List<Formulation> byStrength = new ArrayList<>(forms);
    byStrength.sort(Comparator.comparingDouble(Formulation::strengthMg).reversed());
    int[] strengths = byStrength.stream().mapToInt(f -> (int) f.strengthMg()).toArray();
    int smallest = strengths[strengths.length - 1];
    int largest = strengths[0];
    // minUnits[a] = fewest units summing to exactly a mg (or -1); search up to one largest unit past the request.
    int limit = (int) Math.min(Math.ceil(requested.mg()) + largest, Math.floor(maxMg));
    if (limit < smallest) {
      return java.util.Optional.empty();
    }
    int[] minUnits = new int[limit + 1];
    int[] lastUnit = new int[limit + 1];
    java.util.Arrays.fill(minUnits, -1);
    minUnits[0] = 0;
    for (int a = 1; a <= limit; a++) {
      for (int i = 0; i < strengths.length; i++) {
        int rest = a - strengths[i];
        if (rest >= 0 && minUnits[rest] >= 0 && (minUnits[a] < 0 || minUnits[rest] + 1 < minUnits[a])) {
          minUnits[a] = minUnits[rest] + 1;
          lastUnit[a] = i;
        }
      }
    }
    int best = -1;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int a = smallest; a <= limit; a++) {
      if (minUnits[a] <= 0) {
        continue;
      }
      if (roundUp) {
        // the first amount at or above the request wins; below it, the largest so far stands in
        if (a >= requested.mg()) {
          best = a;
          break;
        }
        best = a;
      } else {
        double distance = Math.abs(a - requested.mg());
        if (distance < bestDistance) {
          best = a;
          bestDistance = distance;
        }
      }
    }
    if (best < 0) {
      return java.util.Optional.empty();
    }
    Map<Formulation, Integer> counts = new LinkedHashMap<>();
    for (Formulation f : byStrength) {
      counts.put(f, 0);
    }
    for (int a = best; a > 0; a -= strengths[lastUnit[a]]) {
      counts.merge(byStrength.get(lastUnit[a]), 1, Integer::sum);
    }
    counts.values().removeIf(n -> n == 0);
    return java.util.Optional.of(new Dispensing(requested, Map.copyOf(counts)));
  }

  /**
   * The volume of a measured form nearest to a requested dose, in steps of what can be measured.
   *
   * @param requested the dose wanted
   * @param form a form measured by volume ({@link Formulation#MMF_ORAL_SUSPENSION})
   * @param stepMl the smallest volume step that can be measured, in mL, &gt; 0 (the graduation of
   *     the syringe at hand: the label does not fix one)
   * @return the volume in mL, a whole number of steps, at least one step
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code stepMl} is not finite and &gt; 0
   * @throws IllegalStateException if {@code form} is not measured in mL
   */
  public static double nearestVolumeMl(Dose requested, Formulation form, double stepMl) {
    Checks.notNull(form, "form");
    Checks.positive(stepMl, "stepMl");
    double exact = form.volumeMl(Checks.notNull(requested, "requested"));
    return Math.max(1, Math.round(exact / stepMl)) * stepMl;
  }

  /**
   * Returns the dose that was asked for.
   *
   * @return the dose that was asked for
   */
  public Dose requested() {
    return requested;
  }

  /**
   * Returns the dose these units make, in mg of labelled substance.
   *
   * @return the dose these units make, in mg of labelled substance
   */
  public Dose dose() {
    return dose;
  }

  /**
   * Returns the number of units of each strength used, only strengths used (unmodifiable).
   *
   * @return the number of units of each strength used, only strengths used (unmodifiable)
   */
  public Map<Formulation, Integer> units() {
    return units;
  }

  /**
   * Returns the total number of capsules or tablets.
   *
   * @return the total number of capsules or tablets
   */
  public int unitCount() {
    return units.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Returns the dispensed dose minus the requested one, in mg (negative when rounded down).
   *
   * @return the dispensed dose minus the requested one, in mg (negative when rounded down)
   */
  public double differenceMg() {
    return dose.mg() - requested.mg();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dispensing d && requested.equals(d.requested) && units.equals(d.units);
  }

  @Override
  public int hashCode() {
    return requested.hashCode() * 31 + units.hashCode();
  }

  /**
   * Returns e.g. {@code 1 x MMF 500 mg tablet + 1 x MMF 250 mg capsule = 750 mg}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    units.entrySet().stream()
        .sorted(Comparator.comparingDouble((Map.Entry<Formulation, Integer> e) -> e.getKey().strengthMg()).reversed())
        .forEach(e -> sb.append(sb.length() == 0 ? "" : " + ").append(e.getValue()).append(" x ").append(e.getKey().label()));
    return sb.append(" = ").append(dose).toString();
  }
}
