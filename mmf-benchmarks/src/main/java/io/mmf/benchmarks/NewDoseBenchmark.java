package io.mmf.benchmarks;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.model.Presets;
import io.mmf.pk.solve.ExactSolver;
import io.mmf.pk.solve.SteadyState;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One subject, same parameters, a new dose each call (a dose-finding loop): the per-parameter work
 * (the steady state of a reference dose) is cached, and a new dose is that summary scaled, exact by
 * linearity.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class NewDoseBenchmark {
  private SteadyState.Summary reference;
  private double referenceMg;
  private double mg = 250;

  /** Solves the EHC preset once at 1 g. */
  @Setup
  public void setUp() {
    referenceMg = 1000;
    reference = new ExactSolver().steadyState(Presets.jiao2008(70), Dose.ofMg(referenceMg), Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY).summary();
  }

  /**
   * Steady-state AUC, Cmax and C0 at the next dose of a sweep from 250 to 3000 mg.
   *
   * @return the summary
   */
  @Benchmark
  public SteadyState.Summary newDose() {
    mg = mg >= 3000 ? 250 : mg + 1;
    return reference.scaled(mg / referenceMg);
  }
}
