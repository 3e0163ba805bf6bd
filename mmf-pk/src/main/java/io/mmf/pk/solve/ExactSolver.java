package io.mmf.pk.solve;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.dosing.DoseEvent;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.internal.Dense;
import io.mmf.pk.model.PkModel;
import java.util.List;

/**
 * The exact path: between events the system is linear with constant coefficients, so the augmented
 * state (amounts, zero-order input rates, AUC) is propagated by its matrix exponential, with no
 * step-size error. The steady state is the periodic solution, solved directly: with Phi the
 * propagator of one period without doses and b the state a period of doses leaves from zero,
 * x_ss = (I - Phi)^-1 b.
 *
 * <p>Stateless and thread-safe: each call works in its own scratch space.
 */
public final class ExactSolver implements ConcentrationSolver {

  /** Creates the solver. */
  public ExactSolver() {}

  private static void requireExact(PkModel model) {
    if (!model.supportsExactPath()) {
      throw new UnsupportedOperationException("model '" + model.name() + "' has a non-integer (Savic) transit"
          + " chain, which is not a linear system: use the NumericalSolver");
    }
  }

  @Override
  public ConcentrationProfile simulate(PkModel model, DosingSchedule schedule, double[] timesHours) {
    requireExact(java.util.Objects.requireNonNull(model, "Invalid value for model (expected non-null): null"));
    return Solving.simulate(model, schedule, timesHours, ExactPropagator::new);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Exact path: one matrix exponential per distinct segment between the schedule's changes, on a
   * state with the primary analyte's AUC integrator only; no profile.
   */
  @Override
  public double aucMgHPerL(PkModel model, DosingSchedule schedule, double fromHours, double toHours) {
    requireExact(java.util.Objects.requireNonNull(model, "Invalid value for model (expected non-null): null"));
    java.util.Objects.requireNonNull(schedule, "Invalid value for schedule (expected non-null): null");
    Solving.checkTimes(new double[] {fromHours, toHours});
    return new Segments(Timeline.of(model, schedule.events(), toHours)).auc(fromHours, toHours);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Exact path: no grid; Cmax is located to rounding (see {@code Segments}).
   */
  @Override
  public SteadyState.Summary steadyStateSummary(PkModel model, Dose dose, Formulation formulation,
      DosingInterval interval, double firstDoseClockHours) {
    Timeline tl = periodicTimeline(model, dose, formulation, interval, firstDoseClockHours);
    double tau = interval.hours();
    return new Segments(tl).steadyState(tau, Solving.period(model, tau));
  }

  /** One period of the regimen's periodic timeline, after the arguments are checked. */
  private static Timeline periodicTimeline(PkModel model, Dose dose, Formulation formulation,
      DosingInterval interval, double firstDoseClockHours) {
    DoseEvent template = Solving.template(model, dose, formulation, interval, firstDoseClockHours);
    requireExact(model);
    double tau = interval.hours();
    return Timeline.periodic(model, template, tau, Solving.period(model, tau), firstDoseClockHours);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Exact path: when the period is one interval, the dose arrives within it and no window or
   * zero-order input wraps into time 0, the first period of the steady-state computation starts from
   * empty compartments with one dose, so its AUC is the first-dose AUC and no second set of
   * exponentials is needed.
   */
  @Override
  public SteadyState.Course course(PkModel model, Dose dose, Formulation formulation, DosingInterval interval,
      double firstDoseClockHours) {
    Timeline tl = periodicTimeline(model, dose, formulation, interval, firstDoseClockHours);
    double tau = interval.hours();
    double period = Solving.period(model, tau);
    boolean wraps = period != tau || tl.openAtStart || model.input(formulation.drug()).lagHours() >= tau;
    for (double r : tl.ratesAtStart) {
      wraps |= r != 0;
    }
    if (wraps) {
      return ConcentrationSolver.super.course(model, dose, formulation, interval, firstDoseClockHours);
    }
    Segments segments = new Segments(tl);
    SteadyState.Summary ss = segments.steadyState(tau, period);
    return new SteadyState.Course(segments.firstPassAuc(), ss);
  }

  @Override
  public SteadyState steadyState(PkModel model, Dose dose, Formulation formulation, DosingInterval interval,
      double firstDoseClockHours) {
    DoseEvent template = Solving.template(model, dose, formulation, interval, firstDoseClockHours);
    requireExact(model);
    double tau = interval.hours();
    double period = Solving.period(model, tau);
    Timeline tl = Timeline.periodic(model, template, tau, period, firstDoseClockHours);
    ExactPropagator p = new ExactPropagator(tl);
    double[] x0 = periodicStart(tl, p, period);
    ConcentrationProfile profile = Solving.record(tl, p, x0, Solving.grid(tau, period), period);
    SteadyState onGrid = Solving.summarise(tau, period, profile);
    // Cmax located to rounding rather than on the grid.
    SteadyState.Summary exact = new Segments(tl).steadyState(tau, period);
    return new SteadyState(tau, period, profile, onGrid.aucPerIntervalMgHPerL(), onGrid.troughMgPerL(),
        Math.max(onGrid.cmaxMgPerL(), exact.cmaxMgPerL()),
        exact.cmaxMgPerL() >= onGrid.cmaxMgPerL() ? exact.tmaxHours() : onGrid.tmaxHours());
  }

  /**
   * The augmented state at the start of a period of the periodic solution: with Phi the product of the
   * segment propagators over one period (windows switching, no inputs) and b the state one period of
   * doses leaves from empty compartments, x0 solves (I - Phi) x0 = b on the compartments.
   */
  static double[] periodicStart(Timeline tl, ExactPropagator p, double period) {
    int size = tl.stateSize;
    double[] phi = new double[size * size];
    double[] tmp = new double[size * size];
    Dense.identity(phi, size);
    boolean open = tl.openAtStart;
    double t = 0;
    List<Timeline.Change> changes = tl.changes;
    for (int ci = 0; ci <= changes.size(); ci++) {
      double next = ci < changes.size() ? Math.min(changes.get(ci).time(), period) : period;
      if (next > t) {
        Dense.multiply(p.matrix(open, next - t), phi, tmp, size);
        System.arraycopy(tmp, 0, phi, 0, size * size);
        t = next;
      }
      if (ci < changes.size() && changes.get(ci).time() < period) {
        int kind = changes.get(ci).kind();
        open = kind == Timeline.Change.OPEN || (kind != Timeline.Change.CLOSE && open);
      }
    }
    double[] x = startState(tl);
    Walker.walk(tl, p, x, new double[0], (i, s) -> { }, period);
    double[] x0 = startState(tl);
    System.arraycopy(Segments.periodicAmounts(phi, size, x, tl.n), 0, x0, 0, tl.n);
    return x0;
  }

  static double[] startState(Timeline tl) {
    double[] x = new double[tl.stateSize];
    System.arraycopy(tl.ratesAtStart, 0, x, tl.n, tl.ratesAtStart.length);
    return x;
  }
}
