package io.mmf.pk.solve.exact;

import io.mmf.pk.model.EmptyingWindows;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Window;
import java.util.Arrays;

/**
 * Turns what happens in a solve into a {@link Plan}: emits every change with its time, its place in
 * the order of its instant and the reset generation it belongs to, drops what a later reset cancels,
 * sorts, and fixes each segment's epoch and window state. One compiler builds one plan.
 *
 * <p>Order at an instant: phase -1 (output times a caller asked for), phase 0 (records, in their given
 * order), phase 1 (what earlier records set in motion: lagged arrivals, additional doses, infusion ends,
 * window edges, in the order they were emitted).
 */
final class Compiler {
  /** The kinds of change, the walk's and the compiler's own. */
  enum Change {
    ADD, RESET, SET_STEADY_STATE, ADD_STEADY_STATE, OUTPUT,
    /** A dose-anchored emptying window opening (+1) or closing (-1); cancelled by resets. */
    DOSE_WINDOW,
    /** A clock emptying window opening or closing; never cancelled. */
    CLOCK_WINDOW,
    /** The model in effect changes to epoch {@code index}. */
    EPOCH,
    /** Gamma dose {@code index} of {@link #gamma} starts to act (its arrival, or a plan's start after it). */
    GAMMA
  }

  private static final double[] NONE = new double[0];
  private static final int[] NO_SLOTS = new int[0];

  static final int OUTPUT_PHASE = -1;
  static final int RECORD_PHASE = 0;
  static final int LATER_PHASE = 1;

  private final Session session;
  /** The gamma doses of the plan (none unless the model has a gamma input). */
  final GammaDoses gamma = new GammaDoses();
  private int count;
  private double[] time = new double[8];
  private int[] phase = new int[8];
  private long[] seq = new long[8];
  private Change[] kind = new Change[8];
  private int[] index = new int[8];
  private double[] amount = new double[8];
  private int[] generation = new int[8];
  private Periodic[] periodic = new Periodic[8];
  private long later;
  /** The current reset generation, and when each generation was cancelled. */
  private int current;
  private double[] cancelTime = {Double.POSITIVE_INFINITY};
  private long[] cancelSeq = {Long.MAX_VALUE};
  private int outputs;
  /** Outputs at instants of their own (phase -1): the interval boundaries of a period. */
  private double[] outTime = new double[4];
  private int[] outSlot = new int[4];
  private int outCount;
  /**
   * Outputs a caller asked for (phase -1) that the walk takes on its way through the segments, without
   * instants of their own: a profile has thousands, and its plan stays the size of its changes.
   */
  private double[] streamTime = NONE;
  private int[] streamSlot = NO_SLOTS;
  private int streamCount;

  /** Zero-order inputs already running at the first instant (a period's plan): state, rate and how many. */
  private int startRateState = -1;
  private double startRate;
  private int startInfusions;

  Compiler(Session session) {
    this.session = session;
  }

  /** {@code count} infusions of {@code rate} into rate state {@code rateState} run at the first instant. */
  void infusionsAtStart(int rateState, double rate, int count) {
    startRateState = rateState;
    startRate = rate;
    startInfusions = count;
  }

  private void grow() {
    int c = time.length * 2;
    time = Arrays.copyOf(time, c);
    phase = Arrays.copyOf(phase, c);
    seq = Arrays.copyOf(seq, c);
    kind = Arrays.copyOf(kind, c);
    index = Arrays.copyOf(index, c);
    amount = Arrays.copyOf(amount, c);
    generation = Arrays.copyOf(generation, c);
    periodic = Arrays.copyOf(periodic, c);
  }

  /** Emits a change; {@code order} is the record's order for phase 0, the output's for phase -1. */
  void emit(double t, int ph, long order, Change k, int i, double a, Periodic p, boolean cancellable) {
    if (count == time.length) {
      grow();
    }
    time[count] = t;
    phase[count] = ph;
    seq[count] = ph == LATER_PHASE ? later++ : order;
    kind[count] = k;
    index[count] = i;
    amount[count] = a;
    generation[count] = cancellable ? current : -1;
    periodic[count] = p;
    count++;
  }

  /** An output (phase -1 at its time, seeing the state before everything there; or phase 0 in record order). */
  /**
   * A caller's output times, ascending, as outputs 0 to n - 1: taken as they are (no copy), before any
   * other output.
   */
  void streamAll(double[] times) {
    if (outputs != 0 || streamCount != 0) {
      throw new IllegalStateException("streamAll must come first");
    }
    streamTime = times;
    streamSlot = null;
    streamCount = times.length;
    outputs = times.length;
  }

  /** An output time on the walk's way (seeing the state just before everything at its instant). */
  int stream(double t) {
    if (streamSlot == null) {
      throw new IllegalStateException("stream after streamAll");
    }
    if (streamCount == streamTime.length) {
      streamTime = Arrays.copyOf(streamTime, Math.max(4, streamCount * 2));
      streamSlot = Arrays.copyOf(streamSlot, Math.max(4, streamCount * 2));
    }
    streamTime[streamCount] = t;
    streamSlot[streamCount++] = outputs;
    return outputs++;
  }

  int output(double t, int ph, long order) {
    if (ph == OUTPUT_PHASE) {
      if (outCount == outTime.length) {
        outTime = Arrays.copyOf(outTime, outCount * 2);
        outSlot = Arrays.copyOf(outSlot, outCount * 2);
      }
      outTime[outCount] = t;
      outSlot[outCount++] = outputs;
      return outputs++;
    }
    emit(t, ph, order, Change.OUTPUT, outputs, 0, null, false);
    return outputs++;
  }

  /** A reset at record order {@code order}: cancels everything pending of the current generation. */
  void cancelPending(double t, long order) {
    cancelTime[current] = t;
    cancelSeq[current] = order;
    current++;
    if (current == cancelTime.length) {
      cancelTime = Arrays.copyOf(cancelTime, current * 2);
      cancelSeq = Arrays.copyOf(cancelSeq, current * 2);
    }
    cancelTime[current] = Double.POSITIVE_INFINITY;
    cancelSeq[current] = Long.MAX_VALUE;
  }

  /**
   * Emits one administration at {@code td}: its arrival (a bolus, or an infusion switching on and off, which
   * {@link #build} turns into settings of its rate state from a {@link RateBook}) and
   * its dose-anchored windows; those at {@code td} itself in phase 0 when {@code own} (the record's own
   * dose), the rest in phase 1; nothing after {@code end}.
   */
  void dose(double td, Delivery d, boolean own, long order, double end) {
    double arrival = td + d.lagHours;
    int ph = own && arrival == td ? RECORD_PHASE : LATER_PHASE;
    if (arrival <= end) {
      if (d.isGamma()) {
        gammaDose(arrival, arrival, ph, order, d, true);
      } else if (d.isBolus()) {
        emit(arrival, ph, order, Change.ADD, d.target, d.amount, null, true);
      } else {
        emit(arrival, ph, order, Change.ADD, d.rateState, d.rate, null, true);
        double stop = arrival + d.durationHours;
        if (stop <= end) {
          emit(stop, LATER_PHASE, order, Change.ADD, d.rateState, -d.rate, null, true);
        }
      }
    }
    for (int w = 0; w < d.windowStart.length; w++) {
      double open = td + d.windowStart[w];
      if (open <= end) {
        emit(open, own && open == td ? RECORD_PHASE : LATER_PHASE, order, Change.DOSE_WINDOW, 1, 0, null, true);
        double close = td + d.windowEnd[w];
        if (close <= end) {
          emit(close, LATER_PHASE, order, Change.DOSE_WINDOW, -1, 0, null, true);
        }
      }
    }
  }

  /**
   * Emits the start, at {@code instant} (the arrival, or a later instant for a dose already on its way),
   * of a dose arriving at {@code arrival} by the gamma laws of {@code d}, one gamma dose per law.
   */
  void gammaDose(double instant, double arrival, int ph, long order, Delivery d, boolean cancellable) {
    for (double[] law : d.gamma) {
      int id = gamma.add(arrival, d.amount * law[0], d.target, law[1], law[2], law[3]);
      emit(instant, ph, order, Change.GAMMA, id, 0, null, cancellable);
    }
  }

  /**
   * Emits the clock windows of a model from time 0 to {@code end}: every window every day, a window
   * that crosses midnight included (the one from the day before open at time 0). Returns how many are
   * open at time 0 before the changes there.
   */
  int clockWindows(PkModel model, double end) {
    EmptyingWindows w = model.emptyingWindows().orElse(null);
    if (w == null || w.anchor() != EmptyingWindows.Anchor.CLOCK) {
      return 0;
    }
    int openAtZero = 0;
    for (int day = -1; day * EmptyingWindows.DAY_HOURS <= end; day++) {
      double base = day * EmptyingWindows.DAY_HOURS;
      for (Window win : w.windows()) {
        double open = base + win.startHours();
        double close = base + win.endHours();
        if (close <= 0) {
          continue;
        }
        if (open < 0) {
          openAtZero++;
        } else if (open <= end) {
          emit(open, LATER_PHASE, 0, Change.CLOCK_WINDOW, 1, 0, null, false);
        }
        if (close <= end) {
          emit(close, LATER_PHASE, 0, Change.CLOCK_WINDOW, -1, 0, null, false);
        }
      }
    }
    return openAtZero;
  }

  private boolean cancelled(int c) {
    int g = generation[c];
    if (g < 0 || cancelTime[g] == Double.POSITIVE_INFINITY) {
      return false;
    }
    double tc = cancelTime[g];
    return time[c] > tc || time[c] == tc && (phase[c] > RECORD_PHASE || phase[c] == RECORD_PHASE && seq[c] > cancelSeq[g]);
  }

  private int compare(int a, int b) {
    int c = Double.compare(time[a], time[b]);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(phase[a], phase[b]);
    return c != 0 ? c : Long.compare(seq[a], seq[b]);
  }

  /**
   * The plan: instants from the first change (or {@code start}, if given) to {@code end}, each segment's
   * epoch and window state from the window counts and epoch at the start.
   *
   * @param start the first instant, or NaN to start at the first change (the state before it is empty)
   * @param epochs the epochs by index, for EPOCH changes
   */
  Plan build(double start, double end, Epoch initialEpoch, Epoch[] epochs, int doseWindowsAtStart,
      int clockWindowsAtStart) {
    int[] order = new int[count];
    int kept = 0;
    for (int c = 0; c < count; c++) {
      if (time[c] <= end && !cancelled(c)) {
        order[kept++] = c;
      }
    }
    sort(order, kept);
    int[] outs = sortedOutputs(outTime, outCount, end);
    // instants: the change times and the output times, merged
    double[] instants = new double[kept + outs.length + 2];
    int ni = 0;
    if (!Double.isNaN(start)) {
      instants[ni++] = start;
    }
    for (int j = 0, o = 0; j < kept || o < outs.length; ) {
      double t = o == outs.length || j < kept && time[order[j]] <= outTime[outs[o]] ? time[order[j++]]
          : outTime[outs[o++]];
      if (ni == 0 || t > instants[ni - 1]) {
        instants[ni++] = t;
      }
    }
    if (ni == 0 || end > instants[ni - 1]) {
      instants[ni++] = end;
    }
    instants = Arrays.copyOf(instants, ni);
    int[] outFirst = new int[ni + 1];
    int[] outSlots = new int[outs.length];
    for (int k = 0, o = 0; k <= ni; k++) {
      outFirst[k] = o;
      while (k < ni && o < outs.length && outTime[outs[o]] == instants[k]) {
        outSlots[o] = outSlot[outs[o]];
        o++;
      }
    }
    int[] first = new int[ni + 1];
    int walkCount = 0;
    for (int j = 0; j < kept; j++) {
      int c = order[j];
      Change k = kind[c];
      if (k.ordinal() <= Change.OUTPUT.ordinal()) {
        walkCount++;
      }
      if ((k == Change.SET_STEADY_STATE || k == Change.ADD_STEADY_STATE) && !periodic[c].delivery.isBolus()) {
        walkCount++; // the SET of its rate state
      }
    }
    Layout layout = session.layout;
    RateBook book = RateBook.of(layout.rateTarget.length);
    if (startRateState >= 0) {
      book.changeRepeatedly(startRateState - layout.n, startRate, startInfusions);
    }
    Plan.Kind[] pk = new Plan.Kind[walkCount];
    int[] pi = new int[walkCount];
    double[] pa = new double[walkCount];
    Periodic[] pp = new Periodic[walkCount];
    Epoch[] pe = new Epoch[walkCount];
    Epoch[] segEpoch = new Epoch[Math.max(0, ni - 1)];
    boolean[] segOpen = new boolean[segEpoch.length];
    int doseWindows = doseWindowsAtStart;
    int clockWindows = clockWindowsAtStart;
    Epoch epoch = initialEpoch;
    int j = 0;
    int w = 0;
    int[] active = new int[Math.max(4, gamma.count)];
    int activeCount = 0;
    int[] segGammaFirst = gamma.count == 0 ? null : new int[segEpoch.length + 1];
    int[] segGamma = new int[gamma.count == 0 ? 0 : 8];
    int segGammaCount = 0;
    for (int k = 0; k < ni; k++) {
      first[k] = w;
      while (j < kept && time[order[j]] == instants[k]) {
        int c = order[j++];
        switch (kind[c]) {
          case ADD -> {
            int q = index[c] - layout.n;
            if (q >= 0 && q < layout.rateTarget.length) {
              book.change(q, amount[c]);
              add(pk, pi, pa, pp, w++, Plan.Kind.SET, index[c], book.rate(q), null);
            } else {
              add(pk, pi, pa, pp, w++, Plan.Kind.ADD, index[c], amount[c], null);
            }
          }
          case RESET -> {
            add(pk, pi, pa, pp, w++, Plan.Kind.RESET, 0, 0, null);
            doseWindows = 0;
            book.clear();
            activeCount = 0;
          }
          case SET_STEADY_STATE -> {
            add(pk, pi, pa, pp, w++, Plan.Kind.SET_STEADY_STATE, 0, 0, periodic[c]);
            activeCount = 0;
            doseWindows = periodic[c].doseWindowsAtStart();
            book.clear();
            w = steadyStateRates(pk, pi, pa, pp, w, periodic[c], book);
          }
          case ADD_STEADY_STATE -> {
            add(pk, pi, pa, pp, w++, Plan.Kind.ADD_STEADY_STATE, 0, 0, periodic[c]);
            doseWindows += periodic[c].doseWindowsAtStart();
            w = steadyStateRates(pk, pi, pa, pp, w, periodic[c], book);
          }
          case OUTPUT -> {
            pe[w] = epoch;
            add(pk, pi, pa, pp, w++, Plan.Kind.OUTPUT, index[c], 0, null);
          }
          case DOSE_WINDOW -> doseWindows += index[c];
          case CLOCK_WINDOW -> clockWindows += index[c];
          case EPOCH -> epoch = epochs[index[c]];
          case GAMMA -> active[activeCount++] = index[c];
        }
      }
      if (k < segEpoch.length) {
        segEpoch[k] = epoch;
        segOpen[k] = doseWindows > 0 || clockWindows > 0;
        if (segGammaFirst != null) {
          // the doses that still deliver over segment k; those done are dropped for good
          int kept2 = 0;
          segGammaFirst[k] = segGammaCount;
          for (int a = 0; a < activeCount; a++) {
            int d = active[a];
            if (gamma.active(d, instants[k])) {
              active[kept2++] = d;
              if (segGammaCount == segGamma.length) {
                segGamma = Arrays.copyOf(segGamma, 2 * segGammaCount);
              }
              segGamma[segGammaCount++] = d;
            }
          }
          activeCount = kept2;
        }
      }
    }
    if (segGammaFirst != null) {
      segGammaFirst[segEpoch.length] = segGammaCount;
    }
    first[ni] = w;
    double[] st;
    int[] ss;
    if (streamSlot == null) {
      st = streamTime; // streamAll's times: ascending (the caller checked) and none after the end
      ss = null;
    } else if (streamCount == 0) {
      st = NONE;
      ss = NO_SLOTS;
    } else if (isSortedUpTo(streamTime, streamCount, end)) {
      st = Arrays.copyOf(streamTime, streamCount);
      ss = Arrays.copyOf(streamSlot, streamCount);
    } else {
      int[] stream = sortedOutputs(streamTime, streamCount, end);
      st = new double[stream.length];
      ss = new int[stream.length];
      for (int i = 0; i < stream.length; i++) {
        st[i] = streamTime[stream[i]];
        ss[i] = streamSlot[stream[i]];
      }
    }
    return new Plan(session, instants, first, pk, pi, pa, pp, segEpoch, initialEpoch, pe, segOpen, outputs, outFirst,
        outSlots, st, ss, segGammaFirst == null ? null : gamma, segGammaFirst, Arrays.copyOf(segGamma, segGammaCount));
  }

  /**
   * The infusions a steady state has running at its dose switch on in the book, and its rate state is set
   * to the book's sum (for SS 2, over what already runs there).
   */
  private static int steadyStateRates(Plan.Kind[] pk, int[] pi, double[] pa, Periodic[] pp, int w, Periodic p,
      RateBook book) {
    Delivery d = p.delivery;
    if (d.isBolus()) {
      return w;
    }
    int q = d.rateState - p.session.layout.n;
    book.changeRepeatedly(q, d.rate, p.infusionsAtStart());
    add(pk, pi, pa, pp, w, Plan.Kind.SET, d.rateState, book.rate(q), null);
    return w + 1;
  }

  private static void add(Plan.Kind[] pk, int[] pi, double[] pa, Periodic[] pp, int w, Plan.Kind k, int i, double a,
      Periodic p) {
    pk[w] = k;
    pi[w] = i;
    pa[w] = a;
    pp[w] = p;
  }

  /** Whether the first {@code n} times ascend and none is after {@code end} (a caller's grid, as a rule). */
  private static boolean isSortedUpTo(double[] t, int n, double end) {
    for (int i = 0; i < n; i++) {
      if (t[i] > end || i > 0 && t[i] < t[i - 1]) {
        return false;
      }
    }
    return true;
  }

  /** The outputs at or before {@code end}, by time (their slots ascending at one time). */
  private static int[] sortedOutputs(double[] outTime, int outCount, double end) {
    if (outCount == 0) {
      return NO_SLOTS;
    }
    int[] o = new int[outCount];
    int n = 0;
    boolean sorted = true;
    for (int i = 0; i < outCount; i++) {
      if (outTime[i] <= end) {
        sorted &= n == 0 || outTime[o[n - 1]] <= outTime[i];
        o[n++] = i;
      }
    }
    if (n < o.length) {
      o = Arrays.copyOf(o, n);
    }
    if (!sorted) {
      Integer[] boxed = new Integer[n];
      for (int i = 0; i < n; i++) {
        boxed[i] = o[i];
      }
      Arrays.sort(boxed, (a, b) -> Double.compare(outTime[a], outTime[b]));
      for (int i = 0; i < n; i++) {
        o[i] = boxed[i];
      }
    }
    return o;
  }

  /** Sorts change indices by (time, phase, order): insertion sort for the few of a subject, merge sort beyond. */
  private void sort(int[] a, int n) {
    if (n < 48) {
      for (int i = 1; i < n; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= 0 && compare(a[j], v) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    int[] tmp = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          tmp[k++] = compare(a[j], a[i]) < 0 ? a[j++] : a[i++];
        }
        while (i < mid) {
          tmp[k++] = a[i++];
        }
        while (j < hi) {
          tmp[k++] = a[j++];
        }
      }
      System.arraycopy(tmp, 0, a, 0, n);
    }
  }
}
