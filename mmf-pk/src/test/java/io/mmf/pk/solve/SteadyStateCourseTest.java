package io.mmf.pk.solve;

import static io.mmf.pk.solve.ConcentrationSolverContract.F;
import static io.mmf.pk.solve.ConcentrationSolverContract.K;
import static io.mmf.pk.solve.ConcentrationSolverContract.KA;
import static io.mmf.pk.solve.ConcentrationSolverContract.V;
import static io.mmf.pk.solve.ConcentrationSolverContract.entering;
import static io.mmf.pk.solve.ConcentrationSolverContract.infusionAuc;
import static io.mmf.pk.solve.ConcentrationSolverContract.model;
import static io.mmf.pk.solve.ConcentrationSolverContract.oral;
import static io.mmf.pk.solve.ConcentrationSolverContract.past;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.model.DoseInput;
import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.PkModel;
import org.junit.jupiter.api.Test;

/**
 * The exact path's course (first-dose AUC over one interval beside the steady state) for doses whose
 * arrival or infusion reaches past their own interval, against closed forms written here for one
 * compartment: there the steady state's first period from empty compartments is not the first dose's,
 * and the engine must see it. The model, the Bateman curve, the infusion's AUC and the sum over past
 * doses are {@link ConcentrationSolverContract}'s. Both sides of each edge: a lag inside the interval and
 * past it, an infusion shorter and longer than the interval.
 */
class SteadyStateCourseTest {
  private static final ExactSolver EXACT = new ExactSolver();
  private static final Formulation MMF = Formulation.MMF_TABLET_500;
  private static final double MG = 1000;
  private static final double TAU = 12;
  /** mg MPA entering per dose. */
  private static final double A = entering(Drug.MYCOPHENOLATE_MOFETIL, MG, F);
  /** Every steady-state interval holds one dose's whole AUC, F D / CL, whatever the lag or infusion. */
  private static final double AUC_SS = A / (K * V);

  private static PkModel infused(double hours) {
    return PkModel.builder("1cpt infusion " + hours).compartments("central").elimination("central", K)
        .observe("MPA", "central", V).dose(Drug.MYCOPHENOLATE_MOFETIL, new DoseInput("central", F, 0, hours))
        .doseUnit(DoseUnit.MG_MPA).build();
  }

  /** The integral of one oral dose's Bateman curve from its arrival to s h after. */
  private static double batemanAuc(double s) {
    return s <= 0 ? 0 : A * KA / (V * (KA - K)) * ((1 - Math.exp(-K * s)) / K - (1 - Math.exp(-KA * s)) / KA);
  }

  private static SteadyState.Course course(PkModel m, double clock) {
    return EXACT.course(m, Dose.ofMg(MG), MMF, DosingInterval.everyHours(TAU), clock);
  }

  @Test
  void aLagInsideOrPastTheIntervalDelaysTheFirstDosesAucAndLeavesTheSteadyStateAuc() {
    for (double lag : new double[] {0, 5, 11.5, 12, 13, 30}) {
      for (double clock : new double[] {0, 21}) {
        SteadyState.Course c = course(model(K, F, lag), clock);
        double first = batemanAuc(TAU - lag);
        assertEquals(first, c.firstDoseAucTauMgHPerL(), 1e-10 * batemanAuc(TAU) + 1e-13, "lag " + lag);
        assertEquals(AUC_SS, c.steadyState().aucTauMgHPerL(), 1e-10 * AUC_SS, "lag " + lag);
        // the trough at the dose: every earlier dose that has arrived by then
        double trough = past(td -> oral(0, td, A, K, lag), 0, TAU);
        assertEquals(trough, c.steadyState().troughMgPerL(), 1e-10 * trough + 1e-14, "lag " + lag);
      }
    }
  }

  @Test
  void anInfusionShorterOrLongerThanTheIntervalGivesTheFirstDosesShare() {
    for (double hours : new double[] {3, 11.9, 12, 12.1, 18, 40}) {
      SteadyState.Course c = course(infused(hours), 7);
      double first = infusionAuc(TAU, 0, A / hours, hours);
      assertEquals(first, c.firstDoseAucTauMgHPerL(), 1e-10 * first, "infusion " + hours + " h");
      assertEquals(AUC_SS, c.steadyState().aucTauMgHPerL(), 1e-10 * AUC_SS, "infusion " + hours + " h");
    }
  }
}
