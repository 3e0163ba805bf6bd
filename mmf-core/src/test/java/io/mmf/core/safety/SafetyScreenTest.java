package io.mmf.core.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.UnknownNameException;
import io.mmf.core.drug.Formulation;
import io.mmf.core.finding.Action;
import io.mmf.core.finding.Finding;
import io.mmf.core.finding.Severity;
import io.mmf.core.source.Source;
import io.mmf.core.source.Sources;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafetyScreenTest {
  private static final Formulation MMF = Formulation.MMF_TABLET_500;

  private static final int ORAL_LABEL_WARNINGS = LabelWarning.values().length - 1;

  @Test
  void emptyProfileMayStartButStillGetsEveryLabelWarning() {
    SafetyReport r = SafetyScreen.screen(PatientProfile.none(), MMF);
    assertTrue(r.mayStart());
    assertTrue(r.contraindications().isEmpty());
    assertTrue(r.interactions().isEmpty());
    List<String> ids = r.warnings().stream().map(Finding::ruleId).toList();
    for (String id : List.of("label-embryofetal-toxicity", "label-malignancy", "label-serious-infections",
        "label-pml", "label-bk-virus-nephropathy", "label-cmv", "label-blood-dyscrasias", "label-infection-screening",
        "label-male-patients", "label-blood-donation", "label-immunizations")) {
      assertTrue(ids.contains(id), id + " missing from " + ids);
    }
    assertEquals(ORAL_LABEL_WARNINGS, r.warnings().size());
    assertFalse(ids.contains("label-phenylketonuria"), "aspartame: the suspension only");
    assertTrue(SafetyScreen.screen(PatientProfile.none(), Formulation.MMF_ORAL_SUSPENSION).warnings().stream()
        .anyMatch(f -> f.ruleId().equals("label-phenylketonuria")));
  }

  @Test
  void boxedWarningsComeFirstWithTheirLabelSections() {
    List<Finding> w = SafetyScreen.screen(PatientProfile.none(), MMF).warnings();
    assertEquals(Severity.WARNING, w.get(0).severity());
    Finding malignancy = w.stream().filter(f -> f.ruleId().equals("label-malignancy")).findFirst().orElseThrow();
    assertEquals("boxed warning, 5.2", malignancy.source().locator());
    assertEquals(Source.Verification.READ, malignancy.source().verification());
    assertTrue(malignancy.message().contains("sunscreen"), malignancy.message());
    Finding male = w.stream().filter(f -> f.ruleId().equals("label-male-patients")).findFirst().orElseThrow();
    assertTrue(male.message().contains("90 days") && male.message().contains("semen"), male.message());
  }

  @Test
  void unlistedDrugsAreFindingsNotErrors() {
    PatientProfile p = PatientProfile.none().takingByName(List.of("omeprazole", "zzz-unknown-drug", " Prednisone "));
    assertEquals(java.util.Set.of(CoMedication.PROTON_PUMP_INHIBITOR, CoMedication.CORTICOSTEROID), p.coMedications());
    assertEquals(java.util.Set.of("zzz-unknown-drug"), p.unlistedMedications());
    SafetyReport r = SafetyScreen.screen(p, MMF);
    Finding unlisted = r.interactions().stream().filter(f -> f.ruleId().equals("interaction-unlisted"))
        .findFirst().orElseThrow();
    assertEquals(Action.REFER, unlisted.action());
    assertTrue(unlisted.message().contains("'zzz-unknown-drug'"), unlisted.message());
    assertThrows(IllegalArgumentException.class, () -> PatientProfile.none().takingByName(List.of(" ")));
    IllegalArgumentException control = assertThrows(IllegalArgumentException.class,
        () -> PatientProfile.none().takingByName(List.of("x\u001b]0;pwned\u0007y")));
    assertTrue(control.getMessage().contains("x?]0;pwned?y"), control.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new PatientProfile(java.util.Set.of(), java.util.Set.of(), java.util.Set.of("x".repeat(201))));
  }

  @Test
  void commonCoMedicationsOfMmfPatientsAreListed() {
    for (String name : List.of("prednisone", "tacrolimus", "hydroxychloroquine", "rituximab", "belimumab",
        "voclosporin", "IVIG", "calcium carbonate", "ferrous sulfate", "metronidazole", "levofloxacin",
        "ciprofloxacin", "aciclovir", "ganciclovir", "valganciclovir", "telmisartan", "sirolimus", "belatacept",
        "isavuconazole", "probenecid", "co-trimoxazole", "cyclophosphamide")) {
      assertTrue(CoMedication.find(name).isPresent(), name);
    }
    for (CoMedication c : CoMedication.values()) {
      Finding f = c.finding();
      // every entry either gives a size, says it is not quantified, or is a flat "do not give"
      assertTrue(f.message().matches(".*\\d.*") || f.message().contains("not quantified")
          || f.message().contains("do not give"), c + ": a size or 'not quantified': " + f.message());
    }
  }

  @Test
  void antacidOnEcMpsUsesTheMyforticFigures() {
    PatientProfile antacid = PatientProfile.none().taking(CoMedication.ANTACID_MG_AL);
    Finding mmf = SafetyScreen.screen(antacid, MMF).interactions().get(0);
    assertTrue(mmf.message().contains("17 %") && mmf.message().contains("33 %"), mmf.message());
    Finding ec = SafetyScreen.screen(antacid, Formulation.EC_MPS_TABLET_360).interactions().get(0);
    assertTrue(ec.message().contains("37 %") && ec.message().contains("25 %"), ec.message());
    assertEquals(Sources.MYFORTIC_PI_INTERACTIONS, ec.source());
  }

  @Test
  void pregnancyIsAContraindication() {
    SafetyReport r = SafetyScreen.screen(PatientProfile.none().with(RiskFactor.PREGNANT), MMF);
    assertFalse(r.mayStart());
    Finding f = r.contraindications().get(0);
    assertEquals("pregnant", f.ruleId());
    assertEquals(Severity.CONTRAINDICATED, f.severity());
    assertEquals(Action.DO_NOT_START, f.action());
  }

  @Test
  void eachRiskFactorLandsInItsList() {
    for (RiskFactor f : RiskFactor.values()) {
      if (f == RiskFactor.PLANNING_PREGNANCY) {
        continue;
      }
      SafetyReport r = SafetyScreen.screen(PatientProfile.none().with(f), MMF);
      int own = f.findings().size();
      switch (f.kind()) {
        case CONTRAINDICATION -> assertEquals(own, r.contraindications().size(), f.name());
        case WARNING -> assertEquals(own + ORAL_LABEL_WARNINGS, r.warnings().size(), f.name());
        case INTERACTION -> assertEquals(own, r.interactions().size(), f.name());
        default -> throw new AssertionError();
      }
      assertEquals(own + ORAL_LABEL_WARNINGS, r.all().size());
    }
    assertEquals(2, RiskFactor.CAN_BECOME_PREGNANT.findings().size(), "US and EU rules differ: both reported");
    assertEquals(SafetyReport.Kind.CONTRAINDICATION, RiskFactor.BREASTFEEDING.kind());
    assertEquals(SafetyReport.Kind.CONTRAINDICATION, RiskFactor.ACTIVE_SERIOUS_INFECTION.kind());
    assertEquals(SafetyReport.Kind.CONTRAINDICATION, RiskFactor.ACTIVE_MALIGNANCY.kind());
    assertEquals(SafetyReport.Kind.INTERACTION, RiskFactor.PLANNED_LIVE_VACCINE.kind());
    assertEquals(SafetyReport.Kind.WARNING, RiskFactor.HGPRT_DEFICIENCY.kind());
    assertEquals(SafetyReport.Kind.WARNING, RiskFactor.HEPATITIS_B.kind());
    assertEquals(Sources.LABEL, RiskFactor.HGPRT_DEFICIENCY.finding().source());
  }

  @Test
  void onePregnancyStatusAtATime() {
    assertThrows(IllegalArgumentException.class,
        () -> PatientProfile.none().with(RiskFactor.PREGNANT, RiskFactor.PLANNING_PREGNANCY));
    assertThrows(IllegalArgumentException.class,
        () -> PatientProfile.none().with(RiskFactor.CAN_BECOME_PREGNANT, RiskFactor.PREGNANCY_STATUS_UNKNOWN));
    assertTrue(PatientProfile.none().with(RiskFactor.PREGNANT, RiskFactor.BREASTFEEDING).riskFactors().size() == 2);
  }

  @Test
  void planningAPregnancyMeansStoppingSixWeeksAhead() {
    Finding f = RiskFactor.PLANNING_PREGNANCY.finding();
    assertTrue(f.message().contains("6 weeks before conception") && f.message().contains("azathioprine"), f.message());
    assertEquals(Sources.BSR_PREGNANCY_2022, f.source());
  }

  @Test
  void interactionsWithSeverityAndSource() {
    SafetyReport r = SafetyScreen.screen(PatientProfile.none()
        .taking(CoMedication.byName("cholestyramine"), CoMedication.byName("ciclosporin")), MMF);
    assertTrue(r.mayStart());
    assertEquals(2, r.interactions().size());
    Finding first = r.interactions().get(0);
    assertEquals("interaction-bile-acid-sequestrant", first.ruleId());
    assertEquals(Action.AVOID_COMBINATION, first.action());
    assertTrue(first.message().contains("40 %"));
    assertEquals(Sources.MMF_PI_INTERACTIONS, r.interactions().get(1).source());
  }

  @Test
  void protonPumpInhibitorsMatterForMmfOnly() {
    PatientProfile ppi = PatientProfile.none().taking(CoMedication.byName("pantoprazole"));
    assertEquals(Severity.CAUTION, SafetyScreen.screen(ppi, MMF).interactions().get(0).severity());
    Finding ec = SafetyScreen.screen(ppi, Formulation.EC_MPS_TABLET_360).interactions().get(0);
    assertEquals(Severity.INFO, ec.severity());
    assertEquals(Action.CONTINUE, ec.action());
  }

  @Test
  void coMedicationLookup() {
    assertEquals(CoMedication.CYCLOSPORINE, CoMedication.byName("Cyclosporine"));
    assertEquals(CoMedication.CYCLOSPORINE, CoMedication.byName("CsA"));
    assertEquals(CoMedication.TACROLIMUS, CoMedication.byName("Prograf"));
    assertEquals(CoMedication.PROTON_PUMP_INHIBITOR, CoMedication.byName("omeprazole"));
    assertEquals(CoMedication.RIFAMPIN, CoMedication.byName("rifampicin"));
    UnknownNameException e = assertThrows(UnknownNameException.class, () -> CoMedication.byName("omeprazol"));
    assertTrue(e.suggestions().contains("omeprazole"), e.getMessage());
  }

  @Test
  void eachNameCarriesOnlyItsOwnDrugsFigures() {
    // lanthanum is not sevelamer: no figure of sevelamer's for it
    assertEquals(CoMedication.LANTHANUM, CoMedication.byName("Fosrenol"));
    assertFalse(CoMedication.LANTHANUM.finding().message().contains("26 %"));
    assertTrue(CoMedication.SEVELAMER.finding().message().contains("26 %"));
    // norfloxacin alone is not "as ciprofloxacin": its own entry; the combination is another
    assertEquals(CoMedication.NORFLOXACIN, CoMedication.byName("norfloxacin"));
    assertEquals(CoMedication.NORFLOXACIN_WITH_METRONIDAZOLE, CoMedication.byName("norfloxacin and metronidazole"));
    assertEquals(CoMedication.OTHER_FLUOROQUINOLONE, CoMedication.byName("levofloxacin"));
    // anifrolumab blocks the type I interferon receptor, not B cells: not listed, so a finding to check by hand
    assertTrue(CoMedication.find("anifrolumab").isEmpty());
    assertEquals(CoMedication.B_CELL_BIOLOGIC, CoMedication.byName("obinutuzumab"));
    // the PPI range is the studies', cited to the review that tabulates them
    Finding ppi = CoMedication.PROTON_PUMP_INHIBITOR.finding();
    assertTrue(ppi.message().contains("23-37 %"), ppi.message());
    assertEquals(Sources.MPA_INTERACTION_REVIEW, ppi.source());
  }

  @Test
  void warningContentsNotReadInTheLabelSayHowTheyWereRead() {
    for (Finding w : SafetyScreen.screen(PatientProfile.none(), MMF).warnings()) {
      if (List.of("5.4", "5.5", "5.7").contains(w.source().locator())) {
        assertEquals(Source.Verification.READ_SECONDARY, w.source().verification(), w.ruleId());
      }
    }
    assertEquals(Source.Verification.READ_SECONDARY, LabelWarning.GASTROINTESTINAL_COMPLICATIONS.finding().source()
        .verification());
  }
}
