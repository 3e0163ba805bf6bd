package io.mmf.pk.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import io.mmf.pk.PropertyBudget;
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
    qt().withExamples(PropertyBudget.examples(80)).forAll(Scenarios.scenarios()).checkAssert(s -> {
      ConcentrationProfile a = EXACT.simulate(s.model(), s.records(), s.timesHours());
      ConcentrationProfile b = NUMERICAL.simulate(s.model(), s.records(), s.timesHours());
      ConcentrationProfile oa = EXACT.observe(s.model(), s.records());
      ConcentrationProfile ob = NUMERICAL.observe(s.model(), s.records());
      assertAgree(s.toString(), a, b);
      assertAgree(s.toString(), oa, ob);
    });
  }

  /**
   * Every analyte's concentrations and cumulative AUCs of two profiles at the same times agree within
   * 1e-8 relative, or 1e-10 of the profile's peak.
   */
  static void assertAgree(String label, ConcentrationProfile a, ConcentrationProfile b) {
    for (int k = 0; k < a.analytes().size(); k++) {
      double[] ca = a.analyteConcentrationsMgPerL(k);
      double[] cb = b.analyteConcentrationsMgPerL(k);
      double[] ua = a.analyteCumulativeAucMgHPerL(k);
      double[] ub = b.analyteCumulativeAucMgHPerL(k);
      double peak = 0;
      double aucPeak = 0;
      for (int i = 0; i < ca.length; i++) {
        peak = Math.max(peak, ca[i]);
        aucPeak = Math.max(aucPeak, ua[i]);
      }
      for (int i = 0; i < ca.length; i++) {
        String at = label + " analyte " + k + " t=" + a.timeHours(i);
        assertEquals(cb[i], ca[i], 1e-8 * Math.abs(cb[i]) + 1e-10 * peak, at);
        assertEquals(ub[i], ua[i], 1e-8 * Math.abs(ub[i]) + 1e-10 * aucPeak, at);
      }
    }
  }
}
