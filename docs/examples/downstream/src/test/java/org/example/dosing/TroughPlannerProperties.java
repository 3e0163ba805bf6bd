package org.example.dosing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.mmf.core.regimen.Regimen;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.testkit.core.CoreGenerators;
import io.mmf.testkit.pk.Oracles;
import io.mmf.testkit.pk.PkGenerators;
import org.junit.jupiter.api.Test;

/** Property tests of the application's code with mmf-testkit's generators and oracles. */
class TroughPlannerProperties {

  @Test
  void curvesAreNonNegativeWithMonotoneAucForAnyRegimenAndModel() {
    qt().withExamples(100).forAll(PkGenerators.linearWithoutEhc(), CoreGenerators.regimens())
        .checkAssert((model, regimen) -> Oracles.assertNonNegative(TroughPlanner.firstDoses(model, regimen, 3)));
  }

  @Test
  void doublingTheDoseDoublesTheCurve() {
    qt().withExamples(100).forAll(PkGenerators.anyModels(), CoreGenerators.regimens()).checkAssert((model, regimen) -> {
      Regimen doubled = regimen.withDose(regimen.dose().times(2));
      ConcentrationProfile one = TroughPlanner.firstDoses(model, regimen, 3);
      ConcentrationProfile two = TroughPlanner.firstDoses(model, doubled, 3);
      Oracles.assertLinearInDose(one.timesHours(), one.analyteConcentrationsMgPerL(0),
          two.analyteConcentrationsMgPerL(0), 2, Oracles.Tolerance.EXACT);
    });
  }

  @Test
  void troughsRiseOverTheFirstDosesWithoutRecirculation() {
    qt().withExamples(100).forAll(PkGenerators.linearWithoutEhc(), CoreGenerators.regimens()).checkAssert((model, regimen) -> {
      double second = TroughPlanner.troughBeforeDose(model, regimen, 2);
      double third = TroughPlanner.troughBeforeDose(model, regimen, 3);
      assertTrue(third >= second * (1 - 1e-9), model + " " + regimen + ": " + second + " then " + third);
    });
  }
}
