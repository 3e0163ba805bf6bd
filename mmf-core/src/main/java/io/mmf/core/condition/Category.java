package io.mmf.core.condition;

/** The clinical field a condition belongs to. */
public enum Category {
  /** Solid organ transplantation. */
  TRANSPLANT,
  /** Kidney disease. */
  NEPHROLOGY,
  /** Rheumatology, including myositis. */
  RHEUMATOLOGY,
  /** Skin disease. */
  DERMATOLOGY,
  /** Neurology and neuromuscular disease. */
  NEUROLOGY,
  /** Bowel disease. */
  GASTROENTEROLOGY
}
