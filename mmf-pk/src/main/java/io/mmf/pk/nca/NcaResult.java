package io.mmf.pk.nca;

import io.mmf.core.internal.Checks;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The NCA of one subject: a value (or the reason it is not estimable) per code, and notes on how
 * the data were prepared (duplicates averaged, samples below the limit of quantification set to 0 or
 * dropped).
 *
 * @param values one entry per {@link NcaCode}
 * @param notes what was done to the data, in order
 */
public record NcaResult(Map<NcaCode, NcaValue> values, List<String> notes) {
  /**
   * Copies the inputs.
   *
   * @param values one entry per code
   * @param notes the notes
   * @throws IllegalArgumentException if a code is missing
   */
  public NcaResult {
    values = Map.copyOf(new EnumMap<>(Objects.requireNonNull(values, "values")));
    notes = List.copyOf(notes);
    for (NcaCode c : NcaCode.values()) {
      if (!values.containsKey(c)) {
        throw new IllegalArgumentException(Checks.invalid("values", "every NCA code", c + " missing"));
      }
    }
  }

  /**
   * One parameter.
   *
   * @param code the code
   * @return its value or reason
   */
  public NcaValue get(NcaCode code) {
    return values.get(code);
  }
}
