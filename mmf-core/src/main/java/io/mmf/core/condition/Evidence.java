package io.mmf.core.condition;

/** How strong the evidence for MMF in a condition is, as the sources describe it. */
public enum Evidence {
  /** An approved indication on the label. */
  APPROVED,
  /** Off-label, with dosing and monitoring given by a guideline or guideline summary. */
  OFF_LABEL_GUIDELINE,
  /** Off-label; evaluated in clinical trials. */
  STUDIED_IN_TRIALS,
  /** A randomised controlled trial found no benefit. */
  RCT_NEGATIVE,
  /** Off-label; supported by a case series. */
  CASE_SERIES,
  /** Off-label; supported by single cases or general experience. */
  OFF_LABEL,
  /** Off-label; efficacy has not been assessed in this condition. */
  NOT_ASSESSED
}
