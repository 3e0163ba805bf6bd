package io.mmf.core.drug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.mmf.testkit.core.CoreGenerators;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispensingProperties {

  /** Brute force, independent of the implementation: every count of every strength up to the bound. */
  private static double bruteForceNearest(double requested, List<Formulation> forms) {
    int n = forms.size();
    int[] maxCount = new int[n];
    for (int i = 0; i < n; i++) {
      maxCount[i] = (int) Math.ceil((requested + 1000) / forms.get(i).strengthMg());
    }
    double best = Double.NaN;
    int[] counts = new int[n];
    while (true) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        total += counts[i] * forms.get(i).strengthMg();
      }
      if (total > 0) {
        double dist = Math.abs(total - requested);
        double bestDist = Double.isNaN(best) ? Double.POSITIVE_INFINITY : Math.abs(best - requested);
        if (dist < bestDist || (dist == bestDist && total < best)) {
          best = total;
        }
      }
      int i = 0;
      while (i < n && ++counts[i] > maxCount[i]) {
        counts[i] = 0;
        i++;
      }
      if (i == n) {
        return best;
      }
    }
  }

  @Test
  void dispensedDoseIsTheNearestAchievable() {
    qt().forAll(doubles().between(1, 5000), CoreGenerators.solidsOfOneDrug()).checkAssert((mg, forms) -> {
      Dispensing d = Dispensing.nearest(Dose.ofMg(mg), forms);
      assertEquals(bruteForceNearest(mg, forms), d.dose().mg(), 1e-9);
      double sum = d.units().entrySet().stream().mapToDouble(e -> e.getKey().strengthMg() * e.getValue()).sum();
      assertEquals(d.dose().mg(), sum, 1e-9);
      assertTrue(forms.containsAll(d.units().keySet()));
    });
  }

  @Test
  void mmfToEcMpsAndBackReturnsWithinOneSmallestUnit() {
    qt().forAll(integers().between(1, 12)).checkAssert(quarterGrams -> {
      double mmf = quarterGrams * 250.0;
      Dose ec = Dispensing.nearest(MpaEquivalence.CLINICAL.convert(Dose.ofMg(mmf), Drug.MYCOPHENOLATE_MOFETIL,
          Drug.MYCOPHENOLATE_SODIUM), CoreGenerators.EC_MPS_SOLIDS).dose();
      Dose back = Dispensing.nearest(MpaEquivalence.CLINICAL.convert(ec, Drug.MYCOPHENOLATE_SODIUM,
          Drug.MYCOPHENOLATE_MOFETIL), CoreGenerators.MMF_SOLIDS).dose();
      assertTrue(Math.abs(back.mg() - mmf) <= 250, mmf + " -> " + ec + " -> " + back);
    });
  }

  @Test
  void conversionsAreInverse() {
    qt().forAll(doubles().between(1, 10_000)).checkAssert(mg -> {
      for (MpaEquivalence eq : MpaEquivalence.values()) {
        Dose there = eq.convert(Dose.ofMg(mg), Drug.MYCOPHENOLATE_MOFETIL, Drug.MYCOPHENOLATE_SODIUM);
        Dose back = eq.convert(there, Drug.MYCOPHENOLATE_SODIUM, Drug.MYCOPHENOLATE_MOFETIL);
        assertEquals(mg, back.mg(), 1e-9 * mg);
      }
    });
  }
}
