package io.mmf.core.source;

import io.mmf.core.internal.Checks;

/**
 * A citation that a clinical number or rule rests on.
 *
 * <p>Immutable and thread-safe. {@link Sources} holds the ones this library uses; an application
 * that adds its own conditions or rules creates its own with {@link #of(String, String)}.
 *
 * @param id short stable key, e.g. {@code "label"} or {@code "seed-003"}
 * @param citation full human-readable citation: authors, title, journal or document, year
 * @param verification how the citation was checked: whether the figure was read in the primary
 *     source, in a secondary source quoting it, or only recalled
 */
public record Source(String id, String citation, Verification verification) {

  /** How a cited figure was checked before it entered the library. */
  public enum Verification {
    /** Read in the cited primary source. */
    READ,
    /** Read in a secondary source that quotes the primary (a label mirror, a review, a drug guide). */
    READ_SECONDARY,
    /** Not read here: recalled; marked so a reviewer can check it. */
    RECALLED
  }

  /**
   * Validates the citation.
   *
   * @param id short stable key
   * @param citation full citation
   * @param verification how it was checked
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if {@code id} or {@code citation} is blank
   */
  public Source {
    Checks.notBlank(id, "id");
    Checks.notBlank(citation, "citation");
    Checks.notNull(verification, "verification");
  }

  /**
   * A citation read in its primary source.
   *
   * @param id short stable key
   * @param citation full citation
   * @return the source
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an argument is blank
   */
  public static Source of(String id, String citation) {
    return new Source(id, citation, Verification.READ);
  }

  /**
   * Returns the id and citation, e.g. {@code [label] CellCept US prescribing information}.
   *
   * @return the id and citation
   */
  @Override
  public String toString() {
    return "[" + id + "] " + citation;
  }
}
