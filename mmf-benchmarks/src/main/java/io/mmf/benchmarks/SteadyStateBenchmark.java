package io.mmf.benchmarks;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Presets;
import io.mmf.pk.solve.ConcentrationSolver;
import io.mmf.pk.solve.ExactSolver;
import io.mmf.pk.solve.NumericalSolver;
import io.mmf.pk.solve.SteadyState;
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
 * Steady-state AUC0-12 (with Cmax and C0, which the same call returns) for one subject, exact path vs
 * Commons Math numerical path, in the same run: on the EHC preset the exact path serves (Jiao 2008,
 * gallbladder windows after each dose) and on the two-compartment preset (van Hest 2005).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SteadyStateBenchmark {

  /** Which preset. */
  @Param({"jiao2008-ehc", "vanHest2005-2cpt"})
  public String preset;

  private PkModel model;
  private final ConcentrationSolver exact = new ExactSolver();
  private final ConcentrationSolver numerical = new NumericalSolver();
  private final Dose dose = Dose.ofMg(1000);

  /** Builds the model once per trial. */
  @Setup
  public void setUp() {
    model = preset.startsWith("jiao") ? Presets.jiao2008(65.5) : Presets.vanHest2005();
  }

  /**
   * Exact path: periodic solution solved directly, then one period on the output grid.
   *
   * @return the steady state (returned so the JIT cannot drop the work)
   */
  @Benchmark
  public SteadyState exact() {
    return exact.steadyState(model, dose, Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY);
  }

  /**
   * Numerical path: Dormand-Prince, dosing until the last interval stops changing (relative 1e-10).
   *
   * @return the steady state
   */
  @Benchmark
  public SteadyState numerical() {
    return numerical.steadyState(model, dose, Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY);
  }
}
