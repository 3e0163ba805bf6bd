package io.mmf.pk.solve;

import io.mmf.core.internal.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Concentrations and cumulative AUC of each observed analyte at a series of times.
 *
 * <p>Immutable and thread-safe (arrays are copied on the way out). Analyte 0 is the model's primary
 * analyte (MPA).
 */
public final class ConcentrationProfile {
  private final List<String> analytes;
  private final double[] timesHours;
  private final double[][] concentrationsMgPerL;
  private final double[][] cumulativeAucMgHPerL;

  ConcentrationProfile(List<String> analytes, double[] timesHours, double[][] concentrations, double[][] auc) {
    this.analytes = List.copyOf(analytes);
    this.timesHours = timesHours;
    this.concentrationsMgPerL = concentrations;
    this.cumulativeAucMgHPerL = auc;
  }

  /**
   * A profile from its columns (the arrays are taken as they are, not copied: the solvers hand over
   * arrays they no longer touch).
   *
   * @param analytes analyte names, primary first
   * @param timesHours the times, h
   * @param concentrationsMgPerL per analyte, one concentration per time, mg/L
   * @param cumulativeAucMgHPerL per analyte, one cumulative AUC per time, mg*h/L
   * @return the profile
   * @throws NullPointerException if an argument or an element is null
   * @throws IllegalArgumentException if the shapes disagree
   */
  public static ConcentrationProfile of(List<String> analytes, double[] timesHours, double[][] concentrationsMgPerL,
      double[][] cumulativeAucMgHPerL) {
    Objects.requireNonNull(timesHours, "timesHours");
    if (concentrationsMgPerL.length != analytes.size() || cumulativeAucMgHPerL.length != analytes.size()) {
      throw new IllegalArgumentException(Checks.invalid("concentrationsMgPerL", "one row per analyte, "
          + analytes.size(), concentrationsMgPerL.length + " rows"));
    }
    for (int k = 0; k < analytes.size(); k++) {
      if (concentrationsMgPerL[k].length != timesHours.length || cumulativeAucMgHPerL[k].length != timesHours.length) {
        throw new IllegalArgumentException(Checks.invalid("row " + k, timesHours.length + " values, one per time",
            concentrationsMgPerL[k].length));
      }
    }
    return new ConcentrationProfile(analytes, timesHours, concentrationsMgPerL, cumulativeAucMgHPerL);
  }

  /**
   * Returns the analyte names, primary first.
   *
   * @return the analyte names, primary first
   */
  public List<String> analytes() {
    return analytes;
  }

  /**
   * Returns the number of time points.
   *
   * @return the number of time points
   */
  public int size() {
    return timesHours.length;
  }

  /**
   * Returns a copy of the times, h.
   *
   * @return a copy of the times, h
   */
  public double[] timesHours() {
    return timesHours.clone();
  }

  /**
   * The time at one index.
   *
   * @param i index
   * @return time, h
   */
  public double timeHours(int i) {
    return timesHours[i];
  }

  /**
   * The primary analyte's concentration at one index.
   *
   * @param i index
   * @return concentration, mg/L, never negative
   */
  public double concentrationMgPerL(int i) {
    return concentrationsMgPerL[0][i];
  }

  /**
   * An analyte's concentrations.
   *
   * @param analyte index into {@link #analytes()}
   * @return a copy of the concentrations, mg/L
   */
  public double[] analyteConcentrationsMgPerL(int analyte) {
    return concentrationsMgPerL[analyte].clone();
  }

  /**
   * The primary analyte's AUC from time 0 to the time at one index.
   *
   * @param i index
   * @return AUC, mg*h/L
   */
  public double cumulativeAucMgHPerL(int i) {
    return cumulativeAucMgHPerL[0][i];
  }

  /**
   * An analyte's cumulative AUCs from time 0.
   *
   * @param analyte index into {@link #analytes()}
   * @return a copy, mg*h/L
   */
  public double[] analyteCumulativeAucMgHPerL(int analyte) {
    return cumulativeAucMgHPerL[analyte].clone();
  }

  /**
   * The primary analyte's AUC between two of the profile's time points (exact, not a trapezoid).
   *
   * @param from index of the start
   * @param to index of the end, &gt;= from
   * @return AUC, mg*h/L
   */
  public double aucBetweenMgHPerL(int from, int to) {
    return cumulativeAucMgHPerL[0][to] - cumulativeAucMgHPerL[0][from];
  }

  /**
   * Returns the index of the highest primary concentration (the first, if tied).
   *
   * @return the index of the highest primary concentration (the first, if tied)
   */
  public int indexOfMax() {
    int best = 0;
    for (int i = 1; i < timesHours.length; i++) {
      if (concentrationsMgPerL[0][i] > concentrationsMgPerL[0][best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * Hours the primary concentration spends inside [low, high] mg/L, by linear interpolation between
   * points.
   *
   * @param lowMgPerL lower bound, mg/L, &gt;= 0
   * @param highMgPerL upper bound, mg/L, &gt;= low
   * @return hours inside the band
   * @throws IllegalArgumentException if the bounds are invalid
   */
  public double hoursInBand(double lowMgPerL, double highMgPerL) {
    if (!(lowMgPerL >= 0 && highMgPerL >= lowMgPerL) || !Double.isFinite(highMgPerL)) {
      throw new IllegalArgumentException(Checks.invalid("band", "0 <= low <= high, finite", "[" + lowMgPerL + ", "
          + highMgPerL + "]"));
    }
    double total = 0;
    double[] c = concentrationsMgPerL[0];
    for (int i = 1; i < timesHours.length; i++) {
      total += Segment.timeInside(c[i - 1], c[i], timesHours[i] - timesHours[i - 1], lowMgPerL, highMgPerL);
    }
    return total;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConcentrationProfile p && analytes.equals(p.analytes) && Arrays.equals(timesHours, p.timesHours)
        && Arrays.deepEquals(concentrationsMgPerL, p.concentrationsMgPerL)
        && Arrays.deepEquals(cumulativeAucMgHPerL, p.cumulativeAucMgHPerL);
  }

  @Override
  public int hashCode() {
    return Objects.hash(analytes, Arrays.hashCode(timesHours));
  }

  /** Linear-interpolation helper. */
  static final class Segment {
    private Segment() {}

    static double timeInside(double c0, double c1, double dt, double lo, double hi) {
      if (c0 == c1) {
        return c0 >= lo && c0 <= hi ? dt : 0;
      }
      double a = Math.min(c0, c1);
      double b = Math.max(c0, c1);
      double overlap = Math.max(0, Math.min(b, hi) - Math.max(a, lo));
      return dt * overlap / (b - a);
    }
  }
}
