package io.mmf.pk.solve;

import io.mmf.core.drug.Drug;
import io.mmf.pk.dosing.DoseEvent;
import io.mmf.pk.model.DoseInput;
import io.mmf.pk.model.EmptyingWindows;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The change points of one simulation, in time order: dose arrivals (impulses), zero-order input
 * rates switching on and off, and emptying windows opening and closing. Built once per solve; read
 * by both solver paths, so the exact and numerical solutions see the same events.
 *
 * <p>State layout shared with the propagators: compartments 0..n-1, then one input-rate state per
 * compartment that receives a zero-order input, then one AUC state per observed analyte.
 */
final class Timeline {
  /** A change at one instant. */
  record Change(double time, int kind, int index, double amount) {
    static final int IMPULSE = 0;
    static final int RATE = 1;
    static final int OPEN = 2;
    static final int CLOSE = 3;
  }

  /** A dose delivered through a Savic chain into compartment {@code index} from {@code time} on. */
  record SavicDose(double time, int index, double amount) {}

  final PkModel model;
  final int n;
  final int[] rateTarget;
  final int stateSize;
  final List<Change> changes;
  final List<SavicDose> savicDoses;
  /** Window state at time 0 (true only for periodic timelines whose window wraps over time 0). */
  final boolean openAtStart;
  /** Zero-order input rates at time 0, per rate state (mg/h); non-zero only for periodic timelines. */
  final double[] ratesAtStart;

  private Timeline(PkModel model, int[] rateTarget, List<Change> changes, List<SavicDose> savic,
      boolean openAtStart, double[] ratesAtStart) {
    this.model = model;
    this.n = model.compartments().size();
    this.rateTarget = rateTarget;
    this.stateSize = n + rateTarget.length + model.observed().size();
    List<Change> sorted = new ArrayList<>(changes);
    sorted.sort(Comparator.comparingDouble(Change::time));
    this.changes = List.copyOf(sorted);
    this.savicDoses = List.copyOf(savic);
    this.openAtStart = openAtStart;
    this.ratesAtStart = ratesAtStart;
  }

  /** The compartments that receive a zero-order input, ascending, each once. */
  static int[] rateTargets(PkModel model) {
    boolean[] target = new boolean[model.compartments().size()];
    int count = 0;
    for (Map.Entry<Drug, DoseInput> e : model.inputs().entrySet()) {
      if (e.getValue().zeroOrderHours() > 0) {
        int i = model.inputStateIndex(e.getKey());
        count += target[i] ? 0 : 1;
        target[i] = true;
      }
    }
    int[] out = new int[count];
    for (int i = 0, k = 0; i < target.length; i++) {
      if (target[i]) {
        out[k++] = i;
      }
    }
    return out;
  }

  int aucState(int analyte) {
    return n + rateTarget.length + analyte;
  }

  /** The augmented generator for one window state: compartments, input rates and AUC integrators. */
  double[] generator(boolean open) {
    return generator(open, model.observed().size());
  }

  /**
   * The augmented generator with AUC integrators for the first {@code analytes} observed analytes
   * only (the state is {@code n + rates + analytes} long): a summary of the primary analyte needs one.
   */
  double[] generator(boolean open, int analytes) {
    int size = n + rateTarget.length + analytes;
    double[] m = new double[size * size];
    double[] a = model.rateMatrix(open);
    for (int i = 0; i < n; i++) {
      System.arraycopy(a, i * n, m, i * size, n);
    }
    for (int r = 0; r < rateTarget.length; r++) {
      m[rateTarget[r] * size + n + r] = 1.0;
    }
    for (int k = 0; k < analytes; k++) {
      m[aucState(k) * size + model.observedStateIndex(k)] = 1.0 / model.observed().get(k).volumeL();
    }
    return m;
  }

  /** The timeline of a dosing schedule from time 0 (the schedule's zero) on. */
  static Timeline of(PkModel model, List<DoseEvent> doses, double horizonHours) {
    List<Change> changes = new ArrayList<>();
    List<SavicDose> savic = new ArrayList<>();
    int[] targets = rateTargets(model);
    for (DoseEvent d : doses) {
      addDose(targets, model, d.timeHours(), model.enteringAmount(d), model.input(d.formulation().drug()),
          model.inputStateIndex(d.formulation().drug()), changes, savic, Double.NaN, null);
    }
    boolean[] openAtZero = {false};
    model.emptyingWindows().ifPresent(w -> {
      List<double[]> intervals = new ArrayList<>();
      if (w.anchor() == EmptyingWindows.Anchor.AFTER_EACH_DOSE) {
        for (DoseEvent d : doses) {
          for (Window win : w.windows()) {
            intervals.add(new double[] {d.timeHours() + win.startHours(), d.timeHours() + win.endHours()});
          }
        }
      } else {
        for (int day = 0; day * EmptyingWindows.DAY_HOURS <= horizonHours; day++) {
          for (Window win : w.windows()) {
            double base = day * EmptyingWindows.DAY_HOURS;
            intervals.add(new double[] {base + win.startHours(), base + win.endHours()});
          }
        }
      }
      openAtZero[0] = addWindows(merge(intervals), changes);
    });
    return new Timeline(model, targets, changes, savic, openAtZero[0], new double[targets.length]);
  }

  /**
   * The timeline of one period [0, P) of a periodic regimen: a dose every {@code tau} h from time 0,
   * with arrivals, input rates and windows from earlier periods wrapped in.
   *
   * @param doseTemplate one administration (its time is ignored)
   * @param clockHoursAtZero clock time of the dose at time 0, h after midnight (for clock windows)
   */
  static Timeline periodic(PkModel model, DoseEvent doseTemplate, double tau, double period,
      double clockHoursAtZero) {
    List<Change> changes = new ArrayList<>();
    List<SavicDose> savic = new ArrayList<>();
    int[] targets = rateTargets(model);
    double[] rates = new double[targets.length];
    DoseInput input = model.input(doseTemplate.formulation().drug());
    int target = model.inputStateIndex(doseTemplate.formulation().drug());
    double amount = model.enteringAmount(doseTemplate);
    int doses = (int) Math.round(period / tau);
    for (int j = 0; j < doses; j++) {
      addDose(targets, model, j * tau, amount, input, target, changes, savic, period, rates);
    }
    boolean[] openAtZero = {false};
    model.emptyingWindows().ifPresent(w -> {
      List<double[]> intervals = new ArrayList<>();
      if (w.anchor() == EmptyingWindows.Anchor.AFTER_EACH_DOSE) {
        for (int j = 0; j < doses; j++) {
          for (Window win : w.windows()) {
            wrap(j * tau + win.startHours(), j * tau + win.endHours(), period, intervals);
          }
        }
      } else {
        for (int day = 0; day * EmptyingWindows.DAY_HOURS < period + EmptyingWindows.DAY_HOURS; day++) {
          for (Window win : w.windows()) {
            double start = day * EmptyingWindows.DAY_HOURS + win.startHours() - clockHoursAtZero;
            wrap(start, start + win.durationHours(), period, intervals);
          }
        }
      }
      openAtZero[0] = addWindows(merge(intervals), changes);
    });
    return new Timeline(model, targets, changes, savic, openAtZero[0], rates);
  }

  /**
   * t reduced into [0, period): one subtraction in the usual case t in [0, 2 period), exact there by
   * Sterbenz's lemma (the remainder operator is a slow library call); the remainder operator otherwise.
   */
  static double modulo(double t, double period) {
    if (t >= 0 && t < period) {
      return t;
    }
    if (t >= period && t < 2 * period) {
      return t - period;
    }
    double r = t % period;
    return r < 0 ? r + period : r;
  }

  /** Adds [s, e) reduced modulo the period, split where it wraps, to {@code out}. */
  private static void wrap(double s, double e, double period, List<double[]> out) {
    double len = e - s;
    if (len >= period) {
      out.add(new double[] {0, period});
      return;
    }
    double start = modulo(s, period);
    double end = start + len;
    if (end <= period) {
      out.add(new double[] {start, end});
    } else {
      out.add(new double[] {start, period});
      out.add(new double[] {0, end - period});
    }
  }

  private static void addDose(int[] rateTarget, PkModel model, double time, double amount, DoseInput input,
      int target, List<Change> changes, List<SavicDose> savic, double period, double[] ratesAtZero) {
    double arrival = time + input.lagHours();
    boolean periodic = !Double.isNaN(period);
    if (periodic) {
      arrival = modulo(arrival, period);
    }
    if (model.savicTransit().isPresent()) {
      if (periodic) {
        throw new IllegalStateException("a Savic transit input has no periodic timeline");
      }
      savic.add(new SavicDose(arrival, target, amount));
    } else if (input.zeroOrderHours() > 0) {
      int n = model.compartments().size();
      int rs = n + Arrays.binarySearch(rateTarget, target);
      double rate = amount / input.zeroOrderHours();
      double end = arrival + input.zeroOrderHours();
      changes.add(new Change(arrival, Change.RATE, rs, rate));
      if (periodic && end > period) {
        if (end - period > arrival) {
          throw new IllegalArgumentException("Invalid value for zeroOrderHours (expected shorter than the dosing"
              + " interval for a steady state): " + input.zeroOrderHours());
        }
        ratesAtZero[rs - n] += rate;
        end -= period;
      }
      changes.add(new Change(end, Change.RATE, rs, -rate));
    } else {
      changes.add(new Change(arrival, Change.IMPULSE, target, amount));
    }
  }

  private static List<double[]> merge(List<double[]> intervals) {
    intervals.sort(Comparator.comparingDouble(a -> a[0]));
    List<double[]> merged = new ArrayList<>();
    for (double[] iv : intervals) {
      if (!merged.isEmpty() && iv[0] <= merged.get(merged.size() - 1)[1]) {
        double[] last = merged.get(merged.size() - 1);
        last[1] = Math.max(last[1], iv[1]);
      } else {
        merged.add(iv.clone());
      }
    }
    return merged;
  }

  /** Adds open and close changes; returns whether a window is open at time 0. */
  private static boolean addWindows(List<double[]> merged, List<Change> changes) {
    boolean openAtZero = false;
    for (double[] iv : merged) {
      if (iv[0] > 0) {
        changes.add(new Change(iv[0], Change.OPEN, 0, 0));
      } else {
        openAtZero = true;
      }
      changes.add(new Change(iv[1], Change.CLOSE, 0, 0));
    }
    return openAtZero;
  }
}
