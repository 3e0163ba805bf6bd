package io.mmf.core.monitoring;

/** A check that a monitoring plan schedules. */
public enum LabTest {
  /** Complete blood count with differential (neutrophils, white cells, platelets). */
  COMPLETE_BLOOD_COUNT,
  /** Liver function tests (ALT, AST). */
  LIVER_FUNCTION,
  /** Pregnancy test (sensitivity at least 25 mIU/mL per the label). */
  PREGNANCY_TEST,
  /** Creatine kinase, for myositis. */
  CREATINE_KINASE,
  /** MPA exposure: AUC0-12 from a full profile, limited sampling or Bayesian estimation. */
  MPA_EXPOSURE
}
