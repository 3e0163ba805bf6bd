package io.mmf.pk.exposure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mmf.core.condition.Condition;
import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.safety.CoMedication;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DoseCeiling;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Patient;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.regimen.RegimenCheck;
import io.mmf.core.target.AucTarget;
import io.mmf.core.target.TargetVerdict;
import io.mmf.pk.PropertyBudget;
import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.Interactions;
import io.mmf.pk.model.ModelFamilies;
import io.mmf.pk.model.PkModel;
import io.mmf.testkit.core.CoreGenerators;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Laws of safe dose advice over every condition, the testkit's patients, every formulation, dose,
 * exposure and set of co-medications.
 */
class DoseAdviceProperties {
  private static final List<Condition> CONDITIONS = ConditionCatalog.standard().all();
  private static final PkModel MODEL = ModelFamilies.firstOrder("m", 1, 0.5,
      new ModelFamilies.Disposition(15, 50, 10, 200), DoseUnit.MG_MPA);

  private static List<Formulation> solids(Formulation f) {
    List<Formulation> out = new ArrayList<>();
    for (Formulation g : Formulation.values()) {
      if (g.drug() == f.drug() && g.isCountable()) {
        out.add(g);
      }
    }
    return f.isCountable() ? out : List.of();
  }

  /** Sets of the co-medications, each drug in about one set in eight (none in a third of the sets). */
  private static Gen<List<CoMedication>> coMedications() {
    CoMedication[] all = CoMedication.values();
    Gen<Long> bits = longs().between(0, (1L << all.length) - 1);
    return bits.zip(bits, bits, (a, b, c) -> a & b & c).map(set -> {
      List<CoMedication> out = new ArrayList<>();
      for (int i = 0; i < all.length; i++) {
        if ((set >> i & 1) != 0 && set % 3 != 0) {
          out.add(all[i]);
        }
      }
      return out;
    });
  }

  @Test
  void advisedDosesNeverExceedTheCeilingAndInsideTheTargetNothingChanges() {
    Gen<Regimen> regimens = doubles().between(50, 5000).zip(Generate.pick(List.of(Formulation.values())),
        Generate.pick(List.of(DosingInterval.TWICE_DAILY, DosingInterval.ONCE_DAILY, DosingInterval.THREE_TIMES_DAILY)),
        (mg, f, i) -> Regimen.of(f, Dose.ofMg(mg), i));
    qt().withExamples(PropertyBudget.examples(4000))
        .forAll(Generate.pick(CONDITIONS), CoreGenerators.patients(), regimens,
            doubles().between(0.5, 400).zip(coMedications(), Map::entry))
        .checkAssert((condition, patient, regimen, exposure) -> {
          double auc12 = exposure.getKey();
          List<CoMedication> comeds = exposure.getValue();
          DoseCeiling ceiling = RegimenCheck.ceiling(condition, patient, regimen.formulation());
          double max = ceiling.maxMgPerAdministration(regimen.interval());
          TargetVerdict verdict = condition.target().judge(auc12, OptionalDouble.empty());
          List<Interactions.Effect> effects = Interactions.apply(MODEL, comeds, regimen.formulation()).applied();
          DoseAdvice a = Exposures.advise(regimen, auc12, verdict, solids(regimen.formulation()), ceiling, effects);
          String what = condition.id() + " " + patient + " " + regimen + " AUC " + auc12 + " " + comeds + ": "
              + a.kind() + " " + a.text() + " (ceiling " + max + ")";
          a.recommendation().ifPresent(r -> assertTrue(r.dispensed().dose().mg() <= max * (1 + 1e-12), what));
          if (a.kind() == DoseAdvice.Kind.CHANGE_DOSE && a.recommendation().isEmpty()) {
            // a measured form: the mg in the text are under the ceiling
            double mg = Double.parseDouble(a.text().replaceAll(".*to about ([0-9.]+) mg.*", "$1"));
            assertTrue(mg <= max * (1 + 1e-9), what);
          }
          if (regimen.dose().mg() > max * (1 + 1e-12)) {
            // above the ceiling: reduce, whatever the exposure and whether or not a target is sourced
            assertEquals(DoseAdvice.Kind.REDUCE_TO_CEILING, a.kind(), what);
            assertTrue(a.changesDose(), what);
            a.recommendation().ifPresent(r -> assertTrue(r.dispensed().dose().mg() < regimen.dose().mg(), what));
            return;
          }
          if (!condition.target().isSourced()) {
            assertTrue(a.kind() == DoseAdvice.Kind.NO_VALIDATED_TARGET && a.recommendation().isEmpty(), what);
            return;
          }
          if (verdict.position() == AucTarget.Verdict.WITHIN) {
            assertFalse(a.changesDose(), what);
            a.recommendation().ifPresent(r -> assertEquals(AucTarget.Verdict.WITHIN, r.verdict(), what));
          }
          if (verdict.position() == AucTarget.Verdict.BELOW
              && effects.stream().anyMatch(Interactions.Effect::manageable)) {
            assertEquals(DoseAdvice.Kind.MANAGE_INTERACTIONS_FIRST, a.kind(), what);
            assertFalse(a.changesDose(), what);
          }
          if (a.changesDose() && a.recommendation().isPresent() && verdict.position() == AucTarget.Verdict.BELOW) {
            assertTrue(a.recommendation().get().dispensed().dose().mg() > regimen.dose().mg(), what);
          }
        });
  }
}
