package io.mmf.pk.population;

import io.mmf.core.internal.Checks;
import io.mmf.core.drug.Formulation;
import io.mmf.core.target.AucTarget;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Regimen;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.solve.ConcentrationSolver;
import io.mmf.pk.solve.ExactSolver;
import io.mmf.pk.solve.SteadyState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Monte Carlo over a population: each subject's random effects are drawn, its model solved, and the
 * exposure of every regimen summarised as probability of target attainment.
 *
 * <p>Reproducible: subject {@code i} draws from a generator seeded by (seed, i) alone, subjects are
 * processed in fixed chunks, and chunk results are merged in chunk order, so the same seed gives the
 * same numbers, bit for bit, on one thread or many. Summaries are streamed (counts and fixed
 * histograms), so memory does not grow with the number of subjects.
 *
 * <p>Between-occasion variability ({@link PopulationModel#occasions()}): the first interval is occasion
 * 1 and the steady state occasion 2 (it is reached weeks later, another occasion under any definition),
 * its summary the steady state those parameters reach. Each occasion's kappa comes from a stream keyed
 * by (seed, subject, occasion) alone ({@link SubjectStreams#occasionSeed}), so the results are as
 * reproducible as without it, and a model without it (or with variances of 0) gives exactly the numbers
 * it gives without the section.
 *
 * <p>Exposure is linear in dose for every mmf model without a baseline concentration, so each subject
 * is solved once per distinct (formulation, interval) and scaled to each regimen's dose; an individual
 * with a baseline ({@link PkModel#isLinearInDose()} false) is solved at each dose. A model of one
 * steady-state interval only ({@link FittedPopulation#steadyStateIntervalOnly()}: Fromage 2025) is
 * refused: a simulation reports first doses and other doses, which it does not describe.
 *
 * <p>Distributed runs use the same pieces: {@link #chunkCount()} chunks of {@value #CHUNK} subjects,
 * {@link #runChunks} for any contiguous range of them (a partition), and {@link #attainments} to merge
 * the partial results in chunk order. Counts and histograms add exactly and sums are merged exactly, so
 * the result is the same to the bit for any partitioning, and equal to {@link #run}.
 *
 * <p>Immutable and thread-safe; {@link #run} may be called concurrently.
 */
public final class PopulationSimulation {
  /** Subjects per chunk: the unit of parallel work and of ordered merging. */
  public static final int CHUNK = 256;
  /** Most subjects one run accepts. */
  public static final long MAX_SUBJECTS = 100_000_000L;

  private final CovariatePopulation population;
  private final Covariates covariates;
  private final List<Regimen> regimens;
  private final AucTarget target;
  private final long subjects;
  private final long seed;
  private final int threads;
  private final ConcentrationSolver solver;
  private final java.util.Set<io.mmf.core.safety.CoMedication> coMedications;
  /** Regimens grouped by (formulation, interval): each group is solved once per subject. */
  private final Map<String, int[]> groups;

  private PopulationSimulation(Builder b) {
    this.population = b.population;
    this.covariates = b.covariates;
    this.regimens = List.copyOf(b.regimens);
    this.target = b.target;
    this.subjects = b.subjects;
    this.seed = b.seed;
    this.threads = b.threads;
    this.solver = b.solver;
    this.coMedications = java.util.Set.copyOf(b.coMedications);
    this.groups = groups();
  }

  /**
   * Starts a simulation of a population model.
   *
   * @param model the population
   * @return a builder (defaults: 1000 subjects, seed 1, all processors, default target, exact solver)
   * @throws NullPointerException if {@code model} is null
   */
  public static Builder of(PopulationModel model) {
    Checks.notNull(model, "model");
    CovariatePopulation fixed = new CovariatePopulation() {
      @Override
      public String name() {
        return model.name();
      }

      @Override
      public List<String> covariates() {
        return List.of();
      }

      @Override
      public FittedPopulation fittedOn() {
        return model.fittedOn();
      }

      @Override
      public PopulationModel at(Map<String, Double> c) {
        return model;
      }
    };
    return new Builder(fixed, Covariates.none());
  }

  /**
   * Starts a simulation of a population whose typical values depend on covariates, each virtual
   * patient's covariates drawn from {@code covariates}.
   *
   * @param population the covariate-dependent population
   * @param covariates where each patient's covariates come from
   * @return a builder
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code covariates} lacks one the population needs (named)
   */
  public static Builder of(CovariatePopulation population, Covariates covariates) {
    Checks.notNull(population, "population");
    Checks.notNull(covariates, "covariates");
    covariates.requireAll(population.covariates());
    return new Builder(population, covariates);
  }

  /**
   * Runs the simulation.
   *
   * @return one attainment per regimen, in the order given
   * @throws IllegalStateException if a worker fails (its cause attached)
   */
  public List<Attainment> run() {
    return run(done -> { });
  }

  /**
   * Runs the simulation, reporting progress.
   *
   * @param progress receives the number of subjects done, every few chunks (4 per thread) and at the end
   * @return one attainment per regimen, in the order given
   * @throws IllegalStateException if a worker fails (its cause attached)
   */
  public List<Attainment> run(LongConsumer progress) {
    Checks.notNull(progress, "progress");
    long chunks = chunkCount();
    Partial total = new Partial(regimens.size());
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "mmf-population");
      t.setDaemon(true);
      return t;
    });
    try {
      // A sliding window of chunks in flight, merged in chunk order (so the sums are the same on any
      // number of threads): a worker takes the next chunk as soon as it is free, instead of waiting at
      // a barrier for the slowest chunk of a batch.
      int window = threads * 4;
      java.util.ArrayDeque<Future<Partial>> inFlight = new java.util.ArrayDeque<>();
      long next = 0;
      long merged = 0;
      while (next < chunks && inFlight.size() < window) {
        inFlight.add(submit(pool, next++));
      }
      while (!inFlight.isEmpty()) {
        total.merge(inFlight.removeFirst().get());
        merged++;
        if (next < chunks) {
          inFlight.add(submit(pool, next++));
        }
        if (merged % window == 0 || inFlight.isEmpty()) {
          progress.accept(Math.min(subjects, merged * CHUNK));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("population simulation interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("population simulation failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return attainments(total);
  }

  private Future<Partial> submit(ExecutorService pool, long chunk) {
    return pool.submit(() -> chunk(chunk, NO_SINK));
  }

  /** Receives each simulated subject's exposure, for per-subject output. */
  @FunctionalInterface
  public interface SubjectSink {
    /**
     * One subject on one regimen.
     *
     * @param subject the subject's index, 0 to subjects - 1 (its random stream is keyed by the seed and it)
     * @param regimen the regimen's index in {@link #regimens()}
     * @param firstDoseAuc12MgHPerL AUC over the first interval, as the target's 12-hour equivalent, mg*h/L
     * @param steadyStateAuc12MgHPerL steady-state AUC, 12-hour equivalent, mg*h/L
     * @param troughMgPerL steady-state trough, mg/L
     * @param cmaxMgPerL steady-state Cmax, mg/L
     */
    void accept(long subject, int regimen, double firstDoseAuc12MgHPerL, double steadyStateAuc12MgHPerL,
        double troughMgPerL, double cmaxMgPerL);
  }

  private static final SubjectSink NO_SINK = (i, r, a, b, c, d) -> { };

  /**
   * Returns how many chunks the subjects fall into: {@code ceil(subjects / CHUNK)}.
   *
   * @return the chunk count
   */
  public long chunkCount() {
    return (subjects + CHUNK - 1) / CHUNK;
  }

  /**
   * Returns the regimens compared, in the order of the results.
   *
   * @return the regimens
   */
  public List<Regimen> regimens() {
    return regimens;
  }

  /**
   * Simulates a contiguous range of chunks and merges them in chunk order: one partition's work.
   *
   * @param fromChunk first chunk, 0 to {@link #chunkCount()} - 1
   * @param toChunk one past the last chunk, after {@code fromChunk} and at most {@link #chunkCount()}
   * @param sink receives every subject's exposure (a no-op for summaries only)
   * @return the partial result, serializable, to merge with {@link #attainments}
   * @throws IllegalArgumentException if the range is out of bounds or empty
   * @throws NullPointerException if {@code sink} is null
   */
  public PartialResult runChunks(long fromChunk, long toChunk, SubjectSink sink) {
    Checks.notNull(sink, "sink");
    ChunkRange.check(fromChunk, toChunk, chunkCount());
    Partial total = new Partial(regimens.size());
    for (long c = fromChunk; c < toChunk; c++) {
      total.merge(chunk(c, sink));
    }
    return new PartialResult(fromChunk, toChunk, total);
  }

  /**
   * Merges partial results that together cover every chunk once into the attainments {@link #run}
   * returns, bit for bit.
   *
   * @param partials the partial results, any order; their ranges must tile 0 to {@link #chunkCount()}
   * @return one attainment per regimen
   * @throws IllegalArgumentException if a chunk is missing or covered twice, or a partial has another
   *     number of regimens
   * @throws NullPointerException if the list or an element is null
   */
  public List<Attainment> attainments(List<PartialResult> partials) {
    Partial total = new Partial(regimens.size());
    for (PartialResult p : ChunkRange.inOrder(partials, chunkCount())) {
      if (p.data.firstCounts.length != regimens.size()) {
        throw new IllegalArgumentException(Checks.invalid("partials", regimens.size() + " regimens",
            p.data.firstCounts.length));
      }
      total.merge(p.data);
    }
    return attainments(total);
  }

  private List<Attainment> attainments(Partial total) {
    List<Attainment> out = new ArrayList<>();
    for (int r = 0; r < regimens.size(); r++) {
      out.add(total.attainment(r, regimens.get(r), target));
    }
    return List.copyOf(out);
  }

  /**
   * The merged, streamed result of a contiguous range of chunks: counts, exact sums and histograms, tens
   * of kilobytes per regimen, never the subjects themselves. Serializable, for distributed runs.
   * @serial exclude
   */
  public static final class PartialResult implements ChunkRange, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final long fromChunk;
    private final long toChunk;
    private final Partial data;

    private PartialResult(long fromChunk, long toChunk, Partial data) {
      this.fromChunk = fromChunk;
      this.toChunk = toChunk;
      this.data = data;
    }

    @Override
    public long fromChunk() {
      return fromChunk;
    }

    @Override
    public long toChunk() {
      return toChunk;
    }

    /**
     * Returns e.g. {@code PartialResult[chunks 0-16]}.
     */
    @Override
    public String toString() {
      return "PartialResult[chunks " + fromChunk + "-" + toChunk + "]";
    }
  }


  private Partial chunk(long chunk, SubjectSink sink) {
    long from = chunk * CHUNK;
    long to = Math.min(subjects, from + CHUNK);
    Partial p = new Partial(regimens.size());
    double[] z = new double[0];
    double[] eta = new double[0];
    for (long i = from; i < to; i++) {
      SplittableRandom random = new SplittableRandom(SubjectStreams.seed(seed, i));
      PopulationModel model = population.at(covariates.draw(random));
      RandomEffects re = model.randomEffects();
      int k = re.parameters().size();
      if (z.length != k) {
        z = new double[k];
        eta = new double[k];
      }
      re.sample(random, z, eta);
      PkModel base = model.individual(eta);
      // between-occasion variability: the first interval and the steady state (weeks later) are two
      // occasions, each with its kappa from a stream of its own, so the subject's stream is untouched
      PkModel later = base;
      java.util.Optional<OccasionVariability> occasions = model.occasions().filter(o -> !o.isZero());
      if (occasions.isPresent()) {
        base = model.individual(eta, kappa(occasions.get(), i, 1));
        later = model.individual(eta, kappa(occasions.get(), i, 2));
      }
      for (Map.Entry<String, int[]> g : groups.entrySet()) {
        Regimen ref = regimens.get(g.getValue()[0]);
        PkModel individual = withCoMedications(base, ref);
        double tau = ref.interval().hours();
        SteadyState.Course course = solver.course(individual, ref.dose(), ref.formulation(), ref.interval(), 0);
        SteadyState.Summary ss = later == base ? course.steadyState() : solver.steadyStateSummary(
            withCoMedications(later, ref), ref.dose(), ref.formulation(), ref.interval(), 0);
        double first = course.firstDoseAucTauMgHPerL();
        for (int r : g.getValue()) {
          if (r != g.getValue()[0] && !individual.isLinearInDose()) {
            // a baseline concentration: exposure is not proportional to dose, so solve, never scale
            Regimen own = regimens.get(r);
            course = solver.course(individual, own.dose(), own.formulation(), own.interval(), 0);
            ss = later == base ? course.steadyState() : solver.steadyStateSummary(withCoMedications(later, ref),
                own.dose(), own.formulation(), own.interval(), 0);
            first = course.firstDoseAucTauMgHPerL();
            ref = own;
          }
          double scale = regimens.get(r).dose().mg() / ref.dose().mg();
          double aucFirst = target.equivalentAuc(first * scale, tau);
          double aucSs = target.equivalentAuc(ss.aucTauMgHPerL() * scale, tau);
          p.add(r, aucFirst, aucSs, ss.troughMgPerL() * scale, ss.cmaxMgPerL() * scale, target);
          sink.accept(i, r, aucFirst, aucSs, ss.troughMgPerL() * scale, ss.cmaxMgPerL() * scale);
        }
      }
    }
    return p;
  }

  private PkModel withCoMedications(PkModel m, Regimen ref) {
    return coMedications.isEmpty() ? m : io.mmf.pk.model.Interactions.apply(m, coMedications, ref.formulation())
        .model();
  }

  /** Occasion {@code occasion}'s kappa of subject {@code subject}, from its own stream. */
  private double[] kappa(OccasionVariability o, long subject, int occasion) {
    int m = o.parameters().size();
    double[] kappa = new double[m];
    o.sample(new SplittableRandom(SubjectStreams.occasionSeed(seed, subject, occasion)), new double[m], kappa);
    return kappa;
  }

  /** Regimens grouped by (formulation, interval), each group's first regimen the reference. */
  private Map<String, int[]> groups() {
    Map<String, List<Integer>> g = new LinkedHashMap<>();
    for (int r = 0; r < regimens.size(); r++) {
      Regimen reg = regimens.get(r);
      g.computeIfAbsent(reg.formulation() + "@" + reg.interval().hours(), key -> new ArrayList<>()).add(r);
    }
    Map<String, int[]> out = new LinkedHashMap<>();
    g.forEach((key, list) -> out.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
    return out;
  }

  /** One chunk's (or the total's) streamed results. */
  private static final class Partial implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final long[][] firstCounts;
    final long[][] ssCounts;
    final Summary.Accumulator[][] acc;

    Partial(int regimens) {
      firstCounts = new long[regimens][3];
      ssCounts = new long[regimens][3];
      acc = new Summary.Accumulator[regimens][4];
      for (int r = 0; r < regimens; r++) {
        for (int j = 0; j < 4; j++) {
          acc[r][j] = new Summary.Accumulator();
        }
      }
    }

    void add(int r, double aucFirst, double aucSs, double trough, double cmax, AucTarget target) {
      firstCounts[r][target.classify(aucFirst).ordinal()]++;
      ssCounts[r][target.classify(aucSs).ordinal()]++;
      acc[r][0].add(aucFirst);
      acc[r][1].add(aucSs);
      acc[r][2].add(trough);
      acc[r][3].add(cmax);
    }

    void merge(Partial o) {
      for (int r = 0; r < firstCounts.length; r++) {
        for (int j = 0; j < 3; j++) {
          firstCounts[r][j] += o.firstCounts[r][j];
          ssCounts[r][j] += o.ssCounts[r][j];
        }
        for (int j = 0; j < 4; j++) {
          acc[r][j].merge(o.acc[r][j]);
        }
      }
    }

    Attainment attainment(int r, Regimen regimen, AucTarget target) {
      long n = firstCounts[r][0] + firstCounts[r][1] + firstCounts[r][2];
      return new Attainment(regimen, target, n, fractions(firstCounts[r], n), fractions(ssCounts[r], n),
          acc[r][0].summary(), acc[r][1].summary(), acc[r][2].summary(), acc[r][3].summary());
    }

    private static Attainment.Fractions fractions(long[] c, long n) {
      return new Attainment.Fractions((double) c[0] / n, (double) c[1] / n, (double) c[2] / n);
    }
  }

  /** Assembles a {@link PopulationSimulation}; not thread-safe. */
  public static final class Builder {
    private final CovariatePopulation population;
    private final Covariates covariates;
    private List<Regimen> regimens = List.of();
    private AucTarget target = AucTarget.DEFAULT;
    private long subjects = 1000;
    private long seed = 1;
    private int threads = Runtime.getRuntime().availableProcessors();
    private ConcentrationSolver solver = new ExactSolver();
    private java.util.Set<io.mmf.core.safety.CoMedication> coMedications = java.util.Set.of();
    private boolean allowHealthyVolunteerModel;

    private Builder(CovariatePopulation population, Covariates covariates) {
      this.population = population;
      this.covariates = covariates;
    }

    /**
     * Sets the regimens to compare.
     *
     * @param value the regimens, at least one
     * @return this builder
     */
    public Builder regimens(List<Regimen> value) {
      this.regimens = List.copyOf(Checks.notNull(value, "regimens"));
      return this;
    }

    /**
     * Regimens of one formulation and interval at several doses.
     *
     * @param formulation what is given
     * @param interval the interval
     * @param dosesMg doses per administration, mg
     * @return this builder
     */
    public Builder doses(Formulation formulation, DosingInterval interval, double... dosesMg) {
      List<Regimen> list = new ArrayList<>();
      for (double d : dosesMg) {
        list.add(Regimen.of(formulation, io.mmf.core.drug.Dose.ofMg(d), interval));
      }
      return regimens(list);
    }

    /**
     * Sets the target window (default 20-60 mg*h/L over 12 h).
     *
     * @param value the window
     * @return this builder
     */
    public Builder target(AucTarget value) {
      this.target = Checks.notNull(value, "target");
      return this;
    }

    /**
     * Sets the number of subjects.
     *
     * @param value 1 to {@link #MAX_SUBJECTS}
     * @return this builder
     */
    public Builder subjects(long value) {
      this.subjects = value;
      return this;
    }

    /**
     * Sets the seed.
     *
     * @param value any long
     * @return this builder
     */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Sets the number of threads (results do not depend on it).
     *
     * @param value 1 to 1024
     * @return this builder
     */
    public Builder threads(int value) {
      this.threads = value;
      return this;
    }

    /**
     * Sets the solver (default exact; the numerical one for models that need it).
     *
     * @param value the solver
     * @return this builder
     */
    public Builder solver(ConcentrationSolver value) {
      this.solver = Checks.notNull(value, "solver");
      return this;
    }

    /**
     * Sets co-medications whose quantified effects act on every subject's model (see
     * {@link io.mmf.pk.model.Interactions}).
     *
     * @param value the co-medications
     * @return this builder
     */
    public Builder coMedications(java.util.Collection<io.mmf.core.safety.CoMedication> value) {
      this.coMedications = java.util.Set.copyOf(Checks.notNull(value, "coMedications"));
      return this;
    }

    /**
     * Allows a model fitted on healthy volunteers or single doses ({@link FittedPopulation}), which is
     * otherwise refused: its exposures are not those of patients at repeated doses. For research use.
     *
     * @return this builder
     */
    public Builder allowHealthyVolunteerModel() {
      this.allowHealthyVolunteerModel = true;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the simulation
     * @throws IllegalArgumentException if there is no regimen, the subject or thread count is out of
     *     range, the model was fitted on healthy volunteers or single doses and
     *     {@link #allowHealthyVolunteerModel()} was not called, or the model describes one steady-state
     *     interval only
     */
    public PopulationSimulation build() {
      FittedPopulation fitted = population.fittedOn();
      if (fitted.isHealthyVolunteerOrSingleDose() && !allowHealthyVolunteerModel) {
        throw new IllegalArgumentException(Checks.invalid("model", "a model fitted on patients at repeated doses",
            fitted.caveat(population.name()) + "; allow it explicitly for research use"));
      }
      if (fitted.steadyStateIntervalOnly()) {
        // a simulation reports the first dose and scales to other doses: neither is in such a model
        throw new IllegalArgumentException(Checks.invalid("model", "a model of first doses and repeated doses",
            fitted.caveat(population.name())));
      }
      if (regimens.isEmpty()) {
        throw new IllegalArgumentException(Checks.invalid("regimens", "at least one", "[]"));
      }
      if (subjects < 1 || subjects > MAX_SUBJECTS) {
        throw new IllegalArgumentException(Checks.invalid("subjects", "1 to " + MAX_SUBJECTS, subjects));
      }
      if (threads < 1 || threads > 1024) {
        throw new IllegalArgumentException(Checks.invalid("threads", "1 to 1024", threads));
      }
      return new PopulationSimulation(this);
    }
  }
}
