package io.mmf.cli;

import io.mmf.core.condition.Condition;
import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.monitoring.AucTarget;
import io.mmf.core.source.Source;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mmf conditions}: the catalog; {@code mmf conditions show NAME}: one entry. */
@Command(name = "conditions", mixinStandardHelpOptions = true,
    description = "List the conditions MMF is used for, with usual dose and MPA target.",
    subcommands = ConditionsCommand.Show.class)
final class ConditionsCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%-28s %-20s %-12s %-22s%n", "id", "evidence", "usual dose", "MPA AUC0-12 target");
    for (Condition c : ConditionCatalog.standard().all()) {
      out.printf("%-28s %-20s %-12s %-22s%n", c.id(), c.evidence(),
          c.usualDailyDose().map(Object::toString).orElse("-"), c.target());
    }
    out.println();
    out.println("Details and sources: mmf conditions show NAME (id, name or abbreviation such as SLE, JDM, PV).");
  }

  /** {@code mmf conditions show NAME}. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show one condition: doses, evidence, MPA target, response timeline and sources.")
  static final class Show implements Runnable {
    @Parameters(paramLabel = "NAME", description = "Condition id, name or abbreviation (any case), e.g. DM, SLE, JDM.")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      Condition c = ConditionCatalog.standard().get(name);
      out.println(c.name() + " (" + c.id() + ")");
      out.println("  also:          " + (c.aliases().isEmpty() ? "-" : String.join(", ", c.aliases())));
      out.println("  evidence:      " + c.evidence() + ": " + c.evidenceSummary());
      out.println("  usual dose:    " + c.usualDailyDose().map(d -> d + " MMF [" + d.source().id() + "]").orElse("not given by the sources"));
      out.println("  maximum:       " + c.maximumDailyDose().map(d -> d + " [" + d.source().id() + "]").orElse("not given by the sources"));
      c.adequateDailyDose().ifPresent(d -> out.println("  adequate:      " + d + " before failure is judged [" + d.source().id() + "]"));
      c.pediatricDosing().ifPresent(p -> out.printf("  children:      %s mg/m2 twice daily, at most %s mg/m2 per dose and %s g/day [%s]%n",
          num(p.usualMgPerM2PerDose()), num(p.maxMgPerM2PerDose()), num(p.maxMgPerDay() / 1000), p.source().id()));
      out.println("  MPA target:    AUC0-12 " + c.target() + " [" + c.target().source().id() + "]");
      for (AucTarget t : c.alternativeTargets()) {
        out.println("  alternative:   AUC0-12 " + t + " [" + t.source().id() + "]");
      }
      out.println("  response:      " + c.responseTimeline().map(t -> t.summary() + " [" + t.source().id() + "]")
          .orElse("not given by the sources"));
      if (!c.notes().isEmpty()) {
        out.println("  notes:         " + c.notes());
      }
      out.println("  sources:");
      for (Source s : c.allSources()) {
        out.println("    " + s + (s.verification() == Source.Verification.READ ? "" : " (" + s.verification() + ")"));
      }
    }

    private static String num(double v) {
      return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
  }
}
