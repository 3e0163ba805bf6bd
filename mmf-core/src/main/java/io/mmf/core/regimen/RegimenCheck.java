package io.mmf.core.regimen;

import io.mmf.core.condition.Condition;
import io.mmf.core.condition.DailyDoseLimit;
import io.mmf.core.condition.PediatricDosing;
import io.mmf.core.drug.Formulation;
import io.mmf.core.drug.MpaEquivalence;
import io.mmf.core.finding.Action;
import io.mmf.core.finding.Finding;
import io.mmf.core.finding.Severity;
import io.mmf.core.internal.Checks;
import io.mmf.core.internal.Format;
import io.mmf.core.source.Sources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a regimen against a condition and a patient and returns every finding at once.
 *
 * <p>Doses are compared as MMF-equivalent mg per day (EC-MPS through
 * {@link MpaEquivalence#CLINICAL}: 720 mg EC-MPS = 1000 mg MMF), at the regimen's target dose. The
 * rules, each with its id:
 * <ul>
 *   <li>{@code over-condition-maximum}: daily dose above the condition's maximum (equal is allowed);</li>
 *   <li>{@code renal-cap}: GFR &lt; 25 mL/min/1.73 m2 outside the immediate post-transplant period and
 *       more than 1 g twice daily. The label states the cap for renal transplant recipients with severe
 *       chronic renal impairment; the sources are silent on other patients, and mmf applies it to every
 *       patient, saying so in the finding;</li>
 *   <li>{@code pediatric-mg-per-m2}, {@code pediatric-daily-maximum}, {@code pediatric-bsa-unknown},
 *       {@code pediatric-too-young}, {@code pediatric-capsule-bsa}, {@code pediatric-tablet-bsa}: the
 *       label's and SmPC's body-surface-area rules for patients under 18;</li>
 *   <li>{@code below-adequate-dose}: below the dose that counts as adequate before failure is judged;</li>
 *   <li>{@code below-usual-range}, {@code above-usual-range}: outside the condition's usual range (information).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class RegimenCheck {

  /**
   * GFR below which the label caps the dose, mL/min/1.73 m2.
   *
   * @see Sources#LABEL
   */
  public static final double RENAL_CAP_GFR = 25;

  /**
   * The renal cap itself: no more than 1 g twice daily, i.e. 2000 mg MMF per day.
   *
   * @see Sources#LABEL
   */
  public static final double RENAL_CAP_MG_PER_DAY = 2000;

  /**
   * SmPC: capsules only for body-surface area of at least 1.25 m2.
   *
   * @see Sources#SMPC
   */
  public static final double CAPSULE_MIN_BSA_M2 = 1.25;

  /**
   * SmPC: 500 mg tablets only for body-surface area above 1.5 m2.
   *
   * @see Sources#SMPC
   */
  public static final double TABLET_MIN_BSA_M2 = 1.5;

  private RegimenCheck() {}

  /**
   * Checks a regimen.
   *
   * @param regimen the regimen
   * @param condition what it treats
   * @param patient who takes it
   * @return every finding, most severe first; empty when nothing applies
   * @throws NullPointerException if an argument is null
   */
  public static List<Finding> check(Regimen regimen, Condition condition, Patient patient) {
    Checks.notNull(regimen, "regimen");
    Checks.notNull(condition, "condition");
    Checks.notNull(patient, "patient");
    List<Finding> out = new ArrayList<>();
    double perDoseMg = MpaEquivalence.CLINICAL.mmfEquivalent(regimen.dose(), regimen.formulation()).mg();
    double dailyMg = perDoseMg * regimen.interval().administrationsPerDay();
    String daily = grams(dailyMg) + " g/day" + (regimen.formulation().drug().abbreviation().equals("MMF")
        ? "" : " MMF-equivalent");

    condition.maximumDailyDose().ifPresent(max -> {
      if (dailyMg > max.mgPerDay()) {
        out.add(new Finding("over-condition-maximum", Severity.WARNING, Action.REDUCE,
            daily + " is above the maximum of " + max + " for " + condition.name(), max.source()));
      }
    });

    patient.gfrMlPerMinPer173M2().ifPresent(gfr -> {
      if (gfr < RENAL_CAP_GFR && !patient.immediatePostTransplant() && dailyMg > RENAL_CAP_MG_PER_DAY) {
        out.add(new Finding("renal-cap", Severity.WARNING, Action.REDUCE,
            daily + " with GFR " + Format.num(gfr) + " mL/min/1.73 m2 (< 25): avoid more than 1 g twice daily outside"
                + " the immediate post-transplant period (the label states this for renal transplant recipients"
                + " with severe chronic renal impairment; mmf applies it to every patient)", Sources.LABEL));
      }
    });

    if (patient.ageYears() < PediatricDosing.ADULT_AGE_YEARS) {
      condition.pediatricDosing().ifPresent(p -> pediatric(regimen, patient, p, perDoseMg, dailyMg, out));
    }

    condition.adequateDailyDose().ifPresent(adequate -> {
      if (dailyMg < adequate.mgPerDay()) {
        out.add(new Finding("below-adequate-dose", Severity.CAUTION, Action.INCREASE,
            daily + " is below the " + adequate + " that counts as adequate before treatment failure can be judged",
            adequate.source()));
      }
    });

    condition.usualDailyDose().ifPresent(usual -> {
      if (dailyMg < usual.lowMgPerDay()) {
        out.add(new Finding("below-usual-range", Severity.INFO, Action.CONTINUE,
            daily + " is below the usual " + usual + " for " + condition.name(), usual.source()));
      } else if (dailyMg > usual.highMgPerDay()
          && condition.maximumDailyDose().map(DailyDoseLimit::mgPerDay).orElse(Double.MAX_VALUE) >= dailyMg) {
        out.add(new Finding("above-usual-range", Severity.INFO, Action.CONTINUE,
            daily + " is above the usual " + usual + " for " + condition.name(), usual.source()));
      }
    });

    out.sort(Comparator.comparing(Finding::severity).reversed());
    return List.copyOf(out);
  }

  private static void pediatric(Regimen regimen, Patient patient, PediatricDosing p, double perDoseMg,
      double dailyMg, List<Finding> out) {
    if (patient.ageYears() < p.minAgeYears()) {
      out.add(new Finding("pediatric-too-young", Severity.WARNING, Action.REFER,
          "age " + Format.num(patient.ageYears()) + " y is below the " + Format.num(p.minAgeYears())
              + " y for which pediatric dosing is established", p.source()));
    }
    if (dailyMg > p.maxMgPerDay()) {
      out.add(new Finding("pediatric-daily-maximum", Severity.WARNING, Action.REDUCE,
          grams(dailyMg) + " g/day is above the pediatric maximum of " + grams(p.maxMgPerDay()) + " g/day",
          p.source()));
    }
    if (patient.bodySurfaceAreaM2().isEmpty()) {
      out.add(new Finding("pediatric-bsa-unknown", Severity.CAUTION, Action.REFER,
          "patient under 18 without body-surface area: the mg/m2 limit of " + Format.num(p.maxMgPerM2PerDose())
              + " mg/m2 per dose cannot be checked", p.source()));
      return;
    }
    double bsa = patient.bodySurfaceAreaM2().getAsDouble();
    double perM2 = perDoseMg / bsa;
    if (perM2 > p.maxMgPerM2PerDose()) {
      out.add(new Finding("pediatric-mg-per-m2", Severity.WARNING, Action.REDUCE,
          Format.num(perM2) + " mg/m2 per dose (BSA " + Format.num(bsa) + " m2) is above the pediatric maximum of "
              + Format.num(p.maxMgPerM2PerDose()) + " mg/m2 per dose", p.source()));
    }
    Formulation f = regimen.formulation();
    if (f == Formulation.MMF_CAPSULE_250 && bsa < CAPSULE_MIN_BSA_M2) {
      out.add(new Finding("pediatric-capsule-bsa", Severity.CAUTION, Action.REFER,
          "capsules are for a body-surface area of at least 1.25 m2 (BSA " + Format.num(bsa) + " m2): use the oral suspension",
          Sources.SMPC));
    }
    if (f == Formulation.MMF_TABLET_500 && bsa <= TABLET_MIN_BSA_M2) {
      out.add(new Finding("pediatric-tablet-bsa", Severity.CAUTION, Action.REFER,
          "500 mg tablets are for a body-surface area above 1.5 m2 (BSA " + Format.num(bsa) + " m2)", Sources.SMPC));
    }
  }

  private static String grams(double mg) {
    return Format.num(mg / 1000);
  }
}
