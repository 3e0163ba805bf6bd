package io.mmf.spark;

import io.mmf.pk.population.AttainmentTable;
import io.mmf.pk.population.Attainment;
import io.mmf.pk.population.PopulationSimulation;
import io.mmf.pk.tdm.SimulationEstimation;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Runs a grid of scenarios ({@link Scenarios}) on Spark: each scenario is one {@code mapPartitions} over
 * its chunks of subjects; every partition simulates its chunks (rebuilding the scenario's simulation from
 * the scenario, once per executor JVM) and returns one merged partial result, and the driver merges the
 * partials in chunk order. Results equal mmf's in-process {@code PopulationSimulation.run()} (and
 * {@code SimulationEstimation.run()}) with the same seed, to the bit, for any number of partitions or
 * executors, and a retried task recomputes the same partial.
 *
 * <p>Command line: {@code --scenarios FILE.csv [--master local[2]] [--partitions N] [--subjects-parquet DIR]}.
 * {@code --master} is for a local run; under {@code spark-submit} the cluster's master is used.
 * {@code --subjects-parquet} also writes every subject's results to Parquet (one row per subject and
 * regimen, or per subject for a study), in a second pass over the same subjects.
 */
public final class PopulationJob {
  private PopulationJob() {}

  /** The simulations built on this JVM, by scenario: an executor builds each once. */
  private static final Map<Scenario, Object> BUILT = new ConcurrentHashMap<>();

  @SuppressWarnings("unchecked")
  private static <T> T built(Scenario s, Function<Scenario, T> make) {
    return (T) BUILT.computeIfAbsent(s, make::apply);
  }

  /** The chunk indices 0 to chunks - 1, which {@code parallelize} cuts into contiguous ascending slices. */
  static List<Long> chunkIndices(long chunks) {
    List<Long> out = new ArrayList<>();
    for (long c = 0; c < chunks; c++) {
      out.add(c);
    }
    return out;
  }

  /** Runs the contiguous runs of chunk indices a partition holds, one partial result per run. */
  abstract static class ChunkRunner<P> implements FlatMapFunction<Iterator<Long>, P> {
    private static final long serialVersionUID = 1L;
    final Scenario scenario;

    ChunkRunner(Scenario scenario) {
      this.scenario = scenario;
    }

    abstract P run(long from, long to);

    @Override
    public Iterator<P> call(Iterator<Long> chunks) {
      List<P> out = new ArrayList<>();
      long from = -1;
      long next = -1;
      while (chunks.hasNext()) {
        long c = chunks.next();
        if (c != next) {
          if (from >= 0) {
            out.add(run(from, next));
          }
          from = c;
        }
        next = c + 1;
      }
      if (from >= 0) {
        out.add(run(from, next));
      }
      return out.iterator();
    }
  }

  /** A population scenario's partitions. */
  static final class PopulationRunner extends ChunkRunner<PopulationSimulation.PartialResult> {
    private static final long serialVersionUID = 1L;

    PopulationRunner(Scenario scenario) {
      super(scenario);
    }

    @Override
    PopulationSimulation.PartialResult run(long from, long to) {
      PopulationSimulation sim = built(scenario, Scenario::population);
      return sim.runChunks(from, to, (i, r, a, b, c, d) -> { });
    }
  }

  /** A study scenario's partitions. */
  static final class EstimationRunner extends ChunkRunner<SimulationEstimation.PartialResult> {
    private static final long serialVersionUID = 1L;

    EstimationRunner(Scenario scenario) {
      super(scenario);
    }

    @Override
    SimulationEstimation.PartialResult run(long from, long to) {
      SimulationEstimation study = built(scenario, Scenario::estimation);
      return study.runChunks(from, to, r -> { });
    }
  }

  /**
   * A population scenario's attainments, computed on Spark.
   *
   * @param spark the context
   * @param scenario a population scenario
   * @param partitions partitions, 1 to 100 000
   * @return one attainment per regimen, equal to {@code scenario.population().run()}
   * @throws IllegalArgumentException if the scenario is not a population one or partitions are out of range
   */
  public static List<Attainment> attainments(JavaSparkContext spark, Scenario scenario, int partitions) {
    PopulationSimulation sim = scenario.population();
    List<PopulationSimulation.PartialResult> parts = chunks(spark, sim.chunkCount(), partitions)
        .mapPartitions(new PopulationRunner(scenario)).collect();
    return sim.attainments(parts);
  }

  /**
   * A simulation-estimation scenario's summary, computed on Spark.
   *
   * @param spark the context
   * @param scenario an estimation scenario
   * @param partitions partitions, 1 to 100 000
   * @return the summary, equal to {@code scenario.estimation().run()}
   * @throws IllegalArgumentException if the scenario is not a study or partitions are out of range
   */
  public static SimulationEstimation.Summary estimation(JavaSparkContext spark, Scenario scenario, int partitions) {
    SimulationEstimation study = scenario.estimation();
    List<SimulationEstimation.PartialResult> parts = chunks(spark, study.chunkCount(), partitions)
        .mapPartitions(new EstimationRunner(scenario)).collect();
    return study.summary(parts);
  }

  static JavaRDD<Long> chunks(JavaSparkContext spark, long chunks, int partitions) {
    if (partitions < 1 || partitions > 100_000) {
      throw new IllegalArgumentException("Invalid value for --partitions (expected 1 to 100000): " + partitions);
    }
    return spark.parallelize(chunkIndices(chunks), (int) Math.min(partitions, chunks));
  }

  /**
   * Writes every subject of a scenario to Parquet: for a population scenario one row per subject and
   * regimen (scenario, subject, dose_mg, first_dose_auc12_mg_h_per_l, ss_auc12_mg_h_per_l,
   * ss_c0_mg_per_l, ss_cmax_mg_per_l); for a study one row per subject (scenario, subject,
   * true_auc_mg_h_per_l, estimated_auc_mg_h_per_l, lower_mg_h_per_l, upper_mg_h_per_l, censored_samples,
   * failure).
   *
   * @param session the session
   * @param scenario the scenario
   * @param partitions partitions
   * @param dir the output directory (a new one)
   */
  public static void writeSubjects(SparkSession session, Scenario scenario, int partitions, Path dir) {
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(session.sparkContext());
    StructType schema;
    JavaRDD<Row> rows;
    if (scenario.kind() == Scenario.Kind.POPULATION) {
      long n = scenario.population().chunkCount();
      schema = new StructType().add("scenario", DataTypes.StringType).add("subject", DataTypes.LongType)
          .add("dose_mg", DataTypes.DoubleType).add("first_dose_auc12_mg_h_per_l", DataTypes.DoubleType)
          .add("ss_auc12_mg_h_per_l", DataTypes.DoubleType).add("ss_c0_mg_per_l", DataTypes.DoubleType)
          .add("ss_cmax_mg_per_l", DataTypes.DoubleType);
      rows = chunks(spark, n, partitions).mapPartitions((FlatMapFunction<Iterator<Long>, Row>) it -> {
        PopulationSimulation sim = built(scenario, Scenario::population);
        List<Row> out = new ArrayList<>();
        while (it.hasNext()) {
          long c = it.next();
          sim.runChunks(c, c + 1, (i, r, first, ss, c0, cmax) -> out.add(RowFactory.create(scenario.name(), i,
              sim.regimens().get(r).dose().mg(), first, ss, c0, cmax)));
        }
        return out.iterator();
      });
    } else {
      long n = scenario.estimation().chunkCount();
      schema = new StructType().add("scenario", DataTypes.StringType).add("subject", DataTypes.LongType)
          .add("true_auc_mg_h_per_l", DataTypes.DoubleType).add("estimated_auc_mg_h_per_l", DataTypes.DoubleType)
          .add("lower_mg_h_per_l", DataTypes.DoubleType).add("upper_mg_h_per_l", DataTypes.DoubleType)
          .add("censored_samples", DataTypes.IntegerType).add("failure", DataTypes.StringType);
      rows = chunks(spark, n, partitions).mapPartitions((FlatMapFunction<Iterator<Long>, Row>) it -> {
        SimulationEstimation study = built(scenario, Scenario::estimation);
        List<Row> out = new ArrayList<>();
        while (it.hasNext()) {
          long c = it.next();
          study.runChunks(c, c + 1, r -> out.add(RowFactory.create(scenario.name(), r.subject(), r.trueAucMgHPerL(),
              r.estimatedAucMgHPerL(), r.lowerMgHPerL(), r.upperMgHPerL(), r.censoredSamples(), r.failure())));
        }
        return out.iterator();
      });
    }
    Dataset<Row> df = session.createDataFrame(rows, schema);
    df.write().parquet(dir.toString());
  }

  /**
   * Prints one scenario's results as {@code mmf population} prints them.
   *
   * @param out where to
   * @param scenario the scenario
   * @param result its attainments
   */
  static void print(PrintStream out, Scenario scenario, List<Attainment> result) {
    out.printf(Locale.ROOT, "Scenario %s: %s, %d virtual patients, seed %d; target %s [%s]%n", scenario.name(),
        scenario.model(), scenario.subjects(), scenario.seed(), scenario.target(), scenario.target().source().ref());
    out.println(AttainmentTable.header());
    for (Attainment a : result) {
      out.println(AttainmentTable.row(a));
    }
  }

  static void print(PrintStream out, Scenario scenario, SimulationEstimation.Summary s) {
    out.printf(Locale.ROOT, "Scenario %s: MAP study, %s, %d virtual patients (%d estimated), seed %d, samples at"
        + " %s h after dose %d: median error %+.1f %%, median absolute error %.1f %% (population prediction %.1f"
        + " %%), RMSE %.1f %%, 95 %% interval coverage %.1f %%, %d samples below %s mg/L%n", scenario.name(),
        scenario.model(), s.subjects(), s.estimated(), scenario.seed(), scenario.samplingHours(),
        scenario.dosesTaken(), 100 * s.medianErrorFraction(), 100 * s.medianAbsoluteErrorFraction(),
        100 * s.priorMedianAbsoluteErrorFraction(), 100 * s.rmseFraction(), 100 * s.coverage95(),
        s.censoredSamples(), scenario.lloqMgPerL());
  }

  /**
   * Runs the job.
   *
   * @param args {@code --scenarios FILE.csv [--master M] [--partitions N] [--subjects-parquet DIR]}
   * @throws Exception if the job fails
   */
  public static void main(String[] args) throws Exception {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs the job, reporting to the given streams.
   *
   * @param args the arguments
   * @param out results
   * @param err errors
   * @return 0 on success, 2 on bad input (named on {@code err}, before any job starts), 1 when the job
   *     fails
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Path scenariosFile = null;
    String master = null;
    int partitions = 0;
    Path parquet = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("Missing value for " + a);
        }
        String v = args[++i];
        switch (a) {
          case "--scenarios" -> scenariosFile = Path.of(v);
          case "--master" -> master = v;
          case "--partitions" -> {
            try {
              partitions = Integer.parseInt(v);
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException("Invalid value for --partitions (expected a whole number): " + v);
            }
            if (partitions < 1 || partitions > 100_000) {
              throw new IllegalArgumentException("Invalid value for --partitions (expected 1 to 100000): " + v);
            }
          }
          case "--subjects-parquet" -> parquet = Path.of(v);
          default -> throw new IllegalArgumentException("Unknown option: '" + a + "' (expected --scenarios,"
              + " --master, --partitions or --subjects-parquet)");
        }
      }
      if (scenariosFile == null) {
        throw new IllegalArgumentException("Missing option --scenarios FILE.csv");
      }
      if (parquet != null && java.nio.file.Files.exists(parquet)) {
        throw new IllegalArgumentException("Invalid value for --subjects-parquet (expected a new directory): "
            + parquet + " exists");
      }
    } catch (IllegalArgumentException e) {
      err.println("mmf-spark: " + e.getMessage());
      return 2;
    }
    List<Scenario> grid;
    try {
      grid = Scenarios.read(scenariosFile);
    } catch (IllegalArgumentException e) {
      err.println("mmf-spark: " + e.getMessage());
      return 2;
    } catch (java.io.IOException e) {
      err.println("mmf-spark: cannot read " + scenariosFile + ": " + e.getMessage());
      return 2;
    }
    SparkSession.Builder b = SparkSession.builder().appName("mmf population");
    if (master != null) {
      b.master(master);
    }
    // a session that exists already (a notebook's, a test's) is used and left running
    boolean ours = SparkSession.getDefaultSession().isEmpty();
    SparkSession session = b.getOrCreate();
    try {
      JavaSparkContext spark = JavaSparkContext.fromSparkContext(session.sparkContext());
      int p = partitions > 0 ? partitions : spark.defaultParallelism();
      for (Scenario s : grid) {
        if (s.kind() == Scenario.Kind.POPULATION) {
          print(out, s, attainments(spark, s, p));
        } else {
          print(out, s, estimation(spark, s, p));
        }
        if (parquet != null) {
          writeSubjects(session, s, p, parquet.resolve(s.name()));
        }
      }
      out.println("Decision support, not medical advice.");
      return 0;
    } catch (RuntimeException e) {
      err.println("mmf-spark: the job failed: " + e.getMessage());
      return 1;
    } finally {
      if (ours) {
        session.stop();
      }
    }
  }
}
