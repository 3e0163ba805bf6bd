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
        + " contraindications, warnings and interactions, each with its action and source.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:no contraindication found: MMF may start (the warnings and interactions still apply)",
        "3:a contraindication says do not start (CONTRAINDICATED; in JSON, mayStart false)",
        "2:bad usage or input (an unknown condition, a value out of range)"})
final class CheckCommand implements java.util.concurrent.Callable<Integer> {
  /** Exit status of a check that finds a contraindication: do not start. */
  static final int CONTRAINDICATED = 3;

  @Option(names = "--condition", required = true, paramLabel = "NAME", description = "Condition id, name or abbreviation.")
  String condition;

  @Mixin
  RegimenOptions regimenOptions;

  @Mixin
  PatientOptions patientOptions;

  @Spec
  CommandSpec spec;

  @Mixin
  FormatOption formatOption;

  /** Exit 0 when MMF may start, {@value #CONTRAINDICATED} when a contraindication says do not start. */
  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Condition c = ConditionCatalog.standard().get(condition);
    Regimen r = regimenOptions.regimen();
    // every option is checked before anything is printed
    patientOptions.patient();
    patientOptions.profile();
    boolean json = formatOption.json();
    List<Finding> dose = RegimenCheck.check(r, c, patientOptions.patient());
    SafetyReport safety = SafetyScreen.screen(patientOptions.profile(), r.formulation());
    int status = safety.mayStart() ? Mmf.OK : CONTRAINDICATED;
    if (json) {
      JsonOut.write(out, "check", g -> {
        g.writeStringField("condition", c.id());
        g.writeObjectFieldStart("regimen");
        g.writeStringField("formulation", r.formulation().id());
        JsonOut.number(g, "doseMg", r.dose().mg());
        JsonOut.number(g, "intervalHours", r.interval().hours());
        JsonOut.number(g, "dailyDoseMg", r.dailyDose().mg());
        g.writeEndObject();
        g.writeStringField("patient", patientOptions.patient().toString());
        g.writeBooleanField("mayStart", safety.mayStart());
        g.writeNumberField("exitStatus", status);
        JsonOut.findings(g, "dose", dose);
        JsonOut.findings(g, "contraindications", safety.contraindications());
        JsonOut.findings(g, "warnings", safety.warnings());
        JsonOut.findings(g, "interactions", safety.interactions());
      });
      return status;
    }
    out.println("Regimen:   " + r + " (" + r.dailyDose() + " per day)");
    out.println("Condition: " + c);
    out.println("Patient:   " + patientOptions.patient());
    out.println();
    section(out, "Dose", dose);
    section(out, "Contraindications", safety.contraindications());
    section(out, "Warnings", safety.warnings());
    section(out, "Interactions", safety.interactions());
    out.println(safety.mayStart() ? "No contraindication found." : "CONTRAINDICATED: do not start.");
    out.println("Decision support, not medical advice.");
    return status;
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
