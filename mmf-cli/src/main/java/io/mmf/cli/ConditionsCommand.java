package io.mmf.cli;

import io.mmf.core.condition.Condition;
import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.target.AucTarget;
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
      out.printf("%-28s %-20s %-12s %s%n", c.id(), c.evidence(),
          c.usualDailyDose().map(Object::toString).orElse("-"),
          c.target().isSourced() ? c.target() : "no validated target");
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
      String usual = c.evidence() == io.mmf.core.condition.Evidence.RCT_NEGATIVE ? "  trial dose:    " : "  usual dose:    ";
      out.println(usual + c.usualDailyDose().map(d -> d + " MMF [" + d.source().ref() + "]"
          + (c.evidence() == io.mmf.core.condition.Evidence.RCT_NEGATIVE ? " (the trial found no benefit)" : ""))
          .orElse("not given by the sources"));
      out.println("  maximum:       " + c.maximumDailyDose().map(d -> d + " [" + d.source().ref() + "]")
          .orElse("not given by the sources; the label's adult maximum of 3 g/day applies"));
      c.adequateDailyDose().ifPresent(d -> out.println("  adequate:      " + d + " before failure is judged [" + d.source().ref() + "]"));
      c.pediatricDosing().ifPresent(p -> out.printf("  children:      %s mg/m2 twice daily, at most %s mg/m2 per dose and %s g/day [%s]%n",
          num(p.usualMgPerM2PerDose()), num(p.maxMgPerM2PerDose()), num(p.maxMgPerDay() / 1000), p.source().ref()));
      out.println("  MPA target:    " + (c.target().isSourced() ? "AUC0-12 " + c.target() + " (" + c.target().population()
          + ")" : c.target().population()) + " [" + c.target().source().ref() + "]");
      for (AucTarget t : c.alternativeTargets()) {
        out.println("  alternative:   AUC0-12 " + t + " (" + t.population() + ") [" + t.source().ref() + "]");
      }
      out.println("  response:      " + c.responseTimeline().map(t -> t.summary() + " [" + t.source().ref() + "]")
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
