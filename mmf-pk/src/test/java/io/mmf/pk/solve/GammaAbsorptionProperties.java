package io.mmf.pk.solve;

import static org.quicktheories.QuickTheory.qt;

import io.mmf.pk.Scenarios;
import org.junit.jupiter.api.Test;

/**
 * Gamma absorption on the exact path (incomplete gamma terms against the modes, Gauss quadrature in
 * open emptying windows) against the numerical path, which integrates the gamma input rate directly
 * and shares nothing with it but the model's description and the records: random networks with and
 * without windows, one or two gamma laws (shape 0.5 to 30, rate 0.01 to 50 per hour), lags, additional
 * doses, resets and steady-state records; within 1e-8 relative (values far below the peak to 1e-10 of
 * the peak, as in {@link EnginesAgreeProperties}).
 */
class GammaAbsorptionProperties {
  private static final ConcentrationSolver EXACT = new ExactSolver();
  private static final ConcentrationSolver NUMERICAL = new NumericalSolver(1e-13, 1e-14);

  @Test
  void exactGammaAbsorptionAgreesWithTheNumericalPath() {
    qt().withExamples(60).forAll(Scenarios.gammaScenarios()).checkAssert(s -> {
      ConcentrationProfile a = EXACT.simulate(s.model(), s.records(), s.timesHours());
      ConcentrationProfile b = NUMERICAL.simulate(s.model(), s.records(), s.timesHours());
      EnginesAgreeProperties.assertAgree(s.model().gammaInput() + " " + s, a, b);
      EnginesAgreeProperties.assertAgree(s.model().gammaInput() + " " + s, EXACT.observe(s.model(), s.records()),
          NUMERICAL.observe(s.model(), s.records()));
    });
  }

  /**
   * A law of shape below 1 has an infinite rate at arrival: the numerical path steps in (t - arrival)^a
   * there. Before it did, a dose arriving at any time but 0 failed ("minimal step size reached").
   */
  @Test
  void theNumericalPathFollowsAShapeBelowOneArrivingAtAnyTime() {
    for (double shape : new double[] {0.1, 0.5, 0.8}) {
      for (double k : new double[] {0.25, 50}) {
        for (double at : new double[] {0, 0.62, 23}) {
          io.mmf.pk.model.PkModel m = io.mmf.pk.model.ModelFamilies.gammaAbsorption("a<1",
              java.util.List.of(new io.mmf.pk.model.PkModel.GammaLaw(1, shape, k)), 0,
              new io.mmf.pk.model.ModelFamilies.Disposition(10, 30, 20, 200), io.mmf.pk.model.DoseUnit.MG_MPA);
          io.mmf.pk.dosing.DoseRecords r = io.mmf.pk.dosing.DoseRecords.of(io.mmf.pk.dosing.DoseRecord.dose(at,
              io.mmf.core.drug.Drug.MYCOPHENOLATE_MOFETIL, 1000));
          double[] t = new double[97];
          for (int i = 0; i < t.length; i++) {
            t[i] = i * 0.5;
          }
          ConcentrationProfile a = EXACT.simulate(m, r, t);
          ConcentrationProfile b = NUMERICAL.simulate(m, r, t);
          EnginesAgreeProperties.assertAgree("shape " + shape + " k " + k + " at " + at, a, b);
        }
      }
    }
  }
}
