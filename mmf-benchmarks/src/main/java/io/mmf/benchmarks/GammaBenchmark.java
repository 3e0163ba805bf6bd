package io.mmf.benchmarks;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.model.DoseInput;
import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Presets;
import io.mmf.pk.solve.ConcentrationSolver;
import io.mmf.pk.solve.ExactSolver;
import io.mmf.pk.solve.NumericalSolver;
import io.mmf.pk.solve.SteadyState;
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
 * One gamma-absorption subject per call, its parameters new (64 parameter sets prepared once, cycled:
 * every call pays the propagators, the gamma terms and the periodic solve): steady-state AUC0-12, Cmax
 * and C0 on the exact path (incomplete gamma terms against the modes; inside Sherwin's emptying windows,
 * Gauss quadrature) and on the numerical path, in the same run. Subjects: Sherwin 2012 (Savic n = 8.2
 * with enterohepatic windows) with its transit n and mean transit time varied by 30 %, and a
 * two-compartment model with a Limoges-style double gamma (no windows, modal throughout).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class GammaBenchmark {
  /** Which subject: Sherwin 2012 with its windows, or the double gamma without. */
  @Param({"sherwin2012-ehc", "doubleGamma-2cpt"})
  public String subject;

  private final PkModel[] models = new PkModel[64];
  private int next;
  private final ConcentrationSolver exact = new ExactSolver();
  private final ConcentrationSolver numerical = new NumericalSolver(1e-5, 1e-8);
  private final Dose dose = Dose.ofMg(1000);

  /** Builds the 64 subjects' models once. */
  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(1);
    PkModel sherwin = Presets.sherwin2012();
    for (int i = 0; i < models.length; i++) {
      double u = 0.7 + 0.6 * r.nextDouble();
      double v = 0.7 + 0.6 * r.nextDouble();
      if (subject.startsWith("sherwin")) {
        double n = 8.2 * u;
        double mtt = 1.1 * v;
        PkModel.Builder b = PkModel.builder("Sherwin 2012, subject " + i)
            .compartments(sherwin.compartments().toArray(new String[0]));
        for (PkModel.Transfer t : sherwin.transfers()) {
          if (t.windowed()) {
            if (t.to().isPresent()) {
              b.windowedTransfer(t.from(), t.to().get(), t.ratePerHour());
            } else {
              b.windowedElimination(t.from(), t.ratePerHour());
            }
          } else if (t.to().isPresent()) {
            b.transfer(t.from(), t.to().get(), t.ratePerHour());
          } else {
            b.elimination(t.from(), t.ratePerHour());
          }
        }
        for (PkModel.Observed o : sherwin.observed()) {
          b.observe(o.name(), o.compartment(), o.volumeL());
        }
        models[i] = b.emptyingWindows(sherwin.emptyingWindows().orElseThrow()).doseUnit(DoseUnit.MG_MPA)
            .dose(Drug.MYCOPHENOLATE_MOFETIL, sherwin.input(Drug.MYCOPHENOLATE_MOFETIL))
            .savicTransit(new PkModel.SavicTransit(n, (n + 1) / mtt)).build();
      } else {
        double ka = 4 * u;
        models[i] = PkModel.builder("double gamma, subject " + i).doseUnit(DoseUnit.MG_MPA)
            .compartments("gut", "central", "peripheral").observe("MPA", "central", 12.7 * v)
            .transfer("gut", "central", ka).transfer("central", "peripheral", 0.9).transfer("peripheral", "central", 0.1)
            .elimination("central", 0.4 * u).dose(Drug.MYCOPHENOLATE_MOFETIL, DoseInput.bolus("gut", 1, 0))
            .gammaInput(new PkModel.GammaLaw(0.79, 9 * v, 3 * u), new PkModel.GammaLaw(0.21, 20 * u, 5 * v)).build();
      }
    }
  }

  private PkModel nextModel() {
    next = (next + 1) & 63;
    return models[next];
  }

  /**
   * Exact path.
   *
   * @return AUC0-12 + Cmax + C0 (so the JIT keeps the work)
   */
  @Benchmark
  public double exact() {
    SteadyState.Summary ss = exact.steadyStateSummary(nextModel(), dose, Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY, 0);
    return ss.aucTauMgHPerL() + ss.cmaxMgPerL() + ss.troughMgPerL();
  }

  /**
   * Numerical path.
   *
   * @return AUC0-12 + Cmax + C0
   */
  @Benchmark
  public double numerical() {
    SteadyState.Summary ss = numerical.steadyStateSummary(nextModel(), dose, Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY, 0);
    return ss.aucTauMgHPerL() + ss.cmaxMgPerL() + ss.troughMgPerL();
  }
}
