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
 * of the whole population is one measurement (JIT warm-up is a negligible part of it).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
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
   * One population run.
   *
   * @return the attainment
   */
  @Benchmark
  public List<Attainment> population() {
    return PopulationSimulation.of(Populations.jiao2008(70)).subjects(subjects).seed(1)
        .threads(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads)
        .doses(Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY, 1000).build().run();
  }
}
