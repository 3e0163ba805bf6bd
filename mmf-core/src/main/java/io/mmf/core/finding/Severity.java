package io.mmf.core.finding;

/** How serious a {@link Finding} is, from least to most. */
public enum Severity {
  /** Information; nothing to change. */
  INFO,
  /** Worth attention: monitor, repeat, or consider an adjustment. */
  CAUTION,
  /** Act on it: a limit is crossed or a risk is present. */
  WARNING,
  /** Do not give, or stop: the sources contraindicate MMF here. */
  CONTRAINDICATED
}
