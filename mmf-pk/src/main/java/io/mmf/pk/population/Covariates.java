package io.mmf.pk.population;

import io.mmf.core.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Where each virtual patient's covariates come from: fixed values, distributions, or rows of real
 * patients resampled with replacement. Draws use the subject's own generator, so they are as
 * reproducible as the random effects. Immutable and thread-safe.
 */
public final class Covariates {
  /**
   * The largest magnitude of a distribution's parameters and bounds (10^6, in the covariate's own unit: kg,
   * mL/min, g/L, mg/day), far above any patient's covariate and low enough that every draw is finite.
   */
  public static final double MAX_MAGNITUDE = 1e6;

  /** Whether a parameter is finite and within {@link #MAX_MAGNITUDE} of zero. */
  private static boolean bounded(double v) {
    return Math.abs(v) <= MAX_MAGNITUDE;
  }

  /** A distribution of one covariate. */
  public sealed interface Distribution {
    /**
     * Draws a value.
     *
     * @param random the generator
     * @return the value
     */
    double draw(RandomGenerator random);
  }

  /**
   * Always the same value.
   *
   * @param value the value, finite, at most {@link #MAX_MAGNITUDE} in magnitude
   */
  public record Fixed(double value) implements Distribution {
    /**
     * Validates the value.
     *
     * @param value the value
     * @throws IllegalArgumentException if it is not finite or above {@link #MAX_MAGNITUDE} in magnitude
     */
    public Fixed {
      if (!bounded(value)) {
        throw new IllegalArgumentException(Checks.invalid("fixed covariate", "finite, from -1e6 to 1e6", value));
      }
    }

    @Override
    public double draw(RandomGenerator random) {
      return value;
    }
  }

  /**
   * Normal, truncated to [min, max] by redrawing (at most 1000 times, then the nearest bound).
   *
   * @param mean mean, at most {@link #MAX_MAGNITUDE} in magnitude
   * @param sd standard deviation, &gt;= 0 and at most {@link #MAX_MAGNITUDE}
   * @param min lowest value (may be -infinity)
   * @param max highest value, &gt;= min (may be +infinity)
   */
  public record Normal(double mean, double sd, double min, double max) implements Distribution {
    /**
     * Validates the distribution.
     *
     * @param mean mean
     * @param sd SD
     * @param min lower bound
     * @param max upper bound
     * @throws IllegalArgumentException if the mean or sd is not finite or above {@link #MAX_MAGNITUDE} in
     *     magnitude, sd is negative, a bound is NaN or the bounds decrease
     */
    public Normal {
      if (!bounded(mean) || !(sd >= 0) || !bounded(sd) || Double.isNaN(min) || Double.isNaN(max) || max < min) {
        throw new IllegalArgumentException(Checks.invalid("normal distribution", "mean from -1e6 to 1e6, sd from 0 to"
            + " 1e6, min <= max",
            "mean " + mean + ", sd " + sd + ", [" + min + ", " + max + "]"));
      }
    }

    @Override
    public double draw(RandomGenerator random) {
      for (int i = 0; i < 1000; i++) {
        double v = mean + sd * random.nextGaussian();
        if (v >= min && v <= max) {
          return v;
        }
      }
      return Math.max(min, Math.min(max, mean));
    }
  }

  /**
   * Log-normal with a median and a coefficient of variation.
   *
   * @param median median, &gt; 0 and at most {@link #MAX_MAGNITUDE}
   * @param cv coefficient of variation (0.3 for 30 %), &gt; 0 and at most {@link RandomEffects#MAX_CV}
   */
  public record LogNormal(double median, double cv) implements Distribution {
    /**
     * Validates the distribution.
     *
     * @param median median
     * @param cv CV
     * @throws IllegalArgumentException if a value is not &gt; 0, the median is above {@link #MAX_MAGNITUDE}
     *     or the CV above {@link RandomEffects#MAX_CV}
     */
    public LogNormal {
      if (!(median > 0) || !bounded(median) || !(cv > 0) || !(cv <= RandomEffects.MAX_CV)) {
        throw new IllegalArgumentException(Checks.invalid("log-normal distribution", "median > 0 and <= 1e6, cv > 0"
            + " and <= " + (int) RandomEffects.MAX_CV,
            "median " + median + ", cv " + cv));
      }
    }

    @Override
    public double draw(RandomGenerator random) {
      return median * Math.exp(Math.sqrt(RandomEffects.varianceOfCv(cv)) * random.nextGaussian());
    }
  }

  /**
   * Uniform on [min, max].
   *
   * @param min lower bound, at least -{@link #MAX_MAGNITUDE}
   * @param max upper bound, &gt; min and at most {@link #MAX_MAGNITUDE}
   */
  public record Uniform(double min, double max) implements Distribution {
    /**
     * Validates the distribution.
     *
     * @param min lower bound
     * @param max upper bound
     * @throws IllegalArgumentException if a bound is not finite or above {@link #MAX_MAGNITUDE} in magnitude,
     *     or max &lt;= min
     */
    public Uniform {
      if (!bounded(min) || !bounded(max) || !(max > min)) {
        throw new IllegalArgumentException(Checks.invalid("uniform distribution", "-1e6 <= min < max <= 1e6",
            "[" + min + ", " + max + "]"));
      }
    }

    @Override
    public double draw(RandomGenerator random) {
      return min + (max - min) * random.nextDouble();
    }
  }

  /**
   * 1 with probability p, else 0 (e.g. female sex).
   *
   * @param p probability, in [0, 1]
   */
  public record Bernoulli(double p) implements Distribution {
    /**
     * Validates the distribution.
     *
     * @param p probability
     * @throws IllegalArgumentException if p is outside [0, 1]
     */
    public Bernoulli {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException(Checks.invalid("probability", "in [0, 1]", p));
      }
    }

    @Override
    public double draw(RandomGenerator random) {
      return random.nextDouble() < p ? 1 : 0;
    }
  }

  private final Map<String, Distribution> distributions;
  private final List<Map<String, Double>> rows;

  private Covariates(Map<String, Distribution> distributions, List<Map<String, Double>> rows) {
    this.distributions = distributions;
    this.rows = rows;
  }

  /**
   * No covariates (for models that need none).
   *
   * @return the empty source
   */
  public static Covariates none() {
    return new Covariates(Map.of(), List.of());
  }

  /**
   * Independent distributions per covariate.
   *
   * @param distributions per covariate name
   * @return the source
   * @throws NullPointerException if the map or a value is null
   */
  public static Covariates distributions(Map<String, Distribution> distributions) {
    Checks.notNull(distributions, "distributions");
    return new Covariates(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(distributions)), List.of());
  }

  /**
   * Rows of real patients, each virtual patient a row drawn with replacement.
   *
   * @param rows the rows, at least one, each with the same names
   * @return the source
   * @throws IllegalArgumentException if there is no row, or a row lacks a name the first row has (the message
   *     names the row and the column)
   */
  public static Covariates rows(List<Map<String, Double>> rows) {
    Checks.notNull(rows, "rows");
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(Checks.invalid("rows", "at least one covariate row", "[]"));
    }
    Set<String> names = rows.get(0).keySet();
    List<Map<String, Double>> copy = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Double> row = rows.get(i);
      for (String n : names) {
        Double v = row.get(n);
        if (v == null || !Double.isFinite(v)) {
          throw new IllegalArgumentException(Checks.invalid("row " + (i + 1) + " column '" + n + "'",
              "a finite number", v));
        }
      }
      copy.add(Map.copyOf(row));
    }
    return new Covariates(Map.of(), List.copyOf(copy));
  }

  /**
   * Returns the covariate names this source provides.
   *
   * @return the names
   */
  public Set<String> names() {
    return rows.isEmpty() ? distributions.keySet() : rows.get(0).keySet();
  }

  /**
   * Checks that this source provides every covariate a model needs.
   *
   * @param needed the names
   * @throws IllegalArgumentException naming the first missing covariate
   */
  public void requireAll(List<String> needed) {
    for (String n : needed) {
      if (!names().contains(n)) {
        throw new IllegalArgumentException("Invalid value for covariates (expected a value or distribution for '" + n
            + "', needed by the model; given: " + names() + ")");
      }
    }
  }

  /**
   * One virtual patient's covariates.
   *
   * @param random the subject's generator
   * @return the values
   */
  public Map<String, Double> draw(RandomGenerator random) {
    if (!rows.isEmpty()) {
      return rows.get(random.nextInt(rows.size()));
    }
    Map<String, Double> out = new LinkedHashMap<>();
    distributions.forEach((name, d) -> out.put(name, d.draw(random)));
    return out;
  }
}
