package io.mmf.pk.exposure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.mmf.core.condition.Condition;
import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DoseCeiling;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Patient;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.regimen.RegimenCheck;
import io.mmf.core.target.AucTarget;
import io.mmf.core.target.TargetVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Laws of safe dose advice over every condition, patient, formulation, dose and exposure. */
class DoseAdviceProperties {
  private static final List<Condition> CONDITIONS = ConditionCatalog.standard().all();

  private static List<Formulation> solids(Formulation f) {
    List<Formulation> out = new ArrayList<>();
    for (Formulation g : Formulation.values()) {
      if (g.drug() == f.drug() && g.isCountable()) {
        out.add(g);
      }
    }
    return f.isCountable() ? out : List.of();
  }

  private static Gen<Patient> patients() {
    return doubles().between(0.3, 90).zip(doubles().between(0.3, 2.6), integers().between(0, 3), (age, bsa, known) -> {
      Patient p = Patient.ofAgeYears(age);
      p = (known & 1) != 0 ? p.withBodySurfaceAreaM2(bsa) : p;
      return (known & 2) != 0 ? p.withGfr(Math.floor(age)) : p;
    });
  }

  @Test
  void advisedDosesNeverExceedTheCeilingAndInsideTheTargetNothingChanges() {
    Gen<Regimen> regimens = doubles().between(50, 5000).zip(Generate.pick(List.of(Formulation.values())),
        Generate.pick(List.of(DosingInterval.TWICE_DAILY, DosingInterval.ONCE_DAILY, DosingInterval.THREE_TIMES_DAILY)),
        (mg, f, i) -> Regimen.of(f, Dose.ofMg(mg), i));
    qt().withExamples(4000)
        .forAll(Generate.pick(CONDITIONS), patients(), regimens, doubles().between(0.5, 400))
        .checkAssert((condition, patient, regimen, auc12) -> {
          DoseCeiling ceiling = RegimenCheck.ceiling(condition, patient, regimen.formulation());
          double max = ceiling.maxMgPerAdministration(regimen.interval());
          TargetVerdict verdict = condition.target().judge(auc12, OptionalDouble.empty());
          DoseAdvice a = Exposures.advise(regimen, auc12, verdict, solids(regimen.formulation()), ceiling, List.of());
          a.recommendation().ifPresent(r -> assertTrue(r.dispensed().dose().mg() <= max * (1 + 1e-12),
              condition.id() + " " + patient + " " + regimen + " AUC " + auc12 + ": " + a + " over " + max));
          if (a.kind() == DoseAdvice.Kind.CHANGE_DOSE && a.recommendation().isEmpty()) {
            // a measured form: the mg in the text are under the ceiling
            double mg = Double.parseDouble(a.text().replaceAll(".*to about ([0-9.]+) mg.*", "$1"));
            assertTrue(mg <= max * (1 + 1e-9), a.text() + " over " + max);
          }
          if (!condition.target().isSourced()) {
            assertTrue(a.kind() == DoseAdvice.Kind.NO_VALIDATED_TARGET && a.recommendation().isEmpty(), a.text());
          }
          if (verdict.position() == AucTarget.Verdict.WITHIN) {
            assertFalse(a.changesDose(), a.text());
          }
          if (a.changesDose() && a.recommendation().isPresent() && verdict.position() == AucTarget.Verdict.BELOW) {
            assertTrue(a.recommendation().get().dispensed().dose().mg() > regimen.dose().mg(), a.text());
          }
        });
  }
}
