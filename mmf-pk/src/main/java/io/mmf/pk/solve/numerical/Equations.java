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
 * through its gamma laws (a Savic chain, the gamma or double gamma) as a forcing term, the laws'
 * density evaluated directly; and one AUC integrator per analyte reading amount / volume.
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
  /** Each analyte's constant baseline concentration, mg/L (0 for a linear model). */
  private final double[] offsetMgPerL;
  /** Infusion rates into each compartment, mg/h. */
  final double[] infusion;
  boolean windowOpen;
  /** Doses on their way by a gamma law: arrival time, compartment, amount, law index, head (see addChain). */
  final List<double[]> savic = new ArrayList<>();
  private double[] lawFraction = new double[0];
  /** Per law: shape - 1, rate, log(rate) - logGamma(shape), and the time after which it has delivered all. */
  private double[] lawPower = new double[0];
  private double[] lawRate = new double[0];
  private double[] lawLogNorm = new double[0];
  private double[] lawCutoffHours = new double[0];

  Equations(PkModel model) {
    this.n = model.compartments().size();
    this.analytes = model.observed().size();
    this.observed = new int[analytes];
    this.volumeL = new double[analytes];
    this.offsetMgPerL = new double[analytes];
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
      offsetMgPerL[a] = model.observed().get(a).offsetMgPerL();
    }
    List<PkModel.GammaLaw> laws = model.gammaInput();
    int m = laws.size();
    lawFraction = new double[m];
    lawPower = new double[m];
    lawRate = new double[m];
    lawLogNorm = new double[m];
    lawCutoffHours = new double[m];
    for (int l = 0; l < m; l++) {
      PkModel.GammaLaw g = laws.get(l);
      lawFraction[l] = g.fraction();
      lawPower[l] = g.shape() - 1;
      lawRate[l] = g.ratePerHour();
      lawLogNorm[l] = Math.log(g.ratePerHour()) - Gamma.logGamma(g.shape());
      // after this long, what a law has still to deliver is below 1e-18 of its dose
      double x = g.shape() + 1;
      while (Gamma.regularizedGammaQ(g.shape(), x) > 1e-18) {
        x *= 1.5;
      }
      lawCutoffHours[l] = x / g.ratePerHour();
    }
  }

  /**
   * A dose of {@code amount} arriving at {@code time} into compartment c starts on each gamma law.
   * Below a shape of 2 the rate's derivative (below 1, the rate itself) is singular at arrival, where
   * no adaptive step can meet the tolerance; so what a law delivers in its first HEAD = 1e-9 max(1, t) h,
   * amount P(a, k HEAD), enters at once at the end of that head (the action is scheduled then, so the
   * integration starts where the rate is smooth: {@code time} here is the head's end), and the rate
   * is integrated from then on. That moves at
   * most that share of the dose by at most HEAD hours: an error below HEAD times the fastest rate of
   * the model relative to the dose (1e-9 h at 1e4 /h: 1e-5 of a share that is itself below (k HEAD)^a,
   * at most 1e-4 at a = 0.5, k = 50: 1e-9 of the dose; far less elsewhere).
   *
   * @return the amount that enters compartment c at once
   */
  double addChain(double time, int c, double amount) {
    double head = head(time);
    double now = 0;
    for (int l = 0; l < lawFraction.length; l++) {
      double share = amount * lawFraction[l];
      now += share * Gamma.regularizedGammaP(lawPower[l] + 1, lawRate[l] * head);
      savic.add(new double[] {time - head, c, share, l, head});
    }
    return now;
  }

  /** The head of a gamma dose arriving at (or whose head ends at) {@code time}, h (see {@link #addChain}). */
  static double head(double time) {
    return 1e-9 * Math.max(1, Math.abs(time));
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
    return y[observed[analyte]] / volumeL[analyte] + offsetMgPerL[analyte];
  }

  int aucIndex(int analyte) {
    return n + analyte;
  }

  /** Drops Savic doses that have delivered everything (to rounding) by time t. */
  void pruneSavic(double t) {
    savic.removeIf(d -> t - d[0] > lawCutoffHours[(int) d[3]]);
  }

  /**
   * The gamma dose whose input is singular over a stretch from t to b: of the doses on a law of shape
   * below 1 (a rate that falls as tau^(a - 1) from arrival) and at most b - t after arrival at t, the
   * latest (the smallest shape among those arriving together); its index in {@link #savic}, or -1 if
   * there is none. Over such a stretch no step in t can follow the rate near arrival (see
   * {@link TimeChange}).
   */
  int singularArrival(double t, double b) {
    int latest = -1;
    for (int s = 0; s < savic.size(); s++) {
      double[] d = savic.get(s);
      if (shape(s) < 1 && t - d[0] < b - t && (latest < 0 || d[0] > savic.get(latest)[0]
          || d[0] == savic.get(latest)[0] && shape(s) < shape(latest))) {
        latest = s;
      }
    }
    return latest;
  }

  /** The shape of the law that gamma dose {@code s} of {@link #savic} arrives by. */
  double shape(int s) {
    return lawPower[(int) savic.get(s)[3]] + 1;
  }

  /** The arrival time of gamma dose {@code s} of {@link #savic}, h. */
  double arrival(int s) {
    return savic.get(s)[0];
  }

  /**
   * The same equations in the variable s = (t - arrival)^a (a &lt; 1): dy/ds = f(t, y) dt/ds with dt/ds =
   * tau^(1 - a) / a. A law of shape a arriving then has the rate k^a tau^(a - 1) e^(-k tau) / Gamma(a)
   * in t, and k^a e^(-k tau) / Gamma(a + 1) in s: smooth, where in t it is singular; the rest of the
   * right-hand side is multiplied by tau^(1 - a) / a, which is smooth and bounded. A textbook change of
   * the independent variable for an integrable singularity, so the integrator's steps follow s.
   */
  static final class TimeChange implements FirstOrderDifferentialEquations {
    private final Equations eq;
    private final double arrival;
    private final double shape;

    TimeChange(Equations eq, double arrival, double shape) {
      this.eq = eq;
      this.arrival = arrival;
      this.shape = shape;
    }

    /** The s of time t (t after the arrival). */
    double s(double time) {
      return Math.pow(time - arrival, shape);
    }

    @Override
    public int getDimension() {
      return eq.getDimension();
    }

    @Override
    public void computeDerivatives(double s, double[] y, double[] yDot) {
      double tau = Math.pow(s, 1 / shape);
      eq.computeDerivatives(arrival + tau, y, yDot);
      double dtDs = Math.pow(tau, 1 - shape) / shape;
      for (int i = 0; i < yDot.length; i++) {
        yDot[i] *= dtDs;
      }
    }
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
      if (tau > 0.5 * d[4]) {
        int l = (int) d[3];
        double kt = lawRate[l] * tau;
        yDot[(int) d[1]] += d[2] * Math.exp(lawLogNorm[l] + lawPower[l] * Math.log(kt) - kt);
      }
    }
    for (int a = 0; a < analytes; a++) {
      yDot[n + a] = y[observed[a]] / volumeL[a] + offsetMgPerL[a];
    }
  }
}
