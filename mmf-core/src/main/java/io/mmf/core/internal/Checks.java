package io.mmf.core.internal;

import java.util.Collection;
import java.util.Objects;

/**
 * Argument checks shared by every value type, with messages in one form:
 * {@code Invalid value for doseMg (expected finite and > 0): -500.0}.
 *
 * <p>Not exported: the module's public types call it from their factories.
 */
public final class Checks {
  private Checks() {}

  /**
   * Builds the message every check throws: field, expectation, value.
   *
   * @param field the field or parameter name
   * @param expected what was expected, e.g. {@code "finite and > 0"}
   * @param value the value received
   * @return {@code Invalid value for FIELD (expected EXPECTED): VALUE}
   */
  public static String invalid(String field, String expected, Object value) {
    return "Invalid value for " + field + " (expected " + expected + "): " + value;
  }

  /**
   * Rejects null with the field's name.
   *
   * @param <T> the value's type
   * @param value the value
   * @param field its name
   * @return the value
   * @throws NullPointerException if it is null
   */
  public static <T> T notNull(T value, String field) {
    return Objects.requireNonNull(value, () -> "Invalid value for " + field + " (expected non-null): null");
  }

  /**
   * Requires a finite value.
   *
   * @param value the value
   * @param field its name
   * @return the value
   * @throws IllegalArgumentException if it is NaN or infinite
   */
  public static double finite(double value, String field) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(invalid(field, "finite", value));
    }
    return value;
  }

  /**
   * Requires a finite value strictly greater than zero.
   *
   * @param value the value
   * @param field its name
   * @return the value
   * @throws IllegalArgumentException if it is not finite and &gt; 0
   */
  public static double positive(double value, String field) {
    if (!Double.isFinite(value) || value <= 0) {
      throw new IllegalArgumentException(invalid(field, "finite and > 0", value));
    }
    return value;
  }

  /**
   * Requires a finite value greater than or equal to zero.
   *
   * @param value the value
   * @param field its name
   * @return the value
   * @throws IllegalArgumentException if it is not finite and &gt;= 0
   */
  public static double nonNegative(double value, String field) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(invalid(field, "finite and >= 0", value));
    }
    return value;
  }

  /**
   * Requires a whole number greater than or equal to zero.
   *
   * @param value the value
   * @param field its name
   * @return the value
   * @throws IllegalArgumentException if it is negative
   */
  public static int nonNegative(int value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException(invalid(field, ">= 0", value));
    }
    return value;
  }

  /**
   * Requires a whole number strictly greater than zero.
   *
   * @param value the value
   * @param field its name
   * @return the value
   * @throws IllegalArgumentException if it is not &gt; 0
   */
  public static int positive(int value, String field) {
    if (value <= 0) {
      throw new IllegalArgumentException(invalid(field, "> 0", value));
    }
    return value;
  }

  /**
   * Requires a finite value within [min, max].
   *
   * @param value the value
   * @param min the lowest accepted
   * @param max the highest accepted
   * @param field its name
   * @return the value
   * @throws IllegalArgumentException if it is not finite or outside the range
   */
  public static double inRange(double value, double min, double max, String field) {
    if (!Double.isFinite(value) || value < min || value > max) {
      throw new IllegalArgumentException(invalid(field, "finite and in [" + min + ", " + max + "]", value));
    }
    return value;
  }

  /**
   * Requires a non-blank string.
   *
   * @param value the text
   * @param field its name
   * @return the text
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it is blank
   */
  public static String notBlank(String value, String field) {
    notNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(invalid(field, "non-blank text", "'" + value + "'"));
    }
    return value;
  }

  /**
   * Requires a non-null collection with no null element.
   *
   * @param <C> the collection's type
   * @param values the collection
   * @param field its name
   * @return the collection
   * @throws NullPointerException if it or an element is null (the message gives the index)
   */
  public static <C extends Collection<?>> C noNulls(C values, String field) {
    notNull(values, field);
    int i = 0;
    for (Object v : values) {
      if (v == null) {
        throw new NullPointerException("Invalid value for " + field + "[" + i + "] (expected non-null): null");
      }
      i++;
    }
    return values;
  }

  /**
   * Requires a non-null, non-empty collection with no null element.
   *
   * @param <C> the collection's type
   * @param values the collection
   * @param field its name
   * @return the collection
   * @throws NullPointerException if it or an element is null
   * @throws IllegalArgumentException if it is empty
   */
  public static <C extends Collection<?>> C nonEmpty(C values, String field) {
    noNulls(values, field);
    if (values.isEmpty()) {
      throw new IllegalArgumentException(invalid(field, "at least one element", "[]"));
    }
    return values;
  }
}
