package io.mmf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.condition.Condition;
import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.drug.Dispensing;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.drug.MpaEquivalence;
import io.mmf.core.finding.Finding;
import io.mmf.core.monitoring.Analyte;
import io.mmf.core.monitoring.LabFinding;
import io.mmf.core.monitoring.LabResult;
import io.mmf.core.monitoring.LabUnit;
import io.mmf.core.monitoring.MonitoringPlan;
import io.mmf.core.monitoring.MonitoringRules;
import io.mmf.core.monitoring.ScheduledCheck;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Patient;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.regimen.RegimenCheck;
import io.mmf.core.regimen.Titration;
import io.mmf.core.safety.CoMedication;
import io.mmf.core.safety.LabelWarning;
import io.mmf.core.safety.PatientProfile;
import io.mmf.core.safety.RiskFactor;
import io.mmf.core.safety.SafetyReport;
import io.mmf.core.safety.SafetyScreen;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's API tour, line for line, with the results its comments claim. */
class ReadmeTourTest {
  @Test
  void tourRunsAsWritten() {
    Condition dm = ConditionCatalog.standard().get("DM");
    assertEquals("3 g/day", dm.maximumDailyDose().orElseThrow().toString());
    assertEquals("20-60 mg*h/L over 12 h", dm.target().toString());
    assertEquals("seed-003", dm.target().source().id());
    assertFalse(ConditionCatalog.standard().get("PV").target().isSourced());

    LocalDate start = LocalDate.of(2026, 12, 1);
    Regimen regimen = Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1500), DosingInterval.TWICE_DAILY)
        .withTitration(Titration.of(Dose.ofMg(500), Dose.ofMg(500), 7))
        .startingOn(start);

    List<Finding> check = RegimenCheck.check(regimen, dm, Patient.ofAgeYears(54).withGfr(22));
    assertEquals(1, check.size());
    assertTrue(check.get(0).toString().startsWith(
        "WARNING renal-cap -> REDUCE: 3 g/day is above the renal cap of 1 g MMF twice daily at GFR 22"),
        check.toString());

    SafetyReport safety = SafetyScreen.screen(
        PatientProfile.none().with(RiskFactor.CAN_BECOME_PREGNANT).taking(CoMedication.byName("omeprazole")),
        regimen.formulation());
    assertTrue(safety.mayStart());
    // the US and EU pregnancy rules, then every label warning (boxed warnings first)
    assertEquals(List.of("can-become-pregnant", "can-become-pregnant-eu", "label-embryofetal-toxicity"),
        safety.warnings().stream().limit(3).map(Finding::ruleId).toList());
    assertEquals(2 + LabelWarning.values().length - 1, safety.warnings().size());
    assertEquals(1, safety.interactions().size());
    assertTrue(safety.interactions().get(0).message().contains("23-37 %"));
    PatientProfile named = PatientProfile.none().takingByName(List.of("prednisone", "ferrous sulfate", "some new drug"));
    assertEquals(java.util.Set.of("some new drug"), named.unlistedMedications());
    assertEquals(2, named.coMedications().size());

    List<ScheduledCheck> plan = MonitoringPlan.forCondition(dm, true).schedule(start, start.plusYears(1));
    assertTrue(plan.size() > 17);

    List<LabFinding> labs = MonitoringRules.forCondition(dm).evaluate(List.of(
        LabResult.of(start.plusDays(14), Analyte.ABSOLUTE_NEUTROPHIL_COUNT, 1200, LabUnit.PER_MM3)));
    assertTrue(labs.get(0).finding().toString().startsWith(
        "WARNING neutropenia -> INTERRUPT_OR_REDUCE: ANC 1.2 10^9/L < 1.3: "), labs.toString());

    Dose ecMps = MpaEquivalence.CLINICAL.convert(Dose.ofMg(1500), Drug.MYCOPHENOLATE_MOFETIL,
        Drug.MYCOPHENOLATE_SODIUM);
    assertEquals(1080, ecMps.mg(), 1e-9);
    assertEquals("3 x EC-MPS 360 mg delayed-release tablet = 1080 mg",
        Dispensing.nearest(ecMps, List.of(Formulation.EC_MPS_TABLET_180, Formulation.EC_MPS_TABLET_360)).toString());
  }
}
