package io.mmf.pk.solve.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import io.mmf.core.drug.Drug;
import io.mmf.pk.PropertyBudget;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.model.DoseInput;
import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Presets;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.solve.SteadyState;
import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * Exact gamma absorption against closed forms that share nothing with the engine's convolution: an
 * integer Savic chain against the same chain written as compartments (the classic transit model, a
 * matrix exponential); one compartment with a gamma input, whose amount plus what it eliminated is the
 * delivered fraction P(a, k t) of the dose (mass balance) and whose AUC is F D / CL (single dose, to
 * infinity, and over one interval at steady state); and the modal closed form against the Gauss
 * quadrature of the scaling-and-squaring path.
 */
class GammaExactnessTest {
  private static final Drug MMF = Drug.MYCOPHENOLATE_MOFETIL;

  private static PkModel.Builder disposition(String name) {
    return PkModel.builder(name).doseUnit(DoseUnit.MG_MPA).observe("MPA", "central", 20);
  }

  private static DoseRecords single(double mg) {
    return DoseRecords.of(List.of(DoseRecord.dose(0, MMF, mg)));
  }

  @Test
  void anIntegerSavicChainIsTheTransitChainOfCompartments() {
    for (int n : new int[] {0, 1, 3, 7}) {
      double ktr = 2.7;
      PkModel savic = disposition("savic").compartments("depot", "central", "peripheral")
          .transfer("depot", "central", 1.3).transfer("central", "peripheral", 0.4)
          .transfer("peripheral", "central", 0.1).elimination("central", 0.5)
          .dose(MMF, DoseInput.bolus("depot", 0.9, 0.4)).savicTransit(new PkModel.SavicTransit(n, ktr)).build();
      // the dose in compartment t0, then n transit compartments, each emptying at ktr; the last into the depot
      PkModel.Builder b = disposition("chain").compartments("depot", "central", "peripheral");
      for (int i = 0; i <= n; i++) {
        b.compartments("t" + i);
        b.transfer("t" + i, i == n ? "depot" : "t" + (i + 1), ktr);
      }
      PkModel chain = b.transfer("depot", "central", 1.3).transfer("central", "peripheral", 0.4)
          .transfer("peripheral", "central", 0.1).elimination("central", 0.5)
          .dose(MMF, DoseInput.bolus("t0", 0.9, 0.4)).build();
      double[] t = new double[97];
      for (int i = 0; i < t.length; i++) {
        t[i] = i * 0.25;
      }
      DoseRecords r = DoseRecords.of(List.of(DoseRecord.dose(0, MMF, 500).withAdditionalDoses(1, 8)));
      ConcentrationProfile a = ExactEngine.simulate(savic, r, t);
      ConcentrationProfile c = ExactEngine.simulate(chain, r, t);
      for (int i = 0; i < t.length; i++) {
        double ca = a.analyteConcentrationsMgPerL(0)[i];
        double cc = c.analyteConcentrationsMgPerL(0)[i];
        assertEquals(cc, ca, 1e-11 * Math.max(cc, 1e-3), "n " + n + " t " + t[i]);
        assertEquals(c.analyteCumulativeAucMgHPerL(0)[i], a.analyteCumulativeAucMgHPerL(0)[i],
            1e-11 * Math.max(1e-3, c.analyteCumulativeAucMgHPerL(0)[i]), "AUC n " + n + " t " + t[i]);
      }
    }
  }

  private static PkModel oneCompartment(double a, double k, double kel) {
    return disposition("one").compartments("central").elimination("central", kel)
        .dose(MMF, DoseInput.bolus("central", 0.8, 0.3)).gammaInput(new PkModel.GammaLaw(1, a, k)).build();
  }

  @Test
  void oneCompartmentWithGammaInputBalancesMassAndGivesDoseOverClearance() {
    // amount(t) + CL AUC(t) = F D P(a, k (t - lag)), and AUC(0, inf) = F D / CL: shapes and rates across the
    // ranges, the rate above, equal to and below the elimination rate (mu = k - kel of either sign and 0)
    qt().withExamples(PropertyBudget.examples(200)).forAll(doubles().between(Math.log(0.5), Math.log(30)),
        doubles().between(Math.log(0.01), Math.log(50)), doubles().between(0, 1)).checkAssert((la, lk, u) -> {
          double a = Math.exp(la);
          double k = Math.exp(lk);
          double kel = u < 0.2 ? k : k * Math.exp(4 * (u - 0.6));
          kel = Math.min(Math.max(kel, 0.005), 100);
          PkModel m = oneCompartment(a, k, kel);
          double volume = 20;
          double cl = kel * volume;
          double entering = m.enteringAmount(MMF, 500); // F, and MMF as mg of MPA
          double mean = a / k;
          double[] t = {0.3 + 0.1 * mean, 0.3 + mean, 0.3 + 3 * mean, 0.3 + 10 * mean};
          ConcentrationProfile p = ExactEngine.simulate(m, single(500), t);
          for (int i = 0; i < t.length; i++) {
            double body = p.analyteConcentrationsMgPerL(0)[i] * volume;
            double out = cl * p.analyteCumulativeAucMgHPerL(0)[i];
            double delivered = entering * Gamma.regularizedGammaP(a, k * (t[i] - 0.3));
            assertEquals(delivered, body + out, 1e-11 * entering, "a " + a + " k " + k + " kel " + kel + " t " + t[i]);
          }
          double end = 0.3 + GammaResponse.cutoffHours(a, k) + 60 / kel;
          double auc = ExactEngine.auc(m, single(500), 0, end);
          assertEquals(entering / cl, auc, 1e-11 * entering / cl, "a " + a + " k " + k + " kel " + kel);
        });
  }

  @Test
  void steadyStateOfAGammaInputGivesDoseOverClearancePerInterval() {
    // slow laws (mean arrival 2 to 200 h) spread each dose over many intervals: the doses of the past that
    // still deliver in the period are what this checks
    for (double[] law : new double[][] {{0.5, 0.25}, {5, 0.05}, {30, 15}, {9.2, 8.36}, {2, 0.01}}) {
      PkModel m = disposition("one").compartments("gut", "central").transfer("gut", "central", 1.1)
          .elimination("central", 0.3).dose(MMF, DoseInput.bolus("gut", 1, 0.7))
          .gammaInput(new PkModel.GammaLaw(0.6, law[0], law[1]), new PkModel.GammaLaw(0.4, 3, 2)).build();
      SteadyState.Summary s = ExactEngine.summary(m, MMF, 1000, 12, 8);
      double expected = m.enteringAmount(MMF, 1000) / (0.3 * 20);
      assertEquals(expected, s.aucTauMgHPerL(), 1e-9 * expected, "law " + law[0] + " " + law[1]);
      assertTrue(s.cmaxMgPerL() >= s.troughMgPerL());
    }
  }

  @Test
  void fromage2025DoubleGammaReproducesThePublishedClosedForm() {
    // mpa-models.md section 3.8 (Fromage 2025, Limoges, EC-MPS): C(t) = C0 + (D/Vc) [r (b1/(b1 - l))^a1 P(a1,
    // (b1 - l) t) + (1 - r) (b2/(b2 - l))^a2 P(a2, (b2 - l) t)] e^(-l t), the paper's Table 2 values; the
    // sheet's [computed] figures at 720 mg: C(4) 13.081, C(8) 2.228, Cmax 34.87 at 3.20 h, AUC0-12 57.83, with
    // the constant offset C0 = 2.21 (its steady-state trough, not part of the dose's curve). Shapes 1281 and 395.
    double c0 = 2.21;
    PkModel m = PkModel.builder("Fromage 2025 typical").doseUnit(DoseUnit.MG_MPA).compartments("central")
        .elimination("central", 1.81).observe("MPA", "central", 100 / 7.87)
        .dose(Drug.MYCOPHENOLATE_SODIUM, DoseInput.bolus("central", 1, 0))
        .gammaInput(new PkModel.GammaLaw(0.79, 1280.97, 418.42), new PkModel.GammaLaw(0.21, 395.34, 95.69)).build();
    DoseRecords r = DoseRecords.of(List.of(DoseRecord.dose(0, Drug.MYCOPHENOLATE_SODIUM, 720)));
    double[] t = {2, 3.2, 4, 8, 12};
    ConcentrationProfile p = ExactEngine.simulate(m, r, t);
    double[] c = p.analyteConcentrationsMgPerL(0);
    assertEquals(2.210, c0 + c[0], 0.0005);
    double[] near = new double[201];
    for (int i = 0; i < near.length; i++) {
      near[i] = 3.1 + 0.001 * i;
    }
    double[] cn = ExactEngine.simulate(m, r, near).analyteConcentrationsMgPerL(0);
    int top = 0;
    for (int i = 0; i < cn.length; i++) {
      top = cn[i] > cn[top] ? i : top;
    }
    assertEquals(34.87, c0 + cn[top], 0.005);
    assertEquals(3.20, near[top], 0.005);
    assertEquals(13.081, c0 + c[2], 0.0005);
    assertEquals(2.228, c0 + c[3], 0.0005);
    assertEquals(57.83, c0 * 12 + p.analyteCumulativeAucMgHPerL(0)[4], 0.005);
    // and the closed form itself, evaluated here with Commons Math's P, to 1e-10
    double[][] laws = {{0.79, 1280.97, 418.42}, {0.21, 395.34, 95.69}};
    for (int i = 0; i < t.length; i++) {
      double s = 0;
      for (double[] l : laws) {
        double mu = l[2] - 1.81;
        s += l[0] * Math.exp(l[1] * Math.log(l[2] / mu) - 1.81 * t[i]) * Gamma.regularizedGammaP(l[1], mu * t[i]);
      }
      double closed = 720 / (100 / 7.87) * s;
      assertEquals(closed, c[i], 1e-10 * 35, "t " + t[i]);
    }
  }

  @Test
  void modalClosedFormEqualsTheQuadratureOfScalingAndSquaring() {
    // Sherwin 2012's closed (no-window) state through the modal form, and the same with the modal form
    // switched off: every segment's gamma input by GammaQuadrature, the peak by the sampled search on
    // both; and one with a slow and a fast law
    PkModel sherwin = Presets.sherwin2012();
    PkModel plain = PkModel.builder("two").doseUnit(DoseUnit.MG_MPA).compartments("gut", "central", "peripheral")
        .observe("MPA", "central", 30).transfer("gut", "central", 4).transfer("central", "peripheral", 0.8)
        .transfer("peripheral", "central", 0.2).elimination("central", 0.4).dose(MMF, DoseInput.bolus("gut", 1, 0))
        .gammaInput(new PkModel.GammaLaw(0.79, 0.7, 0.3), new PkModel.GammaLaw(0.21, 25, 40)).build();
    for (PkModel m : List.of(sherwin, plain)) {
      SteadyState.Summary modal = ExactEngine.summary(m, MMF, 1000, 12, 0, true);
      SteadyState.Summary quad = ExactEngine.summary(m, MMF, 1000, 12, 0, false);
      assertEquals(quad.aucTauMgHPerL(), modal.aucTauMgHPerL(), 1e-11 * quad.aucTauMgHPerL(), m.name());
      assertEquals(quad.troughMgPerL(), modal.troughMgPerL(), 1e-11 * quad.cmaxMgPerL(), m.name());
      assertEquals(quad.cmaxMgPerL(), modal.cmaxMgPerL(), 1e-11 * quad.cmaxMgPerL(), m.name());
      assertEquals(quad.tmaxHours(), modal.tmaxHours(), 1e-4, m.name());
    }
  }
}
