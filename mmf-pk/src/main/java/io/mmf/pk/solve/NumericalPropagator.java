package io.mmf.pk.solve;

import io.mmf.pk.model.PkModel;
import io.mmf.pk.internal.Dense;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.special.Gamma;

/**
 * Numerical propagation through Commons Math's adaptive Dormand-Prince 8(5,3) integrator. Events
 * (doses, window edges) are known in advance, so the integrator is stopped exactly at each one by the
 * timeline walker and restarted with the updated state: the equivalent of an event handler with a
 * switching function g(t) = t - t_event, without root finding. A Savic transit input is a smooth
 * forcing term inside the equations.
 */
final class NumericalPropagator implements Propagator {
  private final int size;
  private final double[] closed;
  private final double[] open;
  private final FirstOrderIntegrator integrator;
  private final Equations equations = new Equations();
  private final double[] slope;
  private final double savicN;
  private final double savicKtr;
  private final double savicLogNorm;
  private final Timeline timeline;

  NumericalPropagator(Timeline timeline, double relativeTolerance, double absoluteTolerance) {
    this.timeline = timeline;
    this.size = timeline.stateSize;
    this.closed = timeline.generator(false);
    this.open = timeline.generator(true);
    this.slope = new double[size];
    this.integrator = new DormandPrince853Integrator(1e-12, 1e6, absoluteTolerance, relativeTolerance);
    PkModel.SavicTransit s = timeline.model.savicTransit().orElse(null);
    this.savicN = s == null ? 0 : s.n();
    this.savicKtr = s == null ? 0 : s.ktrPerHour();
    this.savicLogNorm = s == null ? 0 : Math.log(s.ktrPerHour()) - Gamma.logGamma(s.n() + 1);
  }

  @Override
  public void advance(boolean windowOpen, double[] x, double t0, double t1) {
    if (t1 <= t0) {
      return;
    }
    equations.m = windowOpen ? open : closed;
    double h = t1 - t0;
    if (h <= 1e-11 * Math.max(Math.abs(t0), Math.abs(t1))) {
      // Commons Math refuses intervals this short (two event times a rounding apart); one Euler step
      // is exact to O(h^2) here.
      equations.computeDerivatives(t0, x, slope);
      for (int i = 0; i < size; i++) {
        x[i] += h * slope[i];
      }
      return;
    }
    integrator.integrate(equations, t0, x, t1, x);
  }

  /** The Savic chain's input rate into compartments at time t, added to {@code dx}. */
  private void savicInput(double t, double[] dx) {
    for (Timeline.SavicDose d : timeline.savicDoses) {
      double tau = t - d.time();
      if (tau > 0) {
        double kt = savicKtr * tau;
        dx[d.index()] += d.amount() * Math.exp(savicLogNorm + savicN * Math.log(kt) - kt);
      }
    }
  }

  private final class Equations implements FirstOrderDifferentialEquations {
    double[] m;

    @Override
    public int getDimension() {
      return size;
    }

    @Override
    public void computeDerivatives(double t, double[] y, double[] yDot) {
      Dense.multiplyVector(m, y, yDot, size);
      if (!timeline.savicDoses.isEmpty()) {
        savicInput(t, yDot);
      }
    }
  }
}
