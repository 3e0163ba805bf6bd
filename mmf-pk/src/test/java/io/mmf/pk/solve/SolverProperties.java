package io.mmf.pk.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.PropertyBudget;
import io.mmf.testkit.pk.PkGenerators;
import io.mmf.pk.dosing.DoseEvent;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.model.ModelFamilies;
import io.mmf.pk.model.PkModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The identities of pk-models.md, over wide parameter ranges. */
class SolverProperties {
  private static final ExactSolver EXACT = new ExactSolver();
  private static final NumericalSolver NUMERICAL = new NumericalSolver();
  private static final Formulation MMF = Formulation.MMF_TABLET_500;

  private static DosingSchedule doses(double mg, double... times) {
    List<DoseEvent> events = new ArrayList<>();
    for (double t : times) {
      events.add(DoseEvent.at(t, Dose.ofMg(mg), MMF));
    }
    return DosingSchedule.of(events);
  }

  private static double[] grid(double end, int points) {
    double[] t = new double[points + 1];
    for (int i = 0; i <= points; i++) {
      t[i] = end * i / points;
    }
    return t;
  }

  private static double mpa(double mmfMg) {
    return DoseEvent.at(0, Dose.ofMg(mmfMg), MMF).mpaMg();
  }

  private static double clearance(PkModel m) {
    // CL = elimination rate constant from central x V1 (MPA models built by ModelFamilies)
    int central = m.compartments().indexOf("central");
    double k = m.transfers().stream().filter(t -> t.to().isEmpty() && t.from().equals("central"))
        .mapToDouble(PkModel.Transfer::ratePerHour).sum();
    return k * m.observed().get(0).volumeL() + 0 * central;
  }

  @Test
  void concentrationsScaleLinearlyWithDose() {
    qt().withExamples(PropertyBudget.examples(200)).forAll(PkGenerators.linearWithoutEhc().mix(PkGenerators.enterohepaticModels()),
        doubles().between(0.1, 10)).checkAssert((m, factor) -> {
          double[] t = grid(36, 36);
          ConcentrationProfile one = EXACT.simulate(m, doses(500, 0, 12), t);
          ConcentrationProfile scaled = EXACT.simulate(m, doses(500 * factor, 0, 12), t);
          for (int i = 0; i < t.length; i++) {
            assertEquals(one.concentrationMgPerL(i) * factor, scaled.concentrationMgPerL(i),
                1e-9 * scaled.concentrationMgPerL(i) + 1e-300);
            assertEquals(one.cumulativeAucMgHPerL(i) * factor, scaled.cumulativeAucMgHPerL(i),
                1e-9 * scaled.cumulativeAucMgHPerL(i) + 1e-300);
          }
        });
  }

  @Test
  void twoRegimensTogetherAreTheSumOfEach() {
    qt().withExamples(PropertyBudget.examples(200)).forAll(PkGenerators.linearWithoutEhc(), doubles().between(0, 30))
        .checkAssert((m, shift) -> {
          double[] t = grid(60, 60);
          DosingSchedule a = doses(1000, 0, 12, 24);
          DosingSchedule b = doses(250, shift);
          List<DoseEvent> both = new ArrayList<>(a.events());
          both.addAll(b.events());
          both.sort(java.util.Comparator.comparingDouble(DoseEvent::timeHours));
          ConcentrationProfile pa = EXACT.simulate(m, a, t);
          ConcentrationProfile pb = EXACT.simulate(m, b, t);
          ConcentrationProfile pab = EXACT.simulate(m, DosingSchedule.of(both), t);
          double peak = pab.concentrationMgPerL(pab.indexOfMax());
          for (int i = 0; i < t.length; i++) {
            // Rounding in the different segmentations is relative to the peak, not to a tail value.
            double sum = pa.concentrationMgPerL(i) + pb.concentrationMgPerL(i);
            assertEquals(sum, pab.concentrationMgPerL(i), 1e-9 * sum + 1e-12 * peak);
          }
        });
  }

  @Test
  void steadyStateAucIsDoseOverClearanceWithoutEhc() {
    qt().withExamples(PropertyBudget.examples(300)).forAll(PkGenerators.linearWithoutEhc()).checkAssert(m -> {
      SteadyState ss = EXACT.steadyState(m, Dose.ofMg(1000), MMF, DosingInterval.TWICE_DAILY);
      double expected = mpa(1000) / clearance(m);
      assertEquals(expected, ss.aucTauMgHPerL(), 1e-7 * expected, m.toString());
      assertTrue(ss.cmaxMgPerL() >= ss.troughMgPerL());
    });
  }

  @Test
  void steadyStateAucOverAPeriodIsDoseOverTheNonRecirculatedClearance() {
    qt().withExamples(PropertyBudget.examples(300)).forAll(PkGenerators.enterohepaticModels()).checkAssert(m -> {
      SteadyState ss = EXACT.steadyState(m, Dose.ofMg(1000), MMF, DosingInterval.TWICE_DAILY);
      // Only (1 - fEHC) CL leaves the body: ModelFamilies puts (1 - fEHC) CL/V1 on the central elimination.
      double expected = mpa(1000) / clearance(m);
      assertEquals(expected, ss.aucPeriodMgHPerL(), 1e-7 * expected, m.toString());
    });
  }

  @Test
  void singleDoseAucToInfinityIsDoseOverClearance() {
    qt().withExamples(PropertyBudget.examples(200)).forAll(PkGenerators.linearWithoutEhc()).checkAssert(m -> {
      // Integrate to 60 slowest time constants (eigenvalues from Commons Math, independently of the
      // solver): what is left is below e^-60. One step of that length costs ~30 squarings, so the
      // tolerance is 1e-6 rather than the 1e-7 of 12-h steps.
      double slowest = io.mmf.testkit.pk.Oracles.slowestDecayPerHour(m);
      ConcentrationProfile p = EXACT.simulate(m, doses(1000, 0), new double[] {0, 60 / slowest + 10});
      double expected = mpa(1000) / clearance(m);
      assertEquals(expected, p.cumulativeAucMgHPerL(1), 1e-6 * expected, m.toString());
    });
  }

  @Test
  void exactAndNumericalPathsAgree() {
    java.util.concurrent.atomic.AtomicInteger examples = new java.util.concurrent.atomic.AtomicInteger();
    qt().withExamples(PropertyBudget.examples(60))
        .forAll(PkGenerators.linearWithoutEhc().mix(PkGenerators.enterohepaticModels()))
        .checkAssert(m -> {
          examples.incrementAndGet();
          double[] t = grid(48, 96);
          DosingSchedule s = doses(1000, 0, 12, 24);
          ConcentrationProfile exact = EXACT.simulate(m, s, t);
          ConcentrationProfile num = NUMERICAL.simulate(m, s, t);
          // 1e-6 relative. Values far below the scale of the state are compared to that scale: the integrator
          // controls a norm over the whole state (depot amounts of hundreds of mg dominate it) and the matrix
          // exponential is accurate relative to the matrix norm, so neither path is accurate entry by entry to
          // 1e-6 on a value a million times smaller. The scale is the whole dose spread in V1 (for AUC, times the
          // time elapsed, or the final AUC).
          double scale = 3 * mpa(1000) / m.observed().get(0).volumeL();
          double aucEnd = exact.cumulativeAucMgHPerL(t.length - 1);
          for (int i = 0; i < t.length; i++) {
            assertEquals(num.concentrationMgPerL(i), exact.concentrationMgPerL(i),
                1e-6 * num.concentrationMgPerL(i) + 1e-9 * scale, m + " " + m.transfers() + " t=" + t[i]);
            assertEquals(num.cumulativeAucMgHPerL(i), exact.cumulativeAucMgHPerL(i),
                1e-6 * num.cumulativeAucMgHPerL(i) + 1e-8 * aucEnd + 1e-9 * scale * t[i], m + " t=" + t[i]);
          }
        });
    // QuickTheories skips a value it has already generated, so a few of the 60 (or of PIT's 25) may not run.
    assertTrue(examples.get() >= PropertyBudget.examples(60) * 5 / 6, "examples run: " + examples.get());
  }

  @Test
  void washoutIsMonotoneWithoutEhcOnceAbsorptionIsOver() {
    qt().withExamples(PropertyBudget.examples(200)).forAll(PkGenerators.linearWithoutEhc()).checkAssert(m -> {
      // Absorption is over when every absorption compartment (depot, transit chain) has emptied to e^-50:
      // after the lag (<= 2 h), a zero-order input (<= 6 h) and 50 (chain length + 1) / slowest rate.
      List<PkModel.Transfer> absorption = m.transfers().stream()
          .filter(t -> !t.from().equals("central") && !t.from().equals("peripheral")).toList();
      double slowest = absorption.stream().mapToDouble(PkModel.Transfer::ratePerHour).min().orElse(1);
      double inputEnds = 2 + 6 + 50.0 * (absorption.size() + 1) / slowest;
      double[] t = grid(inputEnds + 200, 400);
      ConcentrationProfile p = EXACT.simulate(m, doses(1000, 0), t);
      for (int i = 1; i < t.length; i++) {
        if (t[i - 1] >= inputEnds) {
          assertTrue(p.concentrationMgPerL(i) <= p.concentrationMgPerL(i - 1) * (1 + 1e-9) + 1e-300,
              m + " rises at t=" + t[i]);
        }
      }
    });
  }

  @Test
  void degenerateRatesGiveTheClosedForm() {
    qt().withExamples(PropertyBudget.examples(200)).forAll(PkGenerators.rates(), PkGenerators.volumes(), doubles().between(0.1, 100))
        .checkAssert((k, v, time) -> {
          // ka = k (one compartment): C = D k t e^{-kt} / V, where the Bateman form divides by zero.
          PkModel equal = ModelFamilies.firstOrder("ka=k", k, 0, new ModelFamilies.Disposition(k * v, v, 0, 1),
              io.mmf.pk.model.DoseUnit.MG_MPA);
          double c = EXACT.simulate(equal, doses(1000, 0), new double[] {time}).concentrationMgPerL(0);
          double expected = mpa(1000) * k * time * Math.exp(-k * time) / v;
          assertEquals(expected, c, 1e-9 * expected + 1e-300);
          // ktr = ka = k with 3 transits: central = D (kt)^4 / 4! e^{-kt}
          PkModel chain = ModelFamilies.transit("ktr=ka", 3, k, k, new ModelFamilies.Disposition(k * v, v, 0, 1),
              io.mmf.pk.model.DoseUnit.MG_MPA);
          double kt = k * time;
          double expectedChain = mpa(1000) * Math.pow(kt, 4) / 24 * Math.exp(-kt) / v;
          double cc = EXACT.simulate(chain, doses(1000, 0), new double[] {time}).concentrationMgPerL(0);
          assertEquals(expectedChain, cc, 1e-8 * expectedChain + 1e-300);
        });
  }
}
