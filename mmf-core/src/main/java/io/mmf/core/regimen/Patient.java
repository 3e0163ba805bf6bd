package io.mmf.core.regimen;

import io.mmf.core.internal.Checks;
import io.mmf.core.internal.Format;
import io.mmf.core.source.Sources;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a regimen check needs to know about a patient: age, body-surface area, renal function, hepatic
 * impairment, and whether they are in the immediate post-transplant period.
 *
 * <p>Immutable and thread-safe; {@code with...} methods return changed copies.
 */
public final class Patient {
  /** Oldest accepted age, years. */
  public static final double MAX_AGE_YEARS = 130;
  /** Accepted body-surface area range, m2. */
  public static final double MIN_BSA_M2 = 0.1;
  /** Accepted body-surface area range, m2. */
  public static final double MAX_BSA_M2 = 4.0;
  /** Highest accepted GFR, mL/min/1.73 m2. */
  public static final double MAX_GFR = 250;

  private final double ageYears;
  private final OptionalDouble bodySurfaceAreaM2;
  private final OptionalDouble gfrMlPerMinPer173M2;
  private final boolean immediatePostTransplant;
  private final boolean hepaticImpairment;

  private Patient(double ageYears, OptionalDouble bsa, OptionalDouble gfr, boolean immediatePostTransplant,
      boolean hepaticImpairment) {
    this.ageYears = Checks.inRange(ageYears, 0, MAX_AGE_YEARS, "ageYears");
    bsa.ifPresent(v -> Checks.inRange(v, MIN_BSA_M2, MAX_BSA_M2, "bodySurfaceAreaM2"));
    gfr.ifPresent(v -> Checks.inRange(v, 0, MAX_GFR, "gfrMlPerMinPer173M2"));
    this.bodySurfaceAreaM2 = bsa;
    this.gfrMlPerMinPer173M2 = gfr;
    this.immediatePostTransplant = immediatePostTransplant;
    this.hepaticImpairment = hepaticImpairment;
  }

  /**
   * A patient of a given age, with nothing else known.
   *
   * @param ageYears age in years, in [0, 130]
   * @return the patient
   * @throws IllegalArgumentException if the age is out of range or not finite
   */
  public static Patient ofAgeYears(double ageYears) {
    return new Patient(ageYears, OptionalDouble.empty(), OptionalDouble.empty(), false, false);
  }

  /**
   * Body-surface area by the Mosteller formula, sqrt(height x weight / 3600).
   *
   * @param heightCm height, cm, in (0, 250]
   * @param weightKg weight, kg, in (0, 400]
   * @return body-surface area in m2
   * @throws IllegalArgumentException if an argument is out of range or not finite
   * @see Sources#MOSTELLER_1987
   */
  public static double mostellerBsaM2(double heightCm, double weightKg) {
    Checks.inRange(heightCm, Double.MIN_VALUE, 250, "heightCm");
    Checks.inRange(weightKg, Double.MIN_VALUE, 400, "weightKg");
    return Math.sqrt(heightCm * weightKg / 3600.0);
  }

  /**
   * This patient with a body-surface area.
   *
   * @param m2 body-surface area, m2, in [0.1, 4]
   * @return the changed copy
   * @throws IllegalArgumentException if out of range or not finite
   */
  public Patient withBodySurfaceAreaM2(double m2) {
    return new Patient(ageYears, OptionalDouble.of(m2), gfrMlPerMinPer173M2, immediatePostTransplant,
        hepaticImpairment);
  }

  /**
   * This patient with a glomerular filtration rate.
   *
   * @param mlPerMinPer173M2 GFR, mL/min/1.73 m2, in [0, 250]
   * @return the changed copy
   * @throws IllegalArgumentException if out of range or not finite
   */
  public Patient withGfr(double mlPerMinPer173M2) {
    return new Patient(ageYears, bodySurfaceAreaM2, OptionalDouble.of(mlPerMinPer173M2), immediatePostTransplant,
        hepaticImpairment);
  }

  /**
   * This patient in (or out of) the immediate post-transplant period, when the label's renal cap
   * does not apply. The label does not define the period in days; the clinician decides.
   *
   * @param value true while in the immediate post-transplant period
   * @return the changed copy
   */
  public Patient withImmediatePostTransplant(boolean value) {
    return new Patient(ageYears, bodySurfaceAreaM2, gfrMlPerMinPer173M2, value, hepaticImpairment);
  }

  /**
   * This patient with (or without) hepatic impairment, which the regimen check reports (seed 000: a
   * dose adjustment may be needed in liver disease).
   *
   * @param value true when the liver is impaired
   * @return the changed copy
   */
  public Patient withHepaticImpairment(boolean value) {
    return new Patient(ageYears, bodySurfaceAreaM2, gfrMlPerMinPer173M2, immediatePostTransplant, value);
  }

  /**
   * Returns true when hepatic impairment is recorded.
   *
   * @return true when hepatic impairment is recorded
   */
  public boolean hepaticImpairment() {
    return hepaticImpairment;
  }

  /**
   * Returns the age in years.
   *
   * @return the age in years
   */
  public double ageYears() {
    return ageYears;
  }

  /**
   * Returns the body-surface area in m2, if known.
   *
   * @return the body-surface area in m2, if known
   */
  public OptionalDouble bodySurfaceAreaM2() {
    return bodySurfaceAreaM2;
  }

  /**
   * Returns the GFR in mL/min/1.73 m2, if known.
   *
   * @return the GFR in mL/min/1.73 m2, if known
   */
  public OptionalDouble gfrMlPerMinPer173M2() {
    return gfrMlPerMinPer173M2;
  }

  /**
   * Returns true while in the immediate post-transplant period.
   *
   * @return true while in the immediate post-transplant period
   */
  public boolean immediatePostTransplant() {
    return immediatePostTransplant;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Patient p && ageYears == p.ageYears && bodySurfaceAreaM2.equals(p.bodySurfaceAreaM2)
        && gfrMlPerMinPer173M2.equals(p.gfrMlPerMinPer173M2) && immediatePostTransplant == p.immediatePostTransplant
        && hepaticImpairment == p.hepaticImpairment;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ageYears, bodySurfaceAreaM2, gfrMlPerMinPer173M2, immediatePostTransplant, hepaticImpairment);
  }

  /**
   * Returns e.g. {@code Patient[age 45 y, BSA 1.9 m2, GFR 20 mL/min/1.73m2]}.
   */
  @Override
  public String toString() {
    return "Patient[age " + Format.num(ageYears) + " y"
        + (bodySurfaceAreaM2.isPresent() ? ", BSA " + Format.num(bodySurfaceAreaM2.getAsDouble()) + " m2" : "")
        + (gfrMlPerMinPer173M2.isPresent() ? ", GFR " + Format.num(gfrMlPerMinPer173M2.getAsDouble()) + " mL/min/1.73m2" : "")
        + (immediatePostTransplant ? ", immediately post-transplant" : "")
        + (hepaticImpairment ? ", hepatic impairment" : "") + "]";
  }
}
