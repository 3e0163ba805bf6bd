package io.mmf.pk.solve.numerical;

import io.mmf.core.internal.Checks;
import io.mmf.core.drug.Drug;
import io.mmf.pk.model.DoseInput;
import io.mmf.pk.model.EmptyingWindows;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Window;
import io.mmf.pk.solve.SolverException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.NumberIsTooSmallException;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;

/**
 * A discrete-event simulation of one dose history: the integrator runs from one instant to the next
 * (an output, a record, a pending action, a clock window's edge) with its steps capped for the window
 * state of that stretch, and at each instant the outputs asked for are taken first, then the records
 * at that time in their order, then the pending actions due (arrivals after a lag, additional doses,
 * infusion ends, window edges) in the order they were scheduled. A reset empties the queue of what
 * doses scheduled. Not thread-safe: one per solve.
 */
final class Simulation {
  /**
   * Most right-hand-side evaluations one solve may spend before it fails (instead of running on): 10^7,
   * a few seconds. A history of three months at a rate of 100 / h needs about 3 x 10^6; a rate near
   * {@code PkModel.MAX_RATE_PER_HOUR} over days needs more, and fails as soon as a stretch is seen not to fit
   * the budget left, naming the exact solver (2 x 10^8 let such a solve grind for 50 s before failing).
   */
  static final long EVALUATION_BUDGET = 10_000_000L;

  /** Something a dose scheduled. */
  private static final class Pending {
    final double time;
    final long order;
    final Action what;
    final int compartment;
    final double amount;

    Pending(double time, long order, Action what, int compartment, double amount) {
      this.time = time;
      this.order = order;
      this.what = what;
      this.compartment = compartment;
      this.amount = amount;
    }

    Pending shifted(double by, long order) {
      return new Pending(time + by, order, what, compartment, amount);
    }
  }

  /** What a pending action does when it comes due. */
  private enum Action {
    /** {@code amount} arrives in {@code compartment}. */
    BOLUS,
    /** An infusion of rate {@code amount} into {@code compartment} starts. */
    INFUSION,
    /** An infusion into {@code compartment} ends ({@code amount} is minus its rate). */
    INFUSION_END,
    /** A dose-anchored emptying window opens (+1) or closes (-1). */
    WINDOW,
    /** {@code amount} enters the Savic chain that ends in {@code compartment}. */
    CHAIN
  }

  private final double relativeTolerance;
  private final double absoluteTolerance;
  final Equations eq;
  private final PkModel clockModel;
  private final List<Window> clockWindows;
  private final DormandPrince853Integrator integrator;
  private final PriorityQueue<Pending> queue = new PriorityQueue<>((a, b) -> a.time != b.time
      ? Double.compare(a.time, b.time) : Long.compare(a.order, b.order));
  private long scheduled;
  private long budget = EVALUATION_BUDGET;
  double[] y;
  double t;
  int doseWindows;
  /**
   * Infusions in progress per compartment: when the last one ends its input is set to exactly 0, not left
   * at what adding +rate and -rate leaves (0.1 + 0.2 - 0.2 - 0.1 is 2.8e-17 mg/h, an input for ever).
   */
  private final int[] infusions;
  private String modelName;

  Simulation(PkModel model, double relativeTolerance, double absoluteTolerance) {
    this.relativeTolerance = relativeTolerance;
    this.absoluteTolerance = absoluteTolerance;
    this.eq = new Equations(model);
    this.clockModel = model;
    EmptyingWindows w = model.emptyingWindows().orElse(null);
    this.clockWindows = w != null && w.anchor() == EmptyingWindows.Anchor.CLOCK ? w.windows() : List.of();
    this.integrator = new DormandPrince853Integrator(1e-12, 1, absoluteTolerance, relativeTolerance);
    this.y = new double[eq.getDimension()];
    this.infusions = new int[eq.n];
    this.modelName = model.name();
  }

  void use(PkModel model) {
    eq.use(model);
    modelName = model.name();
  }

  double nextPendingTime() {
    Pending p = queue.peek();
    return p == null ? Double.POSITIVE_INFINITY : p.time;
  }

  /** Applies every pending action due at or before {@code time}. */
  void applyDue(double time) {
    while (!queue.isEmpty() && queue.peek().time <= time) {
      Pending p = queue.poll();
      switch (p.what) {
        case BOLUS -> y[p.compartment] += p.amount;
        case INFUSION -> infusion(p.compartment, p.amount, 1);
        case INFUSION_END -> infusion(p.compartment, p.amount, -1);
        case WINDOW -> doseWindows += (int) p.amount;
        case CHAIN -> y[p.compartment] += eq.addChain(p.time, p.compartment, p.amount);
      }
    }
  }

  /** {@code count} infusions more (or fewer) into compartment c, their rate changing by {@code rate}. */
  private void infusion(int c, double rate, int count) {
    infusions[c] += count;
    eq.infusion[c] = infusions[c] == 0 ? 0 : eq.infusion[c] + rate;
  }

  /** A reset: amounts, infusions, chains and dose-anchored windows to zero, everything scheduled cancelled. */
  void reset() {
    queue.clear();
    java.util.Arrays.fill(y, 0, eq.n, 0.0);
    java.util.Arrays.fill(eq.infusion, 0.0);
    java.util.Arrays.fill(infusions, 0);
    eq.savic.clear();
    doseWindows = 0;
  }

  /**
   * Gives a dose at {@code td} as the model describes it: F x AMT after the lag into its input, at once,
   * over a zero-order input (RATE given: that rate; DUR given: that duration; else the input's own), or
   * through the Savic chain; and the windows the model anchors to each dose. A bolus at {@code td} itself
   * of the record's own dose acts at once; everything else is scheduled. (The exact engine reads the
   * same items in its own code on purpose: a misreading in one of them is what this path is here to
   * catch.)
   */
  void dose(double td, PkModel model, Drug drug, double mg, double rateMgPerHour, double durationHours,
      boolean own, double end) {
    DoseInput input = model.input(drug);
    int target = model.compartments().indexOf(input.compartment());
    double amount = model.enteringAmount(drug, mg);
    double arrival = td + input.lagHours();
    double rate;
    double duration;
    if (rateMgPerHour > 0) {
      rate = model.inModelUnit(drug, rateMgPerHour);
      duration = amount / rate;
    } else {
      duration = durationHours > 0 ? durationHours : input.zeroOrderHours();
      rate = duration > 0 ? amount / duration : 0;
    }
    if (!model.gammaInput().isEmpty()) {
      if (rateMgPerHour > 0 || durationHours > 0) {
        throw new IllegalArgumentException(Checks.invalid("record", "no RATE or DUR: model '" + model.name()
            + "' delivers every dose by its gamma input (Savic transit chain)", "RATE " + rateMgPerHour + ", DUR "
                + durationHours));
      }
      schedule(arrival + Equations.head(arrival), Action.CHAIN, target, amount, end);
    } else if (duration > 0) {
      schedule(arrival, Action.INFUSION, target, rate, end);
      schedule(arrival + duration, Action.INFUSION_END, target, -rate, end);
    } else if (own && arrival == td) {
      y[target] += amount;
    } else {
      schedule(arrival, Action.BOLUS, target, amount, end);
    }
    EmptyingWindows w = model.emptyingWindows().orElse(null);
    if (w != null && w.anchor() == EmptyingWindows.Anchor.AFTER_EACH_DOSE) {
      for (Window win : w.windows()) {
        schedule(td + win.startHours(), Action.WINDOW, 0, 1, end);
        schedule(td + win.endHours(), Action.WINDOW, 0, -1, end);
      }
    }
  }

  private void schedule(double time, Action what, int compartment, double amount, double end) {
    if (time <= end) {
      queue.add(new Pending(time, scheduled++, what, compartment, amount));
    }
  }

  /** Whether a clock window is open over the stretch around {@code u} (no edge inside it). */
  private boolean clockOpen(double u) {
    for (Window w : clockWindows) {
      double phase = (u - w.startHours()) - EmptyingWindows.DAY_HOURS * Math.floor((u - w.startHours())
          / EmptyingWindows.DAY_HOURS);
      if (phase < w.durationHours()) {
        return true;
      }
    }
    return false;
  }

  /** The first clock window edge strictly after {@code u}. */
  private double nextClockEdge(double u) {
    double next = Double.POSITIVE_INFINITY;
    for (Window w : clockWindows) {
      double day = Math.floor((u - w.startHours()) / EmptyingWindows.DAY_HOURS);
      for (int d = -1; d <= 1; d++) {
        double open = w.startHours() + (day + d) * EmptyingWindows.DAY_HOURS;
        double close = open + w.durationHours();
        if (open > u) {
          next = Math.min(next, open);
        }
        if (close > u) {
          next = Math.min(next, close);
        }
      }
    }
    return next;
  }

  /** Integrates from t to {@code target}, stretch by stretch between clock window edges. */
  void integrateTo(double target) {
    while (t < target) {
      double b = Math.min(target, nextClockEdge(t));
      eq.windowOpen = doseWindows > 0 || clockOpen(t + 0.5 * (b - t));
      eq.pruneSavic(t);
      double h = b - t;
      if (h <= 1e-12 * Math.max(Math.abs(t), Math.abs(b))) {
        // Below what the integrator accepts (Commons Math refuses a span of 1e-12 relative): one Euler
        // step, whose error (h^2 times the state's second derivative) is far below rounding.
        double[] dy = new double[y.length];
        eq.computeDerivatives(t, y, dy);
        for (int i = 0; i < y.length; i++) {
          y[i] += h * dy[i];
        }
      } else {
        // Steps capped at 1 / (fastest rate of this window state): near its stability boundary an explicit
        // Runge-Kutta method's error estimate is unreliable for a stiff component.
        double fastest = eq.fastestOutflow();
        if (fastest * h > budget / 13.0) {
          // at one step per 1 / fastest (13 evaluations each) the budget left cannot cover this stretch: fail now
          throw new SolverException(modelName, t, "the numerical path would need more than "
              + (long) (budget / 13.0) + " more steps to " + b + " h (a rate of " + fastest
              + " per hour is too stiff for an explicit method): use the exact solver", null);
        }
        double maxStep = fastest > 0 ? 1 / fastest : 1e6;
        integrator.setMaxEvaluations((int) Math.min(Integer.MAX_VALUE, budget));
        int singular = eq.singularArrival(t, b);
        try {
          if (singular < 0) {
            integrator.setStepSizeControl(Math.min(1e-12, maxStep), maxStep, absoluteTolerance, relativeTolerance);
            integrator.integrate(eq, t, y, b, y);
          } else {
            // a gamma dose of shape below 1 has just arrived: steps in s = (t - arrival)^a (TimeChange), capped
            // at what 1 / fastest in t is at the stretch's end, where dt/ds is largest
            double arrival = eq.arrival(singular);
            double shape = eq.shape(singular);
            Equations.TimeChange change = new Equations.TimeChange(eq, arrival, shape);
            double s0 = change.s(t);
            double s1 = change.s(b);
            double maxS = maxStep * shape * Math.pow(b - arrival, shape - 1);
            integrator.setStepSizeControl(Math.min(1e-12 * s1, maxS), maxS, absoluteTolerance, relativeTolerance);
            integrator.integrate(change, s0, y, s1, y);
          }
        } catch (NumberIsTooSmallException | MathIllegalStateException e) {
          throw new SolverException(modelName, t, "the numerical path could not step to " + b + " h: "
              + e.getMessage(), e);
        }
        budget -= integrator.getEvaluations();
        if (budget <= 0) {
          throw new SolverException(modelName, b, "the numerical path used its budget of " + EVALUATION_BUDGET
              + " evaluations", null);
        }
      }
      t = b;
    }
  }

  /**
   * Runs to {@code end}: the actions due at each instant before it applied, those due at {@code end}
   * itself left pending.
   */
  void advanceTo(double end) {
    while (true) {
      if (t < end) {
        applyDue(t);
      }
      if (t >= end) {
        return;
      }
      integrateTo(Math.min(end, nextPendingTime()));
    }
  }

  /** The state, input rates, dose-anchored windows, chains and pending actions a steady state leaves. */
  static final class SteadyStateAt {
    final double[] amounts;
    final double[] infusion;
    final int[] infusions;
    final int doseWindows;
    final List<double[]> chains;
    final List<Pending> pending;

    SteadyStateAt(double[] amounts, double[] infusion, int[] infusions, int doseWindows, List<double[]> chains,
        List<Pending> pending) {
      this.amounts = amounts;
      this.infusion = infusion;
      this.infusions = infusions;
      this.doseWindows = doseWindows;
      this.chains = chains;
      this.pending = pending;
    }
  }

  /**
   * The steady state of a dose repeated every {@code intervalHours} just before its dose at t0, by long
   * explicit simulation: doses from t0 on, period after period, until the state at the start of a period
   * stops changing (the change, corrected for geometric convergence, below 1e-12 of the state), then
   * everything that simulation has in progress or pending, moved back to t0.
   */
  SteadyStateAt steadyState(PkModel model, Drug drug, double mg, double rateMgPerHour, double durationHours,
      double intervalHours, double t0) {
    double period = model.steadyStatePeriodHours(intervalHours);
    int perPeriod = (int) Math.round(period / intervalHours);
    Simulation sub = new Simulation(model, relativeTolerance, absoluteTolerance);
    sub.t = t0;
    double[] previous = null;
    double previousChange = Double.POSITIVE_INFINITY;
    int maxPeriods = Math.max(3, 20_000 / perPeriod);
    for (int k = 1; k <= maxPeriods; k++) {
      double periodStart = t0 + (k - 1) * period;
      double periodEnd = t0 + k * period;
      for (int j = 0; j < perPeriod; j++) {
        sub.dose(periodStart + j * intervalHours, model, drug, mg, rateMgPerHour, durationHours, false,
            Double.POSITIVE_INFINITY);
      }
      sub.advanceTo(periodEnd);
      double[] now = java.util.Arrays.copyOf(sub.y, eq.n);
      if (previous != null) {
        double change = 0;
        double scale = 0;
        for (int i = 0; i < eq.n; i++) {
          change = Math.max(change, Math.abs(now[i] - previous[i]));
          scale = Math.max(scale, Math.abs(now[i]));
        }
        double ratio = previousChange > 0 && Double.isFinite(previousChange) ? change / previousChange : 1;
        if (k >= 3 && (change <= 1e-15 * scale || ratio < 1 && change <= 1e-12 * scale * Math.max(1e-4, 1 - ratio))) {
          return sub.leftAt(periodEnd, t0 - periodEnd);
        }
        previousChange = change;
      }
      previous = now;
    }
    throw new SolverException(model.name(), t0, "no steady state within " + maxPeriods * perPeriod + " doses"
        + " of the numerical path", null);
  }

  /** What this simulation has at {@code time} (actions due exactly then still pending), moved by {@code shift}. */
  private SteadyStateAt leftAt(double time, double shift) {
    List<Pending> pending = new ArrayList<>();
    for (Iterator<Pending> it = queue.iterator(); it.hasNext(); ) {
      pending.add(it.next());
    }
    pending.sort((a, b) -> a.time != b.time ? Double.compare(a.time, b.time) : Long.compare(a.order, b.order));
    List<Pending> moved = new ArrayList<>();
    for (Pending p : pending) {
      moved.add(p.shifted(shift, 0));
    }
    List<double[]> chains = new ArrayList<>();
    for (double[] c : eq.savic) {
      double[] chain = c.clone();
      chain[0] += shift;
      chains.add(chain);
    }
    return new SteadyStateAt(java.util.Arrays.copyOf(y, eq.n), eq.infusion.clone(), infusions.clone(), doseWindows,
        chains, moved);
  }

  /** SS 1: this state replaced by a steady state; SS 2: a steady state added to it (superposition). */
  void take(SteadyStateAt ss, boolean add) {
    if (!add) {
      reset();
    }
    for (int i = 0; i < eq.n; i++) {
      y[i] += ss.amounts[i];
      infusion(i, ss.infusion[i], ss.infusions[i]);
    }
    doseWindows += ss.doseWindows;
    eq.savic.addAll(ss.chains);
    for (Pending p : ss.pending) {
      queue.add(p.shifted(0, scheduled++));
    }
  }
}
