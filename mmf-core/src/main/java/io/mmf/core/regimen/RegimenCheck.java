package io.mmf.core.regimen;

import io.mmf.core.condition.Condition;
import io.mmf.core.condition.PediatricDosing;
import io.mmf.core.drug.Drug;
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
import java.util.Optional;

/**
 * Checks a regimen against a condition and a patient and returns every finding at once, and gives
 * the {@link DoseCeiling} that dose advice must stay under.
 *
 * <p>Doses are compared in the regimen's own labelled mg (mg MMF, or mg MPA for EC-MPS); limits that
 * the sources give in mg MMF are converted to EC-MPS through {@link MpaEquivalence#CLINICAL} (720 mg
 * EC-MPS = 1000 mg MMF). The rules, each with its id:
 * <ul>
 *   <li>{@code over-label-maximum}: above the label's adult maximum, 3 g/day of MMF (1.5 g twice
 *       daily, the highest dose in the label and the highest studied) or 1440 mg/day of EC-MPS (720 mg
 *       twice daily, Myfortic label), for every condition (WARNING);</li>
 *   <li>{@code over-condition-maximum}: above the condition's own maximum (equal is allowed), where that
 *       maximum is below the label's (WARNING);</li>
 *   <li>{@code over-single-administration}: one administration above the label's largest, 1.5 g MMF or
 *       720 mg EC-MPS, even where the daily dose is within limits (WARNING: no single administration above
 *       it was studied);</li>
 *   <li>{@code non-standard-interval}: not twice daily: the labels dose twice daily, seed 000 gives the
 *       lupus nephritis dose "divided into two doses", and AUC targets are for AUC0-12 of twice-daily
 *       dosing (CAUTION);</li>
 *   <li>{@code renal-cap}: GFR &lt; 25 mL/min/1.73 m2 outside the immediate post-transplant period and
 *       more than 1 g MMF twice daily (WARNING). The label states the cap for renal transplant
 *       recipients with severe chronic renal impairment; mmf applies it to every patient and says so.
 *       {@code renal-severe-impairment}: the same GFR at a dose within the cap: observe carefully
 *       (CAUTION). {@code renal-post-transplant}: GFR &lt; 25 in the immediate post-transplant period:
 *       the label makes no adjustment for delayed graft function (INFO);</li>
 *   <li>{@code hepatic-impairment}: hepatic impairment recorded (CAUTION);</li>
 *   <li>{@code pediatric-mg-per-m2}, {@code pediatric-daily-maximum}, {@code pediatric-bsa-unknown},
 *       {@code pediatric-too-young}, {@code pediatric-capsule-bsa}, {@code pediatric-tablet-bsa},
 *       {@code pediatric-ec-mps-bsa}: body-surface-area rules for every patient under 18. A condition
 *       without paediatric dosing of its own gets the label's kidney-transplant dosing
 *       ({@link #PEDIATRIC_FALLBACK}, the finding says so); EC-MPS gets the Myfortic label's
 *       ({@link #EC_MPS_PEDIATRIC});</li>
 *   <li>{@code below-adequate-dose}: below the dose that counts as adequate before failure is judged
 *       (adults);</li>
 *   <li>{@code below-usual-range}, {@code above-usual-range}: outside the condition's usual adult range
 *       (information; not reported for children, whose doses follow body-surface area).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class RegimenCheck {

  /**
   * The label's adult maximum, mg MMF/day: 1.5 g twice daily (heart and liver transplantation; studied
   * in kidney transplantation without an efficacy advantage). No higher dose is studied in the sources.
   *
   * @see Sources#LABEL
   */
  public static final double LABEL_MAX_MMF_MG_PER_DAY = 3000;

  /**
   * The label's largest single administration, mg MMF (1.5 g twice daily).
   *
   * @see Sources#LABEL
   */
  public static final double LABEL_MAX_MMF_MG_PER_ADMINISTRATION = 1500;

  /**
   * The Myfortic label's adult dose and maximum, mg EC-MPS (mg MPA) per day: 720 mg twice daily.
   *
   * @see Sources#MYFORTIC_LABEL
   */
  public static final double LABEL_MAX_EC_MPS_MG_PER_DAY = 1440;

  /**
   * The Myfortic label's largest single administration, mg EC-MPS (mg MPA).
   *
   * @see Sources#MYFORTIC_LABEL
   */
  public static final double LABEL_MAX_EC_MPS_MG_PER_ADMINISTRATION = 720;

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

  /**
   * The paediatric dosing used for a child whose condition has none of its own: the label's kidney
   * transplant dosing, 600 mg/m2 twice daily, at most 2 g/day, from 3 months of age. It is an
   * extrapolation, and the finding says so.
   *
   * @see Sources#LABEL
   */
  public static final PediatricDosing PEDIATRIC_FALLBACK = new PediatricDosing(600, 600, 2000, 0.25,
      Sources.LABEL.at("section 2 (paediatric kidney transplantation)"));

  /**
   * Myfortic's paediatric dosing (stable paediatric kidney recipients from 5 years): 400 mg/m2 twice
   * daily, at most 720 mg twice daily, in mg EC-MPS (mg MPA).
   *
   * @see Sources#MYFORTIC_LABEL
   */
  public static final PediatricDosing EC_MPS_PEDIATRIC = new PediatricDosing(400, 400, 1440, 5,
      Sources.MYFORTIC_LABEL.at("paediatric dosing"));

  /**
   * Myfortic: below this body-surface area, m2, the tablets cannot give 400 mg/m2 accurately.
   *
   * @see Sources#MYFORTIC_LABEL
   */
  public static final double EC_MPS_MIN_BSA_M2 = 1.19;

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
    Formulation f = regimen.formulation();
    Drug drug = f.drug();
    double perDoseMg = regimen.dose().mg();
    double dailyMg = perDoseMg * regimen.interval().administrationsPerDay();
    double mmfDailyMg = MpaEquivalence.CLINICAL.mmfEquivalent(regimen.dose(), f).mg()
        * regimen.interval().administrationsPerDay();
    String daily = dose(dailyMg, drug) + "/day";
    List<Finding> out = new ArrayList<>();

    List<DoseCeiling.Limit> limits = limits(Optional.of(condition), patient, f);
    double labelMax = limits.stream().filter(l -> l.ruleId().equals("over-label-maximum")).findFirst().orElseThrow()
        .maxMg();
    for (DoseCeiling.Limit l : limits) {
      double given = l.perDay() ? dailyMg : perDoseMg;
      // A condition maximum at or above the label's adds nothing: above it, the label's own finding (citing
      // the label) is the one reported.
      boolean redundant = l.ruleId().equals("over-condition-maximum") && l.maxMg() >= labelMax;
      if (given > l.maxMg() * (1 + 1e-12) && !redundant) {
        String what = l.ruleId().equals("pediatric-mg-per-m2")
            ? Format.num(perDoseMg / patient.bodySurfaceAreaM2().getAsDouble()) + " mg/m2 per dose"
            : l.perDay() ? daily : dose(perDoseMg, drug) + " per administration";
        out.add(new Finding(l.ruleId(), Severity.WARNING, Action.REDUCE, what + " is above " + l.what(),
            l.source()));
      }
    }
    if (Math.abs(regimen.interval().hours() - DosingInterval.TWICE_DAILY.hours()) > 1e-9) {
      out.add(new Finding("non-standard-interval", Severity.CAUTION, Action.REFER,
          "every " + Format.num(regimen.interval().hours()) + " h: the labels dose mycophenolate twice daily (seed 000:"
              + " lupus nephritis doses divided into two), and MPA AUC targets are for AUC0-12 of twice-daily"
              + " dosing", Sources.LABEL.at("section 2")));
    }
    patient.gfrMlPerMinPer173M2().ifPresent(gfr -> renal(patient, gfr, mmfDailyMg, drug, out));
    if (patient.hepaticImpairment()) {
      out.add(new Finding("hepatic-impairment", Severity.CAUTION, Action.MONITOR,
          "hepatic impairment: a dose adjustment may be needed (seed 000); the label has no dose recommendation for"
              + " it outside renal transplant recipients with hepatic parenchymal disease; monitor blood counts,"
              + " liver tests and, where available, MPA exposure", Sources.SEED_000));
    }
    if (patient.ageYears() < PediatricDosing.ADULT_AGE_YEARS) {
      pediatricForms(regimen, condition, patient, out);
    } else {
      adultRanges(condition, mmfDailyMg, daily, out);
    }
    out.sort(Comparator.comparing(Finding::severity).reversed());
    return List.copyOf(out);
  }

  /**
   * The ceiling that dose advice for this condition, patient and formulation must stay under: every
   * limit {@link #check} compares a dose with.
   *
   * @param condition what is treated
   * @param patient who takes it
   * @param formulation what is given (limits are in its drug's labelled mg)
   * @return the ceiling
   * @throws NullPointerException if an argument is null
   */
  public static DoseCeiling ceiling(Condition condition, Patient patient, Formulation formulation) {
    Checks.notNull(condition, "condition");
    return new DoseCeiling(Checks.notNull(formulation, "formulation").drug(),
        limits(Optional.of(condition), patient, formulation));
  }

  /**
   * The ceiling for a patient when the condition is not known: the label's limits, the renal cap and the
   * paediatric limits (the label's paediatric kidney-transplant dosing), with no condition's own maximum.
   *
   * @param patient who takes it
   * @param formulation what is given (limits are in its drug's labelled mg)
   * @return the ceiling
   * @throws NullPointerException if an argument is null
   */
  public static DoseCeiling ceiling(Patient patient, Formulation formulation) {
    return new DoseCeiling(Checks.notNull(formulation, "formulation").drug(),
        limits(Optional.empty(), patient, formulation));
  }

  /**
   * The label's adult limits alone (3 g/day and 1.5 g per administration of MMF; 1440 mg/day and 720 mg of
   * EC-MPS): the ceiling when neither condition nor patient is known. Dose advice for a patient should use
   * {@link #ceiling(Condition, Patient, Formulation)}.
   *
   * @param formulation what is given
   * @return the ceiling
   * @throws NullPointerException if {@code formulation} is null
   */
  public static DoseCeiling labelCeiling(Formulation formulation) {
    Checks.notNull(formulation, "formulation");
    return new DoseCeiling(formulation.drug(), labelLimits(formulation.drug() == Drug.MYCOPHENOLATE_SODIUM));
  }

  private static List<DoseCeiling.Limit> labelLimits(boolean ec) {
    return ec
        ? List.of(new DoseCeiling.Limit("over-label-maximum", true, LABEL_MAX_EC_MPS_MG_PER_DAY,
                "the Myfortic label's adult maximum of 1440 mg/day (720 mg twice daily)", Sources.MYFORTIC_LABEL),
            new DoseCeiling.Limit("over-single-administration", false, LABEL_MAX_EC_MPS_MG_PER_ADMINISTRATION,
                "the Myfortic label's largest single administration of 720 mg", Sources.MYFORTIC_LABEL))
        : List.of(new DoseCeiling.Limit("over-label-maximum", true, LABEL_MAX_MMF_MG_PER_DAY,
                "the label's adult maximum of 3 g/day (1.5 g twice daily, the highest dose studied)",
                Sources.LABEL.at("section 2")),
            new DoseCeiling.Limit("over-single-administration", false, LABEL_MAX_MMF_MG_PER_ADMINISTRATION,
                "the label's largest single administration of 1.5 g", Sources.LABEL.at("section 2")));
  }

  private static List<DoseCeiling.Limit> limits(Optional<Condition> condition, Patient patient, Formulation f) {
    Checks.notNull(patient, "patient");
    Checks.notNull(f, "formulation");
    boolean ec = f.drug() == Drug.MYCOPHENOLATE_SODIUM;
    boolean child = patient.ageYears() < PediatricDosing.ADULT_AGE_YEARS;
    List<DoseCeiling.Limit> limits = new ArrayList<>(labelLimits(ec));
    double toDrug = ec ? MpaEquivalence.CLINICAL_EC_MPS_PER_MMF : 1;
    String equivalent = ec ? " (MMF mg x 0.72 as EC-MPS)" : "";
    condition.ifPresent(c -> c.maximumDailyDose().ifPresent(max -> limits.add(new DoseCeiling.Limit(
        "over-condition-maximum", true, max.mgPerDay() * toDrug, "the maximum of " + max + " for " + c.name()
            + equivalent, max.source()))));
    patient.gfrMlPerMinPer173M2().ifPresent(gfr -> {
      if (gfr < RENAL_CAP_GFR && !patient.immediatePostTransplant()) {
        limits.add(new DoseCeiling.Limit("renal-cap", true, RENAL_CAP_MG_PER_DAY * toDrug,
            "the renal cap of 1 g MMF twice daily" + equivalent + " at GFR " + Format.num(gfr)
                + " mL/min/1.73 m2 (< 25) outside the immediate post-transplant period (the label states it for"
                + " renal transplant recipients with severe chronic renal impairment; mmf applies it to every"
                + " patient" + (ec ? "; the Myfortic label gives no such cap" : "") + ")", Sources.LABEL));
      }
    });
    if (child) {
      PediatricDosing p = pediatricDosing(condition, f);
      String which = pediatricName(condition, f);
      limits.add(new DoseCeiling.Limit("pediatric-daily-maximum", true, p.maxMgPerDay(),
          "the paediatric maximum of " + dose(p.maxMgPerDay(), f.drug()) + "/day (" + which + ")", p.source()));
      patient.bodySurfaceAreaM2().ifPresent(bsa -> limits.add(new DoseCeiling.Limit("pediatric-mg-per-m2", false,
          p.maxMgPerM2PerDose() * bsa, "the paediatric maximum of " + Format.num(p.maxMgPerM2PerDose())
              + " mg/m2 per dose at BSA " + Format.num(bsa) + " m2 (" + which + ")", p.source())));
    }
    return List.copyOf(limits);
  }

  private static PediatricDosing pediatricDosing(Optional<Condition> condition, Formulation f) {
    if (f.drug() == Drug.MYCOPHENOLATE_SODIUM) {
      return EC_MPS_PEDIATRIC;
    }
    return condition.flatMap(Condition::pediatricDosing).orElse(PEDIATRIC_FALLBACK);
  }

  private static String pediatricName(Optional<Condition> condition, Formulation f) {
    if (f.drug() == Drug.MYCOPHENOLATE_SODIUM) {
      return "Myfortic label, paediatric kidney transplantation";
    }
    if (condition.isEmpty()) {
      return "the label's paediatric kidney-transplant dosing, applied because no condition was given";
    }
    Condition c = condition.get();
    return c.pediatricDosing().isPresent() ? c.name()
        : "the label's paediatric kidney-transplant dosing, applied because " + c.name()
            + " has no paediatric dose of its own";
  }

  private static void renal(Patient patient, double gfr, double mmfDailyMg, Drug drug, List<Finding> out) {
    if (gfr >= RENAL_CAP_GFR) {
      return;
    }
    String g = "GFR " + Format.num(gfr) + " mL/min/1.73 m2 (< 25)";
    if (patient.immediatePostTransplant()) {
      out.add(new Finding("renal-post-transplant", Severity.INFO, Action.MONITOR,
          g + " in the immediate post-transplant period: the label makes no dose adjustment for delayed graft"
              + " function (MPAG 2-3 times higher); monitor carefully", Sources.LABEL));
    } else if (mmfDailyMg <= RENAL_CAP_MG_PER_DAY * (1 + 1e-12)) {
      out.add(new Finding("renal-severe-impairment", Severity.CAUTION, Action.MONITOR,
          g + ": within the renal cap, but observe carefully: MPA AUC is higher and MPAG accumulates (3-6 fold) in"
              + " severe chronic renal impairment, and total MPA understates free MPA; consider MPA monitoring"
              + (drug == Drug.MYCOPHENOLATE_SODIUM ? " (the Myfortic label gives no cap; mmf applies CellCept's)" : ""),
          Sources.LABEL));
    }
  }

  private static void pediatricForms(Regimen regimen, Condition condition, Patient patient, List<Finding> out) {
    Formulation f = regimen.formulation();
    PediatricDosing p = pediatricDosing(Optional.of(condition), f);
    String which = pediatricName(Optional.of(condition), f);
    if (patient.ageYears() < p.minAgeYears()) {
      out.add(new Finding("pediatric-too-young", Severity.WARNING, Action.REFER,
          "age " + Format.num(patient.ageYears()) + " y is below the " + Format.num(p.minAgeYears())
              + " y for which paediatric dosing is established (" + which + ")", p.source()));
    }
    if (patient.bodySurfaceAreaM2().isEmpty()) {
      out.add(new Finding("pediatric-bsa-unknown", Severity.CAUTION, Action.REFER,
          "patient under 18 without body-surface area: the limit of " + Format.num(p.maxMgPerM2PerDose())
              + " mg/m2 per dose cannot be checked (" + which + ")", p.source()));
      return;
    }
    double bsa = patient.bodySurfaceAreaM2().getAsDouble();
    if (f == Formulation.MMF_CAPSULE_250 && bsa < CAPSULE_MIN_BSA_M2) {
      out.add(new Finding("pediatric-capsule-bsa", Severity.CAUTION, Action.REFER,
          "capsules are for a body-surface area of at least 1.25 m2 (BSA " + Format.num(bsa) + " m2): use the oral suspension",
          Sources.SMPC));
    }
    if (f == Formulation.MMF_TABLET_500 && bsa <= TABLET_MIN_BSA_M2) {
      out.add(new Finding("pediatric-tablet-bsa", Severity.CAUTION, Action.REFER,
          "500 mg tablets are for a body-surface area above 1.5 m2 (BSA " + Format.num(bsa) + " m2)", Sources.SMPC));
    }
    if (f.drug() == Drug.MYCOPHENOLATE_SODIUM && bsa < EC_MPS_MIN_BSA_M2) {
      out.add(new Finding("pediatric-ec-mps-bsa", Severity.CAUTION, Action.REFER,
          "EC-MPS tablets cannot give 400 mg/m2 accurately below a body-surface area of 1.19 m2 (BSA "
              + Format.num(bsa) + " m2)", EC_MPS_PEDIATRIC.source()));
    }
  }

  private static void adultRanges(Condition condition, double mmfDailyMg, String daily, List<Finding> out) {
    condition.adequateDailyDose().ifPresent(adequate -> {
      if (mmfDailyMg < adequate.mgPerDay()) {
        out.add(new Finding("below-adequate-dose", Severity.CAUTION, Action.INCREASE,
            daily + " is below the " + adequate + " MMF (or equivalent) that counts as adequate before treatment"
                + " failure can be judged", adequate.source()));
      }
    });
    condition.usualDailyDose().ifPresent(usual -> {
      double max = Math.min(LABEL_MAX_MMF_MG_PER_DAY,
          condition.maximumDailyDose().map(m -> m.mgPerDay()).orElse(Double.MAX_VALUE));
      if (mmfDailyMg < usual.lowMgPerDay()) {
        out.add(new Finding("below-usual-range", Severity.INFO, Action.CONTINUE,
            daily + " is below the usual " + usual + " for " + condition.name(), usual.source()));
      } else if (mmfDailyMg > usual.highMgPerDay() && mmfDailyMg <= max) {
        out.add(new Finding("above-usual-range", Severity.INFO, Action.CONTINUE,
            daily + " is above the usual " + usual + " for " + condition.name(), usual.source()));
      }
    });
  }

  private static String dose(double mg, Drug drug) {
    return drug == Drug.MYCOPHENOLATE_MOFETIL ? Format.num(mg / 1000) + " g" : Format.num(mg) + " mg EC-MPS";
  }
}
