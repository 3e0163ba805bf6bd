package io.mmf.pk.exposure;

import io.mmf.core.regimen.DoseCeiling;
import io.mmf.pk.model.Interactions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to do about a regimen's exposure, by the rules of safe dose advice: no advice against a target
 * that no source gives for the condition; no change inside the target (the dose for its aim offered as
 * an option only); where a manageable interaction explains a low exposure, its management first;
 * never a dose above the {@link DoseCeiling}, and a regimen above it reduced whatever its exposure. Decision support, not medical advice.
 *
 * <p>Immutable and thread-safe. Made by {@link Exposures#advise}.
 *
 * @param kind what the advice is
 * @param recommendation the dose for the target's aim, rounded to strengths under the ceiling: the
 *     advised dose for {@link Kind#CHANGE_DOSE}, {@link Kind#CAPPED_AT_CEILING} and {@link
 *     Kind#REDUCE_TO_CEILING}, an option for
 *     {@link Kind#NO_CHANGE} and {@link Kind#MANAGE_INTERACTIONS_FIRST}; empty when no dose is offered
 * @param managementFirst the interactions to manage before any dose change, each with its management
 * @param ceiling the ceiling the advice stays under
 * @param text the advice in one or two sentences, with the values and sources
 */
public record DoseAdvice(Kind kind, Optional<DoseRecommendation> recommendation,
    List<Interactions.Effect> managementFirst, DoseCeiling ceiling, String text) {

  /** What the advice is. */
  public enum Kind {
    /** No validated target for the condition: no dose advice. */
    NO_VALIDATED_TARGET,
    /** Within the target: no change (the dose for the aim is an option only). */
    NO_CHANGE,
    /** Below the target with a manageable interaction that lowers exposure: manage it first. */
    MANAGE_INTERACTIONS_FIRST,
    /** Outside the target: change to the recommended dose. */
    CHANGE_DOSE,
    /**
     * The dose for the target's aim is above the ceiling: the recommendation is the highest dose under
     * it (or none, when the regimen is at the ceiling already); review adherence and interactions,
     * measure again, consider other treatment.
     */
    CAPPED_AT_CEILING,
    /**
     * The regimen's dose itself is above the ceiling: reduce it to at most the ceiling, whatever the
     * exposure (the recommendation, when there is one, is the dose under the ceiling nearest the
     * target's aim).
     */
    REDUCE_TO_CEILING,
    /**
     * The model was fitted on healthy volunteers or after single doses, or describes one steady-state
     * interval only (its AUC not proportional to dose), so its predictions do not carry a dose change for a
     * patient: no dose advice ({@link Exposures#forModelFittedOn}).
     */
    MODEL_NOT_FOR_DOSING
  }

  /**
   * Validates the advice.
   *
   * @param kind kind
   * @param recommendation recommendation or empty
   * @param managementFirst interactions to manage first
   * @param ceiling ceiling
   * @param text advice in words
   * @throws NullPointerException if an argument is null
   */
  public DoseAdvice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(recommendation, "recommendation");
    managementFirst = List.copyOf(Objects.requireNonNull(managementFirst, "managementFirst"));
    Objects.requireNonNull(ceiling, "ceiling");
    Objects.requireNonNull(text, "text");
  }

  /**
   * Returns true when the advice is to change the dose now: to {@link #recommendation()}, or for a form
   * measured by volume (no recommendation) to the mg given in {@link #text()}.
   *
   * @return true for {@link Kind#CHANGE_DOSE} and {@link Kind#REDUCE_TO_CEILING}, and for {@link
   *     Kind#CAPPED_AT_CEILING} with a dose
   */
  public boolean changesDose() {
    return kind == Kind.CHANGE_DOSE || kind == Kind.REDUCE_TO_CEILING
        || (kind == Kind.CAPPED_AT_CEILING && recommendation.isPresent());
  }

  /**
   * Returns the advice in words.
   */
  @Override
  public String toString() {
    return text;
  }
}
