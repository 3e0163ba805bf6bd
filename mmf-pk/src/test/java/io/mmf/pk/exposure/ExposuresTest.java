package io.mmf.pk.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.condition.Condition;
import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DoseCeiling;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Patient;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.regimen.RegimenCheck;
import io.mmf.core.safety.CoMedication;
import io.mmf.core.source.Sources;
import io.mmf.core.target.AucTarget;
import io.mmf.pk.dosing.DoseEvent;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.model.EmptyingWindows;
import io.mmf.pk.model.Interactions;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Presets;
import io.mmf.pk.model.Window;
import io.mmf.pk.solve.ExactSolver;
import io.mmf.pk.solve.NumericalSolver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExposuresTest {
  private static final ExactSolver EXACT = new ExactSolver();
  private static final ConditionCatalog CATALOG = ConditionCatalog.standard();
  private static final Condition KIDNEY = CATALOG.get("kidney transplant");
  private static final Patient ADULT = Patient.ofAgeYears(50);
  private static final Regimen ONE_GRAM_BID =
      Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1000), DosingInterval.TWICE_DAILY);
  private static final List<Formulation> MMF = List.of(Formulation.MMF_CAPSULE_250, Formulation.MMF_TABLET_500);

  private static DoseCeiling ceiling(Condition c, Patient p) {
    return RegimenCheck.ceiling(c, p, Formulation.MMF_TABLET_500);
  }

  @Test
  void withoutAConditionTheVerdictIsForOrientationOnly() {
    ExposureSummary s = Exposures.summarise(EXACT, Presets.vanHest2005(), ONE_GRAM_BID);
    assertEquals(1000 / 32.5, s.steadyStateAuc12hMgHPerL(), 1e-9);
    assertEquals(AucTarget.Verdict.WITHIN, s.verdict().position());
    assertFalse(s.verdict().isVerdict());
    assertTrue(s.verdict().toString().contains("for orientation"), s.verdict().toString());
    assertTrue(s.firstDoseAucTauMgHPerL() < s.steadyState().aucTauMgHPerL(), "accumulation to steady state");
    assertFalse(s.scaledToTargetInterval());
  }

  @Test
  void conditionTargetsChangeTheVerdict() {
    ExposureSummary kidney = Exposures.summarise(EXACT, Presets.vanHest2005(), ONE_GRAM_BID, KIDNEY);
    assertTrue(kidney.verdict().meetsTarget(), "30.8 is inside 30-60");
    ExposureSummary ln = Exposures.summarise(EXACT, Presets.vanHest2005(), ONE_GRAM_BID,
        AucTarget.of12Hours(35, 45, "lupus nephritis", Sources.VAN_GELDER_2015));
    assertEquals(AucTarget.Verdict.BELOW, ln.verdict().position());
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
  void theFirstDoseAucFollowsTheClockOfMealWindows() {
    // Jiao 2008 with meals at 7.5, 12 and 19 h, first dose at 8 h: the first interval is [8, 20] on the clock.
    PkModel meals = Presets.jiao2008(65.5).withEmptyingWindows(EmptyingWindows.atClockTimes(new Window(7.5, 1),
        new Window(12, 1), new Window(19, 1)));
    ExposureSummary s = Exposures.summarise(EXACT, meals, ONE_GRAM_BID, AucTarget.DEFAULT, 8);
    List<DoseEvent> events = new java.util.ArrayList<>();
    for (int k = 0; k < 14; k++) {
      events.add(DoseEvent.at(8 + 12 * k, Dose.ofMg(1000), Formulation.MMF_TABLET_500));
    }
    DosingSchedule fourteen = DosingSchedule.of(events);
    double numerical = new NumericalSolver().aucMgHPerL(meals, fourteen, 8, 20);
    assertEquals(numerical, s.firstDoseAucTauMgHPerL(), 1e-6 * numerical);
    assertTrue(Math.abs(s.firstDoseAucTauMgHPerL()
        - Exposures.summarise(EXACT, meals, ONE_GRAM_BID, AucTarget.DEFAULT, 0).firstDoseAucTauMgHPerL()) > 0.1,
        "the clock matters for meal windows");
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
    // de Winter 2008 keeps its paper's convention: AUC = 0.936 D / 16; 720 mg -> 42.1. Middle 40 -> 684 mg;
    // 720 is the nearest of 180/360 sums.
    Regimen ec = Regimen.of(Formulation.EC_MPS_TABLET_360, Dose.ofMg(720), DosingInterval.TWICE_DAILY);
    ExposureSummary s = Exposures.summarise(EXACT, Presets.deWinter2008(), ec);
    assertEquals(720 * (320.3 / 342.3) / 16, s.steadyStateAuc12hMgHPerL(), 1e-9);
    DoseRecommendation r = Exposures.doseForTargetMiddle(s,
        List.of(Formulation.EC_MPS_TABLET_180, Formulation.EC_MPS_TABLET_360));
    assertEquals(40 * 16 / (320.3 / 342.3), r.exactDose().mg(), 1e-6);
    assertEquals(720, r.dispensed().dose().mg());
    assertThrows(IllegalArgumentException.class, () -> Exposures.doseForTargetMiddle(s, MMF));
  }

  @Test
  void withinTheTargetTheAdviceIsNoChange() {
    // de Winter 2008, 1 g MMF twice daily: 739/16 = 46.2, inside the kidney 30-60
    ExposureSummary s = Exposures.summarise(EXACT, Presets.deWinter2008(), ONE_GRAM_BID, KIDNEY);
    DoseAdvice a = Exposures.advise(s, MMF, ceiling(KIDNEY, ADULT), List.of());
    assertEquals(DoseAdvice.Kind.NO_CHANGE, a.kind());
    assertFalse(a.changesDose());
    assertTrue(a.text().startsWith("No change") && a.text().contains("For information only"), a.text());
  }

  @Test
  void lowExposureFromAnAntacidAndAPpiIsManagedBeforeAnyDoseChange() {
    // van Hest 1 g twice daily with omeprazole and an antacid: 30.77 x 0.83 x 0.70 = 17.9, below 30-60
    Interactions.Applied applied = Interactions.apply(Presets.vanHest2005(),
        List.of(CoMedication.PROTON_PUMP_INHIBITOR, CoMedication.ANTACID_MG_AL), Formulation.MMF_TABLET_500);
    ExposureSummary s = Exposures.summarise(EXACT, applied.model(), ONE_GRAM_BID, KIDNEY);
    assertEquals(1000 / 32.5 * 0.83 * 0.70, s.steadyStateAuc12hMgHPerL(), 1e-9);
    DoseAdvice a = Exposures.advise(s, MMF, ceiling(KIDNEY, ADULT), applied.applied());
    assertEquals(DoseAdvice.Kind.MANAGE_INTERACTIONS_FIRST, a.kind());
    assertFalse(a.changesDose());
    assertEquals(2, a.managementFirst().size());
    assertTrue(a.text().contains("separate") && a.text().contains("proton-pump inhibitor"), a.text());
    // the dose for 45 would be 2.5 g, above the 1.5 g per administration allowed: the option stays under it
    assertTrue(a.recommendation().orElseThrow().dispensed().dose().mg() <= 1500, a.toString());
  }

  @Test
  void aDoseThatWouldExceedTheCeilingIsCapped() {
    // GFR 20: renal cap 1 g twice daily. van Hest 1 g twice daily (30.8) against 35-45: the dose for 40 is
    // 1300 mg, over the cap, and the regimen is at the cap already.
    ExposureSummary s = Exposures.summarise(EXACT, Presets.vanHest2005(), ONE_GRAM_BID,
        AucTarget.of12Hours(35, 45, "lupus nephritis", Sources.VAN_GELDER_2015));
    DoseAdvice a = Exposures.advise(s, MMF, ceiling(CATALOG.get("LN"), ADULT.withGfr(20)), List.of());
    assertEquals(DoseAdvice.Kind.CAPPED_AT_CEILING, a.kind());
    assertTrue(a.recommendation().isEmpty());
    assertTrue(a.text().contains("1300 mg") && a.text().contains("do not exceed"), a.text());
    // from 750 mg twice daily the highest dose under the cap, 1 g, is offered
    Regimen r750 = ONE_GRAM_BID.withDose(Dose.ofMg(750));
    ExposureSummary s750 = Exposures.summarise(EXACT, Presets.vanHest2005(), r750,
        AucTarget.of12Hours(35, 45, "lupus nephritis", Sources.VAN_GELDER_2015));
    DoseAdvice capped = Exposures.advise(s750, MMF, ceiling(CATALOG.get("LN"), ADULT.withGfr(20)), List.of());
    assertEquals(DoseAdvice.Kind.CAPPED_AT_CEILING, capped.kind());
    assertEquals(1000, capped.recommendation().orElseThrow().dispensed().dose().mg());
    assertTrue(capped.changesDose());
  }

  @Test
  void aboveTheTargetTheDoseIsReduced() {
    // de Winter 2008 at 2 g twice daily: 92.4, above 30-60; the middle 45 -> 974 mg -> 1 g
    ExposureSummary s = Exposures.summarise(EXACT, Presets.deWinter2008(), ONE_GRAM_BID.withDose(Dose.ofMg(1500)),
        KIDNEY);
    DoseAdvice a = Exposures.advise(s, MMF, ceiling(KIDNEY, ADULT), List.of());
    assertEquals(DoseAdvice.Kind.CHANGE_DOSE, a.kind());
    assertEquals(1000, a.recommendation().orElseThrow().dispensed().dose().mg());
    assertTrue(a.text().startsWith("Reduce"), a.text());
  }

  @Test
  void aLowerBoundTargetRoundsUpToReachIt() {
    // heart: AUC0-12 >= 36. van Hest AUC = D / 32.5 -> 36 needs 1170 mg; rounded up to 1250 (38.5)
    Condition heart = CATALOG.get("heart transplant");
    ExposureSummary s = Exposures.summarise(EXACT, Presets.vanHest2005(), ONE_GRAM_BID, heart);
    assertEquals(AucTarget.Verdict.BELOW, s.verdict().position(), s.verdict().toString());
    DoseAdvice a = Exposures.advise(s, MMF, ceiling(heart, ADULT), List.of());
    assertEquals(DoseAdvice.Kind.CHANGE_DOSE, a.kind());
    assertEquals(1250, a.recommendation().orElseThrow().dispensed().dose().mg());
    assertTrue(a.recommendation().get().predictedAuc12hMgHPerL() >= 36);
  }

  @Test
  void noValidatedTargetMeansNoDoseAdvice() {
    Condition pv = CATALOG.get("pemphigus vulgaris");
    ExposureSummary s = Exposures.summarise(EXACT, Presets.vanHest2005(), ONE_GRAM_BID.withDose(Dose.ofMg(250)), pv);
    DoseAdvice a = Exposures.advise(s, MMF, ceiling(pv, ADULT), List.of());
    assertEquals(DoseAdvice.Kind.NO_VALIDATED_TARGET, a.kind());
    assertTrue(a.recommendation().isEmpty());
    assertTrue(a.text().contains("no validated MPA target for Pemphigus vulgaris"), a.text());
  }

  @Test
  void aRegimenAboveTheCeilingIsReducedWhateverItsExposure() {
    // heart, 2 g twice daily: above the label's 1.5 g per administration. van Hest: 2000/32.5 = 61.5, above 36
    Condition heart = CATALOG.get("heart transplant");
    Regimen high = ONE_GRAM_BID.withDose(Dose.ofMg(2000));
    DoseAdvice a = Exposures.advise(Exposures.summarise(EXACT, Presets.vanHest2005(), high, heart), MMF,
        ceiling(heart, ADULT), List.of());
    assertEquals(DoseAdvice.Kind.REDUCE_TO_CEILING, a.kind(), a.text());
    assertTrue(a.changesDose());
    assertTrue(a.text().contains("reduce it to at most 1500 mg"), a.text());
    assertTrue(a.recommendation().orElseThrow().dispensed().dose().mg() <= 1500, a.text());
    // GFR 10 at 1 g three times daily (3 g/day, within the label) is over the renal 2 g/day: reduce, though the
    // exposure (3 x 30.8 = 92 over 24 h, 46 per 12 h) is inside 30-60
    Regimen tid = Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1000), DosingInterval.THREE_TIMES_DAILY);
    ExposureSummary kidney = Exposures.summarise(EXACT, Presets.vanHest2005(), tid, KIDNEY);
    assertEquals(AucTarget.Verdict.WITHIN, kidney.verdict().position(), kidney.verdict().toString());
    DoseAdvice renal = Exposures.advise(kidney, MMF, ceiling(KIDNEY, ADULT.withGfr(10)), List.of());
    assertEquals(DoseAdvice.Kind.REDUCE_TO_CEILING, renal.kind(), renal.text());
    assertTrue(renal.recommendation().orElseThrow().dispensed().dose().mg() <= 2000.0 / 3 + 1e-9, renal.text());
    // the same regimen for an adult with normal renal function: no reduction
    assertEquals(DoseAdvice.Kind.NO_CHANGE, Exposures.advise(kidney, MMF, ceiling(KIDNEY, ADULT), List.of()).kind());
  }

  @Test
  void aboveTheCeilingWithoutASourcedTargetTheReductionStillHolds() {
    Condition pv = CATALOG.get("pemphigus vulgaris");
    ExposureSummary s = Exposures.summarise(EXACT, Presets.vanHest2005(), ONE_GRAM_BID.withDose(Dose.ofMg(5000)), pv);
    DoseAdvice a = Exposures.advise(s, MMF, ceiling(pv, ADULT), List.of());
    assertEquals(DoseAdvice.Kind.REDUCE_TO_CEILING, a.kind(), a.text());
    assertTrue(a.recommendation().isEmpty(), "no exposure-based dose without a sourced target");
    assertTrue(a.text().contains("No exposure-based advice"), a.text());
  }

  @Test
  void insideTheTargetAnOptionAboveTheCeilingIsNotOffered() {
    // GFR 20, 1 g twice daily at the renal cap: van Hest 30.8 is inside a 25-45 window, and the dose for its
    // middle, 35 x 32.5 = 1138 mg, is above the cap
    AucTarget ln = AucTarget.of12Hours(25, 45, "lupus nephritis", Sources.VAN_GELDER_2015);
    ExposureSummary s = Exposures.summarise(EXACT, Presets.vanHest2005(), ONE_GRAM_BID, ln);
    DoseAdvice a = Exposures.advise(s, MMF, ceiling(CATALOG.get("LN"), ADULT.withGfr(20)), List.of());
    assertEquals(DoseAdvice.Kind.NO_CHANGE, a.kind(), a.text());
    assertTrue(a.recommendation().isEmpty(), a.text());
    assertTrue(a.text().contains("would be above"), a.text());
  }

  @Test
  void aHealthyVolunteerModelGivesNoDoseAdvice() {
    Regimen r = ONE_GRAM_BID;
    ExposureSummary s = Exposures.summarise(EXACT, Presets.jiao2008(70), r, KIDNEY);
    DoseAdvice a = Exposures.forModelFittedOn(Exposures.advise(s, MMF, ceiling(KIDNEY, ADULT), List.of()), r,
        io.mmf.pk.population.Populations.JIAO_2008_POPULATION, "Jiao 2008");
    assertEquals(DoseAdvice.Kind.MODEL_NOT_FOR_DOSING, a.kind(), a.text());
    assertFalse(a.changesDose());
    assertTrue(a.recommendation().isEmpty());
    // above the ceiling, the reduction needs no model and stays
    Regimen high = r.withDose(Dose.ofMg(2000));
    DoseAdvice reduce = Exposures.forModelFittedOn(Exposures.advise(
        Exposures.summarise(EXACT, Presets.jiao2008(70), high, KIDNEY), MMF, ceiling(KIDNEY, ADULT), List.of()),
        high, io.mmf.pk.population.Populations.JIAO_2008_POPULATION, "Jiao 2008");
    assertEquals(DoseAdvice.Kind.REDUCE_TO_CEILING, reduce.kind(), reduce.text());
    assertTrue(reduce.recommendation().isEmpty());
  }

  @Test
  void aModelOfOneSteadyStateIntervalGivesNoDoseAdvice() {
    // Fromage 2025: C0 = 2.21 mg/L whatever the dose, so the AUC is not proportional to dose and the
    // dose-exposure line of the advice does not hold; 360 mg EC-MPS twice daily is low (42.2 mg*h/L) against
    // a 50-70 window, and the increase a linear model would advise is withheld
    io.mmf.pk.population.CovariatePopulation fromage = io.mmf.pk.population.Populations.fromage2025();
    PkModel typical = fromage.at(fromage.referenceCovariates()).individual(new double[5]);
    Regimen r = Regimen.of(Formulation.EC_MPS_TABLET_360, Dose.ofMg(360), DosingInterval.TWICE_DAILY);
    AucTarget window = AucTarget.of12Hours(50, 70, "a test window", Sources.VAN_GELDER_2015);
    ExposureSummary s = Exposures.summarise(EXACT, typical, r, window);
    List<Formulation> ec = List.of(Formulation.EC_MPS_TABLET_180, Formulation.EC_MPS_TABLET_360);
    DoseAdvice linear = Exposures.advise(s, ec, RegimenCheck.labelCeiling(Formulation.EC_MPS_TABLET_360), List.of());
    assertTrue(linear.changesDose(), linear.text());
    // what the line predicts at the advised dose is not what the model gives there
    DoseRecommendation rec = linear.recommendation().orElseThrow();
    double model = EXACT.steadyState(typical, rec.dispensed().dose(), Formulation.EC_MPS_TABLET_360,
        DosingInterval.TWICE_DAILY).aucTauMgHPerL();
    assertTrue(rec.predictedAuc12hMgHPerL() > model + 5, rec.predictedAuc12hMgHPerL() + " vs " + model);
    DoseAdvice a = Exposures.forModelFittedOn(linear, r, fromage.fittedOn(), fromage.name());
    assertEquals(DoseAdvice.Kind.MODEL_NOT_FOR_DOSING, a.kind(), a.text());
    assertFalse(a.changesDose());
    assertTrue(a.recommendation().isEmpty());
    assertTrue(a.text().contains("Fromage 2025 describes one steady-state dosing interval only") && a.text()
        .contains("not proportional to dose"), a.text());
  }
}
