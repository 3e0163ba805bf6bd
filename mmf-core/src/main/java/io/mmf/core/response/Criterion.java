package io.mmf.core.response;

import io.mmf.core.internal.Checks;
import io.mmf.core.source.Source;

/**
 * One criterion of an assessment, evaluated.
 *
 * @param id stable id, e.g. {@code mmt8-full-strength}
 * @param description what the criterion requires
 * @param met whether the patient meets it
 * @param detail the values it was judged on
 * @param source citation
 */
public record Criterion(String id, String description, boolean met, String detail, Source source) {

  /**
   * Validates the criterion.
   *
   * @param id stable id
   * @param description requirement
   * @param met whether met
   * @param detail values
   * @param source citation
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a text is blank
   */
  public Criterion {
    Checks.notBlank(id, "id");
    Checks.notBlank(description, "description");
    Checks.notBlank(detail, "detail");
    Checks.notNull(source, "source");
  }

  /**
   * Returns e.g. {@code [unmet] mmt8-full-strength: ... (MMT-8 78/80)}.
   */
  @Override
  public String toString() {
    return (met ? "[met] " : "[unmet] ") + id + ": " + description + " (" + detail + ")";
  }
}
