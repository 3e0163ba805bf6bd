package io.mmf.core.demo;

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
import io.mmf.core.regimen.DoseStep;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Patient;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.regimen.RegimenCheck;
import io.mmf.core.regimen.Titration;
import io.mmf.core.response.Assessment;
import io.mmf.core.response.DermatomyositisWithdrawal;
import io.mmf.core.response.DermatomyositisWithdrawal.MuscleEnzymes;
import io.mmf.core.response.DermatomyositisWithdrawal.SkinDisease;
import io.mmf.core.safety.CoMedication;
import io.mmf.core.safety.PatientProfile;
import io.mmf.core.safety.RiskFactor;
import io.mmf.core.safety.SafetyReport;
import io.mmf.core.safety.SafetyScreen;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;

/**
 * The README's quick-start demo: one dermatomyositis patient through mmf-core, printed for a reader.
 * Not part of the API (the package is not exported).
 */
public final class CoreDemo {
  private CoreDemo() {}

  /**
   * Prints the demo to standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  static void run(PrintStream out) {
    out.println("mmf-core demo: decision support, not medical advice.");
    out.println();
    Condition dm = ConditionCatalog.standard().get("DM");
    out.println("Condition: " + dm);
    out.println("  evidence:     " + dm.evidence() + " - " + dm.evidenceSummary());
    out.println("  usual dose:   " + dm.usualDailyDose().map(Object::toString).orElse("not given"));
    out.println("  maximum:      " + dm.maximumDailyDose().map(Object::toString).orElse("not given"));
    out.println("  MPA target:   AUC0-12 " + dm.target());
    out.println("  response:     " + dm.responseTimeline().map(t -> t.summary()).orElse("not given"));
    out.println("  sources:      " + dm.allSources().stream().map(s -> s.id()).toList());
    out.println();

    LocalDate start = LocalDate.of(2026, 12, 1);
    Regimen regimen = Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1500), DosingInterval.TWICE_DAILY)
        .withTitration(Titration.of(Dose.ofMg(500), Dose.ofMg(500), 7))
        .startingOn(start);
    out.println("Regimen: " + regimen);
    for (DoseStep s : regimen.steps()) {
      out.println("  from " + start.plusDays(s.day()) + ": " + s.dose() + " twice daily");
    }
    out.println("  target daily dose: " + regimen.dailyDose());
    Dose ecMps = MpaEquivalence.CLINICAL.convert(regimen.dose(), Drug.MYCOPHENOLATE_MOFETIL,
        Drug.MYCOPHENOLATE_SODIUM);
    out.println("  EC-MPS equivalent per dose: " + ecMps + ", dispensed as "
        + Dispensing.nearest(ecMps, List.of(Formulation.EC_MPS_TABLET_180, Formulation.EC_MPS_TABLET_360)));
    out.println();

    Patient patient = Patient.ofAgeYears(54).withBodySurfaceAreaM2(1.8).withGfr(22);
    out.println("Regimen check for " + patient + ":");
    print(out, RegimenCheck.check(regimen, dm, patient));
    out.println();

    PatientProfile profile = PatientProfile.none().with(RiskFactor.CAN_BECOME_PREGNANT)
        .taking(CoMedication.byName("omeprazole"), CoMedication.byName("Maalox"));
    SafetyReport safety = SafetyScreen.screen(profile, regimen.formulation());
    out.println("Safety screen (may start: " + safety.mayStart() + "):");
    print(out, safety.all());
    out.println();

    out.println("Monitoring, first 3 months:");
    for (ScheduledCheck c : MonitoringPlan.forCondition(dm, true).schedule(start, start.plusMonths(3))) {
      out.println("  " + c);
    }
    out.println();

    out.println("Lab results:");
    List<LabResult> labs = List.of(
        LabResult.of(start.plusDays(7), Analyte.ABSOLUTE_NEUTROPHIL_COUNT, 2100, LabUnit.PER_MM3),
        LabResult.of(start.plusDays(14), Analyte.ABSOLUTE_NEUTROPHIL_COUNT, 1.2, LabUnit.THOUSAND_PER_UL),
        LabResult.of(start.plusDays(14), Analyte.ALT, 48, LabUnit.UNITS_PER_L),
        LabResult.of(start.plusMonths(2), Analyte.MPA_AUC_0_12, 17.5, LabUnit.MG_H_PER_L));
    for (LabFinding f : MonitoringRules.forCondition(dm).evaluate(labs)) {
      out.println("  " + f);
    }
    out.println();

    Assessment withdrawal = DermatomyositisWithdrawal.assess(false, false, 9, 78, SkinDisease.MINIMAL,
        MuscleEnzymes.NORMAL);
    out.println("Withdrawal after 9 months of remission off steroids: "
        + (withdrawal.met() ? "may be considered" : "not yet"));
    withdrawal.unmet().forEach(c -> out.println("  " + c));
  }

  private static void print(PrintStream out, List<Finding> findings) {
    if (findings.isEmpty()) {
      out.println("  (no findings)");
    }
    findings.forEach(f -> out.println("  " + f));
  }
}
