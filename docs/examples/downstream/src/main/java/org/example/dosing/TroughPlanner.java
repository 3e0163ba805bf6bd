package org.example.dosing;

import io.mmf.core.regimen.Regimen;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.solve.ExactSolver;

/** An application's own code: the MPA curve of a regimen's first doses, and its trough before a dose. */
public final class TroughPlanner {
  private static final ExactSolver SOLVER = new ExactSolver();

  private TroughPlanner() {}

  /**
   * The curve of a regimen's first {@code doses} doses, every hour up to one interval after the last.
   *
   * @param model the model
   * @param regimen the regimen
   * @param doses how many doses, &gt;= 1
   * @return the profile
   */
  public static ConcentrationProfile firstDoses(PkModel model, Regimen regimen, int doses) {
    DoseRecords records = DoseRecords.fromRegimen(regimen, doses);
    int hours = (int) Math.ceil(regimen.interval().hours() * doses);
    double[] times = new double[hours + 1];
    for (int h = 0; h <= hours; h++) {
      times[h] = h;
    }
    return SOLVER.simulate(model, records, times);
  }

  /**
   * The concentration just before dose {@code n} (counting from 0) of a regimen.
   *
   * @param model the model
   * @param regimen the regimen
   * @param n the dose, &gt;= 1
   * @return mg/L
   */
  public static double troughBeforeDose(PkModel model, Regimen regimen, int n) {
    DoseRecords records = DoseRecords.fromRegimen(regimen, n + 1);
    return SOLVER.simulate(model, records, new double[] {n * regimen.interval().hours()}).concentrationMgPerL(0);
  }
}
