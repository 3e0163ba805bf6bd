package io.mmf.pk.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Regimen;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Presets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One model and one solver of each kind shared by many threads give the single-thread results, bit for
 * bit: profiles and window AUCs on both paths, and the exact path's steady state and course (the
 * numerical steady state, dose after dose until it settles, is the same code as its profile and would
 * only make the test slow).
 */
class ThreadSafetyTest {
  @Test
  void sharedSolversAndModelsGiveIdenticalResults() throws Exception {
    PkModel model = Presets.jiao2008(70);
    DosingSchedule s = DosingSchedule.fromRegimen(Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1000),
        DosingInterval.TWICE_DAILY), 6);
    double[] t = ConcentrationSolver.grid(0.25, 72);
    ExactSolver exact = new ExactSolver();
    NumericalSolver numerical = new NumericalSolver();
    List<Callable<List<Object>>> tasks = List.of(
        () -> List.of(exact.simulate(model, s, t), exact.aucMgHPerL(model, s, 60, 72),
            exact.steadyState(model, Dose.ofMg(1000), Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY)
                .summary(),
            exact.course(model, Dose.ofMg(1000), Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY, 0)),
        () -> List.of(numerical.simulate(model, s, t), numerical.aucMgHPerL(model, s, 60, 72)));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (Callable<List<Object>> task : tasks) {
        List<Object> reference = task.call();
        List<Future<List<Object>>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          results.add(pool.submit(task));
        }
        for (Future<List<Object>> f : results) {
          assertEquals(reference, f.get());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
