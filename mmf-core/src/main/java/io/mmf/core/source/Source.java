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
 * @param locator where in the source, e.g. {@code "section 5.3"} or {@code "Table II"}; empty when
 *     the citation as a whole is meant
 */
public record Source(String id, String citation, Verification verification, String locator) {

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
   * @param locator where in the source, or empty
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if {@code id} or {@code citation} is blank
   */
  public Source {
    Checks.notBlank(id, "id");
    Checks.notBlank(citation, "citation");
    Checks.notNull(verification, "verification");
    Checks.notNull(locator, "locator");
    locator = locator.strip();
  }

  /**
   * A citation of a source as a whole (no locator).
   *
   * @param id short stable key
   * @param citation full citation
   * @param verification how it was checked
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if {@code id} or {@code citation} is blank
   */
  public Source(String id, String citation, Verification verification) {
    this(id, citation, verification, "");
  }

  /**
   * This source at a place within it, e.g. {@code Sources.LABEL.at("section 5.3")}.
   *
   * @param where the section, table or page, non-blank
   * @return the same citation with that locator
   * @throws NullPointerException if {@code where} is null
   * @throws IllegalArgumentException if {@code where} is blank
   */
  public Source at(String where) {
    return new Source(id, citation, verification, Checks.notBlank(where, "where"));
  }

  /**
   * The short reference printed after a finding: the id, and the locator where there is one, e.g.
   * {@code label 5.3} or {@code seed-003}.
   *
   * @return the short reference
   */
  public String ref() {
    return locator.isEmpty() ? id : id + " " + locator;
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
   * Returns the reference and citation, e.g. {@code [label 5.3] CellCept US prescribing information}.
   *
   * @return the reference and citation
   */
  @Override
  public String toString() {
    return "[" + ref() + "] " + citation;
  }
}
