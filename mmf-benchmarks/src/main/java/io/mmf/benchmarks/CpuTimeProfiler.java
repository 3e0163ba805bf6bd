package io.mmf.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time beside wall time: the benchmark JVM's process CPU time (every thread: the benchmark's,
 * the JIT compilers' and the collector's) per operation, and its ratio to wall time. On a machine
 * shared with other work, wall time wanders with the load while the CPU time of the work itself
 * does not, so a comparison between two builds reads the CPU column. Use with
 * {@code -prof io.mmf.benchmarks.CpuTimeProfiler}.
 */
@SuppressWarnings("rawtypes") // JMH's InternalProfiler declares its results with the raw type Result
public final class CpuTimeProfiler implements InternalProfiler {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private long cpuStart;
  private long wallStart;

  /** Creates the profiler (JMH calls this). */
  public CpuTimeProfiler() {}

  @Override
  public String getDescription() {
    return "process CPU time per operation (all threads), and CPU time / wall time";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    wallStart = System.nanoTime();
    cpuStart = OS.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
      IterationResult result) {
    long cpu = OS.getProcessCpuTime() - cpuStart;
    long wall = System.nanoTime() - wallStart;
    long ops = Math.max(1, result.getMetadata().getAllOps());
    TimeUnit unit = benchmarkParams.getTimeUnit();
    double perOp = (double) cpu / ops / TimeUnit.NANOSECONDS.convert(1, unit);
    return List.of(
        new ScalarResult("cpu.time", perOp, shortName(unit) + "/op", AggregationPolicy.AVG),
        new ScalarResult("cpu.per.wall", (double) cpu / wall, "cores", AggregationPolicy.AVG));
  }

  private static String shortName(TimeUnit unit) {
    switch (unit) {
      case NANOSECONDS:
        return "ns";
      case MICROSECONDS:
        return "us";
      case MILLISECONDS:
        return "ms";
      case SECONDS:
        return "s";
      default:
        return unit.name();
    }
  }
}
