package io.mmf.cli;

import io.mmf.core.condition.Condition;
import io.mmf.core.condition.PediatricDosing;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DoseCeiling;
import io.mmf.core.regimen.Patient;
import io.mmf.core.regimen.RegimenCheck;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * What dose advice needs to know of the patient to stay under their ceiling (the label's maximum, the
 * condition's, the renal cap, the paediatric limits): age, body-surface area, GFR.
 */
final class DoseLimitOptions {
  @Option(names = "--age", paramLabel = "YEARS",
      description = "Age in years, for the dose limits of advice (default: an adult, and the output says so).")
  Double ageYears;

  @Option(names = "--bsa", paramLabel = "M2", description = "Body-surface area in m2 (paediatric dose limits).")
  Double bsaM2;

  @Option(names = "--gfr", paramLabel = "ML_MIN_1.73M2",
      description = "Glomerular filtration rate, mL/min/1.73 m2 (the renal cap below 25).")
  Double gfr;

  /** The patient: the given values, an adult of unknown age when none is given. */
  Patient patient() {
    Patient p = Patient.ofAgeYears(ageYears == null ? PediatricDosing.ADULT_AGE_YEARS : ageYears);
    if (bsaM2 != null) {
      p = p.withBodySurfaceAreaM2(bsaM2);
    }
    return gfr == null ? p : p.withGfr(gfr);
  }

  /**
   * What the limits assumed, for the output: an adult when no age was given (a child's limits are lower),
   * or empty.
   */
  Optional<String> assumption() {
    return ageYears == null ? Optional.of("an adult's dose limits (no --age given; a child's are lower)")
        : Optional.empty();
  }

  /** The ceiling for a condition (without one: the label's, renal and paediatric limits) and formulation. */
  DoseCeiling ceiling(Optional<Condition> condition, Formulation formulation) {
    return condition.map(c -> RegimenCheck.ceiling(c, patient(), formulation))
        .orElseGet(() -> RegimenCheck.ceiling(patient(), formulation));
  }
}
