package io.mmf.core.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.drug.Formulation;
import io.mmf.core.finding.Action;
import io.mmf.core.finding.Finding;
import io.mmf.core.finding.Severity;
import io.mmf.core.source.Source;
import io.mmf.core.source.Sources;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonitoringRulesTest {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
  private final MonitoringRules rules = MonitoringRules.standard();

  private Finding eval(Analyte a, double value, LabUnit unit) {
    return rules.evaluate(LabResult.of(DAY, a, value, unit));
  }

  @ParameterizedTest
  @CsvSource({"1.29, GIGA_PER_L, neutropenia", "1.30, GIGA_PER_L, within-limits",
      "1.29, THOUSAND_PER_UL, neutropenia", "1.30, THOUSAND_PER_UL, within-limits",
      "1290, PER_MM3, neutropenia", "1300, PER_MM3, within-limits", "1299, PER_UL, neutropenia"})
  void neutropeniaBelowThresholdInterruptsOrReducesDosing(double value, LabUnit unit, String rule) {
    Finding f = eval(Analyte.ABSOLUTE_NEUTROPHIL_COUNT, value, unit);
    assertEquals(rule, f.ruleId());
    assertEquals(rule.equals("neutropenia") ? Action.INTERRUPT_OR_REDUCE : Action.CONTINUE, f.action());
    assertEquals(Sources.LABEL, f.source());
  }

  @Test
  void leukopeniaBelow3point5() {
    assertEquals("leukopenia", eval(Analyte.WHITE_BLOOD_CELLS, 3.49, LabUnit.GIGA_PER_L).ruleId());
    assertEquals("within-limits", eval(Analyte.WHITE_BLOOD_CELLS, 3.5, LabUnit.GIGA_PER_L).ruleId());
    Finding f = eval(Analyte.WHITE_BLOOD_CELLS, 3400, LabUnit.PER_MM3);
    assertEquals(Action.INTERRUPT, f.action());
    assertEquals(Sources.BSR_DMARD_MONITORING, f.source());
  }

  @Test
  void thrombocytopeniaBelow140() {
    assertEquals("thrombocytopenia", eval(Analyte.PLATELETS, 139, LabUnit.GIGA_PER_L).ruleId());
    assertEquals("within-limits", eval(Analyte.PLATELETS, 140, LabUnit.GIGA_PER_L).ruleId());
  }

  @Test
  void transaminitisAbove100OnAltOrAst() {
    assertEquals("within-limits", eval(Analyte.ALT, 100, LabUnit.UNITS_PER_L).ruleId());
    assertEquals("transaminitis", eval(Analyte.ALT, 101, LabUnit.UNITS_PER_L).ruleId());
    assertEquals("within-limits", eval(Analyte.AST, 100, LabUnit.UNITS_PER_L).ruleId());
    Finding ast = eval(Analyte.AST, 100.5, LabUnit.UNITS_PER_L);
    assertEquals("transaminitis", ast.ruleId());
    assertEquals(Severity.WARNING, ast.severity());
  }

  @Test
  void thresholdsAreConfigurable() {
    Source local = Source.of("local", "Local protocol: ALT > 2 x ULN of 40 U/L");
    MonitoringRules strict = rules.withThreshold(MonitoringRules.Rule.TRANSAMINITIS,
        new MonitoringRules.Threshold(80, local));
    assertEquals("transaminitis", strict.evaluate(LabResult.of(DAY, Analyte.ALT, 81, LabUnit.UNITS_PER_L)).ruleId());
    assertEquals(local, strict.evaluate(LabResult.of(DAY, Analyte.ALT, 81, LabUnit.UNITS_PER_L)).source());
    assertEquals(80, strict.threshold(MonitoringRules.Rule.TRANSAMINITIS).value());
    assertEquals(100, rules.threshold(MonitoringRules.Rule.TRANSAMINITIS).value(), "original unchanged");
  }

  @ParameterizedTest
  @CsvSource({"19.9, below", "20, within", "60, within", "60.1, above"})
  void mpaAucWithoutAConditionIsForOrientationOnly(double auc, String position) {
    Finding f = eval(Analyte.MPA_AUC_0_12, auc, LabUnit.UG_H_PER_ML);
    assertEquals("mpa-auc-no-validated-target", f.ruleId());
    assertEquals(Action.MONITOR, f.action());
    assertEquals(Severity.INFO, f.severity());
    assertTrue(f.message().contains("no validated MPA target") && f.message().contains(position + " 20-60")
        && f.message().contains("not a verdict"), f.message());
    assertEquals(Sources.SEED_003, f.source());
  }

  @ParameterizedTest
  @CsvSource({"19.9, mpa-auc-below-target, INCREASE", "20, mpa-auc-within-target, CONTINUE",
      "60, mpa-auc-within-target, CONTINUE", "60.1, mpa-auc-above-target, REDUCE"})
  void mpaAucAgainstTheDermatomyositisTargetOfSeed003(double auc, String rule, Action action) {
    MonitoringRules dm = MonitoringRules.forCondition(ConditionCatalog.standard().get("DM"));
    Finding f = dm.evaluate(LabResult.of(DAY, Analyte.MPA_AUC_0_12, auc, LabUnit.UG_H_PER_ML));
    assertEquals(rule, f.ruleId());
    assertEquals(action, f.action());
    assertEquals(Sources.SEED_003, f.source());
  }

  @Test
  void pemphigusHasNoValidatedTargetSoNoVerdict() {
    MonitoringRules pv = MonitoringRules.forCondition(ConditionCatalog.standard().get("PV"));
    Finding f = pv.evaluate(LabResult.of(DAY, Analyte.MPA_AUC_0_12, 10, LabUnit.MG_H_PER_L));
    assertEquals("mpa-auc-no-validated-target", f.ruleId());
    assertTrue(f.message().contains("no validated MPA target for Pemphigus vulgaris"), f.message());
  }

  @Test
  void mpaAucAgainstAConditionsTarget() {
    MonitoringRules transplant = MonitoringRules.forCondition(ConditionCatalog.standard().get("kidney transplant"));
    Finding f = transplant.evaluate(LabResult.of(DAY, Analyte.MPA_AUC_0_12, 29.9, LabUnit.MG_H_PER_L));
    assertEquals("mpa-auc-below-target", f.ruleId());
    assertEquals(Sources.KUYPERS_2010, f.source());
    assertEquals("mpa-auc-within-target",
        transplant.evaluate(LabResult.of(DAY, Analyte.MPA_AUC_0_12, 30, LabUnit.MG_H_PER_L)).ruleId());
  }

  @Test
  void positivePregnancyTestMeansUrgentReviewNotABareStop() {
    Finding f = eval(Analyte.PREGNANCY_TEST, 1, LabUnit.POSITIVE_NEGATIVE);
    assertEquals(Action.REFER, f.action());
    assertTrue(f.message().contains("urgent specialist review") && f.message().contains("registry"), f.message());
    assertEquals(Severity.CONTRAINDICATED, f.severity());
    assertEquals(Action.CONTINUE, eval(Analyte.PREGNANCY_TEST, 0, LabUnit.POSITIVE_NEGATIVE).action());
    assertThrows(IllegalArgumentException.class, () -> LabResult.of(DAY, Analyte.PREGNANCY_TEST, 0.5,
        LabUnit.POSITIVE_NEGATIVE));
  }

  @Test
  void creatineKinaseIsRecordedWithoutAThreshold() {
    Finding f = eval(Analyte.CREATINE_KINASE, 5000, LabUnit.UNITS_PER_L);
    assertEquals(Action.MONITOR, f.action());
    assertEquals(Severity.INFO, f.severity());
  }

  @Test
  void gastrointestinalIntoleranceSwitchesMmfToEcMps() {
    assertEquals(Action.SWITCH_TO_EC_MPS,
        MonitoringRules.gastrointestinalIntolerance(Formulation.MMF_TABLET_500).action());
    assertEquals(Action.REFER, MonitoringRules.gastrointestinalIntolerance(Formulation.EC_MPS_TABLET_360).action());
  }

  @Test
  void everyResultGetsAFindingSortedByDateThenSeverity() {
    List<LabResult> results = List.of(
        LabResult.of(DAY.plusDays(7), Analyte.ALT, 30, LabUnit.UNITS_PER_L),
        LabResult.of(DAY, Analyte.ALT, 30, LabUnit.UNITS_PER_L),
        LabResult.of(DAY, Analyte.ABSOLUTE_NEUTROPHIL_COUNT, 1.0, LabUnit.GIGA_PER_L));
    List<LabFinding> findings = rules.evaluate(results);
    assertEquals(3, findings.size());
    assertEquals("neutropenia", findings.get(0).finding().ruleId());
    assertEquals(DAY.plusDays(7), findings.get(2).result().date());
  }

  @Test
  void unitsMustFitTheAnalyte() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LabResult.of(DAY, Analyte.ALT, 30, LabUnit.PER_MM3));
    assertTrue(e.getMessage().contains("ALT unit"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> LabResult.of(DAY, Analyte.ALT, -1, LabUnit.UNITS_PER_L));
    assertThrows(NullPointerException.class, () -> LabResult.of(null, Analyte.ALT, 1, LabUnit.UNITS_PER_L));
  }
}
