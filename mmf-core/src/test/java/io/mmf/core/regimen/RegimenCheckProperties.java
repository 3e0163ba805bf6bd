package io.mmf.core.regimen;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.mmf.core.condition.Condition;
import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.finding.Finding;
import io.mmf.core.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Laws of the dose limits over every condition, daily doses from 250 mg to 10 g, adults and children
 * with and without a known body-surface area, and every formulation.
 */
class RegimenCheckProperties {
  private static final List<Condition> CONDITIONS = ConditionCatalog.standard().all();
  private static final List<DosingInterval> INTERVALS = List.of(DosingInterval.TWICE_DAILY,
      DosingInterval.THREE_TIMES_DAILY, DosingInterval.ONCE_DAILY);

  /** The labels' adult maximum per day, in the formulation's labelled mg, written out here. */
  private static double labelMaxPerDay(Formulation f) {
    return f.drug() == Drug.MYCOPHENOLATE_MOFETIL ? 3000 : 1440;
  }

  /** Adults and children (0.3-90 y), body-surface area 0.3-2.6 m2 or unknown, GFR 0-120 or unknown. */
  private static Gen<Patient> patients() {
    return doubles().between(0.3, 90).zip(doubles().between(0.3, 2.6), integers().between(0, 3), (age, bsa, known) -> {
      Patient p = Patient.ofAgeYears(age);
      p = (known & 1) != 0 ? p.withBodySurfaceAreaM2(bsa) : p;
      return (known & 2) != 0 ? p.withGfr(Math.floor(age * 1.3)) : p;
    });
  }

  @Test
  void aDailyDoseOverTheLabelMaximumIsAlwaysAtLeastAWarning() {
    Gen<Regimen> regimens = doubles().between(250, 10_000).zip(Generate.pick(List.of(Formulation.values())),
        Generate.pick(INTERVALS), (dailyMg, f, interval) ->
            Regimen.of(f, Dose.ofMg(dailyMg / interval.administrationsPerDay()), interval));
    qt().withExamples(3000)
        .forAll(Generate.pick(CONDITIONS), regimens, patients())
        .checkAssert((condition, r, p) -> {
          List<Finding> findings = RegimenCheck.check(r, condition, p);
          double dailyMg = r.dose().mg() * r.interval().administrationsPerDay();
          if (dailyMg > labelMaxPerDay(r.formulation()) * (1 + 1e-9)) {
            assertTrue(findings.stream().anyMatch(x -> x.severity().compareTo(Severity.WARNING) >= 0),
                condition.id() + " " + r + " " + p + ": " + findings);
          }
        });
  }

  @Test
  void theCeilingIsWithinTheLabelAndADoseAtItDrawsNoLimitFinding() {
    qt().withExamples(3000)
        .forAll(Generate.pick(CONDITIONS), Generate.pick(List.of(Formulation.values())), Generate.pick(INTERVALS),
            patients())
        .checkAssert((condition, f, interval, p) -> {
          DoseCeiling c = RegimenCheck.ceiling(condition, p, f);
          double perAdministration = c.maxMgPerAdministration(interval);
          assertTrue(perAdministration * interval.administrationsPerDay() <= labelMaxPerDay(f) * (1 + 1e-12),
              condition.id() + " " + f + " " + p + ": " + c);
          Regimen at = Regimen.of(f, Dose.ofMg(perAdministration), interval);
          List<Finding> findings = RegimenCheck.check(at, condition, p);
          for (DoseCeiling.Limit l : c.limits()) {
            assertFalse(findings.stream().anyMatch(x -> x.ruleId().equals(l.ruleId())),
                "at the ceiling " + at + " " + p + ": " + findings);
          }
          // 1 % over: a limit as low as the ceiling fires (where two limits tie, the more specific reports)
          Regimen over = at.withDose(Dose.ofMg(perAdministration * 1.01));
          List<Finding> overFindings = RegimenCheck.check(over, condition, p);
          assertTrue(c.limits().stream()
              .filter(l -> l.maxMgPerAdministration(interval) <= perAdministration * (1 + 1e-12))
              .anyMatch(l -> overFindings.stream().anyMatch(x -> x.ruleId().equals(l.ruleId())
                  && x.severity().compareTo(Severity.CAUTION) >= 0)),
              "1 % over the ceiling " + over + " " + p + ": " + overFindings);
        });
  }
}
