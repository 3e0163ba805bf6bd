package io.mmf.core.safety;

import io.mmf.core.finding.Action;
import io.mmf.core.finding.Finding;
import io.mmf.core.finding.Severity;
import io.mmf.core.source.Source;
import io.mmf.core.source.Sources;

/**
 * A patient circumstance that bears on whether MMF may be given, with the finding it produces and
 * the list it belongs to ({@link SafetyReport#contraindications()}, {@link SafetyReport#warnings()} or
 * {@link SafetyReport#interactions()}).
 */
public enum RiskFactor {
  /** Pregnant: contraindicated (miscarriage 45-49 %, malformations 23-27 % of live births). */
  PREGNANT(SafetyReport.Kind.CONTRAINDICATION, Severity.CONTRAINDICATED, Action.DO_NOT_START,
      "pregnancy: mycophenolate is a human teratogen (spontaneous abortion 45-49 %, malformations in 23-27 % of"
          + " live births)", Sources.EU_2015_PREGNANCY),
  /** Planning a pregnancy: must not take it; stop it at least 6 weeks before conception. */
  PLANNING_PREGNANCY(SafetyReport.Kind.CONTRAINDICATION, Severity.CONTRAINDICATED, Action.DO_NOT_START,
      "planning a pregnancy: mycophenolate must not be used (miscarriage and birth defects, seed 004); stop it at"
          + " least 6 weeks before conception and change to a treatment compatible with pregnancy, such as"
          + " azathioprine", Sources.BSR_PREGNANCY_2022),
  /** Can become pregnant: tests and contraception required. */
  CAN_BECOME_PREGNANT(SafetyReport.Kind.WARNING, Severity.WARNING, Action.MONITOR,
      "can become pregnant (US label REMS): pregnancy test immediately before starting and 8-10 days later, then at"
          + " follow-up visits; acceptable contraception during therapy and for 6 weeks after stopping; if"
          + " pregnancy occurs, do not stop on your own: contact the prescriber at once", Sources.LABEL.at("8.3")),
  /** Pregnancy status not recorded. */
  PREGNANCY_STATUS_UNKNOWN(SafetyReport.Kind.WARNING, Severity.CAUTION, Action.REFER,
      "pregnancy status not recorded: for a patient who can become pregnant, rule out pregnancy before the first"
          + " dose, and arrange tests and contraception", Sources.LABEL.at("8.3")),
  /** Breastfeeding: contraindicated in the EU, not recommended in the US. */
  BREASTFEEDING(SafetyReport.Kind.CONTRAINDICATION, Severity.CONTRAINDICATED, Action.DO_NOT_START,
      "breastfeeding: contraindicated in the EU since 2015 (risk of serious adverse reactions in the infant);"
          + " not recommended by the US label", Sources.EU_2015_PREGNANCY),
  /** Active serious infection: avoid. */
  ACTIVE_SERIOUS_INFECTION(SafetyReport.Kind.CONTRAINDICATION, Severity.CONTRAINDICATED, Action.DO_NOT_START,
      "active severe infection: patients with severe infections should avoid MMF", Sources.SEED_000),
  /** Active malignancy: avoid. */
  ACTIVE_MALIGNANCY(SafetyReport.Kind.CONTRAINDICATION, Severity.CONTRAINDICATED, Action.DO_NOT_START,
      "active cancer: patients with active cancers should avoid MMF (lymphoma and skin cancer risk)", Sources.SEED_000),
  /** A live vaccine is planned: avoid the combination. */
  PLANNED_LIVE_VACCINE(SafetyReport.Kind.INTERACTION, Severity.WARNING, Action.AVOID_COMBINATION,
      "live vaccine planned: avoid live vaccines during MMF therapy (MMF blunts the immune response)",
      Sources.SEED_000),
  /** Hereditary HGPRT deficiency (Lesch-Nyhan, Kelley-Seegmiller): avoid. */
  HGPRT_DEFICIENCY(SafetyReport.Kind.WARNING, Severity.WARNING, Action.DO_NOT_START,
      "hereditary HGPRT deficiency (Lesch-Nyhan or Kelley-Seegmiller syndrome): avoid mycophenolate",
      Sources.LABEL),
  /** Hepatitis B: reactivation risk. */
  HEPATITIS_B(SafetyReport.Kind.WARNING, Severity.WARNING, Action.MONITOR,
      "hepatitis B: risk of reactivation under mycophenolate; monitor and involve hepatology", Sources.SEED_001),
  /** Hepatitis C: reactivation risk. */
  HEPATITIS_C(SafetyReport.Kind.WARNING, Severity.WARNING, Action.MONITOR,
      "hepatitis C: risk of reactivation under mycophenolate; monitor and involve hepatology", Sources.SEED_001);

  private final SafetyReport.Kind kind;
  private final Finding finding;

  /**
   * The EU and UK rules for a patient who can become pregnant, reported beside the US one: they differ.
   *
   * @see Sources#EU_PREGNANCY_PREVENTION
   */
  static final Finding EU_PREGNANCY_PREVENTION = new Finding("can-become-pregnant-eu", Severity.WARNING,
      Action.MONITOR, "can become pregnant (EU/UK): two pregnancy tests, the second 8-10 days after the first and"
          + " immediately before starting, then as clinically required; at least one reliable form of contraception"
          + " (two preferred) before, during and for 6 weeks after stopping", Sources.EU_PREGNANCY_PREVENTION);

  RiskFactor(SafetyReport.Kind kind, Severity severity, Action action, String message, Source source) {
    this.kind = kind;
    this.finding = new Finding(name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), severity, action,
        message, source);
  }

  /**
   * Returns which list of the report the finding goes to.
   *
   * @return which list of the report the finding goes to
   */
  public SafetyReport.Kind kind() {
    return kind;
  }

  /**
   * Returns the finding this factor produces.
   *
   * @return the finding this factor produces
   */
  public Finding finding() {
    return finding;
  }

  /**
   * Returns every finding this factor produces: its own, and for {@link #CAN_BECOME_PREGNANT} the EU/UK
   * rules as well (where sources disagree, both are reported).
   *
   * @return the findings, the factor's own first
   */
  public java.util.List<Finding> findings() {
    return this == CAN_BECOME_PREGNANT ? java.util.List.of(finding, EU_PREGNANCY_PREVENTION)
        : java.util.List.of(finding);
  }
}
