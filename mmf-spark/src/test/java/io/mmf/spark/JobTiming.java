package io.mmf.spark;

import io.mmf.pk.population.Attainment;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * A timed harness, run by hand (not a test): the same population scenario in process on all cores and on
 * Spark's local[N] master on the same cores, wall and process CPU time of each, and the check that both
 * give the same attainments. {@code mmf-spark/run-timing} runs it; the results are in
 * {@code mmf-benchmarks/RESULTS.md}.
 *
 * <p>Arguments: subjects (default 10^7), threads / local cores (default 2), Spark partitions (default 4x
 * the cores), repetitions (default 3).
 */
public final class JobTiming {
  private JobTiming() {}

  private static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  /**
   * Runs the timing.
   *
   * @param args subjects, cores, partitions, repetitions
   */
  public static void main(String[] args) {
    long subjects = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    int cores = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 4 * cores;
    int reps = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Scenario s = new Scenario("timing", Scenario.Kind.POPULATION, "van-hest-2005", java.util.Map.of(),
        "mmf-tablet-500", 12, List.of(1000.0), subjects, 1, "kidney-transplant", 14, List.of(), 0, false);
    SparkSession session = SparkSession.builder().appName("mmf timing").master("local[" + cores + "]")
        .config("spark.ui.enabled", "false").getOrCreate();
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(session.sparkContext());
    PopulationJob.attainments(spark, new Scenario("warm", Scenario.Kind.POPULATION, "van-hest-2005",
        java.util.Map.of(), "mmf-tablet-500", 12, List.of(1000.0), 100_000, 2, "kidney-transplant", 14, List.of(),
        0, false), partitions);
    for (int r = 0; r < reps; r++) {
      double c0 = cpuSeconds();
      long t0 = System.nanoTime();
      var b = io.mmf.pk.population.PopulationSimulation.of(io.mmf.pk.population.Populations.vanHest2005(),
          io.mmf.pk.population.Covariates.distributions(java.util.Map.of(
              "creatinineClearanceMlPerMin", new io.mmf.pk.population.Covariates.Fixed(48),
              "albuminGPerL", new io.mmf.pk.population.Covariates.Fixed(30),
              "cyclosporineMgPerDay", new io.mmf.pk.population.Covariates.Fixed(450),
              "female", new io.mmf.pk.population.Covariates.Fixed(0))))
          .subjects(subjects).seed(1).threads(cores).target(s.target())
          .doses(io.mmf.core.drug.Formulation.MMF_TABLET_500, io.mmf.core.regimen.DosingInterval.TWICE_DAILY, 1000);
      List<Attainment> local = b.build().run();
      double wallLocal = (System.nanoTime() - t0) / 1e9;
      double cpuLocal = cpuSeconds() - c0;
      c0 = cpuSeconds();
      t0 = System.nanoTime();
      List<Attainment> onSpark = PopulationJob.attainments(spark, s, partitions);
      double wallSpark = (System.nanoTime() - t0) / 1e9;
      double cpuSpark = cpuSeconds() - c0;
      System.out.printf(Locale.ROOT, "run %d: %d subjects, %d cores: in process %.2f s wall, %.2f s CPU;"
          + " Spark local[%d], %d partitions %.2f s wall, %.2f s CPU; overhead %.0f ns wall, %.0f ns CPU per"
          + " subject; same result: %s%n", r + 1, subjects, cores, wallLocal, cpuLocal, cores, partitions, wallSpark,
          cpuSpark, (wallSpark - wallLocal) / subjects * 1e9, (cpuSpark - cpuLocal) / subjects * 1e9,
          local.equals(onSpark));
    }
    session.stop();
  }
}
