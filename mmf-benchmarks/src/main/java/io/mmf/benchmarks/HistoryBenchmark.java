package io.mmf.benchmarks;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.pk.dosing.DoseEvent;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Presets;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.solve.ConcentrationSolver;
import io.mmf.pk.solve.ExactSolver;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * Long, irregular dose histories on the EHC preset (Jiao 2008): a dose every 12 h moved by up to
 * +/- 1 h and of 500, 750 or 1000 mg (fixed seed), so hardly two intervals between events are equal
 * in binary. Cost should grow linearly with the number of doses: {@link #lastIntervalAuc} asks for
 * the exact AUC over the last 12 h, {@link #troughs} for the concentration just before every dose.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class HistoryBenchmark {
  /** Number of doses: one year and four years of twice-daily dosing, halved. */
  @Param({"365", "1460"})
  public int doses;

  private PkModel model;
  private DosingSchedule schedule;
  private double[] doseTimes;
  private double end;
  private final ConcentrationSolver exact = new ExactSolver();

  /** Draws the history once. */
  @Setup
  public void setUp() {
    model = Presets.jiao2008(70);
    SplittableRandom random = new SplittableRandom(7);
    double[] mg = {500, 750, 1000};
    List<DoseEvent> events = new ArrayList<>();
    doseTimes = new double[doses];
    for (int k = 0; k < doses; k++) {
      double t = Math.max(0, k * 12 + random.nextDouble(-1, 1));
      doseTimes[k] = t;
      events.add(DoseEvent.at(t, Dose.ofMg(mg[random.nextInt(3)]), Formulation.MMF_TABLET_500));
    }
    schedule = DosingSchedule.of(events);
    end = doses * 12.0;
  }

  /**
   * The exact AUC over the last 12 h of the history.
   *
   * @return AUC, mg*h/L
   */
  @Benchmark
  public double lastIntervalAuc() {
    return exact.aucMgHPerL(model, schedule, end - 12, end);
  }

  /**
   * The concentration just before every dose.
   *
   * @return the profile at the dose times
   */
  @Benchmark
  public ConcentrationProfile troughs() {
    return exact.simulate(model, schedule, doseTimes);
  }
}
