package io.mmf.pk.solve.numerical;

import io.mmf.pk.model.PkModel;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.special.Gamma;

/**
 * The right-hand side written from the model's description, not from any matrix the model or the exact
 * path assembles: for every transfer (from, to, rate, windowed), a flow rate x amount out of its source
 * and into its target while it acts; every infusion in progress into its compartment; every dose
 * through a Savic chain as its forcing term; and one AUC integrator per analyte reading amount / volume.
 * The state is the compartments' amounts, then the AUCs; infusion rates are parameters set between
 * integrations. Not thread-safe: one per solve.
 */
final class Equations implements FirstOrderDifferentialEquations {
  final int n;
  final int analytes;
  private int[] from;
  private int[] to;
  private double[] rate;
  private boolean[] windowed;
  private final int[] observed;
  private final double[] volumeL;
  /** Infusion rates into each compartment, mg/h. */
  final double[] infusion;
  boolean windowOpen;
  /** Doses in Savic chains: arrival time, compartment, amount. */
  final List<double[]> savic = new ArrayList<>();
  private double savicN;
  private double savicKtr;
  private double savicLogNorm;
  private double savicCutoffHours;

  Equations(PkModel model) {
    this.n = model.compartments().size();
    this.analytes = model.observed().size();
    this.observed = new int[analytes];
    this.volumeL = new double[analytes];
    this.infusion = new double[n];
    use(model);
  }

  /** Takes the numbers of a model of the same structure (a covariate change). */
  void use(PkModel model) {
    List<PkModel.Transfer> ts = model.transfers();
    from = new int[ts.size()];
    to = new int[ts.size()];
    rate = new double[ts.size()];
    windowed = new boolean[ts.size()];
    for (int k = 0; k < ts.size(); k++) {
      PkModel.Transfer t = ts.get(k);
      from[k] = model.compartments().indexOf(t.from());
      to[k] = t.to().map(c -> model.compartments().indexOf(c)).orElse(-1);
      rate[k] = t.ratePerHour();
      windowed[k] = t.windowed();
    }
    for (int a = 0; a < analytes; a++) {
      observed[a] = model.compartments().indexOf(model.observed().get(a).compartment());
      volumeL[a] = model.observed().get(a).volumeL();
    }
    model.savicTransit().ifPresent(s -> {
      savicN = s.n();
      savicKtr = s.ktrPerHour();
      savicLogNorm = Math.log(s.ktrPerHour()) - Gamma.logGamma(s.n() + 1);
      // after this long, what a chain has still to deliver is below 1e-18 of its dose
      double x = s.n() + 1;
      while (Gamma.regularizedGammaQ(s.n() + 1, x) > 1e-18) {
        x *= 1.5;
      }
      savicCutoffHours = x / s.ktrPerHour();
    });
  }

  /** The fastest total outflow rate of any compartment in the current window state, 1/h. */
  double fastestOutflow() {
    double[] out = new double[n];
    for (int k = 0; k < rate.length; k++) {
      if (!windowed[k] || windowOpen) {
        out[from[k]] += rate[k];
      }
    }
    double max = 0;
    for (double v : out) {
      max = Math.max(max, v);
    }
    return max;
  }

  double concentration(double[] y, int analyte) {
    return y[observed[analyte]] / volumeL[analyte];
  }

  int aucIndex(int analyte) {
    return n + analyte;
  }

  /** Drops Savic doses that have delivered everything (to rounding) by time t. */
  void pruneSavic(double t) {
    savic.removeIf(d -> t - d[0] > savicCutoffHours);
  }

  @Override
  public int getDimension() {
    return n + analytes;
  }

  @Override
  public void computeDerivatives(double t, double[] y, double[] yDot) {
    java.util.Arrays.fill(yDot, 0.0);
    for (int k = 0; k < rate.length; k++) {
      if (!windowed[k] || windowOpen) {
        double flow = rate[k] * y[from[k]];
        yDot[from[k]] -= flow;
        if (to[k] >= 0) {
          yDot[to[k]] += flow;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      yDot[i] += infusion[i];
    }
    for (int s = 0; s < savic.size(); s++) {
      double[] d = savic.get(s);
      double tau = t - d[0];
      if (tau > 0) {
        double kt = savicKtr * tau;
        yDot[(int) d[1]] += d[2] * Math.exp(savicLogNorm + savicN * Math.log(kt) - kt);
      }
    }
    for (int a = 0; a < analytes; a++) {
      yDot[n + a] = y[observed[a]] / volumeL[a];
    }
  }
}
