package io.mmf.core.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.condition.Condition;
import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.finding.Action;
import io.mmf.core.finding.Finding;
import io.mmf.core.finding.Severity;
import io.mmf.core.source.Sources;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegimenCheckTest {
  private static final ConditionCatalog CATALOG = ConditionCatalog.standard();
  private static final Condition DM = CATALOG.get("dermatomyositis");
  private static final Condition KIDNEY = CATALOG.get("kidney-transplant");
  private static final Patient ADULT = Patient.ofAgeYears(50);

  private static Regimen bid(double mg) {
    return Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(mg), DosingInterval.TWICE_DAILY);
  }

  private static List<String> ids(List<Finding> findings) {
    return findings.stream().map(Finding::ruleId).toList();
  }

  @Test
  void conditionMaximumThreeGramsPerDay() {
    assertFalse(ids(RegimenCheck.check(bid(1450), DM, ADULT)).contains("over-condition-maximum"));
    assertFalse(ids(RegimenCheck.check(bid(1500), DM, ADULT)).contains("over-condition-maximum"));
    List<Finding> over = RegimenCheck.check(bid(1550), DM, ADULT);
    Finding f = over.get(0);
    assertEquals("over-condition-maximum", f.ruleId());
    assertEquals(Action.REDUCE, f.action());
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(Sources.SEED_003, f.source());
    assertTrue(f.message().contains("3.1 g/day"), f.message());
  }

  @Test
  void renalCapBelowGfr25() {
    assertTrue(ids(RegimenCheck.check(bid(1500), DM, ADULT.withGfr(24.9))).contains("renal-cap"));
    assertFalse(ids(RegimenCheck.check(bid(1500), DM, ADULT.withGfr(25))).contains("renal-cap"));
    assertFalse(ids(RegimenCheck.check(bid(1000), DM, ADULT.withGfr(10))).contains("renal-cap"));
    assertTrue(ids(RegimenCheck.check(bid(1050), DM, ADULT.withGfr(10))).contains("renal-cap"));
    assertFalse(ids(RegimenCheck.check(bid(1500), KIDNEY,
        ADULT.withGfr(10).withImmediatePostTransplant(true))).contains("renal-cap"));
    assertFalse(ids(RegimenCheck.check(bid(1500), DM, ADULT)).contains("renal-cap"), "GFR unknown: no cap");
  }

  @Test
  void renalCapComparesEcMpsAsMmfEquivalent() {
    // 720 mg EC-MPS twice daily = 2 g MMF per day: at the cap, not over it; 900 mg = 2.5 g is over.
    Regimen ec720 = Regimen.of(Formulation.EC_MPS_TABLET_360, Dose.ofMg(720), DosingInterval.TWICE_DAILY);
    Regimen ec900 = Regimen.of(Formulation.EC_MPS_TABLET_180, Dose.ofMg(900), DosingInterval.TWICE_DAILY);
    assertFalse(ids(RegimenCheck.check(ec720, DM, ADULT.withGfr(20))).contains("renal-cap"));
    assertTrue(ids(RegimenCheck.check(ec900, DM, ADULT.withGfr(20))).contains("renal-cap"));
  }

  @Test
  void pediatricMgPerM2Limit() {
    Patient child = Patient.ofAgeYears(10).withBodySurfaceAreaM2(1.0);
    Regimen suspension600 = Regimen.of(Formulation.MMF_ORAL_SUSPENSION, Dose.ofMg(600), DosingInterval.TWICE_DAILY);
    Regimen suspension610 = suspension600.withDose(Dose.ofMg(610));
    assertTrue(RegimenCheck.check(suspension600, KIDNEY, child).stream()
        .noneMatch(f -> f.ruleId().startsWith("pediatric")));
    Finding f = RegimenCheck.check(suspension610, KIDNEY, child).stream()
        .filter(x -> x.ruleId().equals("pediatric-mg-per-m2")).findFirst().orElseThrow();
    assertEquals(Sources.LABEL, f.source());
    assertTrue(f.message().contains("610 mg/m2"), f.message());
    // heart and liver allow up to 900 mg/m2 per dose
    assertTrue(RegimenCheck.check(suspension610, CATALOG.get("heart-transplant"), child).stream()
        .noneMatch(x -> x.ruleId().equals("pediatric-mg-per-m2")));
  }

  @Test
  void pediatricDailyMaximumTwoGrams() {
    Patient bigChild = Patient.ofAgeYears(15).withBodySurfaceAreaM2(2.0);
    assertFalse(ids(RegimenCheck.check(bid(1000), KIDNEY, bigChild)).contains("pediatric-daily-maximum"));
    assertTrue(ids(RegimenCheck.check(bid(1050), KIDNEY, bigChild)).contains("pediatric-daily-maximum"));
    Patient adult = Patient.ofAgeYears(18).withBodySurfaceAreaM2(2.0);
    assertFalse(ids(RegimenCheck.check(bid(1050), KIDNEY, adult)).contains("pediatric-daily-maximum"));
  }

  @Test
  void pediatricBsaUnknownAndTooYoung() {
    assertTrue(ids(RegimenCheck.check(bid(500), KIDNEY, Patient.ofAgeYears(8))).contains("pediatric-bsa-unknown"));
    Patient infant = Patient.ofAgeYears(0.2).withBodySurfaceAreaM2(0.3);
    assertTrue(ids(RegimenCheck.check(bid(100), KIDNEY, infant)).contains("pediatric-too-young"));
    Patient older = Patient.ofAgeYears(0.25).withBodySurfaceAreaM2(0.3);
    assertFalse(ids(RegimenCheck.check(bid(100), KIDNEY, older)).contains("pediatric-too-young"));
  }

  @Test
  void pediatricFormulationBsaBands() {
    Regimen capsules = Regimen.of(Formulation.MMF_CAPSULE_250, Dose.ofMg(750), DosingInterval.TWICE_DAILY);
    assertTrue(ids(RegimenCheck.check(capsules, KIDNEY, Patient.ofAgeYears(12).withBodySurfaceAreaM2(1.24)))
        .contains("pediatric-capsule-bsa"));
    assertFalse(ids(RegimenCheck.check(capsules, KIDNEY, Patient.ofAgeYears(12).withBodySurfaceAreaM2(1.25)))
        .contains("pediatric-capsule-bsa"));
    assertTrue(ids(RegimenCheck.check(bid(1000), KIDNEY, Patient.ofAgeYears(12).withBodySurfaceAreaM2(1.5)))
        .contains("pediatric-tablet-bsa"));
    assertFalse(ids(RegimenCheck.check(bid(1000), KIDNEY, Patient.ofAgeYears(12).withBodySurfaceAreaM2(1.7)))
        .contains("pediatric-tablet-bsa"));
  }

  @Test
  void belowAdequateDoseTwoGramsPerDay() {
    assertFalse(ids(RegimenCheck.check(bid(1000), DM, ADULT)).contains("below-adequate-dose"));
    List<Finding> low = RegimenCheck.check(bid(950), DM, ADULT);
    assertTrue(ids(low).contains("below-adequate-dose"));
    assertTrue(ids(low).contains("below-usual-range"));
    Regimen ec540 = Regimen.of(Formulation.EC_MPS_TABLET_180, Dose.ofMg(540), DosingInterval.TWICE_DAILY);
    assertTrue(ids(RegimenCheck.check(ec540, DM, ADULT)).contains("below-adequate-dose"));
  }

  @Test
  void usualRangeIsInformationOnly() {
    Condition pv = CATALOG.get("PV");
    assertTrue(RegimenCheck.check(bid(1000), pv, ADULT).isEmpty(), "2 g/day: top of the usual 1-2 g/day");
    Finding above = RegimenCheck.check(bid(1050), pv, ADULT).get(0);
    assertEquals("above-usual-range", above.ruleId());
    assertEquals(Severity.INFO, above.severity());
    assertEquals("below-usual-range", RegimenCheck.check(bid(450), pv, ADULT).get(0).ruleId());
    assertTrue(RegimenCheck.check(bid(500), pv, ADULT).isEmpty(), "1 g/day: bottom of the usual range");
    // over the maximum is reported as such, not also as above the usual range
    assertFalse(ids(RegimenCheck.check(bid(1600), DM, ADULT)).contains("above-usual-range"));
  }

  @Test
  void findingsComeMostSevereFirstAndAllAtOnce() {
    Patient p = Patient.ofAgeYears(60).withGfr(15);
    List<Finding> findings = RegimenCheck.check(bid(1600), DM, p);
    assertEquals(List.of("over-condition-maximum", "renal-cap"), ids(findings));
    for (int i = 1; i < findings.size(); i++) {
      assertTrue(findings.get(i - 1).severity().compareTo(findings.get(i).severity()) >= 0);
    }
  }

  @Test
  void conditionWithoutDosesGivesNoDoseFindings() {
    assertTrue(RegimenCheck.check(bid(1000), CATALOG.get("LEMS"), ADULT).isEmpty());
  }
}
