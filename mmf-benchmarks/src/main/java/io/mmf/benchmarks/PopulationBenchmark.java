package io.mmf.benchmarks;

import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.population.Attainment;
import io.mmf.pk.population.PopulationSimulation;
import io.mmf.pk.population.Populations;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Many subjects: steady-state AUC0-12 (with C0, Cmax and first-dose AUC) per subject on the EHC preset
 * with its log-normal variability, summaries only, one thread and all threads. Single shot: one run
 * of the whole population is one measurement, in two forms. {@link #population} runs once to warm up
 * and then measures (the solver's throughput); {@link #populationCold} measures the first run of a
 * fresh JVM, as the command-line tool sees it: on 2 cores the JIT compilers' work (several CPU
 * seconds of C2 compilation) competes with the worker threads.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@State(Scope.Benchmark)
public class PopulationBenchmark {
  /** Virtual patients. */
  @Param({"100000", "1000000"})
  public long subjects;

  /** Threads: 1, or 0 for all processors. */
  @Param({"1", "0"})
  public int threads;

  /**
   * One population run after one warm-up run in the same JVM; three measured runs, so the error shows
   * how much this machine wanders.
   *
   * @return the attainment
   */
  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public List<Attainment> population() {
    return run();
  }

  /**
   * The first population run of a fresh JVM (JIT compilation included), in three fresh JVMs.
   *
   * @return the attainment
   */
  @Benchmark
  @Warmup(iterations = 0)
  @Fork(value = 3, jvmArgsAppend = "-Xmx256m")
  public List<Attainment> populationCold() {
    return run();
  }

  private List<Attainment> run() {
    // Jiao 2008 is a healthy-volunteer model: allowed here to measure the EHC structure's cost, not to dose
    return PopulationSimulation.of(Populations.jiao2008(70)).allowHealthyVolunteerModel().subjects(subjects).seed(1)
        .threads(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads)
        .doses(Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY, 1000).build().run();
  }
}
