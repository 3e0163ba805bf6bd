package io.mmf.cli;

import io.mmf.core.regimen.Patient;
import io.mmf.core.safety.PatientProfile;
import io.mmf.core.safety.RiskFactor;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Patient options shared by commands. */
final class PatientOptions {
  /** Heaviest weight, kg (as {@link Patient#mostellerBsaM2} accepts). */
  static final double MAX_WEIGHT_KG = 400;
  /** Tallest height, cm (as {@link Patient#mostellerBsaM2} accepts). */
  static final double MAX_HEIGHT_CM = 250;

  @Option(names = "--age", required = true, paramLabel = "YEARS", description = "Age in years.")
  double ageYears;

  @Option(names = "--weight", paramLabel = "KG", description = "Weight in kg (with --height gives body-surface area).")
  Double weightKg;

  @Option(names = "--height", paramLabel = "CM", description = "Height in cm.")
  Double heightCm;

  @Option(names = "--bsa", paramLabel = "M2", description = "Body-surface area in m2 (instead of --weight/--height).")
  Double bsaM2;

  @Option(names = "--gfr", paramLabel = "ML_MIN_1.73M2", description = "Glomerular filtration rate, mL/min/1.73 m2.")
  Double gfr;

  @Option(names = "--immediately-post-transplant", description = "In the immediate post-transplant period.")
  boolean immediatelyPostTransplant;

  @Option(names = "--hepatic-impairment", description = "Hepatic impairment (liver disease).")
  boolean hepaticImpairment;

  @Option(names = "--pregnancy", paramLabel = "STATUS",
      description = "Pregnancy status: unknown, none (cannot become pregnant, e.g. a man), can-become-pregnant,"
          + " planning, pregnant (default: unknown, which is reported).")
  String pregnancy = "unknown";

  @Option(names = "--breastfeeding", description = "Breastfeeding.")
  boolean breastfeeding;

  @Option(names = "--risk", split = ",", paramLabel = "FACTOR",
      description = "Other risk factors: active-serious-infection, active-malignancy, planned-live-vaccine,"
          + " hgprt-deficiency, hepatitis-b, hepatitis-c.")
  List<String> risks = new ArrayList<>();

  @Option(names = "--comed", split = ",", paramLabel = "DRUG",
      description = "Co-medications by generic or brand name, comma-separated (e.g. cyclosporine,omeprazole).")
  List<String> comeds = new ArrayList<>();

  /**
   * The patient of the options.
   *
   * @throws IllegalArgumentException naming the option if a value is out of its range
   */
  Patient patient() {
    Ranges.between("--age", ageYears, 0, Patient.MAX_AGE_YEARS, "years");
    if (gfr != null) {
      Ranges.between("--gfr", gfr, 0, Patient.MAX_GFR, "mL/min/1.73 m2");
    }
    if (bsaM2 != null) {
      Ranges.between("--bsa", bsaM2, Patient.MIN_BSA_M2, Patient.MAX_BSA_M2, "m2");
    }
    if (weightKg != null) {
      Ranges.positive("--weight", weightKg, MAX_WEIGHT_KG, "kg");
    }
    if (heightCm != null) {
      Ranges.positive("--height", heightCm, MAX_HEIGHT_CM, "cm");
    }
    Patient p = Patient.ofAgeYears(ageYears).withImmediatePostTransplant(immediatelyPostTransplant)
        .withHepaticImpairment(hepaticImpairment);
    if (bsaM2 != null) {
      p = p.withBodySurfaceAreaM2(bsaM2);
    } else if (weightKg != null || heightCm != null) {
      if (weightKg == null || heightCm == null) {
        throw new IllegalArgumentException("Invalid value for --weight/--height (expected both, for body-surface"
            + " area): only " + (weightKg == null ? "--height" : "--weight") + " given");
      }
      double bsa = Patient.mostellerBsaM2(heightCm, weightKg);
      if (!(bsa >= Patient.MIN_BSA_M2 && bsa <= Patient.MAX_BSA_M2)) {
        throw new IllegalArgumentException("Invalid value for --weight/--height (expected a body-surface area of "
            + SimulateCommand.num(Patient.MIN_BSA_M2) + " to " + SimulateCommand.num(Patient.MAX_BSA_M2) + " m2): "
            + weightKg + " kg and " + heightCm + " cm give " + bsa + " m2");
      }
      p = p.withBodySurfaceAreaM2(bsa);
    }
    return gfr == null ? p : p.withGfr(gfr);
  }

  PatientProfile profile() {
    PatientProfile profile = PatientProfile.none();
    switch (pregnancy) {
      case "unknown" -> profile = profile.with(RiskFactor.PREGNANCY_STATUS_UNKNOWN);
      case "none" -> { }
      case "can-become-pregnant" -> profile = profile.with(RiskFactor.CAN_BECOME_PREGNANT);
      case "planning" -> profile = profile.with(RiskFactor.PLANNING_PREGNANCY);
      case "pregnant" -> profile = profile.with(RiskFactor.PREGNANT);
      default -> throw new IllegalArgumentException("Invalid value for --pregnancy (expected unknown, none,"
          + " can-become-pregnant, planning or pregnant): " + pregnancy);
    }
    if (breastfeeding) {
      profile = profile.with(RiskFactor.BREASTFEEDING);
    }
    for (String r : risks) {
      RiskFactor f;
      try {
        f = RiskFactor.valueOf(r.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Invalid value for --risk (expected one of active-serious-infection,"
            + " active-malignancy, planned-live-vaccine, hgprt-deficiency, hepatitis-b, hepatitis-c): " + r);
      }
      profile = profile.with(f);
    }
    return profile.takingByName(comeds);
  }
}
