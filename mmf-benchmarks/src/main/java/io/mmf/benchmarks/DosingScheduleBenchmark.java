package io.mmf.benchmarks;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.regimen.Titration;
import io.mmf.pk.dosing.DosingSchedule;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Expanding a titrated regimen into dose events: the set-up every simulation pays before solving.
 * The solver benchmarks (exact vs numerical path) come with the solver.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DosingScheduleBenchmark {

  /** Number of twice-daily administrations: two weeks and one year. */
  @Param({"28", "730"})
  public int doses;

  private Regimen regimen;

  /** Builds the regimen once per trial. */
  @Setup
  public void setUp() {
    regimen = Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1500), DosingInterval.TWICE_DAILY)
        .withTitration(Titration.of(Dose.ofMg(500), Dose.ofMg(500), 7));
  }

  /**
   * Expands the regimen.
   *
   * @return the schedule (returned so the JIT cannot drop the work)
   */
  @Benchmark
  public DosingSchedule expandTitratedRegimen() {
    return DosingSchedule.fromRegimen(regimen, doses);
  }
}
