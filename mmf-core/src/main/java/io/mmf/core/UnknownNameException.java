package io.mmf.core;

import java.util.List;

/**
 * A look-up by name (condition, formulation, co-medication) found nothing. The message lists the
 * closest known names, so a user can correct a typing error.
 */
public final class UnknownNameException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** What kind of thing was looked up, e.g. {@code "condition"}. */
  private final String kind;
  /** The name as given. */
  private final String name;
  /** The closest known names, best first. */
  private final List<String> suggestions;

  /**
   * Creates the exception.
   *
   * @param kind what was looked up, e.g. {@code "condition"}
   * @param name the name as given
   * @param suggestions closest known names, best first (may be empty)
   */
  public UnknownNameException(String kind, String name, List<String> suggestions) {
    super("Unknown " + kind + ": '" + name + "'"
        + (suggestions.isEmpty() ? "" : " (did you mean: " + String.join(", ", suggestions) + "?)"));
    this.kind = kind;
    this.name = name;
    this.suggestions = List.copyOf(suggestions);
  }

  /**
   * Returns what kind of thing was looked up, e.g. {@code "condition"}.
   *
   * @return what kind of thing was looked up
   */
  public String kind() {
    return kind;
  }

  /**
   * Returns the name as given.
   *
   * @return the name as given
   */
  public String name() {
    return name;
  }

  /**
   * Returns the closest known names, best first; possibly empty.
   *
   * @return the closest known names, best first; possibly empty
   */
  public List<String> suggestions() {
    return suggestions;
  }
}
