package io.mmf.core.condition;

import io.mmf.core.internal.Checks;
import io.mmf.core.source.Source;
import java.time.Period;
import java.util.Optional;

/**
 * When a response to MMF is expected, and when its absence counts as failure.
 *
 * @param summary one readable line, e.g. "initial response in 4-8 weeks; full effect in 3-6 months"
 * @param firstResponseWithin time by which a first response is usually seen, if a source gives one
 * @param fullEffectWithin time by which the full effect is usually reached, if a source gives one
 * @param assessResponseAt time after the start at which the source evaluated (or asks to evaluate)
 *     the response, if it gives one; not a time by which the full effect is reached
 * @param assessFailureAfter time at an adequate dose after which no improvement counts as failure,
 *     if a source gives one
 * @param source citation
 */
public record ResponseTimeline(String summary, Optional<Period> firstResponseWithin,
    Optional<Period> fullEffectWithin, Optional<Period> assessResponseAt, Optional<Period> assessFailureAfter,
    Source source) {

  /**
   * Validates the timeline.
   *
   * @param summary readable line
   * @param firstResponseWithin optional period
   * @param fullEffectWithin optional period
   * @param assessResponseAt optional period
   * @param assessFailureAfter optional period
   * @param source citation
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code summary} is blank or a period is zero or negative
   */
  public ResponseTimeline {
    Checks.notBlank(summary, "summary");
    positive(firstResponseWithin, "firstResponseWithin");
    positive(fullEffectWithin, "fullEffectWithin");
    positive(assessResponseAt, "assessResponseAt");
    positive(assessFailureAfter, "assessFailureAfter");
    Checks.notNull(source, "source");
  }

  /**
   * A timeline given only in words.
   *
   * @param summary readable line
   * @param source citation
   * @return the timeline
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code summary} is blank
   */
  public static ResponseTimeline described(String summary, Source source) {
    return new ResponseTimeline(summary, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        source);
  }

  private static void positive(Optional<Period> p, String field) {
    Checks.notNull(p, field);
    p.ifPresent(v -> {
      if (v.isNegative() || v.isZero()) {
        throw new IllegalArgumentException(Checks.invalid(field, "a positive period", v));
      }
    });
  }
}
