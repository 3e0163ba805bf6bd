package io.mmf.core.finding;

/** What a {@link Finding} recommends. The clinician decides; mmf only reports what its sources say. */
public enum Action {
  /** Continue the current dose. */
  CONTINUE,
  /** Keep giving it, and watch the named risk closely. */
  MONITOR,
  /** Repeat the test to confirm before acting. */
  REPEAT,
  /** Raise the dose. */
  INCREASE,
  /** Lower the dose. */
  REDUCE,
  /** Stop dosing for now. */
  INTERRUPT,
  /** Interrupt dosing or reduce the dose (the label leaves the choice to the clinician). */
  INTERRUPT_OR_REDUCE,
  /** Switch from MMF to enteric-coated mycophenolate sodium (EC-MPS). */
  SWITCH_TO_EC_MPS,
  /** Stop MMF. */
  STOP,
  /** Do not start MMF. */
  DO_NOT_START,
  /** Do not combine with the named drug or vaccine. */
  AVOID_COMBINATION,
  /** Give the two drugs apart in time. */
  SEPARATE_DOSES,
  /** Refer to, or discuss with, the specialist team. */
  REFER
}
