package io.mmf.pk.solve;

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
 * and the engine must see it. Both sides of each edge: a lag inside the interval and past it, an
 * infusion shorter and longer than the interval.
 */
class SteadyStateCourseTest {
  private static final ExactSolver EXACT = new ExactSolver();
  private static final Formulation MMF = Formulation.MMF_TABLET_500;
  private static final double KA = 1.1;
  private static final double K = 0.2;
  private static final double V = 50;
  private static final double F = 0.9;
  private static final double MG = 1000;
  private static final double TAU = 12;
  /** mg MPA entering per dose. */
  private static final double A = MG * Drug.MYCOPHENOLATE_MOFETIL.mpaMassFraction() * F;

  private static PkModel oral(double lagHours) {
    return PkModel.builder("1cpt lag " + lagHours).compartments("depot", "central").transfer("depot", "central", KA)
        .elimination("central", K).observe("MPA", "central", V)
        .dose(Drug.MYCOPHENOLATE_MOFETIL, DoseInput.bolus("depot", F, lagHours)).doseUnit(DoseUnit.MG_MPA).build();
  }

  private static PkModel infused(double hours) {
    return PkModel.builder("1cpt infusion " + hours).compartments("central").elimination("central", K)
        .observe("MPA", "central", V).dose(Drug.MYCOPHENOLATE_MOFETIL, new DoseInput("central", F, 0, hours))
        .doseUnit(DoseUnit.MG_MPA).build();
  }

  /** The Bateman curve of one oral dose, s h after it arrives. */
  private static double bateman(double s) {
    return s <= 0 ? 0 : A * KA / (V * (KA - K)) * (Math.exp(-K * s) - Math.exp(-KA * s));
  }

  /** Its integral from arrival to s h after. */
  private static double batemanAuc(double s) {
    return s <= 0 ? 0 : A * KA / (V * (KA - K)) * ((1 - Math.exp(-K * s)) / K - (1 - Math.exp(-KA * s)) / KA);
  }

  /** The integral from the start of an infusion of {@code d} h to s h after its start. */
  private static double infusionAuc(double s, double d) {
    double plateau = A / d / (K * V);
    double during = Math.min(s, d);
    double auc = plateau * (during - (1 - Math.exp(-K * during)) / K);
    if (s > d) {
      double atEnd = plateau * (1 - Math.exp(-K * d));
      auc += atEnd * (1 - Math.exp(-K * (s - d))) / K;
    }
    return auc;
  }

  private static SteadyState.Course course(PkModel m, double clock) {
    return EXACT.course(m, Dose.ofMg(MG), MMF, DosingInterval.everyHours(TAU), clock);
  }

  @Test
  void aLagInsideOrPastTheIntervalDelaysTheFirstDosesAucAndLeavesTheSteadyStateAuc() {
    for (double lag : new double[] {0, 5, 11.5, 12, 13, 30}) {
      for (double clock : new double[] {0, 21}) {
        SteadyState.Course c = course(oral(lag), clock);
        double first = batemanAuc(TAU - lag);
        assertEquals(first, c.firstDoseAucTauMgHPerL(), 1e-10 * batemanAuc(TAU) + 1e-13, "lag " + lag);
        // at steady state every interval holds one dose's whole AUC, F D / CL, whatever the lag
        assertEquals(A / (K * V), c.steadyState().aucTauMgHPerL(), 1e-10 * A / (K * V), "lag " + lag);
        // the trough at the dose: every earlier dose that has arrived by then
        double trough = 0;
        for (int n = 1; n < 400; n++) {
          trough += bateman(n * TAU - lag);
        }
        assertEquals(trough, c.steadyState().troughMgPerL(), 1e-10 * trough + 1e-14, "lag " + lag);
      }
    }
  }

  @Test
  void anInfusionShorterOrLongerThanTheIntervalGivesTheFirstDosesShare() {
    for (double hours : new double[] {3, 11.9, 12, 12.1, 18, 40}) {
      SteadyState.Course c = course(infused(hours), 7);
      double first = infusionAuc(TAU, hours);
      assertEquals(first, c.firstDoseAucTauMgHPerL(), 1e-10 * first, "infusion " + hours + " h");
      assertEquals(A / (K * V), c.steadyState().aucTauMgHPerL(), 1e-10 * A / (K * V), "infusion " + hours + " h");
    }
  }
}
