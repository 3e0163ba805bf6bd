package io.mmf.core.monitoring;

import io.mmf.core.condition.Condition;
import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.finding.Action;
import io.mmf.core.finding.Finding;
import io.mmf.core.finding.Severity;
import io.mmf.core.internal.Checks;
import io.mmf.core.internal.Format;
import io.mmf.core.source.Source;
import io.mmf.core.source.Sources;
import io.mmf.core.target.AucTarget;
import io.mmf.core.target.TargetVerdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns dated lab results into findings, one or more per result, each with the rule that fired, an
 * action and a source. A result that fires no rule gets a {@code within-limits} finding with
 * {@link Action#CONTINUE}, so every result is accounted for.
 *
 * <p>Thresholds are configurable because the sources disagree: only the neutropenia threshold comes
 * from the label; leukopenia, thrombocytopenia and transaminitis default to a British Society for
 * Rheumatology-based DMARD protocol, and other protocols use other values. The MPA AUC is judged
 * against a target, the condition's ({@link #forCondition}) or one set; without one, or against an
 * orientation target, it is reported for orientation only, never as a verdict.
 *
 * <p>Immutable and thread-safe; {@code with...} methods return changed copies.
 */
public final class MonitoringRules {

  /** A threshold rule on a lab value. */
  public enum Rule {
    /** ANC below the threshold (default 1.3 x 10^9/L, label): interrupt or reduce. */
    NEUTROPENIA("neutropenia", Analyte.ABSOLUTE_NEUTROPHIL_COUNT, true),
    /** WBC below the threshold (default 3.5 x 10^9/L): withhold and discuss with the specialist. */
    LEUKOPENIA("leukopenia", Analyte.WHITE_BLOOD_CELLS, true),
    /** Platelets below the threshold (default 140 x 10^9/L): withhold and discuss. */
    THROMBOCYTOPENIA("thrombocytopenia", Analyte.PLATELETS, true),
    /** ALT or AST above the threshold (default 100 U/L): withhold and discuss. */
    TRANSAMINITIS("transaminitis", Analyte.ALT, false);

    private final String id;
    private final Analyte analyte;
    private final boolean firesBelow;

    Rule(String id, Analyte analyte, boolean firesBelow) {
      this.id = id;
      this.analyte = analyte;
      this.firesBelow = firesBelow;
    }

    /**
     * Returns the rule id used in findings.
     *
     * @return the rule id used in findings
     */
    public String id() {
      return id;
    }

    boolean applies(Analyte a) {
      return a == analyte || (this == TRANSAMINITIS && a == Analyte.AST);
    }
  }

  /**
   * A threshold with its source, in the analyte's canonical unit (10^9/L for cell counts, U/L for
   * enzymes).
   *
   * @param value the threshold, finite and &gt; 0
   * @param source citation
   */
  public record Threshold(double value, Source source) {
    /**
     * Validates the threshold.
     *
     * @param value canonical-unit threshold
     * @param source citation
     * @throws IllegalArgumentException if {@code value} is not finite and &gt; 0
     * @throws NullPointerException if {@code source} is null
     */
    public Threshold {
      Checks.positive(value, "threshold");
      Checks.notNull(source, "source");
    }
  }

  /**
   * The label's neutropenia threshold: ANC &lt; 1.3 x 10^3/uL (= 1.3 x 10^9/L).
   *
   * @see Sources#LABEL
   */
  public static final double NEUTROPENIA_ANC_GIGA_PER_L = 1.3;
  /**
   * Default leukopenia threshold, WBC &lt; 3.5 x 10^9/L.
   *
   * @see Sources#BSR_DMARD_MONITORING
   */
  public static final double LEUKOPENIA_WBC_GIGA_PER_L = 3.5;
  /**
   * Default thrombocytopenia threshold, platelets &lt; 140 x 10^9/L.
   *
   * @see Sources#BSR_DMARD_MONITORING
   */
  public static final double THROMBOCYTOPENIA_GIGA_PER_L = 140;
  /**
   * Default transaminitis threshold, ALT or AST &gt; 100 U/L.
   *
   * @see Sources#BSR_DMARD_MONITORING
   */
  public static final double TRANSAMINITIS_U_PER_L = 100;

  private final Map<Rule, Threshold> thresholds;
  private final AucTarget target;

  private MonitoringRules(Map<Rule, Threshold> thresholds, AucTarget target) {
    this.thresholds = thresholds;
    this.target = target;
  }

  /**
   * The default rules: label neutropenia threshold, protocol defaults for the others, and no AUC
   * target ({@link AucTarget#DEFAULT}: the seed 003 window for orientation only).
   *
   * @return the rules
   */
  public static MonitoringRules standard() {
    Map<Rule, Threshold> t = new EnumMap<>(Rule.class);
    t.put(Rule.NEUTROPENIA, new Threshold(NEUTROPENIA_ANC_GIGA_PER_L, Sources.LABEL));
    t.put(Rule.LEUKOPENIA, new Threshold(LEUKOPENIA_WBC_GIGA_PER_L, Sources.BSR_DMARD_MONITORING));
    t.put(Rule.THROMBOCYTOPENIA, new Threshold(THROMBOCYTOPENIA_GIGA_PER_L, Sources.BSR_DMARD_MONITORING));
    t.put(Rule.TRANSAMINITIS, new Threshold(TRANSAMINITIS_U_PER_L, Sources.BSR_DMARD_MONITORING));
    return new MonitoringRules(Map.copyOf(t), AucTarget.DEFAULT);
  }

  /**
   * The default rules with a condition's own AUC window.
   *
   * @param condition the condition treated
   * @return the rules
   * @throws NullPointerException if {@code condition} is null
   */
  public static MonitoringRules forCondition(Condition condition) {
    return standard().withTarget(Checks.notNull(condition, "condition").target());
  }

  /**
   * These rules with another AUC window.
   *
   * @param value the window
   * @return the changed copy
   * @throws NullPointerException if {@code value} is null
   */
  public MonitoringRules withTarget(AucTarget value) {
    return new MonitoringRules(thresholds, Checks.notNull(value, "target"));
  }

  /**
   * These rules with another threshold for one rule.
   *
   * @param rule the rule
   * @param threshold the threshold in the analyte's canonical unit, with its source
   * @return the changed copy
   * @throws NullPointerException if an argument is null
   */
  public MonitoringRules withThreshold(Rule rule, Threshold threshold) {
    Checks.notNull(rule, "rule");
    Checks.notNull(threshold, "threshold");
    Map<Rule, Threshold> t = new EnumMap<>(thresholds);
    t.put(rule, threshold);
    return new MonitoringRules(Map.copyOf(t), target);
  }

  /**
   * Returns the threshold in force for a rule.
   *
   * @param rule the rule
   * @return the threshold in force for it
   * @throws NullPointerException if {@code rule} is null
   */
  public Threshold threshold(Rule rule) {
    return thresholds.get(Checks.notNull(rule, "rule"));
  }

  /**
   * Returns the AUC target in force.
   *
   * @return the AUC target in force
   */
  public AucTarget target() {
    return target;
  }

  /**
   * Evaluates lab results.
   *
   * @param results the results, any order
   * @return one or more findings per result, sorted by date, most severe first within a day
   * @throws NullPointerException if {@code results} or an element is null
   */
  public List<LabFinding> evaluate(Collection<LabResult> results) {
    Checks.noNulls(results, "results");
    List<LabFinding> out = new ArrayList<>();
    for (LabResult r : results) {
      out.add(new LabFinding(r, evaluate(r)));
    }
    out.sort(Comparator.comparing((LabFinding f) -> f.result().date())
        .thenComparing(f -> f.finding().severity(), Comparator.reverseOrder()));
    return List.copyOf(out);
  }

  /**
   * Evaluates one lab result.
   *
   * @param r the result
   * @return the finding
   * @throws NullPointerException if {@code r} is null
   */
  public Finding evaluate(LabResult r) {
    Checks.notNull(r, "result");
    double v = r.canonicalValue();
    String shown = Format.num(v) + " " + r.analyte().canonicalUnit().symbol();
    for (Rule rule : Rule.values()) {
      if (!rule.applies(r.analyte())) {
        continue;
      }
      Threshold t = thresholds.get(rule);
      boolean fires = rule.firesBelow ? v < t.value() : v > t.value();
      if (!fires) {
        return within(r, shown, (rule.firesBelow ? ">= " : "<= ") + Format.num(t.value()), t.source());
      }
      String limit = (rule.firesBelow ? " < " : " > ") + Format.num(t.value());
      return rule == Rule.NEUTROPENIA
          ? new Finding(rule.id(), Severity.WARNING, Action.INTERRUPT_OR_REDUCE,
              "ANC " + shown + limit + ": interrupt dosing or reduce the dose, investigate and manage", t.source())
          : new Finding(rule.id(), Severity.WARNING, Action.INTERRUPT,
              r.analyte() + " " + shown + limit + ": withhold and discuss with the specialist team"
                  + (rule == Rule.TRANSAMINITIS ? ""
                      : "; if cytopenia persists or recurs, consider EC-MPS or another immunosuppressant (seed 003)"),
              t.source());
    }
    switch (r.analyte()) {
      case MPA_AUC_0_12:
        TargetVerdict verdict = target.judge(target.equivalentAuc(v, 12));
        String auc = "MPA AUC0-12 " + shown + ": " + verdict;
        if (!verdict.isVerdict()) {
          return new Finding("mpa-auc-no-validated-target", Severity.INFO, Action.MONITOR,
              auc + "; interpret with the clinical response", target.source());
        }
        return switch (verdict.position()) {
          case BELOW -> new Finding("mpa-auc-below-target", Severity.CAUTION, Action.INCREASE, auc, target.source());
          case ABOVE -> new Finding("mpa-auc-above-target", Severity.CAUTION, Action.REDUCE, auc, target.source());
          case WITHIN -> new Finding("mpa-auc-within-target", Severity.INFO, Action.CONTINUE, auc, target.source());
        };
      case PREGNANCY_TEST:
        return v == 1
            ? new Finding("pregnancy-positive", Severity.CONTRAINDICATED, Action.REFER,
                "positive pregnancy test: mycophenolate is contraindicated in pregnancy; urgent specialist review to"
                    + " replace it with a treatment compatible with pregnancy (an unplanned gap in immunosuppression"
                    + " risks rejection or a flare), counsel the patient on the risk to the fetus, and report to the"
                    + " pregnancy registry", Sources.EU_2015_PREGNANCY)
            : within(r, "negative", "negative", Sources.LABEL);
      case CREATINE_KINASE:
        return new Finding("creatine-kinase-recorded", Severity.INFO, Action.MONITOR,
            "CK " + shown + ": no threshold in the sources; CK may not track myositis activity, read it with"
                + " strength and skin activity", Sources.SEED_003);
      default:
        throw new AssertionError("no rule for " + r.analyte());
    }
  }

  /**
   * What to do about gastrointestinal intolerance (nausea, loose stools), the most common adverse
   * effect: switch MMF to EC-MPS; on EC-MPS already, refer.
   *
   * @param current the formulation taken now
   * @return the finding
   * @throws NullPointerException if {@code current} is null
   * @see Sources#SEED_003
   */
  public static Finding gastrointestinalIntolerance(Formulation current) {
    Checks.notNull(current, "current");
    return current.drug() == Drug.MYCOPHENOLATE_MOFETIL
        ? new Finding("gi-intolerance", Severity.CAUTION, Action.SWITCH_TO_EC_MPS,
            "gastrointestinal intolerance on MMF: consider enteric-coated mycophenolate sodium (or a dose adjustment)",
            Sources.SEED_003)
        : new Finding("gi-intolerance", Severity.CAUTION, Action.REFER,
            "gastrointestinal intolerance on EC-MPS: consider a dose adjustment or another immunosuppressant",
            Sources.SEED_003);
  }

  private static Finding within(LabResult r, String shown, String limit, Source source) {
    return new Finding("within-limits", Severity.INFO, Action.CONTINUE,
        r.analyte() + " " + shown + " (limit " + limit + ")", source);
  }
}
