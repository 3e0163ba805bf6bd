package io.mmf.pk.population;

import io.mmf.core.internal.Checks;
import io.mmf.pk.dosing.CovariateInterpolation;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Between-occasion variability (BOV, IOV): on each occasion a subject's parameters move by a further
 * random effect kappa ~ N(0, Pi), drawn anew per occasion and independent of the subject's own eta,
 * so that P = TV exp(eta + kappa) for a log-normal parameter (TV + eta + kappa for a normal one,
 * logit P = logit TV + eta + kappa for a logit-normal one; a parameter with BOV and no eta takes
 * kappa alone). Pi is a covariance matrix over named parameters, the same on every occasion; a
 * variance of 0 fixes that parameter's kappa at 0 (its row and column must then be 0).
 *
 * <p>What an occasion is ({@link Definition}) is part of the model, and may be changed per run
 * ({@link #withDefinition}): each dose, each day of the history's clock, or the value of a dataset
 * column such as {@code OCC}. An occasion starts at its first record and holds until the next one
 * starts (carried forward, whatever the history's covariate rule); the parameters change there, the
 * amounts in the compartments carry over.
 *
 * <p>Immutable and thread-safe.
 */
public final class OccasionVariability {
  /**
   * The covariate under which {@link #label} writes the occasion number on each record for the
   * {@link Definition#DOSE} and {@link Definition#DAY} definitions: not a valid covariate name in a
   * model file, so it never meets one.
   */
  public static final String OCCASION_KEY = "mmf.occasion";

  /** What one occasion is. */
  public enum Definition {
    /**
     * Each dose is an occasion, from its administration to the next one's (additional doses, ADDL,
     * each their own; a steady-state dose stands for its earlier doses at its own occasion). Numbered
     * 1, 2, ... in the order given.
     */
    DOSE,
    /**
     * Each day of the history's clock, [24 d, 24 (d + 1)) h, is an occasion: the usual reading of
     * occasions as sampling days (a profile day, a monitoring visit). Numbered by d.
     */
    DAY,
    /**
     * A dataset column gives the occasion: the records' covariate of that name (NONMEM's {@code OCC}),
     * carried forward from the record that gives it; a history that never gives it is one occasion,
     * numbered 0.
     */
    COLUMN
  }

  private final List<String> parameters;
  private final double[][] omega;
  private final double[][] cholesky;
  private final Definition definition;
  private final String column;

  private OccasionVariability(List<String> parameters, double[][] omega, double[][] cholesky, Definition definition,
      String column) {
    this.parameters = parameters;
    this.omega = omega;
    this.cholesky = cholesky;
    this.definition = definition;
    this.column = column;
  }

  /**
   * Between-occasion variability.
   *
   * @param parameters parameter names, in matrix order, unique, at least one
   * @param omega covariance matrix of kappa (on the scale of each parameter's random effect), symmetric,
   *     positive semi-definite in one way only: a zero variance has a zero row and column; the rest
   *     positive definite
   * @param definition what an occasion is
   * @param column the dataset column that numbers occasions, for {@link Definition#COLUMN} (a letter or
   *     '_', then letters, digits or '_'); ignored (may be null) otherwise
   * @return the variability
   * @throws NullPointerException if an argument (the column for {@link Definition#COLUMN}) is null
   * @throws IllegalArgumentException if the sizes differ, an entry is not finite or a variance is
   *     negative, the matrix is not symmetric, a zero variance has a non-zero covariance, the rest is not
   *     positive definite, or the column name is not an identifier (the message names the parameter)
   */
  public static OccasionVariability of(List<String> parameters, double[][] omega, Definition definition,
      String column) {
    Checks.notNull(parameters, "parameters");
    Checks.notNull(omega, "omega");
    Checks.notNull(definition, "definition");
    String col = "";
    if (definition == Definition.COLUMN) {
      col = Checks.notNull(column, "column");
      if (!col.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
        throw new IllegalArgumentException(Checks.invalid("column", "a letter or '_' followed by letters, digits"
            + " or '_' (at most 64)", col));
      }
    }
    List<String> names = List.copyOf(parameters);
    double[][] copy = RandomEffects.checkedCopy(names, omega);
    int n = names.size();
    for (int i = 0; i < n; i++) {
      if (copy[i][i] < 0) {
        throw new IllegalArgumentException(Checks.invalid("variance of " + names.get(i), ">= 0", copy[i][i]));
      }
      for (int j = 0; j < n; j++) {
        if (i != j && copy[i][i] == 0 && copy[i][j] != 0) {
          throw new IllegalArgumentException(Checks.invalid("omega[" + names.get(i) + "][" + names.get(j) + "]",
              "0, since the variance of " + names.get(i) + " is 0 (a kappa fixed at 0)", copy[i][j]));
        }
      }
    }
    double[][] l = RandomEffects.cholesky(names, copy, true);
    return new OccasionVariability(names, copy, l, definition, col);
  }

  /**
   * Independent between-occasion effects.
   *
   * @param variances variance per parameter, each finite and &gt;= 0, in the map's iteration order
   * @param definition what an occasion is ({@link Definition#DOSE} or {@link Definition#DAY}; for a column
   *     use {@link #of})
   * @return the variability
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #of}
   */
  public static OccasionVariability diagonal(Map<String, Double> variances, Definition definition) {
    Checks.notNull(variances, "variances");
    List<String> names = List.copyOf(variances.keySet());
    double[][] omega = new double[names.size()][names.size()];
    for (int i = 0; i < names.size(); i++) {
      omega[i][i] = Checks.notNull(variances.get(names.get(i)), "variance of " + names.get(i));
    }
    return of(names, omega, definition, "OCC");
  }

  /**
   * This variability with another definition of an occasion (a run's choice over the model's).
   *
   * @param value the definition
   * @param columnName the column for {@link Definition#COLUMN}
   * @return the changed copy
   * @throws NullPointerException if {@code value} is null, or the column for {@link Definition#COLUMN}
   * @throws IllegalArgumentException if the column name is not an identifier
   */
  public OccasionVariability withDefinition(Definition value, String columnName) {
    return of(parameters, omega, value, columnName);
  }

  /**
   * Returns the parameter names, in matrix order.
   *
   * @return the names
   */
  public List<String> parameters() {
    return parameters;
  }

  /**
   * The covariance of two parameters' kappas.
   *
   * @param i row
   * @param j column
   * @return Pi[i][j]
   */
  public double omega(int i, int j) {
    return omega[i][j];
  }

  /**
   * Returns what an occasion is.
   *
   * @return the definition
   */
  public Definition definition() {
    return definition;
  }

  /**
   * Returns the dataset column that numbers occasions, for {@link Definition#COLUMN}.
   *
   * @return the column, or empty
   */
  public Optional<String> column() {
    return definition == Definition.COLUMN ? Optional.of(column) : Optional.empty();
  }

  /**
   * Whether every variance is 0: the model then behaves exactly as without between-occasion variability.
   *
   * @return true if no kappa can differ from 0
   */
  public boolean isZero() {
    for (int i = 0; i < omega.length; i++) {
      if (omega[i][i] != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Draws one occasion's kappa into {@code out}: L z with z standard normal and L the Cholesky factor
   * (0 for a parameter of variance 0).
   *
   * @param random the generator (one per subject and occasion, {@link SubjectStreams#occasionSeed})
   * @param z scratch of the same length
   * @param out receives kappa, in {@link #parameters()} order
   */
  public void sample(RandomGenerator random, double[] z, double[] out) {
    RandomEffects.sample(cholesky, random, z, out);
  }


  /**
   * A dose history with its occasions: each record carries its occasion's number under {@link #key()}.
   *
   * @param records the history, carried forward ({@link CovariateInterpolation#LOCF})
   * @param key the covariate that numbers the occasions
   * @param numbers the occasions' numbers, in the order they start
   */
  public record Labelled(DoseRecords records, String key, double[] numbers) {
    /**
     * Checks and copies.
     *
     * @param records the labelled history
     * @param key the covariate that numbers the occasions
     * @param numbers the occasions' numbers
     * @throws NullPointerException if an argument is null
     */
    public Labelled {
      Checks.notNull(records, "records");
      Checks.notNull(key, "key");
      numbers = Checks.notNull(numbers, "numbers").clone();
    }

    /**
     * Returns the occasions' numbers, in the order they start.
     *
     * @return a copy
     */
    @Override
    public double[] numbers() {
      return numbers.clone();
    }

    /**
     * The occasion in effect just before an instant: the one a sample then informs, since the
     * concentration at an instant depends on the parameters before it (the first occasion if the
     * instant precedes every record).
     *
     * @param timeHours h on the history's clock
     * @return the occasion's number (0 if the history never gives one)
     */
    public double occasionBefore(double timeHours) {
      List<DoseRecord> rs = records.records();
      Double v = null;
      for (DoseRecord r : rs) {
        Double o = r.covariates().get(key);
        if (o == null) {
          continue;
        }
        if (v != null && r.timeHours() >= timeHours) {
          break;
        }
        v = o;
      }
      return v == null ? 0 : v;
    }
  }

  /**
   * Returns the covariate under which occasions are numbered: {@link #OCCASION_KEY}, or the column.
   *
   * @return the key
   */
  public String key() {
    return definition == Definition.COLUMN ? column : OCCASION_KEY;
  }

  /**
   * Numbers the occasions of a dose history: for {@link Definition#DOSE} each dose record's additional
   * doses become records of their own and every record carries its dose's number; for
   * {@link Definition#DAY} a record (EVID 2) starts each day up to {@code untilHours} and every record
   * carries its day; for {@link Definition#COLUMN} the records keep their column.
   *
   * @param history the dose history
   * @param untilHours the last time of interest (a sample, an AUC window's end), h
   * @return the labelled history
   * @throws NullPointerException if {@code history} is null
   * @throws IllegalArgumentException if the expanded history is invalid
   */
  public Labelled label(DoseRecords history, double untilHours) {
    Checks.notNull(history, "history");
    List<DoseRecord> rs = history.records();
    List<DoseRecord> out = new ArrayList<>();
    LinkedHashSet<Double> numbers = new LinkedHashSet<>();
    switch (definition) {
      case DOSE -> {
        // every record (its additional doses removed), then each additional dose as a record of its own,
        // after the records at its instant (records at an instant act before what earlier ones set in motion)
        List<double[]> order = new ArrayList<>();
        List<DoseRecord> entries = new ArrayList<>();
        for (int i = 0; i < rs.size(); i++) {
          DoseRecord r = rs.get(i);
          entries.add(r.additionalDoses() > 0 ? r.withAdditionalDoses(0, r.intervalHours()) : r);
          order.add(new double[] {r.timeHours(), 0, i});
        }
        boolean[] own = new boolean[rs.size()];
        for (DoseRecords.Administration g : history.administrations()) {
          if (!own[g.record()] && g.timeHours() == rs.get(g.record()).timeHours()) {
            own[g.record()] = true;
          } else {
            order.add(new double[] {g.timeHours(), 1, entries.size()});
            entries.add(expanded(rs.get(g.record()), g.timeHours()));
          }
        }
        order.sort((x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0])
            : x[1] != y[1] ? Double.compare(x[1], y[1]) : Double.compare(x[2], y[2]));
        double occasion = 0;
        for (double[] o : order) {
          DoseRecord r = entries.get((int) o[2]);
          if (r.kind().isDose()) {
            occasion++;
            numbers.add(occasion);
          }
          out.add(r.withCovariate(key(), Math.max(occasion, 1)));
        }
        if (numbers.isEmpty()) {
          numbers.add(1.0);
        }
      }
      case DAY -> {
        double day = Math.floor(rs.get(0).timeHours() / 24);
        numbers.add(day);
        double last = Math.max(untilHours, history.lastTimeHours());
        int i = 0;
        while (i < rs.size() || (day + 1) * 24 <= last) {
          if (i < rs.size() && rs.get(i).timeHours() < (day + 1) * 24) {
            DoseRecord r = rs.get(i++);
            out.add(r.withCovariate(key(), Math.floor(r.timeHours() / 24)));
          } else {
            day++;
            out.add(DoseRecord.other(day * 24).withCovariate(key(), day));
            numbers.add(day);
          }
        }
      }
      default -> {
        out.addAll(rs);
        for (DoseRecord r : rs) {
          Double v = r.covariates().get(column);
          if (v != null && r.timeHours() <= untilHours) {
            numbers.add(v);
          }
        }
        if (numbers.isEmpty()) {
          numbers.add(0.0);
        }
      }
    }
    double[] n = numbers.stream().mapToDouble(Double::doubleValue).toArray();
    return new Labelled(DoseRecords.of(out).withInterpolation(CovariateInterpolation.LOCF), key(), n);
  }

  /** One additional dose of a record as a record of its own: a plain dose of the same drug, amount and delivery. */
  private static DoseRecord expanded(DoseRecord r, double timeHours) {
    DoseRecord d = DoseRecord.dose(timeHours, r.drug(), r.amountMg());
    d = r.rateMgPerHour() > 0 ? d.withRate(r.rateMgPerHour()) : d;
    d = r.durationHours() > 0 ? d.withDuration(r.durationHours()) : d;
    for (Map.Entry<String, Double> c : r.covariates().entrySet()) {
      d = d.withCovariate(c.getKey(), c.getValue());
    }
    return d;
  }

  @Override
  public String toString() {
    return "OccasionVariability[" + definition.name().toLowerCase(java.util.Locale.ROOT)
        + (definition == Definition.COLUMN ? " " + column : "") + ", " + parameters + Arrays.deepToString(omega) + "]";
  }
}
