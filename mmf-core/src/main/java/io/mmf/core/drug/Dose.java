package io.mmf.core.drug;

import io.mmf.core.internal.Checks;
import io.mmf.core.internal.Format;

/**
 * An amount of drug product in milligrams, as written on the label of the product given: mg of
 * mycophenolate mofetil for MMF, mg of mycophenolic acid (as the sodium salt) for EC-MPS. Use
 * {@link MpaEquivalence} to compare across products.
 *
 * <p>Immutable and thread-safe; equal by value.
 *
 * @param mg the amount in milligrams, finite and &gt; 0
 */
public record Dose(double mg) implements Comparable<Dose> {

  /**
   * Validates the amount.
   *
   * @param mg amount in mg
   * @throws IllegalArgumentException if {@code mg} is not finite or not &gt; 0
   */
  public Dose {
    Checks.positive(mg, "doseMg");
  }

  /**
   * A dose in milligrams.
   *
   * @param mg amount in mg, finite and &gt; 0
   * @return the dose
   * @throws IllegalArgumentException if {@code mg} is not finite or not &gt; 0
   */
  public static Dose ofMg(double mg) {
    return new Dose(mg);
  }

  /**
   * A dose in grams.
   *
   * @param grams amount in g, finite and &gt; 0
   * @return the dose
   * @throws IllegalArgumentException if {@code grams} is not finite or not &gt; 0
   */
  public static Dose ofGrams(double grams) {
    Checks.positive(grams, "doseGrams");
    return new Dose(grams * 1000.0);
  }

  /**
   * Returns the amount in grams.
   *
   * @return the amount in grams
   */
  public double grams() {
    return mg / 1000.0;
  }

  /**
   * This dose multiplied by a factor, e.g. administrations per day.
   *
   * @param factor finite and &gt; 0
   * @return the scaled dose
   * @throws IllegalArgumentException if {@code factor} is not finite or not &gt; 0
   */
  public Dose times(double factor) {
    return new Dose(mg * Checks.positive(factor, "factor"));
  }

  /**
   * The sum of two doses.
   *
   * @param other the dose to add
   * @return the sum
   * @throws NullPointerException if {@code other} is null
   */
  public Dose plus(Dose other) {
    return new Dose(mg + Checks.notNull(other, "other").mg);
  }

  @Override
  public int compareTo(Dose other) {
    return Double.compare(mg, other.mg);
  }

  /**
   * Returns e.g. {@code 500 mg} or {@code 0.5 mg}.
   */
  @Override
  public String toString() {
    return Format.num(mg) + " mg";
  }

}
