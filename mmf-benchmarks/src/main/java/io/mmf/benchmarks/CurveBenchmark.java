package io.mmf.benchmarks;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Regimen;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Presets;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.solve.ConcentrationSolver;
import io.mmf.pk.solve.ExactSolver;
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

/** A concentration curve on a 0.1 h grid over 14 days of twice-daily dosing (3361 points), exact path. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CurveBenchmark {
  private PkModel model;
  private DosingSchedule schedule;
  private double[] grid;
  private final ConcentrationSolver exact = new ExactSolver();

  /** Builds the model, the 28 doses and the grid once. */
  @Setup
  public void setUp() {
    model = Presets.jiao2008(70);
    schedule = DosingSchedule.fromRegimen(Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1000),
        DosingInterval.TWICE_DAILY), 28);
    grid = ConcentrationSolver.grid(0.1, 14 * 24);
  }

  /**
   * The curve.
   *
   * @return the profile
   */
  @Benchmark
  public ConcentrationProfile curve14Days() {
    return exact.simulate(model, schedule, grid);
  }
}
