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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One model and one solver of each kind shared by many threads give the single-thread results, bit for bit. */
class ThreadSafetyTest {
  @Test
  void sharedSolversAndModelsGiveIdenticalResults() throws Exception {
    PkModel model = Presets.jiao2008(70);
    List<ConcentrationSolver> solvers = List.of(new ExactSolver(), new NumericalSolver());
    DosingSchedule s = DosingSchedule.fromRegimen(Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1000),
        DosingInterval.TWICE_DAILY), 6);
    double[] t = ConcentrationSolver.grid(0.25, 72);
    for (ConcentrationSolver solver : solvers) {
      ConcentrationProfile reference = solver.simulate(model, s, t);
      double referenceAuc = solver.steadyState(model, Dose.ofMg(1000), Formulation.MMF_TABLET_500,
          DosingInterval.TWICE_DAILY).aucTauMgHPerL();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Object[]>> results = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
          results.add(pool.submit(() -> new Object[] {solver.simulate(model, s, t),
              solver.steadyState(model, Dose.ofMg(1000), Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY)
                  .aucTauMgHPerL()}));
        }
        for (Future<Object[]> f : results) {
          Object[] r = f.get();
          assertEquals(reference, r[0]);
          assertEquals(referenceAuc, (double) r[1]);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
