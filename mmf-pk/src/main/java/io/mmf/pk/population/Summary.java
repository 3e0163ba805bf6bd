package io.mmf.pk.population;

/**
 * Summary of one quantity over the simulated subjects: count, mean and percentiles. Percentiles come
 * from a log-spaced histogram (1400 bins from 0.001 to 10 000, each 1.16 % wide), so they are
 * accurate to about 0.6 % and memory does not grow with the number of subjects; values below 0.001
 * count in an underflow bin reported as 0.
 *
 * @param count subjects summarised
 * @param mean arithmetic mean
 * @param sd sample standard deviation (0 for a single subject)
 * @param p5 5th percentile
 * @param p25 25th percentile
 * @param p50 median
 * @param p75 75th percentile
 * @param p95 95th percentile
 */
public record Summary(long count, double mean, double sd, double p5, double p25, double p50, double p75,
    double p95) {

  /**
   * Accumulates values; not thread-safe (one per chunk). Its own values are summed in doubles in the
   * order added; merged accumulators are summed exactly (BigDecimal), so a total is the same to the bit
   * however chunks are grouped before they are merged (one thread, many, or Spark partitions).
   */
  static final class Accumulator implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    static final double LOW = 1e-3;
    static final double HIGH = 1e4;
    static final int BINS = 1400;
    private static final double LOG_LOW = Math.log(LOW);
    private static final double BIN_WIDTH = (Math.log(HIGH) - LOG_LOW) / BINS;

    private final long[] counts = new long[BINS + 2];
    private long n;
    private double sum;
    private double sumSquares;
    private java.math.BigDecimal mergedSum = java.math.BigDecimal.ZERO;
    private java.math.BigDecimal mergedSumSquares = java.math.BigDecimal.ZERO;

    void add(double v) {
      n++;
      sum += v;
      sumSquares += v * v;
      int bin;
      if (!(v >= LOW)) {
        bin = 0;
      } else if (v >= HIGH) {
        bin = BINS + 1;
      } else {
        bin = 1 + Math.min(BINS - 1, (int) ((Math.log(v) - LOG_LOW) / BIN_WIDTH));
      }
      counts[bin]++;
    }

    void merge(Accumulator other) {
      n += other.n;
      mergedSum = mergedSum.add(other.mergedSum).add(new java.math.BigDecimal(other.sum));
      mergedSumSquares = mergedSumSquares.add(other.mergedSumSquares).add(new java.math.BigDecimal(other.sumSquares));
      for (int i = 0; i < counts.length; i++) {
        counts[i] += other.counts[i];
      }
    }

    private double quantile(double q) {
      long rank = (long) Math.ceil(q * n);
      long seen = 0;
      for (int i = 0; i < counts.length; i++) {
        seen += counts[i];
        if (seen >= Math.max(1, rank)) {
          if (i == 0) {
            return 0;
          }
          if (i == BINS + 1) {
            return HIGH;
          }
          return Math.exp(LOG_LOW + (i - 0.5) * BIN_WIDTH);
        }
      }
      return Double.NaN;
    }

    Summary summary() {
      if (n == 0) {
        throw new IllegalStateException("no values");
      }
      // exact totals, rounded once: the same whatever the grouping of the merges
      double total = mergedSum.add(new java.math.BigDecimal(sum)).doubleValue();
      double totalSquares = mergedSumSquares.add(new java.math.BigDecimal(sumSquares)).doubleValue();
      double mean = total / n;
      double sd = n < 2 ? 0 : Math.sqrt(Math.max(0, (totalSquares - n * mean * mean) / (n - 1)));
      return new Summary(n, mean, sd, quantile(0.05), quantile(0.25), quantile(0.5), quantile(0.75), quantile(0.95));
    }
  }
}
