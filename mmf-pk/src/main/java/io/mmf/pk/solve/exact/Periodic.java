package io.mmf.pk.solve.exact;

import io.mmf.core.internal.Checks;
import io.mmf.pk.internal.Dense;
import io.mmf.pk.model.EmptyingWindows;
import io.mmf.pk.model.Window;
import io.mmf.pk.solve.SolverException;

/**
 * The periodic steady state of one dose repeated every interval, in one model: its plan over one period
 * (the interval, or the least common multiple of the interval and 24 h when the windows follow clock
 * meals) with every arrival, infusion and window of the doses before wrapped in, and the state at the
 * start of a period, before the dose there: with Phi the propagator of one period without inputs and b
 * the state one period of inputs leaves from empty compartments, x0 solves (I - Phi) x0 = b.
 *
 * <p>Offsets from a dose are split once into whole intervals q and a remainder r in [0, II): the same
 * numbers place the wrapped changes in the period (at r + j II), count the infusions and windows of
 * earlier doses still running at its start (q_end - q_start), and, for a steady-state record, place
 * what those earlier doses still have pending after it (at t0 + r + i II, i &lt; q); so the steady state
 * and what follows it can neither lose nor count twice a dose at a rounding boundary.
 */
final class Periodic {
  /** Most earlier intervals whose doses may still be pending at a steady-state dose. */
  static final int MAX_PENDING_INTERVALS = 100_000;

  final Session session;
  final Epoch epoch;
  final Delivery delivery;
  final double interval;
  final double period;
  final int doses;
  final double clockPhase;
  /** Infusions of earlier doses running at the start of a period (whole intervals between start and end). */
  private final int infusionsAtStart;
  /** Their rate, as the {@link RateBook} of the period's plan sums them. */
  private final double[] startRates;
  private final int doseWindowsAtStart;
  private final int clockWindowsAtStart;
  private Plan plan;
  private double[] state;
  /** The AUC over the first interval of the period walked from empty compartments (see {@link #singleDoseAuc}). */
  private double firstPassAuc = Double.NaN;

  Periodic(Session session, Epoch epoch, Delivery delivery, double interval, double clockPhase) {
    this.session = session;
    this.epoch = epoch;
    this.delivery = delivery;
    this.interval = interval;
    this.period = epoch.model.steadyStatePeriodHours(interval);
    this.doses = (int) Math.round(period / interval);
    this.clockPhase = clockPhase;
    Layout layout = session.layout;
    this.startRates = new double[layout.rateTarget.length];
    if (delivery.isBolus()) {
      this.infusionsAtStart = 0;
    } else {
      double start = delivery.lagHours;
      double end = start + delivery.durationHours;
      this.infusionsAtStart = whole(end, interval) - whole(start, interval);
      startRates[delivery.rateState - layout.n] = RateBook.repeated(delivery.rate, infusionsAtStart);
    }
    int windows = 0;
    for (int w = 0; w < delivery.windowStart.length; w++) {
      windows += whole(delivery.windowEnd[w], interval) - whole(delivery.windowStart[w], interval);
    }
    this.doseWindowsAtStart = windows;
    int clock = 0;
    EmptyingWindows ew = epoch.model.emptyingWindows().orElse(null);
    if (ew != null && ew.anchor() == EmptyingWindows.Anchor.CLOCK) {
      for (Window win : ew.windows()) {
        double s = win.startHours() - clockPhase;
        clock += whole(s + win.durationHours(), EmptyingWindows.DAY_HOURS) - whole(s, EmptyingWindows.DAY_HOURS);
      }
    }
    this.clockWindowsAtStart = clock;
    if (whole(delivery.lagHours + delivery.durationHours, interval) > MAX_PENDING_INTERVALS) {
      throw new IllegalArgumentException(Checks.invalid("intervalHours",
          "a steady state whose lag and infusion span at most " + MAX_PENDING_INTERVALS + " intervals", interval));
    }
    for (double we : delivery.windowEnd) {
      if (whole(we, interval) > MAX_PENDING_INTERVALS) {
        throw new IllegalArgumentException(Checks.invalid("intervalHours",
            "a steady state whose emptying windows span at most " + MAX_PENDING_INTERVALS + " intervals", interval));
      }
    }
  }

  /**
   * t reduced into [0, p): one subtraction in the usual case t in [0, 2 p), exact there by Sterbenz's
   * lemma (the remainder operator is a slow library call); the remainder operator otherwise.
   */
  static double remainder(double t, double p) {
    if (t >= 0 && t < p) {
      return t;
    }
    if (t >= p && t < 2 * p) {
      return t - p;
    }
    double r = t % p;
    return r < 0 ? r + p : r;
  }

  /** How many whole periods p an offset t spans beyond its remainder: (t - remainder(t, p)) / p. */
  static int whole(double t, double p) {
    if (t >= 0 && t < p) {
      return 0;
    }
    return (int) Math.rint((t - remainder(t, p)) / p);
  }

  int doseWindowsAtStart() {
    return doseWindowsAtStart;
  }

  /** The plan of one period, with outputs 0..doses at the interval boundaries (0 sees the trough) and more. */
  Plan plan(double[] extraOutputs) {
    Compiler c = new Compiler(session);
    for (int j = 0; j <= doses; j++) {
      c.output(j == doses ? period : j * interval, Compiler.OUTPUT_PHASE, j);
    }
    for (int i = 0; i < extraOutputs.length; i++) {
      c.stream(extraOutputs[i]);
    }
    Delivery d = delivery;
    double arrival = remainder(d.lagHours, interval);
    double stop = remainder(d.lagHours + d.durationHours, interval);
    if (d.isGamma()) {
      // every dose of the infinite past that still delivers in [0, period), not wrapped: a gamma input
      // has no end to wrap, only its cutoff; those arriving before 0 act from the start on
      for (int i = -earlierGammaIntervals(); i < doses; i++) {
        double at = d.lagHours + i * interval;
        if (at < period && at + d.gammaCutoffHours() > 0) {
          c.gammaDose(Math.max(0, at), at, Compiler.LATER_PHASE, 0, d, false);
        }
      }
    }
    for (int j = 0; j < doses; j++) {
      double base = j * interval;
      if (d.isGamma()) {
        // emitted above
      } else if (d.isBolus()) {
        c.emit(wrap(arrival + base), Compiler.LATER_PHASE, 0, Compiler.Change.ADD, d.target, d.amount, null, false);
      } else {
        c.emit(wrap(arrival + base), Compiler.LATER_PHASE, 0, Compiler.Change.ADD, d.rateState, d.rate, null, false);
        c.emit(wrap(stop + base), Compiler.LATER_PHASE, 0, Compiler.Change.ADD, d.rateState, -d.rate, null, false);
      }
      for (int w = 0; w < d.windowStart.length; w++) {
        c.emit(wrap(remainder(d.windowStart[w], interval) + base), Compiler.LATER_PHASE, 0,
            Compiler.Change.DOSE_WINDOW, 1, 0, null, false);
        c.emit(wrap(remainder(d.windowEnd[w], interval) + base), Compiler.LATER_PHASE, 0,
            Compiler.Change.DOSE_WINDOW, -1, 0, null, false);
      }
    }
    EmptyingWindows ew = epoch.model.emptyingWindows().orElse(null);
    if (ew != null && ew.anchor() == EmptyingWindows.Anchor.CLOCK) {
      int days = (int) Math.round(period / EmptyingWindows.DAY_HOURS);
      for (Window win : ew.windows()) {
        double s = win.startHours() - clockPhase;
        double open = remainder(s, EmptyingWindows.DAY_HOURS);
        double close = remainder(s + win.durationHours(), EmptyingWindows.DAY_HOURS);
        for (int day = 0; day < days; day++) {
          double base = day * EmptyingWindows.DAY_HOURS;
          c.emit(wrap(open + base), Compiler.LATER_PHASE, 0, Compiler.Change.CLOCK_WINDOW, 1, 0, null, false);
          c.emit(wrap(close + base), Compiler.LATER_PHASE, 0, Compiler.Change.CLOCK_WINDOW, -1, 0, null, false);
        }
      }
    }
    if (!d.isBolus()) {
      c.infusionsAtStart(d.rateState, d.rate, infusionsAtStart);
    }
    return c.build(0, period, epoch, new Epoch[] {epoch}, doseWindowsAtStart, clockWindowsAtStart);
  }

  /** How many intervals before a period's start a gamma dose may have been given and still deliver in it. */
  private int earlierGammaIntervals() {
    double span = delivery.lagHours + delivery.gammaCutoffHours();
    return (int) Math.min(MAX_PENDING_INTERVALS, Math.ceil(span / interval) + 1);
  }

  private double wrap(double t) {
    return t < period ? t : remainder(t, period);
  }

  /** The plan of one period with the interval boundaries as its only outputs (made once). */
  Plan plan() {
    if (plan == null) {
      plan = plan(new double[0]);
    }
    return plan;
  }

  /** The state at the start of a period, before its changes: compartments x0, input rates, AUC 0 (made once). */
  double[] state() {
    if (state == null) {
      state = solve(plan());
    }
    return state;
  }

  private double[] solve(Plan p) {
    Layout layout = session.layout;
    int n = layout.n;
    double[] x = new double[layout.size];
    System.arraycopy(startRates, 0, x, n, startRates.length);
    double[] phi = new double[n * n];
    double[] marks = new double[doses + 1];
    int aucState = layout.aucState(0);
    phi = Walk.run(p, x, (i, s, e) -> {
      if (i < marks.length) {
        marks[i] = s[aucState];
      }
    }, null, phi);
    firstPassAuc = marks[1];
    double[] lhs = new double[n * n];
    double[] rhs = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        lhs[i * n + j] = (i == j ? 1 : 0) - phi[i * n + j];
      }
      rhs[i] = x[i];
    }
    try {
      Dense.solve(lhs, rhs, n, 1);
    } catch (ArithmeticException e) {
      throw new SolverException(epoch.model.name(), 0, "the propagator of one period (" + period + " h) leaves"
          + " no steady state: " + e.getMessage(), e);
    }
    double[] out = new double[layout.size];
    System.arraycopy(rhs, 0, out, 0, n);
    System.arraycopy(startRates, 0, out, n, startRates.length);
    return out;
  }

  /**
   * The AUC over the first interval after one dose at the start of a period, if the steady state's walk
   * from empty compartments already holds it: when the period is one interval and nothing of an earlier
   * dose reaches into it (every arrival, infusion end and window of a dose within its own interval, no
   * clock windows), that walk is the single dose's, segment for segment. NaN otherwise.
   */
  double singleDoseAuc() {
    state();
    if (delivery.isGamma() || doses != 1 || clockWindowsAtStart != 0 || hasClockWindows()
        || whole(delivery.lagHours, interval) != 0
        || whole(delivery.lagHours + delivery.durationHours, interval) != 0) {
      return Double.NaN;
    }
    for (int w = 0; w < delivery.windowStart.length; w++) {
      if (whole(delivery.windowEnd[w], interval) != 0) {
        return Double.NaN;
      }
    }
    return firstPassAuc;
  }

  private boolean hasClockWindows() {
    return epoch.model.emptyingWindows().map(w -> w.anchor() == EmptyingWindows.Anchor.CLOCK).orElse(false);
  }

  /** How many infusions of earlier doses run at the start of a period (0 for a bolus). */
  int infusionsAtStart() {
    return infusionsAtStart;
  }

  /** Pending changes after a steady-state dose at t0: what the doses before it still have in motion. */
  void emitPending(Compiler c, double t0, double end) {
    Delivery d = delivery;
    if (d.isGamma()) {
      for (int i = 1; i <= earlierGammaIntervals(); i++) {
        double at = t0 + d.lagHours - i * interval;
        double instant = Math.max(t0, at);
        if (at + d.gammaCutoffHours() > t0 && instant <= end) {
          c.gammaDose(instant, at, Compiler.LATER_PHASE, 0, d, true);
        }
      }
    } else if (d.isBolus()) {
      pending(c, t0, end, d.lagHours, Compiler.Change.ADD, d.target, d.amount);
    } else {
      pending(c, t0, end, d.lagHours, Compiler.Change.ADD, d.rateState, d.rate);
      pending(c, t0, end, d.lagHours + d.durationHours, Compiler.Change.ADD, d.rateState, -d.rate);
    }
    for (int w = 0; w < d.windowStart.length; w++) {
      pending(c, t0, end, d.windowStart[w], Compiler.Change.DOSE_WINDOW, 1, 0);
      pending(c, t0, end, d.windowEnd[w], Compiler.Change.DOSE_WINDOW, -1, 0);
    }
  }

  private void pending(Compiler c, double t0, double end, double offset, Compiler.Change kind, int index,
      double amount) {
    double r = remainder(offset, interval);
    int q = whole(offset, interval);
    for (int i = 0; i < q; i++) {
      double t = t0 + r + i * interval;
      if (t > end) {
        return;
      }
      c.emit(t, Compiler.LATER_PHASE, 0, kind, index, amount, null, true);
    }
  }
}
