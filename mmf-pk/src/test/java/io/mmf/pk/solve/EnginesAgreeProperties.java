package io.mmf.pk.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import io.mmf.pk.Scenarios;
import org.junit.jupiter.api.Test;

/**
 * The exact engine and the numerical path, which share nothing but the model's description and the
 * records, agree on random networks and random record lists (zero rates, windows across midnight and
 * across a period, outputs at dose times, resets, steady-state doses) within 1e-8 relative; values far
 * below the profile's peak are compared with 1e-10 of the peak (neither path is accurate entry by entry
 * relative to a value ten orders of magnitude below the state's scale).
 */
class EnginesAgreeProperties {
  private static final ConcentrationSolver EXACT = new ExactSolver();
  private static final ConcentrationSolver NUMERICAL = new NumericalSolver(1e-13, 1e-14);

  @Test
  void exactAndNumericalAgreeOnRandomNetworksAndRecords() {
    qt().withExamples(80).forAll(Scenarios.scenarios()).checkAssert(s -> {
      ConcentrationProfile a = EXACT.simulate(s.model(), s.records(), s.timesHours());
      ConcentrationProfile b = NUMERICAL.simulate(s.model(), s.records(), s.timesHours());
      ConcentrationProfile oa = EXACT.observe(s.model(), s.records());
      ConcentrationProfile ob = NUMERICAL.observe(s.model(), s.records());
      for (ConcentrationProfile[] pair : new ConcentrationProfile[][] {{a, b}, {oa, ob}}) {
        for (int k = 0; k < pair[0].analytes().size(); k++) {
          double[] ca = pair[0].analyteConcentrationsMgPerL(k);
          double[] cb = pair[1].analyteConcentrationsMgPerL(k);
          double[] ua = pair[0].analyteCumulativeAucMgHPerL(k);
          double[] ub = pair[1].analyteCumulativeAucMgHPerL(k);
          double peak = 0;
          double aucPeak = 0;
          for (int i = 0; i < ca.length; i++) {
            peak = Math.max(peak, ca[i]);
            aucPeak = Math.max(aucPeak, ua[i]);
          }
          for (int i = 0; i < ca.length; i++) {
            String at = s + " analyte " + k + " t=" + pair[0].timeHours(i);
            assertEquals(cb[i], ca[i], 1e-8 * Math.abs(cb[i]) + 1e-10 * peak, at);
            assertEquals(ub[i], ua[i], 1e-8 * Math.abs(ub[i]) + 1e-10 * aucPeak, at);
          }
        }
      }
    });
  }
}
