package io.mmf.pk.tdm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.target.AucTarget;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.source.Source;
import io.mmf.pk.dosing.DoseEvent;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.exposure.DoseAdvice;
import io.mmf.pk.model.DoseInput;
import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Presets;
import io.mmf.pk.population.PopulationModel;
import io.mmf.pk.population.Populations;
import io.mmf.pk.population.RandomEffects;
import io.mmf.pk.population.ResidualError;
import io.mmf.pk.solve.ExactSolver;
import io.mmf.pk.solve.NumericalSolver;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MapEstimatorTest {
  static final Formulation TABLET = Formulation.byName("mmf-tablet-500");
  /** 20-60 mg*h/L, sourced for dermatomyositis (seed 003): a target the advice may act on. */
  static final AucTarget DM_TARGET = ConditionCatalog.standard().get("dermatomyositis").target();
  static final Regimen BID_1000 = Regimen.of(TABLET, Dose.ofMg(1000), DosingInterval.everyHours(12));
  static final DosingSchedule FOURTEEN_DOSES = DosingSchedule.fromRegimen(BID_1000, 14);
  static final double LAST_DOSE = 13 * 12;
  static final PopulationModel VAN_HEST = Populations.vanHest2005(Presets.VanHestCovariates.REFERENCE);
  static final ExactSolver EXACT = new ExactSolver();

  // ---- the optimiser and the Laplace covariance against a closed form ----

  static final double K = 0.2;
  static final double V0 = 40;
  static final double F0 = 0.3;
  static final double SIGMA = 0.2;
  static final double[][] OMEGA = {{0.09, 0.03}, {0.03, 0.04}};

  /**
   * One compartment, a bolus, eta1 on volume and clearance together (k fixed), eta2 on bioavailability:
   * ln C(t) = ln(F0 D / V0) - k t - eta1 + eta2, linear in eta. With an exponential residual error the
   * posterior is exactly normal: covariance (H'H / s^2 + Omega^-1)^-1 and mode that times
   * H'(ln y - a) / s^2, H's rows (-1, 1).
   */
  static PopulationModel linearGaussian() {
    return linearGaussian(F0, OMEGA);
  }

  static PopulationModel linearGaussian(double f0, double[][] omega) {
    return Populations.of("linear-gaussian", new Source("test-linear", "a model linear in eta, for tests",
        Source.Verification.READ), RandomEffects.of(List.of("V", "F"), omega), ResidualError.exponential(SIGMA),
        eta -> PkModel.builder("lin").compartments("central").elimination("central", K)
            .observe("MPA", "central", V0 * Math.exp(eta[0]))
            .doseAny(DoseInput.bolus("central", f0 * Math.exp(eta[1]), 0)).doseUnit(DoseUnit.MG_MMF).build());
  }

  /**
   * The Laplace posterior reaching past the model's valid range: with F typically 0.6 and F and V each of
   * variance 0.25, levels at the typical patient fix F/V only, so about 7.6 % of the Gaussian's draws have
   * F above 1, which no dose input accepts (assess threw that IllegalArgumentException before). They are
   * redrawn and counted, and the interval is that of the truncated Gaussian: both computed here from the
   * closed-form posterior (as in the test above) with a sampler of the test's own.
   */
  @Test
  void posteriorDrawsOutsideTheModelsValidRangeAreRedrawnAndCounted() {
    double f0 = 0.6;
    double[][] omega = {{0.25, 0}, {0, 0.25}};
    double[] t = {1, 2, 4};
    List<Sample> samples = new ArrayList<>();
    for (double time : t) {
      samples.add(Sample.measured(time, f0 * 1000 / V0 * Math.exp(-K * time)));
    }
    DosingSchedule oneDose = DosingSchedule.of(List.of(DoseEvent.at(0, Dose.ofMg(1000), TABLET)));
    int draws = 20_000;
    TdmAssessment a = MapEstimator.of(linearGaussian(f0, omega)).estimate(oneDose, samples)
        .assess(BID_1000, AucTarget.DEFAULT, List.of(), draws, 7);

    // the posterior: mode 0 (the levels are the typical patient's), precision H'H / s^2 + Omega^-1
    double p = 3 / (SIGMA * SIGMA);
    RealMatrix cov = MatrixUtils.inverse(new Array2DRowRealMatrix(new double[][] {{p + 4, -p}, {-p, p + 4}}));
    double sdF = Math.sqrt(cov.getEntry(1, 1));
    double edge = Math.log(1 / f0);
    double outside = 1 - new NormalDistribution(0, sdF).cumulativeProbability(edge);
    assertEquals(0.076, outside, 0.002, "the fraction of draws with F > 1");
    // redraws until 20000 are accepted: negative binomial, mean n q / (1 - q), SD sqrt(n q) / (1 - q)
    double expected = draws * outside / (1 - outside);
    assertEquals(expected, a.rejectedDraws(), 5 * Math.sqrt(draws * outside) / (1 - outside), a.toString());

    // the truncated Gaussian's AUC0-12 quantiles, F D / (V k) (1 - e^-12k), by the test's own sampler
    double l11 = Math.sqrt(cov.getEntry(0, 0));
    double l21 = cov.getEntry(1, 0) / l11;
    double l22 = Math.sqrt(cov.getEntry(1, 1) - l21 * l21);
    java.util.Random random = new java.util.Random(11);
    double[] aucs = new double[400_000];
    int n = 0;
    while (n < aucs.length) {
      double z1 = random.nextGaussian();
      double eV = l11 * z1;
      double eF = l21 * z1 + l22 * random.nextGaussian();
      if (eF <= edge) {
        aucs[n++] = f0 * Math.exp(eF) * 1000 / (V0 * Math.exp(eV) * K) * (1 - Math.exp(-12 * K));
      }
    }
    java.util.Arrays.sort(aucs);
    assertEquals(MapEstimate.quantile(aucs, 0.025), a.aucLowerMgHPerL(), 0.01 * a.aucLowerMgHPerL());
    assertEquals(MapEstimate.quantile(aucs, 0.975), a.aucUpperMgHPerL(), 0.01 * a.aucUpperMgHPerL());
  }

  @Test
  void linearGaussianModeAndCovarianceMatchTheClosedForm() {
    double[] t = {1, 2, 4};
    double[] y = {9.0, 4.1, 3.3};
    List<Sample> samples = new ArrayList<>();
    double[] residual = new double[t.length];
    for (int k = 0; k < t.length; k++) {
      samples.add(Sample.measured(t[k], y[k]));
      residual[k] = Math.log(y[k]) - Math.log(F0 * 1000 / V0 * Math.exp(-K * t[k]));
    }
    DosingSchedule oneDose = DosingSchedule.of(List.of(DoseEvent.at(0, Dose.ofMg(1000), TABLET)));
    MapEstimate est = MapEstimator.of(linearGaussian()).estimate(oneDose, samples);

    RealMatrix h = new Array2DRowRealMatrix(t.length, 2);
    for (int k = 0; k < t.length; k++) {
      h.setEntry(k, 0, -1);
      h.setEntry(k, 1, 1);
    }
    RealMatrix precision = h.transpose().multiply(h).scalarMultiply(1 / (SIGMA * SIGMA))
        .add(MatrixUtils.inverse(new Array2DRowRealMatrix(OMEGA)));
    RealMatrix cov = MatrixUtils.inverse(precision);
    double[] mode = cov.operate(h.transpose().operate(residual));
    for (int i = 0; i < 2; i++) {
      mode[i] /= SIGMA * SIGMA;
    }
    assertEquals(mode[0], est.eta()[0], 1e-5);
    assertEquals(mode[1], est.eta()[1], 1e-5);
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        assertEquals(cov.getEntry(i, j), est.covariance()[i][j], 1e-6 * cov.getEntry(i, i));
      }
    }
    assertEquals(Math.sqrt(cov.getEntry(1, 1)), est.etaStandardError(1), 1e-6);
  }

  // ---- convergence on a published model ----

  static List<Sample> noiseFree(PkModel truth, double... hoursAfterLastDose) {
    double[] times = new double[hoursAfterLastDose.length];
    for (int k = 0; k < times.length; k++) {
      times[k] = LAST_DOSE + hoursAfterLastDose[k];
    }
    double[] c = EXACT.simulate(truth, FOURTEEN_DOSES, times).analyteConcentrationsMgPerL(0);
    List<Sample> out = new ArrayList<>();
    for (int k = 0; k < times.length; k++) {
      out.add(Sample.measured(times[k], c[k]));
    }
    return out;
  }

  @Test
  void convergesToTheSameModeFromAPoorStart() {
    double[] truth = {0.5, -0.3, 0.4, -0.5};
    List<Sample> samples = noiseFree(VAN_HEST.individual(truth), 1.0 / 3, 1, 3);
    MapEstimator estimator = MapEstimator.of(VAN_HEST);
    MapEstimate fromTypical = estimator.estimate(FOURTEEN_DOSES, samples);
    double[] poor = new double[4];
    for (int i = 0; i < 4; i++) {
      poor[i] = (i % 2 == 0 ? 3 : -3) * Math.sqrt(VAN_HEST.randomEffects().omega(i, i));
    }
    MapEstimate fromPoor = estimator.estimate(FOURTEEN_DOSES, samples, poor);
    assertTrue(estimator.objective(FOURTEEN_DOSES, samples, poor) > fromPoor.objective() + 10,
        "the start is poor: its objective is far above the optimum");
    for (int i = 0; i < 4; i++) {
      assertEquals(fromTypical.eta()[i], fromPoor.eta()[i], 1e-3, "eta " + VAN_HEST.randomEffects().parameters().get(i));
    }
    assertEquals(fromTypical.objective(), fromPoor.objective(), 1e-7);
    assertIsLocalMinimum(estimator, FOURTEEN_DOSES, samples, fromPoor);
  }

  /** The objective rises when any one eta moves by 0.01 SD either way. */
  static void assertIsLocalMinimum(MapEstimator estimator, DosingSchedule history, List<Sample> samples,
      MapEstimate est) {
    double[] eta = est.eta();
    for (int i = 0; i < eta.length; i++) {
      for (int s = -1; s <= 1; s += 2) {
        double[] p = eta.clone();
        p[i] += s * 0.01 * Math.sqrt(estimator.population().randomEffects().omega(i, i));
        assertTrue(estimator.objective(history, samples, p) >= est.objective() - 1e-9,
            "moving eta " + i + " by " + s + " x 0.01 SD lowers the objective");
      }
    }
  }

  @Test
  void richDataRecoverTheTruth() {
    double[] truth = {0.3, 0.25, -0.4, 0.2};
    PkModel patient = VAN_HEST.individual(truth);
    List<Sample> samples = noiseFree(patient, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8, 10, 12);
    MapEstimate est = MapEstimator.of(VAN_HEST).estimate(FOURTEEN_DOSES, samples);
    double trueAuc = EXACT.aucMgHPerL(patient, FOURTEEN_DOSES, LAST_DOSE, LAST_DOSE + 12);
    assertEquals(trueAuc, est.aucMgHPerL(LAST_DOSE, LAST_DOSE + 12), 0.03 * trueAuc);
    TdmAssessment a = est.assess(BID_1000, AucTarget.DEFAULT, List.of());
    assertTrue(a.aucLowerMgHPerL() <= trueAuc && trueAuc <= a.aucUpperMgHPerL(), a.toString());
    assertTrue(a.aucLowerMgHPerL() < a.aucMgHPerL() && a.aucMgHPerL() < a.aucUpperMgHPerL(), a.toString());
  }

  @Test
  void jiaoEhcModelConvergesToALocalMinimum() {
    PopulationModel jiao = Populations.jiao2008(65.5);
    double[] truth = {0.2, -0.3, 0.1, 0.15, -0.2, 0.1, 0.05, -0.2};
    List<Sample> samples = noiseFree(jiao.individual(truth), 1.0 / 3, 1, 3, 6);
    MapEstimator estimator = MapEstimator.ofHealthyVolunteerModel(jiao, new ExactSolver());
    MapEstimate est = estimator.estimate(FOURTEEN_DOSES, samples);
    assertTrue(est.objective() < estimator.objective(FOURTEEN_DOSES, samples, new double[8]));
    assertIsLocalMinimum(estimator, FOURTEEN_DOSES, samples, est);
  }

  // ---- the clinical reading, against closed forms ----

  /**
   * eta_CL 0.35: AUC0-12 about 22, inside 20-60, so no change and the probability is at the current 1000
   * mg; eta_CL -0.8: about 69, above, so a reduction and the probability at the dispensed dose.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.35, -0.8})
  void doseAdviceAndProbabilityMatchTheClosedForm(double trueEtaCl) {
    double[] truth = {0.2, trueEtaCl, -0.1, 0.3};
    List<Sample> samples = noiseFree(VAN_HEST.individual(truth), 1.0 / 3, 1, 3);
    MapEstimate est = MapEstimator.of(VAN_HEST).estimate(FOURTEEN_DOSES, samples);
    TdmAssessment a = est.assess(BID_1000, DM_TARGET, List.of(TABLET, Formulation.byName("mmf-capsule-250")),
        20_000, 3);

    // van Hest 2005 is linear with CL/F in MMF terms: steady-state AUC(tau) = dose / (CL exp(eta_CL)).
    double cl = Presets.VanHestCovariates.REFERENCE.clearanceLPerH();
    double etaCl = est.eta()[1];
    double ssAuc = 1000 / (cl * Math.exp(etaCl));
    assertEquals(ssAuc, a.steadyStateAuc12hMgHPerL(), 1e-6 * ssAuc);
    double advice = a.recommendation().orElseThrow().dispensed().dose().mg();
    assertEquals(0, advice % 250, 1e-9, "whole capsules and tablets");
    assertTrue(Math.abs(advice - 40 * cl * Math.exp(etaCl)) <= 125, "nearest 250 mg to the dose for 40 mg*h/L");
    // the second solver at the dispensed dose
    double numerical = new NumericalSolver().steadyState(est.individual(), Dose.ofMg(advice), TABLET,
        DosingInterval.everyHours(12)).aucTauMgHPerL();
    assertEquals(numerical, a.recommendation().orElseThrow().predictedAuc12hMgHPerL(), 1e-4 * numerical);

    // P(20 <= advice / (CL exp(eta_CL)) <= 60) with eta_CL ~ N(mode, se^2)
    NormalDistribution posterior = new NormalDistribution(etaCl, est.etaStandardError(1));
    // the probability is at the dose the advice settles on: the dispensed dose of a change, else the current
    double settled = trueEtaCl > 0 ? 1000 : advice;
    assertEquals(trueEtaCl > 0 ? DoseAdvice.Kind.NO_CHANGE : DoseAdvice.Kind.CHANGE_DOSE, a.advice().kind(),
        a.advice().text());
    double p = posterior.cumulativeProbability(Math.log(settled / (20 * cl)))
        - posterior.cumulativeProbability(Math.log(settled / (60 * cl)));
    assertEquals(p, a.probabilityInTarget(), 0.015, "Monte Carlo over 20000 draws");
    assertEquals(settled, a.adviceDoseMg());
  }

  @Test
  void withoutStrengthsTheAdviceIsTheExactDose() {
    // eta_CL -0.8: AUC0-12 about 69, above 20-60: reduce to the exact dose for 40
    List<Sample> samples = noiseFree(VAN_HEST.individual(new double[] {0, -0.8, 0, 0}), 1.0 / 3, 1, 3);
    MapEstimate est = MapEstimator.of(VAN_HEST).estimate(FOURTEEN_DOSES, samples);
    TdmAssessment a = est.assess(BID_1000, DM_TARGET, List.of());
    assertTrue(a.recommendation().isEmpty());
    assertEquals(DoseAdvice.Kind.CHANGE_DOSE, a.advice().kind(), a.advice().text());
    assertEquals(40 / a.steadyStateAuc12hMgHPerL() * 1000, a.adviceDoseMg(), 1e-9);
  }

  @Test
  void insideTheTargetTheProbabilityIsAtTheCurrentDose() {
    List<Sample> samples = noiseFree(VAN_HEST.individual(new double[4]), 1.0 / 3, 1, 3);
    TdmAssessment a = MapEstimator.of(VAN_HEST).estimate(FOURTEEN_DOSES, samples)
        .assess(BID_1000, DM_TARGET, List.of());
    assertEquals(DoseAdvice.Kind.NO_CHANGE, a.advice().kind(), a.advice().text());
    assertEquals(1000, a.adviceDoseMg());
  }

  @Test
  void aboveTheCeilingTheProbabilityIsAtTheCeilingNeverAbove() {
    // 2 g twice daily for a kidney recipient: above the label's 1.5 g per administration, reduce
    Regimen high = Regimen.of(TABLET, Dose.ofMg(2000), DosingInterval.TWICE_DAILY);
    List<Sample> samples = noiseFree(VAN_HEST.individual(new double[4]), 1.0 / 3, 1, 3);
    MapEstimate est = MapEstimator.of(VAN_HEST).estimate(FOURTEEN_DOSES, samples);
    TdmAssessment measured = est.assess(high, DM_TARGET, List.of());
    assertEquals(DoseAdvice.Kind.REDUCE_TO_CEILING, measured.advice().kind(), measured.advice().text());
    assertEquals(1500, measured.adviceDoseMg(), 1e-9);
    TdmAssessment dispensed = est.assess(high, DM_TARGET, List.of(TABLET));
    assertEquals(DoseAdvice.Kind.REDUCE_TO_CEILING, dispensed.advice().kind(), dispensed.advice().text());
    assertTrue(dispensed.adviceDoseMg() <= 1500, "at most the ceiling: " + dispensed.adviceDoseMg());
  }

  // ---- failures and bad input ----

  @Test
  void allSamplesBelowTheLimitIsAClearFailure() {
    List<Sample> samples = List.of(Sample.belowLimit(LAST_DOSE + 1, 0.5), Sample.belowLimit(LAST_DOSE + 3, 0.5));
    EstimationException e = assertThrows(EstimationException.class,
        () -> MapEstimator.of(VAN_HEST).estimate(FOURTEEN_DOSES, samples));
    assertTrue(e.getMessage().contains("all 2 samples are below the limit of quantification"), e.getMessage());
  }

  @Test
  void levelsTheModelCannotReachAreAClearFailure() {
    // levels in ug/L typed as mg/L: a thousand times too high
    List<Sample> samples = List.of(Sample.measured(LAST_DOSE + 1.0 / 3, 5000), Sample.measured(LAST_DOSE + 1, 12000),
        Sample.measured(LAST_DOSE + 3, 4000));
    EstimationException e = assertThrows(EstimationException.class,
        () -> MapEstimator.of(VAN_HEST).estimate(FOURTEEN_DOSES, samples));
    assertTrue(e.getMessage().contains("at the edge of the van Hest 2005 population"), e.getMessage());
  }

  @Test
  void anExhaustedBudgetIsAClearFailure() {
    List<Sample> samples = noiseFree(VAN_HEST.individual(new double[] {0.5, 0.5, 0.5, 0.5}), 1.0 / 3, 1, 3);
    EstimationException e = assertThrows(EstimationException.class,
        () -> MapEstimator.of(VAN_HEST).withMaxEvaluations(10).estimate(FOURTEEN_DOSES, samples));
    assertTrue(e.getMessage().contains("did not converge in 10 objective evaluations"), e.getMessage());
  }

  @Test
  void someSamplesBelowTheLimitStillGiveAnEstimate() {
    List<Sample> samples = new ArrayList<>(noiseFree(VAN_HEST.individual(new double[4]), 1, 3));
    samples.add(0, Sample.belowLimit(LAST_DOSE + 0.1, 0.5));
    MapEstimate est = MapEstimator.of(VAN_HEST).estimate(FOURTEEN_DOSES, samples);
    assertTrue(est.predictedMgPerL()[0] < 0.5 + 0.45 * 2, "the fit respects the limit: " + est.predictedMgPerL()[0]);
  }

  static void rejects(String message, Runnable r) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void badInputIsNamed() {
    MapEstimator estimator = MapEstimator.of(VAN_HEST);
    DosingSchedule fromEight = DosingSchedule.of(List.of(DoseEvent.at(8, Dose.ofMg(1000), TABLET),
        DoseEvent.at(20, Dose.ofMg(1000), TABLET)));
    rejects("expected after the first dose, at 8.0 h): sample 1 at 7.5 h is not",
        () -> estimator.estimate(fromEight, List.of(Sample.measured(7.5, 1), Sample.measured(9, 8))));
    rejects("Invalid value for concentrationMgPerL (expected finite and >= 0 mg/L) at 1.0 h: -0.5",
        () -> Sample.measured(1, -0.5));
    rejects("Invalid value for timeHours", () -> Sample.measured(Double.NaN, 1));
    rejects("Invalid value for the limit of quantification", () -> Sample.belowLimit(1, 0));
    rejects("Dose history does not match the samples: sample 2 at 169.0 h is 13.0 h after the last dose",
        () -> estimator.estimate(FOURTEEN_DOSES, List.of(Sample.measured(LAST_DOSE + 1, 8),
            Sample.measured(LAST_DOSE + 13, 1))));
    rejects("expected in time order): sample 2 at 157.0 h follows one at 159.0 h",
        () -> estimator.estimate(FOURTEEN_DOSES, List.of(Sample.measured(LAST_DOSE + 3, 3),
            Sample.measured(LAST_DOSE + 1, 8))));
    rejects("expected at least one measured level", () -> estimator.estimate(FOURTEEN_DOSES, List.of()));
    rejects("Invalid value for startEta (expected 4 values", () -> estimator.estimate(FOURTEEN_DOSES,
        List.of(Sample.measured(LAST_DOSE + 1, 8)), new double[2]));
    rejects("Invalid value for startEta[ka] (expected within 5.0 SD", () -> estimator.estimate(FOURTEEN_DOSES,
        List.of(Sample.measured(LAST_DOSE + 1, 8)), new double[] {9, 0, 0, 0}));
    rejects("expected > 0 mg/L under the exponential residual error of Jiao 2008",
        () -> MapEstimator.ofHealthyVolunteerModel(Populations.jiao2008(65.5), new ExactSolver()).estimate(FOURTEEN_DOSES,
            List.of(Sample.measured(LAST_DOSE + 1, 0))));
    rejects("Invalid value for draws", () -> estimator.estimate(FOURTEEN_DOSES,
        noiseFree(VAN_HEST.individual(new double[4]), 1, 3)).assess(BID_1000, AucTarget.DEFAULT, List.of(), 5, 1));
  }

  // ---- the censored-likelihood pieces ----

  @Test
  void logPhiMatchesKnownValuesAndStaysFiniteInTheTail() {
    assertEquals(Math.log(0.15865525393145707), MapEstimator.logPhi(-1), 1e-12);
    assertEquals(Math.log(0.9331927987311419), MapEstimator.logPhi(1.5), 1e-12);
    assertEquals(Math.log(7.619853024160527e-24), MapEstimator.logPhi(-10), 1e-9);
    // at -30 the asymptotic branch answers; it agrees with erfc there (first omitted term 15/x^6 ~ 2e-8)
    assertEquals(Math.log(0.5 * Erf.erfc(30 / Math.sqrt(2))), MapEstimator.logPhi(-30), 1e-7);
    assertTrue(Double.isFinite(MapEstimator.logPhi(-1e6)));
  }

  @Test
  void aSampleBelowTheLimitCostsLittleWhenThePredictionIsBelowIt() {
    ResidualError additive = ResidualError.additive(0.45);
    Sample blq = Sample.belowLimit(1, 2);
    // prediction 4 SD under the limit: -ln Phi(4) ~ 3.2e-5; 4 SD over it: -ln Phi(-4) ~ 10.36
    assertEquals(-Math.log(new NormalDistribution().cumulativeProbability(4)),
        MapEstimator.term(additive, blq, 2 - 4 * 0.45), 1e-9);
    assertEquals(-Math.log(new NormalDistribution().cumulativeProbability(-4)),
        MapEstimator.term(additive, blq, 2 + 4 * 0.45), 1e-9);
  }

  @Test
  void aHealthyVolunteerSingleDoseModelIsRefusedUnlessChosenExplicitly() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MapEstimator.of(Populations.jiao2008(65.5)));
    assertTrue(e.getMessage().contains("healthy volunteers") && e.getMessage().contains("ofHealthyVolunteerModel"),
        e.getMessage());
    MapEstimator.of(VAN_HEST);
  }
}
