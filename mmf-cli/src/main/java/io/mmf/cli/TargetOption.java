package io.mmf.cli;

import io.mmf.core.condition.Condition;
import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.target.AucTarget;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The condition of a command and its AUC target: the condition's own, or, with none, orientation only. */
final class TargetOption {
  @Option(names = "--condition", paramLabel = "NAME",
      description = "Judge exposure against this condition's target and dose limits (population: an adult's"
          + " limits; without a condition: the 20-60 mg*h/L window of seed 003 for orientation only,"
          + " the label's, renal and paediatric limits, and no exposure-based dose advice).")
  String condition;

  /** The condition given, if any (an unknown name is an error naming the closest ones). */
  Optional<Condition> condition() {
    return condition == null ? Optional.empty() : Optional.of(ConditionCatalog.standard().get(condition));
  }

  /** The target: the condition's, or {@link AucTarget#DEFAULT} (orientation only). */
  AucTarget target() {
    return condition().map(Condition::target).orElse(AucTarget.DEFAULT);
  }
}
