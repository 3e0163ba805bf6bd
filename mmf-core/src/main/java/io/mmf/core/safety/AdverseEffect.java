package io.mmf.core.safety;

import io.mmf.core.source.Source;
import io.mmf.core.source.Sources;

/**
 * The adverse effects the seed documents name, each with how common or serious the source says it is.
 * For counselling and for matching a reported symptom; the rules that act on them are elsewhere
 * (laboratory thresholds in {@code io.mmf.core.monitoring.MonitoringRules}, the switch to EC-MPS for
 * gastrointestinal intolerance, the {@link LabelWarning label warnings}).
 */
public enum AdverseEffect {
  /** Nausea (seed 000, seed 004). */
  NAUSEA(Kind.COMMON, Sources.SEED_000),
  /** Diarrhoea (seed 000). */
  DIARRHOEA(Kind.COMMON, Sources.SEED_000),
  /** Vomiting (seed 000, seed 004). */
  VOMITING(Kind.COMMON, Sources.SEED_000),
  /** Abdominal pain (seed 004). */
  ABDOMINAL_PAIN(Kind.COMMON, Sources.SEED_004),
  /** Constipation (seed 004). */
  CONSTIPATION(Kind.COMMON, Sources.SEED_004),
  /** Gas (seed 004). */
  FLATULENCE(Kind.COMMON, Sources.SEED_004),
  /** Muscle or joint pain (seed 004). */
  MUSCLE_OR_JOINT_PAIN(Kind.COMMON, Sources.SEED_004),
  /** Muscle stiffness (seed 004). */
  MUSCLE_STIFFNESS(Kind.COMMON, Sources.SEED_004),
  /** Headache (seed 004). */
  HEADACHE(Kind.COMMON, Sources.SEED_004),
  /** Difficulty sleeping (seed 004). */
  INSOMNIA(Kind.COMMON, Sources.SEED_004),
  /** Burning, tingling or prickling of the skin (seed 004). */
  PARAESTHESIA(Kind.COMMON, Sources.SEED_004),
  /** Infections, including severe ones (seed 000, seed 004). */
  SERIOUS_INFECTION(Kind.SERIOUS, Sources.SEED_000),
  /** A fall in white cells or platelets; bone marrow suppression (seed 000). */
  BONE_MARROW_SUPPRESSION(Kind.SERIOUS, Sources.SEED_000),
  /** Lymphoma and skin cancer (seed 000, seed 004). */
  LYMPHOMA_OR_SKIN_CANCER(Kind.SERIOUS, Sources.SEED_000);

  /** How the source classes the effect. */
  public enum Kind {
    /** Listed among the common side effects. */
    COMMON,
    /** Listed among the serious adverse reactions. */
    SERIOUS
  }

  private final Kind kind;
  private final Source source;

  AdverseEffect(Kind kind, Source source) {
    this.kind = kind;
    this.source = source;
  }

  /**
   * Returns how the source classes it.
   *
   * @return common or serious
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the source that names it.
   *
   * @return the citation
   */
  public Source source() {
    return source;
  }
}
