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
  MPA_EXPOSURE,
  /** Screening for infections before the first dose, including hepatitis B and C serology. */
  INFECTION_SCREENING,
  /** Clinical assessment of muscle strength, skin disease activity and function, for myositis. */
  CLINICAL_ASSESSMENT,
  /** Review of whether mycophenolate is still needed. */
  TREATMENT_REVIEW
}
