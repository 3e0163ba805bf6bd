package io.mmf.pk.solve;

import io.mmf.pk.internal.Dense;
import io.mmf.pk.model.PkModel;
import java.util.List;
import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.events.EventHandler;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;
import org.apache.commons.math3.special.Gamma;

/**
 * One numerical solve: Commons Math's adaptive Dormand-Prince 8(5,3) integrator over the whole
 * horizon, with the timeline's changes (dose arrivals, input rates, window edges) delivered through an
 * {@link EventHandler} (switching function g(t) = t - t_next, reset at each crossing). Output times
 * are stopping points of the same switching function, so every output is the end state of an
 * error-controlled step: the dense interpolator between steps is not controlled by the tolerances and
 * was seen 1e-5 off on a stiff model (slow absorption, fast elimination). Nothing here is shared with the exact path but the {@link Timeline}, so
 * the two paths check each other's event handling. A Savic transit input is a smooth forcing term in
 * the equations. Not thread-safe: one instance per solve.
 */
final class EventDrivenIntegration implements FirstOrderDifferentialEquations, EventHandler, StepHandler {
  /** Event times are located to this absolute accuracy, h. */
  private static final double EVENT_CONVERGENCE_HOURS = 1e-12;

  private final Timeline tl;
  private final int size;
  private final double[] closed;
  private final double[] open;
  private final FirstOrderIntegrator integrator;
  private final double savicN;
  private final double savicKtr;
  private final double savicLogNorm;
  private final List<Timeline.Change> changes;
  private int next;
  private int crossings;
  private boolean windowOpen;
  // outputs
  private double[] outputTimes;
  private Walker.Recorder recorder;
  private int nextOutput;
  private double end;

  EventDrivenIntegration(Timeline tl, double relativeTolerance, double absoluteTolerance) {
    this.tl = tl;
    this.size = tl.stateSize;
    this.closed = tl.generator(false);
    this.open = tl.generator(true);
    this.changes = tl.changes;
    // Steps are capped at 1 / (fastest rate): near its stability boundary (h * |lambda| of a few units)
    // an explicit Runge-Kutta method's error estimate is unreliable for a stiff component, and a model
    // with slow absorption and fast elimination was seen 1e-5 off there.
    double fastest = 0; // the largest outflow rate; by Gershgorin every |lambda| is at most twice it
    for (int i = 0; i < size; i++) {
      fastest = Math.max(fastest, Math.max(Math.abs(closed[i * size + i]), Math.abs(open[i * size + i])));
    }
    double maxStep = fastest > 0 ? 1 / fastest : 1e6;
    this.integrator = new DormandPrince853Integrator(Math.min(1e-12, maxStep), maxStep, absoluteTolerance,
        relativeTolerance);
    integrator.addEventHandler(this, Double.POSITIVE_INFINITY, EVENT_CONVERGENCE_HOURS, 1000);
    integrator.addStepHandler(this);
    PkModel.SavicTransit s = tl.model.savicTransit().orElse(null);
    this.savicN = s == null ? 0 : s.n();
    this.savicKtr = s == null ? 0 : s.ktrPerHour();
    this.savicLogNorm = s == null ? 0 : Math.log(s.ktrPerHour()) - Gamma.logGamma(s.n() + 1);
  }

  /** Integrates from 0 to the last output time, recording the left-limit state at each output. */
  void run(double[] x, double[] times, Walker.Recorder rec) {
    this.outputTimes = times;
    this.recorder = rec;
    this.windowOpen = tl.openAtStart;
    this.end = times.length == 0 ? 0 : times[times.length - 1];
    // Outputs at time 0 see the initial state; changes at time 0 then apply before integrating.
    while (nextOutput < times.length && times[nextOutput] <= 0) {
      recorder.record(nextOutput++, x);
    }
    applyChangesUpTo(0, x);
    if (end > 0) {
      integrator.integrate(this, 0, x, end, x);
    }
    while (nextOutput < times.length) {
      recorder.record(nextOutput++, x);
    }
  }

  private void applyChangesUpTo(double t, double[] y) {
    while (next < changes.size() && changes.get(next).time() <= t + EVENT_CONVERGENCE_HOURS) {
      windowOpen = Walker.apply(changes.get(next++), y, windowOpen);
    }
  }

  // ---- FirstOrderDifferentialEquations ----

  @Override
  public int getDimension() {
    return size;
  }

  @Override
  public void computeDerivatives(double t, double[] y, double[] yDot) {
    Dense.multiplyVector(windowOpen ? open : closed, y, yDot, size);
    List<Timeline.SavicDose> savic = tl.savicDoses;
    for (int i = 0; i < savic.size(); i++) { // indexed: no iterator per derivative evaluation
      Timeline.SavicDose d = savic.get(i);
      double tau = t - d.time();
      if (tau > 0) {
        double kt = savicKtr * tau;
        yDot[d.index()] += d.amount() * Math.exp(savicLogNorm + savicN * Math.log(kt) - kt);
      }
    }
  }

  // ---- EventHandler: one switching function that crosses zero at each change in turn ----

  @Override
  public void init(double t0, double[] y0, double t) {
    // state is set up in run()
  }

  /**
   * t - t_next, with its sign flipped after every crossing: Commons Math assumes g keeps its sign
   * between events, and after an increasing crossing it expects g positive, so the function for the
   * next change must be positive until that change and fall through zero at it.
   */
  @Override
  public double g(double t, double[] y) {
    double sign = crossings % 2 == 0 ? 1 : -1;
    double stop = nextStop();
    return Double.isFinite(stop) ? sign * (t - stop) : -sign;
  }

  /** The next change or output before the end, h; infinite when none is left. */
  private double nextStop() {
    double change = next < changes.size() ? changes.get(next).time() : Double.POSITIVE_INFINITY;
    double output = nextOutput < outputTimes.length && outputTimes[nextOutput] < end
        ? outputTimes[nextOutput] : Double.POSITIVE_INFINITY;
    return Math.min(change, output);
  }

  @Override
  public Action eventOccurred(double t, double[] y, boolean increasing) {
    // The step handler has already recorded the outputs up to t; a change at t still has to apply.
    crossings++;
    boolean change = next < changes.size() && changes.get(next).time() <= t + EVENT_CONVERGENCE_HOURS;
    return change ? Action.RESET_STATE : Action.CONTINUE;
  }

  @Override
  public void resetState(double t, double[] y) {
    applyChangesUpTo(t, y);
  }

  // ---- StepHandler: outputs from the dense interpolator; an output at an event time sees the state
  // before the event (the step ends there and is handled before the reset) ----

  @Override
  public void handleStep(StepInterpolator interpolator, boolean isLast) throws MaxCountExceededException {
    double t1 = interpolator.getCurrentTime();
    while (nextOutput < outputTimes.length && outputTimes[nextOutput] <= t1) {
      interpolator.setInterpolatedTime(outputTimes[nextOutput]);
      recorder.record(nextOutput++, interpolator.getInterpolatedState());
    }
  }
}
