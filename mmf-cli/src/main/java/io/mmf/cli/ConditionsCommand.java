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

  @picocli.CommandLine.Mixin
  FormatOption formatOption;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    if (formatOption.json()) {
      JsonOut.write(out, "conditions", g -> {
        g.writeArrayFieldStart("conditions");
        for (Condition c : ConditionCatalog.standard().all()) {
          condition(g, c);
        }
        g.writeEndArray();
      });
      return;
    }
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

    @picocli.CommandLine.Mixin
    FormatOption formatOption;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      Condition c = ConditionCatalog.standard().get(name);
      if (formatOption.json()) {
        JsonOut.write(out, "conditions show", g -> {
          g.writeFieldName("condition");
          condition(g, c);
        });
        return;
      }
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

  /** One condition as JSON: names, evidence, doses (mg/day, each with its source), targets, sources. */
  static void condition(com.fasterxml.jackson.core.JsonGenerator g, Condition c) throws java.io.IOException {
    g.writeStartObject();
    g.writeStringField("id", c.id());
    g.writeStringField("name", c.name());
    JsonOut.strings(g, "aliases", c.aliases());
    g.writeStringField("category", c.category().name());
    g.writeStringField("evidence", c.evidence().name());
    g.writeStringField("evidenceSummary", c.evidenceSummary());
    if (c.usualDailyDose().isPresent()) {
      g.writeObjectFieldStart("usualDailyDose");
      JsonOut.number(g, "lowMgPerDay", c.usualDailyDose().get().lowMgPerDay());
      JsonOut.number(g, "highMgPerDay", c.usualDailyDose().get().highMgPerDay());
      JsonOut.source(g, "source", c.usualDailyDose().get().source());
      g.writeEndObject();
    } else {
      g.writeNullField("usualDailyDose");
    }
    limit(g, "maximumDailyDose", c.maximumDailyDose());
    limit(g, "adequateDailyDose", c.adequateDailyDose());
    if (c.pediatricDosing().isPresent()) {
      var p = c.pediatricDosing().get();
      g.writeObjectFieldStart("pediatricDosing");
      JsonOut.number(g, "usualMgPerM2PerDose", p.usualMgPerM2PerDose());
      JsonOut.number(g, "maxMgPerM2PerDose", p.maxMgPerM2PerDose());
      JsonOut.number(g, "maxMgPerDay", p.maxMgPerDay());
      JsonOut.number(g, "minAgeYears", p.minAgeYears());
      JsonOut.source(g, "source", p.source());
      g.writeEndObject();
    } else {
      g.writeNullField("pediatricDosing");
    }
    JsonOut.target(g, "target", c.target());
    g.writeArrayFieldStart("alternativeTargets");
    for (AucTarget t : c.alternativeTargets()) {
      g.writeStartObject();
      JsonOut.number(g, "lowMgHPerL", t.lowMgHPerL());
      JsonOut.number(g, "highMgHPerL", t.highMgHPerL().orElse(Double.NaN));
      JsonOut.number(g, "intervalHours", t.intervalHours());
      g.writeStringField("population", t.population());
      JsonOut.source(g, "source", t.source());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (c.responseTimeline().isPresent()) {
      g.writeObjectFieldStart("responseTimeline");
      g.writeStringField("summary", c.responseTimeline().get().summary());
      JsonOut.source(g, "source", c.responseTimeline().get().source());
      g.writeEndObject();
    } else {
      g.writeNullField("responseTimeline");
    }
    g.writeArrayFieldStart("sources");
    for (Source s : c.allSources()) {
      g.writeStartObject();
      g.writeStringField("id", s.id());
      g.writeStringField("citation", s.citation());
      g.writeStringField("verification", s.verification().name());
      g.writeStringField("locator", s.locator());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void limit(com.fasterxml.jackson.core.JsonGenerator g, String field,
      java.util.Optional<io.mmf.core.condition.DailyDoseLimit> limit) throws java.io.IOException {
    if (limit.isEmpty()) {
      g.writeNullField(field);
      return;
    }
    g.writeObjectFieldStart(field);
    JsonOut.number(g, "mgPerDay", limit.get().mgPerDay());
    JsonOut.source(g, "source", limit.get().source());
    g.writeEndObject();
  }
}
