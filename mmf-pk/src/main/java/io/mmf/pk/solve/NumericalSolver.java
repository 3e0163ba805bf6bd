package io.mmf.pk.solve;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.internal.Checks;
import io.mmf.pk.dosing.DoseEvent;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.model.CovariateModel;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.solve.numerical.NumericalEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * The numerical path: the model's equations through Commons Math's adaptive Dormand-Prince 8(5,3)
 * integrator, run from instant to instant of the dose history (outputs, records, what they scheduled,
 * window edges) with its steps capped for each window state, and every output the end of an
 * error-controlled stretch. Its right-hand side is written from the model's transfers and inputs and
 * its reading of the records is its own, so it shares nothing with {@link ExactSolver} but the model's
 * description: it is the independent check of the exact path, and the only path for models outside the
 * linear world (a Savic transit chain). A steady-state record is solved by long explicit simulation;
 * the steady state of a regimen the plain way, by dosing until the last interval stops changing. A
 * solve that would need more than 2 x 10^8 right-hand-side evaluations fails with a {@link
 * SolverException} instead of running on.
 *
 * <p>Immutable and thread-safe: each call builds its own integrator.
 */
public final class NumericalSolver implements ConcentrationSolver {
  /** Grid points per dosing interval of a steady state (Cmax and Tmax are on this grid). */
  private static final int POINTS_PER_INTERVAL = 1200;

  /** Most doses simulated while looking for the steady state. */
  public static final int MAX_STEADY_STATE_DOSES = 20_000;

  private final double relativeTolerance;
  private final double absoluteTolerance;

  /**
   * A solver with relative tolerance 1e-12 and absolute tolerance 1e-13 (mg, mg*h/L): tight enough
   * that its global error stays below 1e-6 relative over the parameter ranges of the property tests
   * (at 1e-11 it reached 1e-6 on slow models with a fast peripheral exchange).
   */
  public NumericalSolver() {
    this(1e-12, 1e-13);
  }

  /**
   * A solver with given tolerances.
   *
   * @param relativeTolerance relative error tolerance per step, in (0, 1)
   * @param absoluteTolerance absolute error tolerance per step, in state units (mg, mg*h/L), &gt; 0
   * @throws IllegalArgumentException if a tolerance is out of range
   */
  public NumericalSolver(double relativeTolerance, double absoluteTolerance) {
    if (!(relativeTolerance > 0 && relativeTolerance < 1)) {
      throw new IllegalArgumentException(Checks.invalid("relativeTolerance", "in (0, 1)", relativeTolerance));
    }
    if (!(absoluteTolerance > 0 && Double.isFinite(absoluteTolerance))) {
      throw new IllegalArgumentException(Checks.invalid("absoluteTolerance", "finite and > 0", absoluteTolerance));
    }
    this.relativeTolerance = relativeTolerance;
    this.absoluteTolerance = absoluteTolerance;
  }

  @Override
  public ConcentrationProfile simulate(CovariateModel model, DoseRecords records, double[] timesHours) {
    Checks.notNull(model, "model");
    Checks.notNull(records, "records");
    Arguments.checkTimes(timesHours);
    return NumericalEngine.run(model, records, timesHours, false, relativeTolerance, absoluteTolerance);
  }

  @Override
  public ConcentrationProfile observe(CovariateModel model, DoseRecords records) {
    Checks.notNull(model, "model");
    Checks.notNull(records, "records");
    return NumericalEngine.run(model, records, new double[0], true, relativeTolerance, absoluteTolerance);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Doses every interval from {@code firstDoseClockHours} on, doubling the number of doses until
   * the AUC and trough of the last interval change by less than 1e-10 relative.
   */
  @Override
  public SteadyState steadyState(PkModel model, Dose dose, Formulation formulation, DosingInterval interval,
      double firstDoseClockHours) {
    Arguments.checkRegimen(model, dose, formulation, interval, firstDoseClockHours);
    DoseEvent template = DoseEvent.at(0, dose, formulation);
    double tau = interval.hours();
    double period = model.steadyStatePeriodHours(tau);
    int perPeriod = (int) Math.round(period / tau);
    SteadyState previous = null;
    for (int periods = 4; periods * perPeriod <= MAX_STEADY_STATE_DOSES; periods *= 2) {
      SteadyState current = lastPeriod(model, template, tau, period, perPeriod, periods, firstDoseClockHours);
      if (previous != null && close(previous.aucPeriodMgHPerL(), current.aucPeriodMgHPerL())
          && close(previous.troughMgPerL(), current.troughMgPerL())) {
        return current;
      }
      previous = current;
    }
    throw new SolverException(model.name(), 0, "no steady state within " + MAX_STEADY_STATE_DOSES + " doses", null);
  }

  private static boolean close(double a, double b) {
    return Math.abs(a - b) <= 1e-10 * Math.max(Math.abs(a), Math.abs(b)) + 1e-14;
  }

  private SteadyState lastPeriod(PkModel model, DoseEvent template, double tau, double period, int perPeriod,
      int periods, double clockHours) {
    List<DoseEvent> doses = new ArrayList<>();
    int total = periods * perPeriod;
    for (int k = 0; k < total; k++) {
      doses.add(DoseEvent.at(clockHours + k * tau, template.dose(), template.formulation()));
    }
    double start = clockHours + (total - perPeriod) * tau;
    double[] grid = grid(tau, period);
    double[] times = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      times[i] = start + grid[i];
    }
    ConcentrationProfile absolute = simulate(model, DosingSchedule.of(doses), times);
    // Re-base the last period to time 0 and AUC 0 at its start.
    int m = absolute.analytes().size();
    double[][] conc = new double[m][];
    double[][] auc = new double[m][];
    for (int k = 0; k < m; k++) {
      conc[k] = absolute.analyteConcentrationsMgPerL(k);
      auc[k] = absolute.analyteCumulativeAucMgHPerL(k);
      double base = auc[k][0];
      for (int i = 0; i < auc[k].length; i++) {
        auc[k][i] -= base;
      }
    }
    ConcentrationProfile rebased = new ConcentrationProfile(absolute.analytes(), grid, conc, auc);
    return summarise(tau, period, rebased);
  }

  /** The evenly spaced grid over [0, period], {@link #POINTS_PER_INTERVAL} points per interval. */
  private static double[] grid(double tau, double period) {
    int points = (int) Math.round(period / tau) * POINTS_PER_INTERVAL;
    double[] t = new double[points + 1];
    for (int i = 0; i <= points; i++) {
      t[i] = period * i / points;
    }
    return t;
  }

  /** The steady state read off the last period's grid: AUC per interval, C0, and Cmax on the grid. */
  private static SteadyState summarise(double tau, double period, ConcentrationProfile profile) {
    int per = POINTS_PER_INTERVAL;
    int intervals = (int) Math.round(period / tau);
    List<Double> aucs = new ArrayList<>();
    for (int j = 0; j < intervals; j++) {
      aucs.add(profile.aucBetweenMgHPerL(j * per, (j + 1) * per));
    }
    int best = 0;
    for (int i = 1; i <= per; i++) {
      if (profile.concentrationMgPerL(i) > profile.concentrationMgPerL(best)) {
        best = i;
      }
    }
    return new SteadyState(tau, period, profile, aucs, profile.concentrationMgPerL(0),
        profile.concentrationMgPerL(best), profile.timeHours(best));
  }
}
