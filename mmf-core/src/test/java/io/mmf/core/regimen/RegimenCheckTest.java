package io.mmf.core.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.condition.Category;
import io.mmf.core.condition.Condition;
import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.condition.DailyDoseLimit;
import io.mmf.core.condition.Evidence;
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
  void aConditionMaximumAtTheLabelsIsReportedAsTheLabels() {
    // dermatomyositis: 3 g/day from seed 003, the label's own maximum: one finding, citing the label
    assertFalse(ids(RegimenCheck.check(bid(1500), DM, ADULT)).contains("over-label-maximum"));
    List<Finding> over = RegimenCheck.check(bid(1550), DM, ADULT);
    Finding f = over.get(0);
    assertEquals("over-label-maximum", f.ruleId());
    assertEquals(Action.REDUCE, f.action());
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("label", f.source().id());
    assertTrue(f.message().contains("3.1 g/day"), f.message());
    assertFalse(ids(over).contains("over-condition-maximum"));
  }

  @Test
  void aConditionMaximumBelowTheLabelsIsReportedOnBothSidesOfIt() {
    Condition capped = Condition.builder("capped", "Capped").category(Category.DERMATOLOGY)
        .evidence(Evidence.STUDIED_IN_TRIALS, "test").maximumDailyDose(new DailyDoseLimit(2000, Sources.SEED_003))
        .sources(Sources.SEED_003).build();
    assertFalse(ids(RegimenCheck.check(bid(1000), capped, ADULT)).contains("over-condition-maximum"));
    List<Finding> over = RegimenCheck.check(bid(1050), capped, ADULT);
    assertEquals("over-condition-maximum", over.get(0).ruleId());
    assertEquals(Severity.WARNING, over.get(0).severity());
    assertEquals(Sources.SEED_003, over.get(0).source());
    assertTrue(over.get(0).message().contains("2.1 g/day"), over.get(0).message());
    assertFalse(ids(over).contains("over-label-maximum"));
    // above both: both are reported, the condition's and the label's
    assertTrue(ids(RegimenCheck.check(bid(1550), capped, ADULT)).containsAll(
        List.of("over-condition-maximum", "over-label-maximum")));
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
    assertEquals(List.of("over-label-maximum", "over-single-administration", "renal-cap"), ids(findings));
    for (int i = 1; i < findings.size(); i++) {
      assertTrue(findings.get(i - 1).severity().compareTo(findings.get(i).severity()) >= 0);
    }
  }

  @Test
  void conditionWithoutDosesGivesNoDoseFindingsWithinTheLabel() {
    assertTrue(RegimenCheck.check(bid(1000), CATALOG.get("LEMS"), ADULT).isEmpty());
    assertTrue(RegimenCheck.check(bid(1500), CATALOG.get("LEMS"), ADULT).isEmpty());
  }

  @Test
  void theLabelMaximumAppliesToEveryCondition() {
    // pemphigus 5 g twice daily (10 g/day): a WARNING, not an INFO line; Lambert-Eaton 3 g twice daily too.
    Finding pv = RegimenCheck.check(bid(5000), CATALOG.get("pemphigus-vulgaris"), ADULT).get(0);
    assertEquals("over-label-maximum", pv.ruleId());
    assertEquals(Severity.WARNING, pv.severity());
    assertTrue(pv.message().contains("10 g/day"), pv.message());
    assertTrue(ids(RegimenCheck.check(bid(3000), CATALOG.get("LEMS"), ADULT)).contains("over-label-maximum"));
    assertFalse(ids(RegimenCheck.check(bid(1500), CATALOG.get("LEMS"), ADULT)).contains("over-label-maximum"));
    assertTrue(ids(RegimenCheck.check(bid(1550), CATALOG.get("LEMS"), ADULT)).contains("over-label-maximum"));
    // DM has its own 3 g/day maximum, the label's: reported once, as the label's
    assertTrue(ids(RegimenCheck.check(bid(1550), DM, ADULT)).contains("over-label-maximum"));
    assertFalse(ids(RegimenCheck.check(bid(1550), DM, ADULT)).contains("over-condition-maximum"));
  }

  @Test
  void ecMpsIsCheckedAgainstTheMyforticLabel() {
    Regimen ec720 = Regimen.of(Formulation.EC_MPS_TABLET_360, Dose.ofMg(720), DosingInterval.TWICE_DAILY);
    Regimen ec900 = Regimen.of(Formulation.EC_MPS_TABLET_180, Dose.ofMg(900), DosingInterval.TWICE_DAILY);
    Condition lems = CATALOG.get("LEMS");
    assertFalse(ids(RegimenCheck.check(ec720, lems, ADULT)).contains("over-label-maximum"));
    List<Finding> over = RegimenCheck.check(ec900, lems, ADULT);
    assertTrue(ids(over).contains("over-label-maximum"));
    assertTrue(ids(over).contains("over-single-administration"));
    assertEquals(Sources.MYFORTIC_LABEL, over.get(0).source());
  }

  @Test
  void oneAdministrationAboveOnePointFiveGrams() {
    Regimen once = Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(2000), DosingInterval.ONCE_DAILY);
    List<Finding> f = RegimenCheck.check(once, CATALOG.get("LN"), ADULT);
    assertTrue(ids(f).contains("over-single-administration"));
    assertTrue(ids(f).contains("non-standard-interval"), "seed 000: lupus nephritis doses divided into two");
    assertFalse(ids(RegimenCheck.check(bid(1500), KIDNEY, ADULT)).contains("over-single-administration"));
    Regimen once1500 = Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1500), DosingInterval.ONCE_DAILY);
    Regimen once1510 = once1500.withDose(Dose.ofMg(1510));
    assertFalse(ids(RegimenCheck.check(once1500, KIDNEY, ADULT)).contains("over-single-administration"));
    assertTrue(ids(RegimenCheck.check(once1510, KIDNEY, ADULT)).contains("over-single-administration"));
    assertFalse(ids(RegimenCheck.check(bid(1500), KIDNEY, ADULT)).contains("non-standard-interval"));
  }

  @Test
  void severeRenalImpairmentAlwaysGivesAFinding() {
    // GFR 5 at 1 g twice daily: within the cap, but never silent
    Finding f = RegimenCheck.check(bid(1000), DM, ADULT.withGfr(5)).get(0);
    assertEquals("renal-severe-impairment", f.ruleId());
    assertEquals(Action.MONITOR, f.action());
    assertTrue(f.message().contains("MPAG"), f.message());
    assertFalse(ids(RegimenCheck.check(bid(1000), DM, ADULT.withGfr(25))).contains("renal-severe-impairment"));
    assertTrue(ids(RegimenCheck.check(bid(1000), DM, ADULT.withGfr(24.9))).contains("renal-severe-impairment"));
    assertEquals("renal-post-transplant", RegimenCheck.check(bid(1500), KIDNEY,
        ADULT.withGfr(10).withImmediatePostTransplant(true)).get(0).ruleId());
  }

  @Test
  void childrenGetPaediatricLimitsWhateverTheCondition() {
    // a 9-year-old with JDM, BSA 1.2 m2, on 1.5 g twice daily: 1250 mg/m2 per dose and 3 g/day
    Patient child = Patient.ofAgeYears(9).withBodySurfaceAreaM2(1.2);
    Regimen suspension = Regimen.of(Formulation.MMF_ORAL_SUSPENSION, Dose.ofMg(1500), DosingInterval.TWICE_DAILY);
    List<Finding> f = RegimenCheck.check(suspension, CATALOG.get("JDM"), child);
    assertTrue(ids(f).contains("pediatric-mg-per-m2"), ids(f).toString());
    assertTrue(ids(f).contains("pediatric-daily-maximum"), ids(f).toString());
    Finding perM2 = f.stream().filter(x -> x.ruleId().equals("pediatric-mg-per-m2")).findFirst().orElseThrow();
    assertTrue(perM2.message().contains("1250 mg/m2") && perM2.message().contains("no paediatric dose of its own"),
        perM2.message());
    assertEquals(Severity.WARNING, perM2.severity());
    // 720 mg twice daily at BSA 1.2 = 600 mg/m2: within; no adult usual-range lines for a child
    List<Finding> ok = RegimenCheck.check(suspension.withDose(Dose.ofMg(720)), CATALOG.get("JDM"), child);
    assertTrue(ok.isEmpty(), ok.toString());
    assertTrue(RegimenCheck.check(suspension.withDose(Dose.ofMg(720)), CATALOG.get("PV"), child).isEmpty(),
        "no 'below the usual 1-2 g/day' for a child");
    Regimen capsules = Regimen.of(Formulation.MMF_CAPSULE_250, Dose.ofMg(750), DosingInterval.TWICE_DAILY);
    assertTrue(ids(RegimenCheck.check(capsules, CATALOG.get("JDM"), child)).contains("pediatric-capsule-bsa"));
  }

  @Test
  void childrenOnEcMpsFollowTheMyforticLabel() {
    Regimen ec = Regimen.of(Formulation.EC_MPS_TABLET_180, Dose.ofMg(540), DosingInterval.TWICE_DAILY);
    // 400 mg/m2 at BSA 1.35 = 540 mg: within; at BSA 1.3 it is 415 mg/m2: over
    assertTrue(RegimenCheck.check(ec, KIDNEY, Patient.ofAgeYears(12).withBodySurfaceAreaM2(1.35)).isEmpty());
    assertTrue(ids(RegimenCheck.check(ec, KIDNEY, Patient.ofAgeYears(12).withBodySurfaceAreaM2(1.3)))
        .contains("pediatric-mg-per-m2"));
    assertTrue(ids(RegimenCheck.check(ec.withDose(Dose.ofMg(360)), KIDNEY,
        Patient.ofAgeYears(12).withBodySurfaceAreaM2(1.18))).contains("pediatric-ec-mps-bsa"));
    assertFalse(ids(RegimenCheck.check(ec.withDose(Dose.ofMg(360)), KIDNEY,
        Patient.ofAgeYears(12).withBodySurfaceAreaM2(1.19))).contains("pediatric-ec-mps-bsa"));
    assertTrue(ids(RegimenCheck.check(ec, KIDNEY, Patient.ofAgeYears(4).withBodySurfaceAreaM2(1.4)))
        .contains("pediatric-too-young"), "Myfortic: from 5 years");
    assertFalse(ids(RegimenCheck.check(ec, KIDNEY, Patient.ofAgeYears(5).withBodySurfaceAreaM2(1.4)))
        .contains("pediatric-too-young"));
  }

  @Test
  void hepaticImpairmentIsReported() {
    assertTrue(ids(RegimenCheck.check(bid(1000), DM, ADULT.withHepaticImpairment(true))).contains("hepatic-impairment"));
    assertFalse(ids(RegimenCheck.check(bid(1000), DM, ADULT)).contains("hepatic-impairment"));
  }

  @Test
  void theCeilingIsTheLowestLimit() {
    // DM (3 g/day), GFR 20 (2 g/day): 1 g per administration twice daily, from the renal cap
    DoseCeiling c = RegimenCheck.ceiling(DM, ADULT.withGfr(20), Formulation.MMF_TABLET_500);
    assertEquals(1000, c.maxMgPerAdministration(DosingInterval.TWICE_DAILY), 1e-9);
    assertEquals("renal-cap", c.binding(DosingInterval.TWICE_DAILY).ruleId());
    // once daily: 1.5 g, the single-administration limit, binds before 2 g/day
    assertEquals(1500, c.maxMgPerAdministration(DosingInterval.ONCE_DAILY), 1e-9);
    // a child with BSA 1.2: 600 x 1.2 = 720 mg per dose
    assertEquals(720, RegimenCheck.ceiling(CATALOG.get("JDM"), Patient.ofAgeYears(9).withBodySurfaceAreaM2(1.2),
        Formulation.MMF_ORAL_SUSPENSION).maxMgPerAdministration(DosingInterval.TWICE_DAILY), 1e-9);
    // EC-MPS adult: 720 mg
    assertEquals(720, RegimenCheck.ceiling(CATALOG.get("LEMS"), ADULT, Formulation.EC_MPS_TABLET_360)
        .maxMgPerAdministration(DosingInterval.TWICE_DAILY), 1e-9);
  }
}
