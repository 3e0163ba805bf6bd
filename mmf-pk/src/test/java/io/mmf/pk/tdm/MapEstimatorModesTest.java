package io.mmf.pk.tdm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Regimen;
import io.mmf.pk.population.PopulationModel;
import io.mmf.pk.population.Populations;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A posterior with more than one mode: Fromage 2025's double gamma absorption (shapes 1281 and 395, the
 * first law's peak 0.09 h wide) sampled at 20 min, 1, 3, 4 and 6 h, as in {@link PresetStudiesTest#fromage2025}.
 * For these three subjects of that study, BOBYQA from the typical patient stopped at a local mode whose
 * objective (324.8, 268.9 and 274.8, measured before the screen) fits the levels far worse than points
 * that random draws of the prior find (below 50): the bolus placed after the samples, the levels explained by a
 * slow elimination. The estimate must be the lower mode the screen and restart reach, and a local minimum.
 */
class MapEstimatorModesTest {
  @Test
  void aSecondModeFarBelowTheFirstIsFound() {
    PopulationModel fromage = Populations.fromage2025().at(Map.of(Populations.INDICATION_GROUP, 0.0));
    Regimen bid = Regimen.of(Formulation.EC_MPS_TABLET_360, Dose.ofMg(720), DosingInterval.everyHours(12));
    SimulationEstimation study = SimulationEstimation.of(fromage, bid, 14, new double[] {1.0 / 3, 1, 3, 4, 6},
        MapEstimationStudyTest.LLOQ, 200, 20_261_202L);
    MapEstimator estimator = study.estimator();
    for (long i : new long[] {41, 58, 118}) {
      SimulationEstimation.Simulated d = study.simulate(i);
      MapEstimate est = estimator.estimate(study.history(), d.samples());
      assertTrue(est.objective() < 20, "subject " + i + ": objective " + est.objective());
      MapEstimatorTest.assertIsLocalMinimum(estimator, study.history(), d.samples(), est);
    }
  }
}
