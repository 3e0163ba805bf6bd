package io.mmf.pk.solve;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.dosing.DoseEvent;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.model.PkModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The numerical path: the same equations through Commons Math's adaptive Dormand-Prince 8(5,3)
 * integrator, with doses, input-rate changes and window edges delivered by a Commons Math event
 * handler and outputs read from the integrator's dense output. It is the independent check of
 * {@link ExactSolver} and the only path for models outside the linear world (a Savic transit chain).
 * Its steady state is found the plain way, by dosing until the last interval stops changing.
 *
 * <p>Immutable and thread-safe: each call builds its own integrator.
 */
public final class NumericalSolver implements ConcentrationSolver {
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
      throw new IllegalArgumentException("Invalid value for relativeTolerance (expected in (0, 1)): "
          + relativeTolerance);
    }
    if (!(absoluteTolerance > 0 && Double.isFinite(absoluteTolerance))) {
      throw new IllegalArgumentException("Invalid value for absoluteTolerance (expected finite and > 0): "
          + absoluteTolerance);
    }
    this.relativeTolerance = relativeTolerance;
    this.absoluteTolerance = absoluteTolerance;
  }

  @Override
  public ConcentrationProfile simulate(PkModel model, DosingSchedule schedule, double[] timesHours) {
    java.util.Objects.requireNonNull(model, "Invalid value for model (expected non-null): null");
    java.util.Objects.requireNonNull(schedule, "Invalid value for schedule (expected non-null): null");
    Solving.checkTimes(timesHours);
    double[] times = timesHours.clone();
    double end = times.length == 0 ? 0 : times[times.length - 1];
    Timeline tl = Timeline.of(model, schedule.events(), end);
    EventDrivenIntegration run = new EventDrivenIntegration(tl, relativeTolerance, absoluteTolerance);
    return Solving.record(tl, times, recorder -> run.run(new double[tl.stateSize], times, recorder));
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
    DoseEvent template = Solving.template(model, dose, formulation, interval, firstDoseClockHours);
    double tau = interval.hours();
    double period = Solving.period(model, tau);
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
    throw new ArithmeticException("no steady state within " + MAX_STEADY_STATE_DOSES + " doses for model '"
        + model.name() + "'");
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
    double[] grid = Solving.grid(tau, period);
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
    return Solving.summarise(tau, period, rebased);
  }
}
