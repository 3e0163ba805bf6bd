package io.mmf.testkit.core;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.mmf.core.condition.Condition;
import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.monitoring.Analyte;
import io.mmf.core.monitoring.LabResult;
import io.mmf.core.monitoring.LabUnit;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Patient;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.regimen.RegimenCheck;
import io.mmf.core.regimen.Titration;
import io.mmf.core.safety.CoMedication;
import io.mmf.core.safety.PatientProfile;
import io.mmf.core.safety.RiskFactor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for mmf-core's inputs: doses, dosing intervals, regimens (with and without
 * titration), patients, lab results, risk profiles and conditions, and the edge cases validation must
 * hold at (doses at the label's limits, values no validated quantity accepts).
 *
 * <p>Every generator yields values the types accept (except those named {@code invalid...}), so a
 * property test states a law without filtering. Generators are stateless and safe to share between
 * threads; what they yield depends only on QuickTheories' seed ({@code QT_SEED}), so a failing example
 * is reproduced by running again with the seed the report prints.
 */
public final class CoreGenerators {
  private CoreGenerators() {}

  /** MMF solid forms (250 mg capsule, 500 mg tablet). */
  public static final List<Formulation> MMF_SOLIDS = List.of(Formulation.MMF_CAPSULE_250, Formulation.MMF_TABLET_500);

  /** EC-MPS solid forms (180 mg and 360 mg delayed-release tablets). */
  public static final List<Formulation> EC_MPS_SOLIDS =
      List.of(Formulation.EC_MPS_TABLET_180, Formulation.EC_MPS_TABLET_360);

  /** Oral forms: the solids and the MMF oral suspension. */
  public static final List<Formulation> ORAL =
      List.of(Formulation.MMF_CAPSULE_250, Formulation.MMF_TABLET_500, Formulation.MMF_ORAL_SUSPENSION,
          Formulation.EC_MPS_TABLET_180, Formulation.EC_MPS_TABLET_360);

  /**
   * Doubles no strictly positive quantity accepts: NaN, both infinities, both zeros, negative values
   * (the smallest and the largest in magnitude, and a range between -1e9 and -1e-9).
   *
   * @return the generator
   */
  public static Gen<Double> invalidPositiveDoubles() {
    return Generate.oneOf(
        Generate.pick(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
            -Double.MIN_VALUE, -Double.MAX_VALUE)),
        doubles().between(-1e9, -1e-9));
  }

  /**
   * Doubles a non-negative quantity rejects: NaN, both infinities and negative values.
   *
   * @return the generator
   */
  public static Gen<Double> invalidNonNegativeDoubles() {
    return Generate.oneOf(
        Generate.pick(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -Double.MIN_VALUE)),
        doubles().between(-1e9, -1e-9));
  }

  /**
   * Dates between 1950-01-01 and 2150-01-01.
   *
   * @return the generator
   */
  public static Gen<LocalDate> dates() {
    return integers().between((int) LocalDate.of(1950, 1, 1).toEpochDay(), (int) LocalDate.of(2150, 1, 1).toEpochDay())
        .map(d -> LocalDate.ofEpochDay(d));
  }

  /**
   * A non-empty set of solid forms of one drug.
   *
   * @return the generator
   */
  public static Gen<List<Formulation>> solidsOfOneDrug() {
    return Generate.pick(List.of(
        List.of(Formulation.MMF_CAPSULE_250), List.of(Formulation.MMF_TABLET_500), MMF_SOLIDS,
        List.of(Formulation.EC_MPS_TABLET_180), List.of(Formulation.EC_MPS_TABLET_360), EC_MPS_SOLIDS));
  }

  /**
   * Any oral formulation.
   *
   * @return the generator
   */
  public static Gen<Formulation> oralFormulations() {
    return Generate.pick(ORAL);
  }

  /**
   * Doses between two amounts, uniform in mg.
   *
   * @param minMg smallest dose, mg, &gt; 0
   * @param maxMg largest dose, mg, &gt;= {@code minMg}
   * @return the generator
   * @throws IllegalArgumentException if the bounds are not finite, not positive or out of order
   */
  public static Gen<Dose> doses(double minMg, double maxMg) {
    if (!(minMg > 0 && maxMg >= minMg && Double.isFinite(maxMg))) {
      throw new IllegalArgumentException("Invalid dose bounds (expected 0 < minMg <= maxMg, finite): " + minMg
          + ", " + maxMg);
    }
    return doubles().between(minMg, maxMg).map(Dose::ofMg);
  }

  /**
   * Doses one administration of a formulation can give: whole units of a solid form (MMF 250 to 1500
   * mg, EC-MPS 180 to 720 mg: up to the label's single-administration maximum), 50 to 1500 mg of the
   * suspension in 50 mg steps (0.25 mL), 250 to 1500 mg intravenously in 250 mg steps.
   *
   * @param formulation the formulation
   * @return the generator
   * @throws NullPointerException if {@code formulation} is null
   */
  public static Gen<Dose> dosesPerAdministration(Formulation formulation) {
    double max = formulation.drug() == Drug.MYCOPHENOLATE_SODIUM
        ? RegimenCheck.LABEL_MAX_EC_MPS_MG_PER_ADMINISTRATION
        : RegimenCheck.LABEL_MAX_MMF_MG_PER_ADMINISTRATION;
    double unit = switch (formulation) {
      case MMF_ORAL_SUSPENSION -> 50;
      case MMF_INTRAVENOUS -> 250;
      default -> formulation.strengthMg();
    };
    int most = (int) Math.floor(max / unit);
    return integers().between(1, most).map(n -> Dose.ofMg(n * unit));
  }

  /**
   * Doses at and around the label's limits for one drug: each single-administration and daily maximum
   * exactly, one mg and one ulp either side, the renal cap of 1 g twice daily, and the smallest dose a
   * solid form gives. Rules must hold on both sides of each boundary.
   *
   * @param drug the drug
   * @return the generator
   * @throws NullPointerException if {@code drug} is null
   */
  public static Gen<Dose> dosesAtBoundaries(Drug drug) {
    List<Double> limits = drug == Drug.MYCOPHENOLATE_SODIUM
        ? List.of(RegimenCheck.LABEL_MAX_EC_MPS_MG_PER_ADMINISTRATION, RegimenCheck.LABEL_MAX_EC_MPS_MG_PER_DAY,
            RegimenCheck.LABEL_MAX_EC_MPS_MG_PER_DAY / 2, 180.0)
        : List.of(RegimenCheck.LABEL_MAX_MMF_MG_PER_ADMINISTRATION, RegimenCheck.LABEL_MAX_MMF_MG_PER_DAY,
            RegimenCheck.RENAL_CAP_MG_PER_DAY / 2, RegimenCheck.RENAL_CAP_MG_PER_DAY, 250.0);
    List<Double> around = new ArrayList<>();
    for (double mg : limits) {
      around.add(mg);
      around.add(mg - 1);
      around.add(mg + 1);
      around.add(Math.nextDown(mg));
      around.add(Math.nextUp(mg));
    }
    return Generate.pick(around).map(Dose::ofMg);
  }

  /**
   * Dosing intervals: mostly the usual 12 h, also 8 h, 24 h and any interval from 1 h to a week.
   *
   * @return the generator
   */
  public static Gen<DosingInterval> intervals() {
    return Generate.frequency(
        Pair.of(6, Generate.constant(DosingInterval.TWICE_DAILY)),
        Pair.of(1, Generate.constant(DosingInterval.THREE_TIMES_DAILY)),
        Pair.of(1, Generate.constant(DosingInterval.ONCE_DAILY)),
        Pair.of(2, doubles().between(1, DosingInterval.MAX_HOURS).map(DosingInterval::everyHours)));
  }

  /**
   * Regimens of an oral formulation at a dose that formulation gives, without titration or start date.
   *
   * @return the generator
   */
  public static Gen<Regimen> regimens() {
    return oralFormulations().flatMap(f -> dosesPerAdministration(f).zip(intervals(),
        (dose, interval) -> Regimen.of(f, dose, interval)));
  }

  /**
   * Regimens that titrate up to their dose: a start date, a start dose below the target (one to four
   * steps of one unit of the form), and a step every 1 to 28 days.
   *
   * @return the generator
   */
  public static Gen<Regimen> titratedRegimens() {
    return Generate.pick(List.of(Formulation.MMF_CAPSULE_250, Formulation.MMF_TABLET_500,
        Formulation.EC_MPS_TABLET_180, Formulation.EC_MPS_TABLET_360)).flatMap(f -> {
          double unit = f.strengthMg();
          return integers().between(2, (int) Math.floor((f.drug() == Drug.MYCOPHENOLATE_SODIUM
                  ? RegimenCheck.LABEL_MAX_EC_MPS_MG_PER_ADMINISTRATION
                  : RegimenCheck.LABEL_MAX_MMF_MG_PER_ADMINISTRATION) / unit))
              .flatMap(units -> integers().between(1, units - 1).zip(integers().between(1, 28), dates(),
                  (startUnits, everyDays, start) -> Regimen.of(f, Dose.ofMg(units * unit), DosingInterval.TWICE_DAILY)
                      .startingOn(start)
                      .withTitration(Titration.of(Dose.ofMg(startUnits * unit), Dose.ofMg(unit), everyDays))));
        });
  }

  /**
   * Patients from 3 months to 100 years, with body surface area (0.3 to 2.6 m2) and GFR (5 to 150
   * mL/min/1.73 m2) each known or not, and the flags for the immediate post-transplant period and
   * hepatic impairment.
   *
   * @return the generator
   */
  public static Gen<Patient> patients() {
    Gen<Double> bsa = Generate.oneOf(Generate.constant(-1.0), doubles().between(0.3, 2.6));
    Gen<Double> gfr = Generate.oneOf(Generate.constant(-1.0), doubles().between(5, 150));
    return doubles().between(0.25, 100).zip(bsa, gfr, Generate.booleans(), Generate.booleans(),
        (age, b, g, postTransplant, hepatic) -> {
          Patient p = Patient.ofAgeYears(age).withImmediatePostTransplant(postTransplant)
              .withHepaticImpairment(hepatic);
          if (b > 0) {
            p = p.withBodySurfaceAreaM2(b);
          }
          if (g > 0) {
            p = p.withGfr(g);
          }
          return p;
        });
  }

  /**
   * Patients at the GFR boundary of the renal rule: 25 mL/min/1.73 m2 exactly and one ulp and one unit
   * either side, adults with no other finding.
   *
   * @return the generator
   */
  public static Gen<Patient> patientsAtRenalBoundary() {
    double g = RegimenCheck.RENAL_CAP_GFR;
    return Generate.pick(List.of(g, Math.nextDown(g), Math.nextUp(g), g - 1, g + 1))
        .map(v -> Patient.ofAgeYears(50).withGfr(v));
  }

  /**
   * Lab results of any analyte, in any unit the analyte takes, dated 1950-2150, with values from zero to
   * well beyond the usual range (a pregnancy test is 0 or 1).
   *
   * @return the generator
   */
  public static Gen<LabResult> labResults() {
    return Generate.enumValues(Analyte.class).flatMap(CoreGenerators::labResults);
  }

  /**
   * Lab results of one analyte, in any of its units.
   *
   * @param analyte the analyte
   * @return the generator
   * @throws NullPointerException if {@code analyte} is null
   */
  public static Gen<LabResult> labResults(Analyte analyte) {
    List<LabUnit> units = analyte.units().stream().sorted().toList();
    return Generate.pick(units).flatMap(unit -> valuesIn(analyte, unit).zip(dates(),
        (value, date) -> LabResult.of(date, analyte, value, unit)));
  }

  private static Gen<Double> valuesIn(Analyte analyte, LabUnit unit) {
    if (unit == LabUnit.POSITIVE_NEGATIVE) {
      return Generate.pick(List.of(0.0, 1.0));
    }
    double canonicalMax = switch (analyte) {
      case ABSOLUTE_NEUTROPHIL_COUNT, WHITE_BLOOD_CELLS -> 50;
      case PLATELETS -> 1500;
      case ALT, AST -> 3000;
      case CREATINE_KINASE -> 50_000;
      default -> 200;
    };
    double perCanonical = LabResult.of(LocalDate.EPOCH, analyte, 1, unit).canonicalValue();
    return doubles().between(0, canonicalMax / perCanonical);
  }

  /**
   * Risk profiles: any set of risk factors (with at most one pregnancy status, as a profile requires),
   * listed co-medications (each factor and drug included with probability 1/8) and up to two drug names
   * mmf does not list.
   *
   * @return the generator
   */
  public static Gen<PatientProfile> profiles() {
    Set<RiskFactor> pregnancy = EnumSet.of(RiskFactor.PREGNANT, RiskFactor.PLANNING_PREGNANCY,
        RiskFactor.CAN_BECOME_PREGNANT, RiskFactor.PREGNANCY_STATUS_UNKNOWN);
    Gen<Set<RiskFactor>> factors = subsets(RiskFactor.class).map(set -> {
      Set<RiskFactor> out = EnumSet.noneOf(RiskFactor.class);
      boolean status = false;
      for (RiskFactor f : set) {
        if (!pregnancy.contains(f) || !status) {
          out.add(f);
          status |= pregnancy.contains(f);
        }
      }
      return out;
    });
    Gen<Set<String>> unlisted = lists().of(Generate.pick(List.of("Zolpidem", "levetiracetam", "Vitamin D3",
        "unknown herbal tea", "X"))).ofSizeBetween(0, 2).map(Set::copyOf);
    return factors.zip(subsets(CoMedication.class), unlisted, PatientProfile::new);
  }

  private static <E extends Enum<E>> Gen<Set<E>> subsets(Class<E> type) {
    E[] all = type.getEnumConstants();
    return lists().of(integers().between(0, 7)).ofSize(all.length).map(draws -> {
      Set<E> out = EnumSet.noneOf(type);
      for (int i = 0; i < all.length; i++) {
        if (draws.get(i) == 0) {
          out.add(all[i]);
        }
      }
      return out;
    });
  }

  /**
   * Conditions of the standard catalogue.
   *
   * @return the generator
   */
  public static Gen<Condition> conditions() {
    return Generate.pick(ConditionCatalog.standard().all());
  }
}
