package io.mmf.pk.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.monitoring.AucTarget;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.source.Sources;
import io.mmf.pk.model.Presets;
import io.mmf.pk.solve.ExactSolver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExposuresTest {
  private static final ExactSolver EXACT = new ExactSolver();
  private static final Regimen ONE_GRAM_BID =
      Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1000), DosingInterval.TWICE_DAILY);
  private static final List<Formulation> MMF = List.of(Formulation.MMF_CAPSULE_250, Formulation.MMF_TABLET_500);

  @Test
  void vanHestOneGramTwiceDailyIsInsideTheDefaultWindow() {
    ExposureSummary s = Exposures.summarise(EXACT, Presets.vanHest2005(), ONE_GRAM_BID);
    assertEquals(1000 / 32.5, s.steadyStateAuc12hMgHPerL(), 1e-9);
    assertEquals(AucTarget.Verdict.WITHIN, s.verdict());
    assertTrue(s.firstDoseAucTauMgHPerL() < s.steadyState().aucTauMgHPerL(), "accumulation to steady state");
    assertFalse(s.scaledToTargetInterval());
  }

  @Test
  void conditionTargetsChangeTheVerdict() {
    ExposureSummary kidney = Exposures.summarise(EXACT, Presets.vanHest2005(), ONE_GRAM_BID,
        ConditionCatalog.standard().get("kidney transplant"));
    assertEquals(AucTarget.Verdict.WITHIN, kidney.verdict(), "30.8 is inside 30-60");
    ExposureSummary ln = Exposures.summarise(EXACT, Presets.vanHest2005(), ONE_GRAM_BID,
        AucTarget.of12Hours(35, 45, Sources.VAN_GELDER_2015));
    assertEquals(AucTarget.Verdict.BELOW, ln.verdict());
  }

  @Test
  void otherIntervalsAreComparedAsTheirTwelveHourEquivalent() {
    // 1000 mg every 8 h: AUC0-8 = 1000/32.5 = 30.77; over 12 h that is 30.77 x 12/8 = 46.15.
    Regimen q8h = Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1000), DosingInterval.THREE_TIMES_DAILY);
    ExposureSummary s = Exposures.summarise(EXACT, Presets.vanHest2005(), q8h);
    assertEquals(1000 / 32.5 * 12 / 8, s.steadyStateAuc12hMgHPerL(), 1e-9);
    assertTrue(s.scaledToTargetInterval());
  }

  @Test
  void doseForTheMiddleOfTheWindowRoundedToStrengths() {
    // van Hest: AUC = D / 32.5. Middle of 20-60 is 40 -> 1300 mg; with 250/500 mg forms 1250 mg is nearest,
    // giving 1250/32.5 = 38.46 mg*h/L.
    ExposureSummary s = Exposures.summarise(EXACT, Presets.vanHest2005(), ONE_GRAM_BID);
    DoseRecommendation r = Exposures.doseForTargetMiddle(s, MMF);
    assertEquals(1300, r.exactDose().mg(), 1e-6);
    assertEquals(1250, r.dispensed().dose().mg());
    assertEquals(Map.of(Formulation.MMF_TABLET_500, 2, Formulation.MMF_CAPSULE_250, 1), r.dispensed().units());
    assertEquals(1250 / 32.5, r.predictedAuc12hMgHPerL(), 1e-9);
    assertEquals(AucTarget.Verdict.WITHIN, r.verdict());
  }

  @Test
  void ecMpsDoseFinderUsesEcMpsStrengths() {
    // de Winter 2008: EC-MPS AUC = 0.936 D / 16; 720 mg -> 42.1. Middle 40 -> 684 mg; 720 is nearest of 180/360 sums.
    Regimen ec = Regimen.of(Formulation.EC_MPS_TABLET_360, Dose.ofMg(720), DosingInterval.TWICE_DAILY);
    ExposureSummary s = Exposures.summarise(EXACT, Presets.deWinter2008(), ec);
    DoseRecommendation r = Exposures.doseForTargetMiddle(s,
        List.of(Formulation.EC_MPS_TABLET_180, Formulation.EC_MPS_TABLET_360));
    assertEquals(40 * 16 / (320.3 / 342.3), r.exactDose().mg(), 1e-6);
    assertEquals(720, r.dispensed().dose().mg());
    assertThrows(IllegalArgumentException.class, () -> Exposures.doseForTargetMiddle(s, MMF));
  }
}
