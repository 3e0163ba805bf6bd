package io.mmf.cli;

import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.monitoring.AucTarget;
import picocli.CommandLine.Option;

/** The AUC target of a command: a condition's own window, or the project default. */
final class TargetOption {
  @Option(names = "--condition", paramLabel = "NAME",
      description = "Judge exposure against this condition's target (default: 20-60 mg*h/L over 12 h).")
  String condition;

  /** The window: the condition's (unknown names are an error naming the catalog), or 20-60 mg*h/L. */
  AucTarget target() {
    return condition == null ? AucTarget.DEFAULT : ConditionCatalog.standard().get(condition).target();
  }
}
