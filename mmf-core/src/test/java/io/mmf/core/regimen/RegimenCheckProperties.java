package io.mmf.core.regimen;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import io.mmf.core.condition.Condition;
import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.finding.Finding;
import io.mmf.core.finding.Severity;
import io.mmf.testkit.core.CoreGenerators;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Laws of the dose limits over every condition, daily doses from 250 mg to 10 g, every formulation, and
 * the testkit's patients: 3 months to 100 years, body-surface area and GFR (5-150) each known or not,
 * immediately after transplant or not, with hepatic impairment or not.
 */
class RegimenCheckProperties {
  private static final List<Condition> CONDITIONS = ConditionCatalog.standard().all();
  private static final List<DosingInterval> INTERVALS = List.of(DosingInterval.TWICE_DAILY,
      DosingInterval.THREE_TIMES_DAILY, DosingInterval.ONCE_DAILY);

  /** The labels' adult maximum per day, in the formulation's labelled mg, written out here. */
  private static double labelMaxPerDay(Formulation f) {
    return f.drug() == Drug.MYCOPHENOLATE_MOFETIL ? 3000 : 1440;
  }

  @Test
  void aDailyDoseOverTheLabelMaximumIsAlwaysAtLeastAWarning() {
    Gen<Regimen> regimens = doubles().between(250, 10_000).zip(Generate.pick(List.of(Formulation.values())),
        Generate.pick(INTERVALS), (dailyMg, f, interval) ->
            Regimen.of(f, Dose.ofMg(dailyMg / interval.administrationsPerDay()), interval));
    qt().withExamples(3000)
        .forAll(Generate.pick(CONDITIONS), regimens, CoreGenerators.patients())
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
            CoreGenerators.patients())
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
