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
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.dosing.SteadyStateMode;
import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.ModelFamilies;
import io.mmf.pk.model.ModelFamilies.Disposition;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Presets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact path's summary-only steady state (no grid, Cmax located to rounding) against independent paths. */
class SteadyStateSummaryTest {
  private static final ExactSolver EXACT = new ExactSolver();
  private static final NumericalSolver NUMERICAL = new NumericalSolver();
  private static final Formulation MMF = Formulation.MMF_TABLET_500;

  private static DosingSchedule everyTwelveHours(int doses, double mg) {
    List<DoseEvent> events = new ArrayList<>();
    for (int i = 0; i < doses; i++) {
      events.add(DoseEvent.at(12.0 * i, Dose.ofMg(mg), MMF));
    }
    return DosingSchedule.of(events);
  }

  @Test
  void oneCompartmentMatchesTheClosedFormSteadyState() {
    // Gibaldi & Perrier, multiple oral dosing, one compartment: with t' = t - lag in the interval,
    // C(t') = D ka / (V (ka - k)) [e^{-k t'} / (1 - e^{-k tau}) - e^{-ka t'} / (1 - e^{-ka tau})],
    // t'max = ln(ka (1 - e^{-k tau}) / (k (1 - e^{-ka tau}))) / (ka - k), AUC over tau = D / CL.
    double[][] cases = {{2.0, 10, 50, 0.5}, {0.7, 4, 30, 0}, {9.0, 25, 12, 1.2}, {1.3, 1.3, 40, 0.25}};
    for (double[] c : cases) {
      double ka = c[0];
      double cl = c[1];
      double v = c[2];
      double lag = c[3];
      double k = cl / v;
      double tau = 12;
      PkModel m = ModelFamilies.firstOrder("1cpt", ka, lag, new Disposition(cl, v, 0, 1), DoseUnit.MG_MMF);
      SteadyState.Summary s = EXACT.steadyStateSummary(m, Dose.ofMg(1000), MMF, DosingInterval.TWICE_DAILY, 0);
      double f = 1000 * ka / (v * (ka - k));
      double ak = 1 - Math.exp(-k * tau);
      double aka = 1 - Math.exp(-ka * tau);
      double tPrime = Math.log(ka * ak / (k * aka)) / (ka - k);
      double cmax = f * (Math.exp(-k * tPrime) / ak - Math.exp(-ka * tPrime) / aka);
      double trough = f * (Math.exp(-k * (tau - lag)) / ak - Math.exp(-ka * (tau - lag)) / aka);
      String at = java.util.Arrays.toString(c);
      assertEquals(cmax, s.cmaxMgPerL(), 1e-11 * cmax, at);
      assertEquals(lag + tPrime, s.tmaxHours(), 1e-6, at);
      assertEquals(trough, s.troughMgPerL(), 1e-11 * cmax, at);
      assertEquals(1000 / cl, s.aucTauMgHPerL(), 1e-10 * 1000 / cl, at);
    }
  }

  @Test
  void oneCompartmentWithAbsorptionAsFastAsEliminationMatchesItsClosedForm() {
    // ka = k: the Bateman function's limit C(t') = D k t' e^{-k t'} / V, whose eigenvalues coincide (the
    // exact path then propagates by its Pade exponential, not by modes). At steady state, r = e^{-k tau}:
    // C(t') = (D k / V) e^{-k t'} [t' / (1 - r) + tau r / (1 - r)^2], t'max = 1 / k - tau r / (1 - r),
    // and the trough is C(tau - lag).
    for (double[] c : new double[][] {{10, 40, 0}, {10, 40, 0.5}, {4, 40, 1.0}}) {
      double cl = c[0];
      double v = c[1];
      double lag = c[2];
      double k = cl / v;
      double tau = 12;
      PkModel m = ModelFamilies.firstOrder("ka=k", k, lag, new Disposition(cl, v, 0, 1), DoseUnit.MG_MMF);
      SteadyState.Summary s = EXACT.steadyStateSummary(m, Dose.ofMg(1000), MMF, DosingInterval.TWICE_DAILY, 0);
      double r = Math.exp(-k * tau);
      java.util.function.DoubleUnaryOperator conc = t -> 1000 * k / v * Math.exp(-k * t)
          * (t / (1 - r) + tau * r / ((1 - r) * (1 - r)));
      double tPrime = 1 / k - tau * r / (1 - r);
      String at = java.util.Arrays.toString(c);
      assertTrue(tPrime > 0 && tPrime + lag < tau, at);
      assertEquals(conc.applyAsDouble(tPrime), s.cmaxMgPerL(), 1e-10 * s.cmaxMgPerL(), at);
      assertEquals(lag + tPrime, s.tmaxHours(), 1e-6, at);
      assertEquals(conc.applyAsDouble(tau - lag), s.troughMgPerL(), 1e-10 * s.cmaxMgPerL(), at);
      assertEquals(1000 / cl, s.aucTauMgHPerL(), 1e-10 * 1000 / cl, at);
    }
  }

  @Test
  void aGammaInputOfWholeShapeHasTheSummaryOfItsExplicitTransitChain() {
    // A gamma input of shape n and rate k into the depot is the outflow of n compartments in a chain, each
    // left at rate k, after a bolus into the first: k (k t)^(n-1) e^(-kt) / (n-1)!. The gamma path samples
    // and refines each segment's peak (Walk.Peak.beforeForced); the chain is a linear model, whose peak
    // the modal path finds from its exponential sum. Each pair must give the same AUC, Cmax, Tmax, trough.
    for (double[] c : new double[][] {{3, 2.0, 1.5}, {2, 0.8, 4.0}, {4, 5.0, 0.6}}) {
      int n = (int) c[0];
      double ktr = c[1];
      double ka = c[2];
      PkModel.Builder gamma = PkModel.builder("gamma").compartments("depot", "central")
          .transfer("depot", "central", ka).elimination("central", 0.25).observe("MPA", "central", 40)
          .dose(io.mmf.core.drug.Drug.MYCOPHENOLATE_MOFETIL, io.mmf.pk.model.DoseInput.bolus("depot", 0.9, 0))
          .gammaInput(new PkModel.GammaLaw(1, n, ktr)).doseUnit(DoseUnit.MG_MMF);
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        names.add("transit" + i);
      }
      names.add("depot");
      names.add("central");
      PkModel.Builder chain = PkModel.builder("chain").compartments(names.toArray(String[]::new));
      for (int i = 0; i < n; i++) {
        chain.transfer(names.get(i), names.get(i + 1), ktr);
      }
      chain.transfer("depot", "central", ka).elimination("central", 0.25).observe("MPA", "central", 40)
          .dose(io.mmf.core.drug.Drug.MYCOPHENOLATE_MOFETIL, io.mmf.pk.model.DoseInput.bolus("transit1", 0.9, 0))
          .doseUnit(DoseUnit.MG_MMF);
      SteadyState.Summary g = EXACT.steadyStateSummary(gamma.build(), Dose.ofMg(1000), MMF,
          DosingInterval.TWICE_DAILY, 0);
      SteadyState.Summary l = EXACT.steadyStateSummary(chain.build(), Dose.ofMg(1000), MMF,
          DosingInterval.TWICE_DAILY, 0);
      String at = java.util.Arrays.toString(c);
      assertEquals(l.aucTauMgHPerL(), g.aucTauMgHPerL(), 1e-9 * l.aucTauMgHPerL(), at);
      assertEquals(l.cmaxMgPerL(), g.cmaxMgPerL(), 1e-9 * l.cmaxMgPerL(), at);
      assertEquals(l.tmaxHours(), g.tmaxHours(), 1e-5, at);
      assertEquals(l.troughMgPerL(), g.troughMgPerL(), 1e-9 * l.cmaxMgPerL(), at);
      assertTrue(l.tmaxHours() > 0 && l.tmaxHours() < 12, at + " Tmax inside the interval: " + l.tmaxHours());
    }
  }

  @Test
  void presetsAgreeWithTheNumericalPathAfter200Doses() {
    // 200 doses reach the steady state to far below 1e-9 on both presets (Jiao's recirculation makes
    // it slow: after 40 doses C0 is still 6e-5 below it). The numerical path is sampled every 1e-4 h
    // around the summary's Tmax in the last interval.
    for (PkModel m : List.of(Presets.jiao2008(70), Presets.vanHest2005(Presets.VanHestCovariates.REFERENCE))) {
      SteadyState.Summary s = EXACT.steadyStateSummary(m, Dose.ofMg(1000), MMF, DosingInterval.TWICE_DAILY, 0);
      double start = 199 * 12.0;
      double[] t = new double[402];
      t[0] = start;
      for (int i = 0; i <= 400; i++) {
        t[i + 1] = start + Math.max(0, s.tmaxHours() - 0.02) + i * 1e-4;
      }
      ConcentrationProfile p = NUMERICAL.simulate(m, everyTwelveHours(200, 1000), t);
      double best = 0;
      double at = 0;
      for (int i = 1; i < t.length; i++) {
        if (p.concentrationMgPerL(i) > best) {
          best = p.concentrationMgPerL(i);
          at = t[i] - start;
        }
      }
      assertEquals(best, s.cmaxMgPerL(), 1e-6 * best, m.name());
      assertEquals(at, s.tmaxHours(), 0.01, m.name());
      assertEquals(p.concentrationMgPerL(0), s.troughMgPerL(), 1e-6 * s.troughMgPerL(), m.name());
      double auc = NUMERICAL.aucMgHPerL(m, everyTwelveHours(200, 1000), start, start + 12);
      assertEquals(auc, s.aucTauMgHPerL(), 1e-6 * auc, m.name());
    }
  }

  @Test
  void summaryAgreesWithTheProfilePathAtSteadyState() {
    // The profile path (segment propagators and the walk from the periodic state, recording a grid) is
    // independent of the summary's peak search (modal or substep walk). Cmax is at least every value
    // of its 0.01 h grid (so no peak elsewhere was missed), and within 0.01 h of the summary's Tmax,
    // on a 1e-5 h grid, at least the fine grid's maximum and above it by no more than the curve allows:
    // at a smooth maximum C <= Cgrid + |C''| (h/2)^2 / 2, |C''| from the fine grid's second
    // difference (twice, for slack); at a kink (a zero-order input ending between grid points)
    // C <= Cgrid + |C'| h, |C'| from the larger adjacent first difference. (A 0.01 h grid alone was too
    // coarse for that bound at ka 39 /h: its second difference misjudged the curvature at the peak.)
    // The fine grid comes from the dose records: a steady-state dose (SS 1) at time 0 and observation
    // records after it.
    qt().withExamples(PropertyBudget.examples(200)).forAll(PkGenerators.linearWithoutEhc().mix(PkGenerators.enterohepaticModels()))
        .checkAssert(m -> {
          SteadyState.Summary s = EXACT.steadyStateSummary(m, Dose.ofMg(1000), MMF, DosingInterval.TWICE_DAILY, 0);
          SteadyState full = EXACT.steadyState(m, Dose.ofMg(1000), MMF, DosingInterval.TWICE_DAILY);
          ConcentrationProfile p = full.profile();
          double scale = 2 * DoseEvent.at(0, Dose.ofMg(1000), MMF).mpaMg() / m.observed().get(0).volumeL();
          int best = 0;
          for (int i = 0; i <= 1200; i++) {
            if (p.concentrationMgPerL(i) > p.concentrationMgPerL(best)) {
              best = i;
            }
          }
          double grid = p.concentrationMgPerL(best);
          String at = m + " " + m.transfers();
          assertTrue(s.cmaxMgPerL() >= grid * (1 - 1e-8) - 1e-12 * scale, at + " below the grid: " + s.cmaxMgPerL()
              + " < " + grid + " at " + best + " tmax " + s.tmaxHours());
          List<DoseRecord> records = new ArrayList<>();
          records.add(DoseRecord.dose(0, MMF.drug(), 1000).withSteadyState(SteadyStateMode.RESET, 12));
          double from = Math.max(0, Math.min(12 - 0.02, s.tmaxHours() - 0.01));
          for (int i = 0; i < 2001; i++) {
            records.add(DoseRecord.observation(from + i * 1e-5));
          }
          ConcentrationProfile near = EXACT.observe(m, DoseRecords.of(records));
          int top = 0;
          for (int i = 0; i < near.size(); i++) {
            if (near.concentrationMgPerL(i) > near.concentrationMgPerL(top)) {
              top = i;
            }
          }
          double fineMax = near.concentrationMgPerL(top);
          double left = top > 0 ? near.concentrationMgPerL(top - 1) : fineMax;
          double right = top < near.size() - 1 ? near.concentrationMgPerL(top + 1) : fineMax;
          double smooth = Math.abs(left - 2 * fineMax + right) / 4;
          double kink = Math.max(fineMax - left, fineMax - right);
          double allowed = Math.max(smooth, 2 * kink); // twice: the rise into a kink can steepen
          assertTrue(s.cmaxMgPerL() >= fineMax * (1 - 1e-9) - 1e-12 * scale, at + " below the fine grid: "
              + s.cmaxMgPerL() + " < " + fineMax);
          assertTrue(s.cmaxMgPerL() <= fineMax + allowed + 1e-9 * fineMax + 1e-12 * scale, at + " above the curve: "
              + s.cmaxMgPerL() + " vs " + fineMax);
          // AUC over the interval against mass balance (the period is the interval): dose / the clearance out
          // of the body (ModelFamilies puts (1 - fEHC) CL / V1 on the central elimination).
          double expected = DoseEvent.at(0, Dose.ofMg(1000), MMF).mpaMg() / clearance(m);
          assertEquals(expected, s.aucTauMgHPerL(), 1e-7 * expected, at);
        });
  }

  /** CL out of the body: the central elimination rate constant x V1 (models built by ModelFamilies). */
  private static double clearance(PkModel m) {
    double k = m.transfers().stream().filter(t -> t.to().isEmpty() && t.from().equals("central"))
        .mapToDouble(PkModel.Transfer::ratePerHour).sum();
    return k * m.observed().get(0).volumeL();
  }

  @Test
  void summaryTroughMatchesALongNumericalSimulation() {
    // The numerical path reaches the steady state of an SS 1 record by explicit simulation, dose after
    // dose, with its own right-hand side: nothing in common with the periodic fixed point.
    qt().withExamples(25).forAll(PkGenerators.linearWithoutEhc().mix(PkGenerators.enterohepaticModels()))
        .checkAssert(m -> {
          SteadyState.Summary s = EXACT.steadyStateSummary(m, Dose.ofMg(1000), MMF, DosingInterval.TWICE_DAILY, 0);
          DoseRecords ss = DoseRecords.of(DoseRecord.dose(0, MMF.drug(), 1000)
              .withSteadyState(SteadyStateMode.RESET, 12));
          // at 12 h (no further dose): the trough, by periodicity; AUC from 0 to 12 h: the interval's
          ConcentrationProfile num = NUMERICAL.simulate(m, ss, new double[] {0, 12});
          double scale = DoseEvent.at(0, Dose.ofMg(1000), MMF).mpaMg() / m.observed().get(0).volumeL();
          String at = m + " " + m.transfers();
          assertEquals(num.concentrationMgPerL(1), s.troughMgPerL(), 1e-6 * s.troughMgPerL() + 1e-9 * scale, at);
          assertEquals(num.aucBetweenMgHPerL(0, 1), s.aucTauMgHPerL(), 1e-6 * s.aucTauMgHPerL(), at);
        });
  }

  @Test
  void windowAucMatchesTheNumericalPath() {
    qt().withExamples(PropertyBudget.examples(60))
        .forAll(PkGenerators.linearWithoutEhc().mix(PkGenerators.enterohepaticModels()),
        doubles().between(0, 30), doubles().between(0, 30)).checkAssert((m, a, b) -> {
          double from = Math.min(a, b);
          double to = Math.max(a, b);
          DosingSchedule s = everyTwelveHours(3, 1000);
          double exact = EXACT.aucMgHPerL(m, s, from, to);
          double num = NUMERICAL.aucMgHPerL(m, s, from, to);
          double total = NUMERICAL.aucMgHPerL(m, s, 0, 36);
          assertEquals(num, exact, 1e-7 * num + 1e-9 * total, m + " [" + from + ", " + to + "]");
        });
  }

  @Test
  void aFasterSteadyStateGivesTheSameNumbersAsTheProfile() {
    // One steady state, one method: the profile's summary numbers are the summary's, and its 1201-point
    // profile (a second walk, split at every grid point) never rises above that Cmax and integrates to
    // the same AUC over the interval.
    PkModel m = Presets.jiao2008(70);
    SteadyState full = EXACT.steadyState(m, Dose.ofMg(750), MMF, DosingInterval.TWICE_DAILY);
    SteadyState.Summary s = EXACT.steadyStateSummary(m, Dose.ofMg(750), MMF, DosingInterval.TWICE_DAILY, 0);
    assertEquals(s, full.summary());
    assertEquals(s.aucTauMgHPerL(), full.profile().aucBetweenMgHPerL(0, 1200), 1e-10 * s.aucTauMgHPerL());
    assertEquals(s.troughMgPerL(), full.profile().concentrationMgPerL(1200), 1e-10 * s.troughMgPerL());
    for (int i = 0; i < full.profile().size() && full.profile().timeHours(i) <= 12; i++) {
      assertTrue(full.profile().concentrationMgPerL(i) <= s.cmaxMgPerL() * (1 + 1e-12));
    }
  }

  /**
   * The exact path's shared first-dose AUC (the steady state's first period from empty compartments)
   * equals a separate single-dose AUC on the schedule's own timeline, whether it applies (nothing
   * wraps) or falls back (a window, an infusion or the clock's 24 h period wraps into time 0).
   */
  @Test
  void courseSharesTheFirstPeriodOnlyWhereItIsTheFirstDose() {
    Formulation mmf = Formulation.MMF_TABLET_500;
    qt().withExamples(PropertyBudget.examples(150)).forAll(PkGenerators.linearWithoutEhc().mix(PkGenerators.enterohepaticModels()),
        org.quicktheories.generators.SourceDSL.integers().between(0, 2), doubles().between(0, 23.9),
        org.quicktheories.generators.SourceDSL.booleans().all()).checkAssert((m, which, clock, meals) -> {
          DosingInterval interval = DosingInterval.everyHours(new double[] {8, 12, 24}[which]);
          PkModel model = meals && m.emptyingWindows().isPresent()
              ? m.withEmptyingWindows(io.mmf.pk.model.EmptyingWindows.atClockTimes(
                  new io.mmf.pk.model.Window(7, 1), new io.mmf.pk.model.Window(19, 1.5)))
              : m;
          SteadyState.Course c = EXACT.course(model, Dose.ofMg(1000), mmf, interval, clock);
          double tau = interval.hours();
          double separate = EXACT.aucMgHPerL(model, DosingSchedule.of(List.of(DoseEvent.at(clock, Dose.ofMg(1000),
              mmf))), clock, clock + tau);
          assertEquals(separate, c.firstDoseAucTauMgHPerL(), 1e-9 * separate + 1e-12, model + " tau " + tau);
          assertEquals(EXACT.steadyStateSummary(model, Dose.ofMg(1000), mmf, interval, clock), c.steadyState());
        });
  }

  @Test
  void courseMatchesTheNumericalPathOnAnEhcPreset() {
    PkModel jiao = Presets.jiao2008(65.5);
    SteadyState.Course c = EXACT.course(jiao, Dose.ofMg(1000), Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY, 0);
    double numerical = NUMERICAL.aucMgHPerL(jiao, DosingSchedule.of(List.of(DoseEvent.at(0, Dose.ofMg(1000),
        Formulation.MMF_TABLET_500))), 0, 12);
    assertEquals(numerical, c.firstDoseAucTauMgHPerL(), 1e-6 * numerical);
  }
}
