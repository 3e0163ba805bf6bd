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
}
