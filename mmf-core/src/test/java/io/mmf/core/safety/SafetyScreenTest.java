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
import io.mmf.core.source.Sources;
import org.junit.jupiter.api.Test;

class SafetyScreenTest {
  private static final Formulation MMF = Formulation.MMF_TABLET_500;

  @Test
  void emptyProfileMayStartWithNoFindings() {
    SafetyReport r = SafetyScreen.screen(PatientProfile.none(), MMF);
    assertTrue(r.mayStart());
    assertTrue(r.all().isEmpty());
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
      switch (f.kind()) {
        case CONTRAINDICATION -> assertEquals(1, r.contraindications().size(), f.name());
        case WARNING -> assertEquals(1, r.warnings().size(), f.name());
        case INTERACTION -> assertEquals(1, r.interactions().size(), f.name());
        default -> throw new AssertionError();
      }
      assertEquals(1, r.all().size());
    }
    assertEquals(SafetyReport.Kind.CONTRAINDICATION, RiskFactor.BREASTFEEDING.kind());
    assertEquals(SafetyReport.Kind.CONTRAINDICATION, RiskFactor.ACTIVE_SERIOUS_INFECTION.kind());
    assertEquals(SafetyReport.Kind.CONTRAINDICATION, RiskFactor.ACTIVE_MALIGNANCY.kind());
    assertEquals(SafetyReport.Kind.INTERACTION, RiskFactor.PLANNED_LIVE_VACCINE.kind());
    assertEquals(SafetyReport.Kind.WARNING, RiskFactor.HGPRT_DEFICIENCY.kind());
    assertEquals(SafetyReport.Kind.WARNING, RiskFactor.HEPATITIS_B.kind());
    assertEquals(Sources.LABEL_RECALLED, RiskFactor.HGPRT_DEFICIENCY.finding().source());
  }

  @Test
  void pregnantAndPlanningAtOnceIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> PatientProfile.none().with(RiskFactor.PREGNANT, RiskFactor.PLANNING_PREGNANCY));
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
    assertEquals(Sources.KOBAYASHI_2004, r.interactions().get(1).source());
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
}
