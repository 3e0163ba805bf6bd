package io.mmf.cli;

import io.mmf.core.condition.Condition;
import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.finding.Finding;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.regimen.RegimenCheck;
import io.mmf.core.safety.SafetyReport;
import io.mmf.core.safety.SafetyScreen;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mmf check}: a regimen against a condition and a patient, with safety screening. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check a regimen for a condition and a patient: dose limits, renal cap, pediatric limits,"
        + " contraindications, warnings and interactions, each with its action and source.")
final class CheckCommand implements Runnable {
  @Option(names = "--condition", required = true, paramLabel = "NAME", description = "Condition id, name or abbreviation.")
  String condition;

  @Mixin
  RegimenOptions regimenOptions;

  @Mixin
  PatientOptions patientOptions;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    Condition c = ConditionCatalog.standard().get(condition);
    Regimen r = regimenOptions.regimen();
    // every option is checked before anything is printed
    patientOptions.patient();
    patientOptions.profile();
    out.println("Regimen:   " + r + " (" + r.dailyDose() + " per day)");
    out.println("Condition: " + c);
    out.println("Patient:   " + patientOptions.patient());
    out.println();
    List<Finding> dose = RegimenCheck.check(r, c, patientOptions.patient());
    SafetyReport safety = SafetyScreen.screen(patientOptions.profile(), r.formulation());
    section(out, "Dose", dose);
    section(out, "Contraindications", safety.contraindications());
    section(out, "Warnings", safety.warnings());
    section(out, "Interactions", safety.interactions());
    out.println(safety.mayStart() ? "No contraindication found." : "CONTRAINDICATED: do not start.");
    out.println("Decision support, not medical advice.");
  }

  private static void section(PrintWriter out, String title, List<Finding> findings) {
    out.println(title + ":");
    if (findings.isEmpty()) {
      out.println("  none");
    }
    for (Finding f : findings) {
      out.println("  " + f.severity() + " " + f.ruleId() + " -> " + f.action());
      out.println("    " + f.message());
      out.println("    source: " + f.source());
    }
  }
}
