package io.mmf.pk.tdm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Regimen;
import io.mmf.pk.population.CovariatePopulation;
import io.mmf.pk.population.Populations;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Simulation-estimation studies of the bundled presets other than van Hest 2005 (whose studies are in
 * {@link MapEstimationStudyTest}): 200 virtual patients each, at the model's reference covariates, with
 * its variability and residual error, on a week of twice-daily MMF, sampled at 20 min, 1 h and 3 h after
 * the 14th dose (the three-point design of IATDMCT 2021: a design choice, not the papers' own limited
 * sampling), each estimated by MAP; the estimated AUC0-12 of the sampled interval against the truth.
 * Mizaki and Zhao have no between-occasion variability (the papers did not estimate it); Heida's IOV on F
 * makes each day an occasion; Riglet's is on six parameters, each day an occasion: the sampled interval's
 * kappas are estimated with eta.
 *
 * <p>The coverage band, 90-99 %, is -3.2 to +2.6 binomial SD around 95 % for 200 patients. The error
 * bounds follow the residual error: Mizaki's 34 % and Zhao's 45 % proportional errors on three levels
 * leave more error than van Hest's additive 0.45 mg/L, and pull the mode toward the typical patient
 * (Mizaki's median error is -6.3 % at this seed: bias is bounded at 10 %, not the 5 % of van Hest's
 * study). Zhao's three levels barely beat the covariates alone (11.9 % against 13.9 %): its CL varies by
 * 22 % between children, less than one level's 45 % error.
 */
class PresetStudiesTest {
  private static final double[] THREE_POINTS = {1.0 / 3, 1, 3};

  private static SimulationEstimation.Summary study(CovariatePopulation preset, double mg) {
    return study(preset, preset.referenceCovariates(), Formulation.MMF_CAPSULE_250, mg, THREE_POINTS, 0.90, 0);
  }

  private static SimulationEstimation.Summary study(CovariatePopulation preset, Map<String, Double> covariates,
      Formulation form, double mg, double[] samplingHours, double minCoverage, int refusals) {
    int doses = 14;
    Regimen bid = Regimen.of(form, Dose.ofMg(mg), DosingInterval.everyHours(12));
    SimulationEstimation study = SimulationEstimation.of(preset.at(covariates), bid, doses,
        samplingHours, MapEstimationStudyTest.LLOQ, 200, 20_261_202L);
    SimulationEstimation.Summary s = study.run();
    System.out.printf(Locale.ROOT, "MAP study (%s, 200 patients, %s mg twice daily, %s h after dose %d, %d"
        + " samples < LLOQ): median error %+.1f %%, median absolute error %.1f %% (population prediction %.1f %%),"
        + " RMSE %.1f %%, 95 %% interval coverage %.1f %%%n", preset.name(), mg, java.util.Arrays.toString(samplingHours), doses, s.censoredSamples(),
        100 * s.medianErrorFraction(), 100 * s.medianAbsoluteErrorFraction(),
        100 * s.priorMedianAbsoluteErrorFraction(), 100 * s.rmseFraction(), 100 * s.coverage95());
    assertEquals(200, s.subjects());
    assertEquals(200 - refusals, s.estimated(), "patients estimated");
    assertTrue(s.medianAbsoluteErrorFraction() < s.priorMedianAbsoluteErrorFraction(),
        "the samples must beat the population prediction");
    assertTrue(s.coverage95() >= minCoverage && s.coverage95() <= 0.99, "coverage " + s.coverage95());
    return s;
  }

  @Test
  void mizaki2023() {
    SimulationEstimation.Summary s = study(Populations.mizaki2023(), 750);
    assertTrue(s.medianAbsoluteErrorFraction() < 0.15, "median absolute error " + s.medianAbsoluteErrorFraction());
    assertTrue(Math.abs(s.medianErrorFraction()) < 0.10, "median error (bias) " + s.medianErrorFraction());
  }

  @Test
  void zhao2010() {
    SimulationEstimation.Summary s = study(Populations.zhao2010(), 500);
    assertTrue(s.medianAbsoluteErrorFraction() < 0.15, "median absolute error " + s.medianAbsoluteErrorFraction());
    assertTrue(Math.abs(s.medianErrorFraction()) < 0.10, "median error (bias) " + s.medianErrorFraction());
  }

  /**
   * Heida 2024 at the sheet's 38.5-kg child (albumin 34 g/L), the same three-point design. Its IOV on F
   * enters through the observed volume Vc / F; until the exact solver read each occasion's volume (it took
   * the first record's), the levels could not see the sampled day's kappa and were simulated on day 0's,
   * so even the exact posterior covered 90.0 % (with a fourth level at 8 h; /work/notes/coverage.md). Now
   * the median absolute error is 21.0 % (it was 30.0 %), the median error -13.1 % and the coverage 89.5 %:
   * the 47 % proportional error makes the posterior of the AUC skewed to the right, its mode (the estimate)
   * below its median, and the Laplace interval misses above (18 of 21 misses). The exact posterior of the
   * same subjects (importance sampling, measured outside the suite) covers 93.5 % with a median error of
   * -2.9 %. So the bounds asserted here, 85 % coverage and 15 % bias, are this finding about the Laplace
   * approximation under a large proportional error, not a standard; a better interval is the next work.
   */
  @Test
  void heida2024() {
    SimulationEstimation.Summary s = study(Populations.heida2024(), Map.of(Populations.WEIGHT, 38.5,
        Populations.ALBUMIN, 34.0), Formulation.MMF_CAPSULE_250, 500, THREE_POINTS, 0.85, 0);
    assertTrue(s.medianAbsoluteErrorFraction() < 0.25, "median absolute error " + s.medianAbsoluteErrorFraction());
    assertTrue(Math.abs(s.medianErrorFraction()) < 0.15, "median error (bias) " + s.medianErrorFraction());
  }

  /**
   * Fromage 2025 (reference group, EC-MPS 720 mg twice daily at steady state, additive error 1.38 mg/L, the
   * estimated AUC that of the sampled interval, C0 x 12 included), sampled at 20 min, 1, 3, 4 and 6 h: five
   * levels, the paper's median per profile, at times of the double peak (a design choice; ISBA's own EC-MPS
   * design is not in the sources read). The three-point design of the other presets leaves two levels
   * before any absorption (the first law arrives at 3.1 h). The posterior has many modes: the first law's
   * peak is 0.09 h wide, and the search from the typical patient stopped, for 23 of these 200 subjects, at
   * a mode that random draws of the prior beat (by up to 315 in the objective), e.g. the bolus placed
   * after the samples. With MapEstimator's screen and restart the median absolute error is 14.7 % (16.5 %
   * before; prior 24.4 %), the RMSE 24.3 % (40.8 %) and the coverage 87.0 % (83.0 %): still below the
   * 90-99 % band of the others, as a Gaussian at one mode cannot describe a posterior this rugged
   * (/work/notes/coverage.md). The lower bound asserted, 85 %, is this finding, not a standard.
   */
  @Test
  void fromage2025() {
    SimulationEstimation.Summary s = study(Populations.fromage2025(), Map.of(Populations.INDICATION_GROUP, 0.0),
        Formulation.EC_MPS_TABLET_360, 720, new double[] {1.0 / 3, 1, 3, 4, 6}, 0.85, 0);
    assertTrue(s.medianAbsoluteErrorFraction() < 0.20, "median absolute error " + s.medianAbsoluteErrorFraction());
    assertTrue(Math.abs(s.medianErrorFraction()) < 0.05, "median error (bias) " + s.medianErrorFraction());
  }

  /**
   * Riglet 2020 (its file's residual error, 29 % proportional on total MPA, and its IIV and IOV), 1000 mg
   * MMF (738.9 mg MPA) twice daily. Two subjects at this seed (48 and 142) have posteriors whose curvature
   * is nearly singular in the direction of Qu and Vpu, which three samples cannot see: Gaussian draws give
   * Qu / Vpu of 10^4 to 10^6 /h, beyond any valid model, and are redrawn (MapEstimate's truncation); for
   * subject 142 more draws fall outside than inside, and its assessment is refused (an
   * EstimationException, no interval) rather than given from a Gaussian that does not describe it. So 199
   * of 200 are estimated.
   */
  @Test
  void riglet2020() {
    SimulationEstimation.Summary s = study(Populations.riglet2020(), Populations.riglet2020().referenceCovariates(),
        Formulation.MMF_CAPSULE_250, 1000, THREE_POINTS, 0.90, 1);
    assertTrue(s.medianAbsoluteErrorFraction() < 0.15, "median absolute error " + s.medianAbsoluteErrorFraction());
    assertTrue(Math.abs(s.medianErrorFraction()) < 0.10, "median error (bias) " + s.medianErrorFraction());
  }

  /**
   * Jiao 2008, a healthy-volunteer single-dose model: through the research path
   * ({@link SimulationEstimation#ofHealthyVolunteerModel}; the clinical one refuses it), one 500 mg dose
   * sampled at 20 min, 1 h and 3 h, AUC0-12 of that dose (with the gallbladder's releases at 4 and 10 h).
   * Its CL varies little between the volunteers (variance 0.035), so the prior alone is already close (7.7
   * % median absolute error) and three early levels add little (7.3 %): the assertion is that they do not
   * make it worse and that the interval covers.
   */
  @Test
  void jiao2008() {
    Regimen one = Regimen.of(Formulation.MMF_CAPSULE_250, Dose.ofMg(500), DosingInterval.everyHours(12));
    SimulationEstimation.Summary s = SimulationEstimation.ofHealthyVolunteerModel(Populations.jiao2008(65.5), one, 1,
        THREE_POINTS, MapEstimationStudyTest.LLOQ, 200, 20_261_202L).run();
    System.out.printf(Locale.ROOT, "MAP study (Jiao 2008, research path, 200 volunteers, one 500 mg dose, 20 min, 1 h,"
        + " 3 h): median error %+.1f %%, median absolute error %.1f %% (population prediction %.1f %%), 95 %%"
        + " interval coverage %.1f %%%n", 100 * s.medianErrorFraction(), 100 * s.medianAbsoluteErrorFraction(),
        100 * s.priorMedianAbsoluteErrorFraction(), 100 * s.coverage95());
    assertEquals(200, s.estimated());
    assertTrue(s.medianAbsoluteErrorFraction() <= s.priorMedianAbsoluteErrorFraction(), "no worse than the prior");
    assertTrue(s.medianAbsoluteErrorFraction() < 0.10, "median absolute error " + s.medianAbsoluteErrorFraction());
    assertTrue(Math.abs(s.medianErrorFraction()) < 0.05, "median error (bias) " + s.medianErrorFraction());
    assertTrue(s.coverage95() >= 0.90 && s.coverage95() <= 0.99, "coverage " + s.coverage95());
  }
}
