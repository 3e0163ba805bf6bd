package io.mmf.pk.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.PropertyBudget;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.testkit.pk.Oracles;
import io.mmf.testkit.pk.Oracles.Tolerance;
import io.mmf.testkit.pk.PkGenerators;
import org.junit.jupiter.api.Test;

/**
 * The kit's oracles (mmf-testkit) on mmf's own solvers, over the kit's random histories: what a user's
 * CI runs on theirs. SolverProperties checks the same laws over fixed regimens against closed forms.
 */
class OracleProperties {
  private static final ExactSolver EXACT = new ExactSolver();
  private static final NumericalSolver NUMERICAL = new NumericalSolver();

  private static double[] grid(DoseRecords r) {
    double end = r.lastTimeHours() + 48;
    double[] t = new double[97];
    for (int i = 0; i < t.length; i++) {
      t[i] = end * i / (t.length - 1);
    }
    return t;
  }

  @Test
  void exactCurvesAreLinearInDoseOverAnyHistory() {
    qt().withExamples(PropertyBudget.examples(300)).forAll(PkGenerators.anyModels(), PkGenerators.doseRecords(), doubles().between(0.01, 100))
        .checkAssert((m, r, factor) -> Oracles.assertLinearInDose(EXACT, m, r, grid(r), factor, Tolerance.EXACT));
  }

  @Test
  void exactCurvesSuperposeOverAnyTwoHistories() {
    qt().withExamples(PropertyBudget.examples(300)).forAll(PkGenerators.linearWithoutEhc(), PkGenerators.superposableDoseRecords(),
        PkGenerators.superposableDoseRecords()).checkAssert((m, a, b) -> {
          double[] t = grid(a.lastTimeHours() > b.lastTimeHours() ? a : b);
          Oracles.assertSuperposition(EXACT, m, a, b, t, Tolerance.EXACT);
        });
  }

  @Test
  void steadyStateMassBalanceHoldsForEveryTimeInvariantFamily() {
    qt().withExamples(PropertyBudget.examples(200)).forAll(PkGenerators.linearWithoutEhc(), doubles().between(1, 48))
        .checkAssert((m, tau) -> Oracles.assertSteadyStateMassBalance(EXACT, m, Dose.ofMg(1000),
            Formulation.MMF_TABLET_500, DosingInterval.everyHours(tau), 1e-7));
  }

  /** Each concentration within {@code relative} of the numerical one plus {@code ofPeak} of the exact peak. */
  private static void assertClose(ConcentrationProfile exact, ConcentrationProfile numerical, double relative,
      double ofPeak, String label) {
    double peak = exact.concentrationMgPerL(exact.indexOfMax());
    for (int i = 0; i < exact.timesHours().length; i++) {
      assertEquals(numerical.concentrationMgPerL(i), exact.concentrationMgPerL(i),
          relative * numerical.concentrationMgPerL(i) + ofPeak * peak, label + " t=" + exact.timesHours()[i]);
    }
  }

  @Test
  void coincidingRatesAgreeWithTheNumericalPath() {
    qt().withExamples(PropertyBudget.examples(100)).forAll(PkGenerators.coincidingRateModels(), PkGenerators.superposableDoseRecords())
        .checkAssert((m, r) -> {
          double[] t = grid(r);
          ConcentrationProfile exact = EXACT.simulate(m, r, t);
          Oracles.assertNonNegative(exact);
          assertClose(exact, NUMERICAL.simulate(m, r, t), 1e-6, 1e-9, m.toString());
        });
  }

  @Test
  void numericalCurvesAreLinearInDoseToTheirTolerance() {
    // Histories without steady-state records: the numerical path reaches a steady state by dosing until it
    // converges, which a slowly recirculating model may not do within its budget (a SolverException).
    // No shrinking: each numerical run takes up to a second.
    qt().withExamples(15).withShrinkCycles(0).forAll(PkGenerators.anyModels(), PkGenerators.superposableDoseRecords(), doubles().between(0.1, 10))
        .checkAssert((m, r, factor) -> Oracles.assertLinearInDose(NUMERICAL, m, r, grid(r), factor,
            new Tolerance(1e-5, 1e-7)));
  }

  /** A gamma-input model and a history it takes. */
  private record Dosed(io.mmf.pk.model.PkModel model, DoseRecords records) {}

  private static org.quicktheories.core.Gen<Dosed> gammaDosed(boolean superposable) {
    return PkGenerators.gammaInputModels().flatMap(m -> (superposable ? PkGenerators.superposableDoseRecords(m)
        : PkGenerators.doseRecords(m)).map(r -> new Dosed(m, r)));
  }

  @Test
  void gammaInputCurvesAreLinearInDoseOverAnyHistory() {
    qt().withExamples(PropertyBudget.examples(200)).forAll(gammaDosed(false), doubles().between(0.01, 100)).checkAssert((d, factor) ->
        Oracles.assertLinearInDose(EXACT, d.model(), d.records(), grid(d.records()), factor, Tolerance.EXACT));
  }

  @Test
  void gammaInputCurvesSuperpose() {
    qt().withExamples(PropertyBudget.examples(200)).forAll(gammaDosed(true).flatMap(d -> PkGenerators.superposableDoseRecords(d.model())
        .map(b -> new Dosed[] {d, new Dosed(d.model(), b)}))).checkAssert(pair -> {
          DoseRecords a = pair[0].records();
          DoseRecords b = pair[1].records();
          double[] t = grid(a.lastTimeHours() > b.lastTimeHours() ? a : b);
          Oracles.assertSuperposition(EXACT, pair[0].model(), a, b, t, Tolerance.EXACT);
        });
  }

  @Test
  void gammaInputSteadyStatesBalanceTheSingleDoseAuc() {
    qt().withExamples(PropertyBudget.examples(200)).forAll(PkGenerators.gammaInputModels(), doubles().between(4, 48))
        .checkAssert((m, tau) -> Oracles.assertSteadyStateMassBalance(EXACT, m, Dose.ofMg(1000),
            Formulation.MMF_TABLET_500, DosingInterval.everyHours(tau), 1e-7));
  }

  @Test
  void gammaInputCurvesAgreeWithTheNumericalPath() {
    // the numerical path integrates the gamma input rate itself and shares only the model's description
    NumericalSolver tight = new NumericalSolver(1e-12, 1e-14);
    qt().withExamples(PropertyBudget.examples(40)).withShrinkCycles(0).forAll(gammaDosed(true)).checkAssert(d -> {
      double[] t = grid(d.records());
      assertClose(EXACT.simulate(d.model(), d.records(), t), tight.simulate(d.model(), d.records(), t), 1e-8, 1e-10,
          d.model().gammaInput().toString());
    });
  }
}
