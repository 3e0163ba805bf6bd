package io.mmf.benchmarks;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.model.EmptyingWindows;
import io.mmf.pk.model.Window;
import io.mmf.pk.population.PopulationModel;
import io.mmf.pk.population.Populations;
import io.mmf.pk.solve.ConcentrationSolver;
import io.mmf.pk.solve.ExactSolver;
import io.mmf.pk.solve.SteadyState;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * A fresh JVM's first subjects, as a user's first run sees them: one thread, the EHC preset (Jiao 2008)
 * with the gallbladder emptying at clock meals (7.5, 12 and 19 h, 1 h each; first dose at 8 h, MMF
 * 1 g every 12 h, so the steady state spans 24 h), the individual model rebuilt per subject, and the
 * steady-state AUC0-12, Cmax and C0 of each. Prints, at 1 000, 10 000, 100 000 and then every
 * further 100 000 subjects, the wall time and the process CPU time (every thread, the JIT
 * compilers' included) since {@code main} began, and the JVM's uptime at {@code main}. Run it in
 * several fresh JVMs: {@code java -cp mmf-benchmarks/target/benchmarks.jar io.mmf.benchmarks.ColdStart 1000000}.
 */
public final class ColdStart {
  private ColdStart() {}

  /**
   * Runs the subjects.
   *
   * @param args the number of subjects (default 1000)
   */
  public static void main(String[] args) {
    long wall0 = System.nanoTime();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = os.getProcessCpuTime();
    long thread0 = threads.getCurrentThreadCpuTime();
    long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
    int subjects = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    PopulationModel population = Populations.jiao2008(70);
    EmptyingWindows meals = EmptyingWindows.atClockTimes(new Window(7.5, 1), new Window(12, 1), new Window(19, 1));
    ConcentrationSolver solver = new ExactSolver();
    Dose dose = Dose.ofMg(1000);
    int k = population.randomEffects().parameters().size();
    double[] z = new double[k];
    double[] eta = new double[k];
    SplittableRandom random = new SplittableRandom(1);
    double sink = 0;
    System.out.println("jvm_uptime_at_main_ms " + uptimeMs);
    for (int i = 1; i <= subjects; i++) {
      population.randomEffects().sample(random, z, eta);
      SteadyState.Summary ss = solver.steadyStateSummary(population.individual(eta).withEmptyingWindows(meals), dose,
          Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY, 8);
      sink += ss.aucTauMgHPerL() + ss.cmaxMgPerL() + ss.troughMgPerL();
      if (i == 1000 || i == 10_000 || i % 100_000 == 0 || i == subjects) {
        System.out.printf("subjects %d wall_ms %.3f process_cpu_ms %.3f thread_cpu_ms %.3f%n", i,
            (System.nanoTime() - wall0) / 1e6, (os.getProcessCpuTime() - cpu0) / 1e6,
            (threads.getCurrentThreadCpuTime() - thread0) / 1e6);
      }
    }
    System.out.println("checksum " + sink);
  }
}
