package io.mmf.pk.tdm;

import io.mmf.core.internal.Checks;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.target.AucTarget;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.model.CovariateModel;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.population.ChunkRange;
import io.mmf.pk.population.OccasionVariability;
import io.mmf.pk.population.PopulationModel;
import io.mmf.pk.population.SubjectStreams;
import io.mmf.pk.solve.ConcentrationSolver;
import io.mmf.pk.solve.ExactSolver;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A simulation-estimation study: virtual patients drawn from a population model, dosed on schedule,
 * sampled after the last dose with the model's residual error (levels below a limit of quantification
 * censored), each estimated by MAP under the same model; the estimated AUC of the sampled interval is
 * compared with the patient's true one.
 *
 * <p>Between-occasion variability ({@link PopulationModel#occasions()}): every occasion of the
 * simulated history (numbered by the model's definition) has its own kappa, drawn from a stream keyed
 * by (seed, i, occasion) alone ({@link SubjectStreams#occasionSeed}), so the subject's own stream, and
 * every number of a model without it, are unchanged; the true AUC is that of the sampled interval on its
 * occasion, and the estimator estimates that occasion's kappa with eta.
 *
 * <p>Subject {@code i} draws every random number (its random effects, its residual errors, the seed of
 * its posterior draws) from a stream keyed by (seed, i) alone, and subjects fall into chunks of
 * {@value #CHUNK} whose partial results merge exactly, so a study gives the same numbers, to the bit,
 * however its chunks are run (in one loop, on threads, in Spark partitions).
 *
 * <p>Immutable and thread-safe.
 */
public final class SimulationEstimation {
  /** Subjects per chunk, the unit of distributed work. */
  public static final int CHUNK = 16;
  /** Most subjects one study accepts. */
  public static final long MAX_SUBJECTS = 10_000_000L;
  /** Posterior draws per subject for its 95 % interval. */
  public static final int DRAWS = 200;

  private final PopulationModel population;
  private final MapEstimator estimator;
  private final ConcentrationSolver solver;
  private final Regimen regimen;
  private final DosingSchedule history;
  private final double lastDoseHours;
  private final double[] samplingHours;
  private final double lloqMgPerL;
  private final long subjects;
  private final long seed;
  private final double typicalAuc;

  private SimulationEstimation(PopulationModel population, MapEstimator estimator, Regimen regimen, int doses,
      double[] samplingHours, double lloqMgPerL, long subjects, long seed) {
    this.population = population;
    this.estimator = estimator;
    this.solver = new ExactSolver();
    this.regimen = regimen;
    this.history = DosingSchedule.fromRegimen(regimen, doses);
    this.lastDoseHours = (doses - 1) * regimen.interval().hours();
    this.samplingHours = samplingHours.clone();
    this.lloqMgPerL = lloqMgPerL;
    this.subjects = subjects;
    this.seed = seed;
    this.typicalAuc = solver.aucMgHPerL(population.individual(new double[population.randomEffects().parameters()
        .size()]), history, lastDoseHours, lastDoseHours + regimen.interval().hours());
  }

  /**
   * A study on a population model fitted on patients (a healthy-volunteer or single-dose model is refused,
   * as by {@link MapEstimator#of}).
   *
   * @param population the model that simulates the patients and is the estimator's prior
   * @param regimen the regimen taken
   * @param doses administrations taken on schedule before sampling, 1 to 10 000
   * @param samplingHours sampling times after the last dose, h, increasing, in (0, the interval]
   * @param lloqMgPerL the simulated assay's limit of quantification, mg/L, finite and &gt;= 0
   * @param subjects virtual patients, 1 to {@link #MAX_SUBJECTS}
   * @param seed the seed
   * @return the study
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a value is out of range, or the model is a healthy-volunteer one
   */
  public static SimulationEstimation of(PopulationModel population, Regimen regimen, int doses,
      double[] samplingHours, double lloqMgPerL, long subjects, long seed) {
    return create(population, MapEstimator.of(population), regimen, doses, samplingHours, lloqMgPerL, subjects, seed);
  }

  /**
   * A study on a healthy-volunteer or single-dose model, for research ({@link MapEstimator#ofHealthyVolunteerModel}).
   *
   * @param population the model
   * @param regimen the regimen taken
   * @param doses administrations taken before sampling, 1 to 10 000
   * @param samplingHours sampling times after the last dose, h
   * @param lloqMgPerL limit of quantification, mg/L
   * @param subjects virtual patients
   * @param seed the seed
   * @return the study
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a value is out of range
   */
  public static SimulationEstimation ofHealthyVolunteerModel(PopulationModel population, Regimen regimen, int doses,
      double[] samplingHours, double lloqMgPerL, long subjects, long seed) {
    return create(population, MapEstimator.ofHealthyVolunteerModel(population, new ExactSolver()), regimen, doses,
        samplingHours, lloqMgPerL, subjects, seed);
  }

  private static SimulationEstimation create(PopulationModel population, MapEstimator estimator, Regimen regimen,
      int doses, double[] samplingHours, double lloqMgPerL, long subjects, long seed) {
    Checks.notNull(regimen, "regimen");
    Checks.notNull(samplingHours, "samplingHours");
    if (doses < 1 || doses > 10_000) {
      throw new IllegalArgumentException(Checks.invalid("doses", "1 to 10000", doses));
    }
    if (samplingHours.length == 0) {
      throw new IllegalArgumentException(Checks.invalid("samplingHours", "at least one time", "[]"));
    }
    double previous = 0;
    for (double t : samplingHours) {
      if (!(t > previous) || t > regimen.interval().hours()) {
        throw new IllegalArgumentException(Checks.invalid("samplingHours", "increasing times in (0, "
            + regimen.interval().hours() + "] h after the last dose", java.util.Arrays.toString(samplingHours)));
      }
      previous = t;
    }
    if (!(lloqMgPerL >= 0) || !Double.isFinite(lloqMgPerL)) {
      throw new IllegalArgumentException(Checks.invalid("lloqMgPerL", "finite and >= 0", lloqMgPerL));
    }
    if (subjects < 1 || subjects > MAX_SUBJECTS) {
      throw new IllegalArgumentException(Checks.invalid("subjects", "1 to " + MAX_SUBJECTS, subjects));
    }
    return new SimulationEstimation(population, estimator, regimen, doses, samplingHours, lloqMgPerL, subjects, seed);
  }

  /**
   * One virtual patient's outcome.
   *
   * @param subject the index
   * @param trueAucMgHPerL the patient's AUC over the sampled interval, mg*h/L
   * @param estimatedAucMgHPerL the MAP estimate of it, mg*h/L (NaN when the estimate failed)
   * @param lowerMgHPerL 2.5th percentile of the estimate's posterior AUC, mg*h/L (NaN on failure)
   * @param upperMgHPerL 97.5th percentile, mg*h/L (NaN on failure)
   * @param censoredSamples samples below the limit of quantification
   * @param failure why the estimate failed ({@link EstimationException}), or empty
   * @serial exclude
   */
  public record SubjectResult(long subject, double trueAucMgHPerL, double estimatedAucMgHPerL, double lowerMgHPerL,
      double upperMgHPerL, int censoredSamples, String failure) implements Serializable {}

  /** Receives every subject's outcome, for per-subject output. */
  @FunctionalInterface
  public interface SubjectSink {
    /**
     * One subject.
     *
     * @param result its outcome
     */
    void accept(SubjectResult result);
  }

  /**
   * The study's summary.
   *
   * @param subjects patients simulated
   * @param estimated patients whose estimate succeeded
   * @param medianErrorFraction median of (estimate / truth - 1), the bias: the lower median (the
   *     ceil(n/2)-th value), to the centre of its 0.1 % bin
   * @param medianAbsoluteErrorFraction median of |estimate / truth - 1|, likewise
   * @param rmseFraction root mean square of the relative error
   * @param coverage95 fraction of estimated patients whose true AUC lies in their 95 % interval
   * @param priorMedianAbsoluteErrorFraction the same error of the typical patient's AUC: what the samples
   *     must beat
   * @param censoredSamples samples below the limit of quantification, over all patients
   */
  public record Summary(long subjects, long estimated, double medianErrorFraction, double medianAbsoluteErrorFraction,
      double rmseFraction, double coverage95, double priorMedianAbsoluteErrorFraction, long censoredSamples) {}

  /**
   * Returns the number of chunks: {@code ceil(subjects / CHUNK)}.
   *
   * @return the chunk count
   */
  public long chunkCount() {
    return (subjects + CHUNK - 1) / CHUNK;
  }

  /**
   * Runs every subject in one loop.
   *
   * @return the summary
   */
  public Summary run() {
    return summary(List.of(runChunks(0, chunkCount(), r -> { })));
  }

  /**
   * Runs a contiguous range of chunks: one partition's work.
   *
   * @param fromChunk first chunk
   * @param toChunk one past the last
   * @param sink receives every subject's outcome
   * @return the partial result, serializable
   * @throws IllegalArgumentException if the range is out of bounds or empty
   * @throws NullPointerException if {@code sink} is null
   */
  public PartialResult runChunks(long fromChunk, long toChunk, SubjectSink sink) {
    Checks.notNull(sink, "sink");
    ChunkRange.check(fromChunk, toChunk, chunkCount());
    Tally total = new Tally();
    for (long c = fromChunk; c < toChunk; c++) {
      Tally chunk = new Tally();
      for (long i = c * CHUNK; i < Math.min(subjects, (c + 1) * CHUNK); i++) {
        SubjectResult r = subject(i);
        chunk.add(r, typicalAuc);
        sink.accept(r);
      }
      total.merge(chunk);
    }
    return new PartialResult(fromChunk, toChunk, total);
  }

  /**
   * Merges partial results that tile every chunk once.
   *
   * @param partials the partial results, any order
   * @return the summary
   * @throws IllegalArgumentException if a chunk is missing or covered twice
   * @throws NullPointerException if the list or an element is null
   */
  public Summary summary(List<PartialResult> partials) {
    Tally total = new Tally();
    for (PartialResult p : ChunkRange.inOrder(partials, chunkCount())) {
      total.merge(p.tally);
    }
    return total.summary();
  }

  /**
   * Simulates and estimates one subject.
   *
   * @param i the subject, 0 to subjects - 1
   * @return the outcome
   * @throws IllegalArgumentException if {@code i} is out of range
   */
  public SubjectResult subject(long i) {
    Simulated d = simulate(i);
    try {
      MapEstimate est = estimator.estimate(history, d.samples());
      TdmAssessment a = est.assess(regimen, AucTarget.DEFAULT, List.of(), DRAWS, d.drawSeed());
      return new SubjectResult(i, d.trueAucMgHPerL(), a.aucMgHPerL(), a.aucLowerMgHPerL(), a.aucUpperMgHPerL(),
          d.censored(), "");
    } catch (EstimationException e) {
      return new SubjectResult(i, d.trueAucMgHPerL(), Double.NaN, Double.NaN, Double.NaN, d.censored(),
          e.getMessage());
    }
  }

  /**
   * One subject's simulated data, before estimation: its levels, true AUC of the sampled interval, the
   * seed of its posterior draws and how many levels were censored (for tests that study one subject).
   */
  record Simulated(List<Sample> samples, double trueAucMgHPerL, long drawSeed, int censored) {}

  /** The dose history every subject took, as given to the estimator. */
  DosingSchedule history() {
    return history;
  }

  /** The estimator every subject is estimated with. */
  MapEstimator estimator() {
    return estimator;
  }

  /** The regimen every subject took. */
  Regimen regimen() {
    return regimen;
  }

  /** The sampled interval's start, h on the history's clock. */
  double lastDoseHours() {
    return lastDoseHours;
  }

  /** Subject {@code i}'s simulated levels and truth, drawn from its stream as {@link #subject} does. */
  Simulated simulate(long i) {
    if (i < 0 || i >= subjects) {
      throw new IllegalArgumentException(Checks.invalid("subject", "0 to " + (subjects - 1), i));
    }
    SplittableRandom random = new SplittableRandom(SubjectStreams.seed(seed, i));
    int k = population.randomEffects().parameters().size();
    double[] eta = new double[k];
    population.randomEffects().sample(random, new double[k], eta);
    double tau = regimen.interval().hours();
    CovariateModel truth = population.individual(eta);
    DoseRecords records = history.toRecords();
    java.util.Optional<OccasionVariability> occasions = population.occasions().filter(o -> !o.isZero());
    if (occasions.isPresent()) {
      // every occasion of the history on its own kappa, from a stream keyed by (seed, i, occasion) alone
      OccasionVariability o = occasions.get();
      OccasionVariability.Labelled labelled = o.label(records, lastDoseHours + tau);
      java.util.Map<Double, PkModel> byOccasion = new java.util.HashMap<>();
      int m = o.parameters().size();
      for (double number : labelled.numbers()) {
        double[] kappa = new double[m];
        o.sample(new SplittableRandom(SubjectStreams.occasionSeed(seed, i, number)), new double[m], kappa);
        byOccasion.put(number, population.individual(eta, kappa));
      }
      PkModel first = byOccasion.get(labelled.numbers()[0]);
      truth = covariates -> {
        Double number = covariates.get(labelled.key());
        return number == null ? first : byOccasion.getOrDefault(number + 0.0, first);
      };
      records = labelled.records();
    }
    double[] times = new double[samplingHours.length];
    for (int s = 0; s < times.length; s++) {
      times[s] = lastDoseHours + samplingHours[s];
    }
    double[] c = solver.simulate(truth, records, times).analyteConcentrationsMgPerL(0);
    List<Sample> samples = new ArrayList<>();
    int censored = 0;
    for (int s = 0; s < times.length; s++) {
      double y = population.residualError().observe(c[s], random);
      if (y < lloqMgPerL || !(y > 0)) {
        censored++;
        samples.add(Sample.belowLimit(times[s], Math.max(lloqMgPerL, 1e-6)));
      } else {
        samples.add(Sample.measured(times[s], y));
      }
    }
    long drawSeed = random.nextLong();
    double trueAuc = solver.aucMgHPerL(truth, records, lastDoseHours, lastDoseHours + tau);
    return new Simulated(List.copyOf(samples), trueAuc, drawSeed, censored);
  }

  /**
   * A contiguous range of chunks merged: counts, exact sums and error histograms.
   *
   * @serial exclude
   */
  public static final class PartialResult implements ChunkRange, Serializable {
    private static final long serialVersionUID = 1L;
    private final long fromChunk;
    private final long toChunk;
    private final Tally tally;

    private PartialResult(long fromChunk, long toChunk, Tally tally) {
      this.fromChunk = fromChunk;
      this.toChunk = toChunk;
      this.tally = tally;
    }

    @Override
    public long fromChunk() {
      return fromChunk;
    }

    @Override
    public long toChunk() {
      return toChunk;
    }
  }

  /**
   * Streamed outcome of a chunk: histograms of the relative errors in 0.1 % bins, and exact sums
   * (package-private for its test).
   */
  static final class Tally implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Relative errors from -100 % to +400 % in 0.1 % bins, and the last bin for anything above. */
    static final int BINS = 5001;
    private final long[] error = new long[BINS];
    private final long[] absolute = new long[BINS];
    private final long[] prior = new long[BINS];
    private long subjects;
    private long estimated;
    private long covered;
    private long censored;
    private double squares;
    private BigDecimal mergedSquares = BigDecimal.ZERO;

    private static int bin(double e) {
      return (int) Math.min(BINS - 1, Math.max(0, Math.floor((e + 1) * 1000)));
    }

    private static double centre(int bin) {
      return (bin + 0.5) / 1000 - 1;
    }

    void add(SubjectResult r, double typicalAuc) {
      subjects++;
      censored += r.censoredSamples();
      prior[bin(Math.abs(typicalAuc / r.trueAucMgHPerL() - 1))]++;
      if (r.failure().isEmpty()) {
        estimated++;
        double e = r.estimatedAucMgHPerL() / r.trueAucMgHPerL() - 1;
        error[bin(e)]++;
        absolute[bin(Math.abs(e))]++;
        squares += e * e;
        if (r.lowerMgHPerL() <= r.trueAucMgHPerL() && r.trueAucMgHPerL() <= r.upperMgHPerL()) {
          covered++;
        }
      }
    }

    void merge(Tally o) {
      for (int b = 0; b < BINS; b++) {
        error[b] += o.error[b];
        absolute[b] += o.absolute[b];
        prior[b] += o.prior[b];
      }
      subjects += o.subjects;
      estimated += o.estimated;
      covered += o.covered;
      censored += o.censored;
      mergedSquares = mergedSquares.add(o.mergedSquares).add(new BigDecimal(o.squares));
    }

    private static double median(long[] counts, long n) {
      if (n == 0) {
        return Double.NaN;
      }
      long seen = 0;
      for (int b = 0; b < counts.length; b++) {
        seen += counts[b];
        if (2 * seen >= n) {
          return centre(b);
        }
      }
      return centre(counts.length - 1);
    }

    Summary summary() {
      double sq = mergedSquares.add(new BigDecimal(squares)).doubleValue();
      return new Summary(subjects, estimated, median(error, estimated), median(absolute, estimated),
          estimated == 0 ? Double.NaN : Math.sqrt(sq / estimated), estimated == 0 ? Double.NaN
              : (double) covered / estimated, median(prior, subjects), censored);
    }
  }
}
