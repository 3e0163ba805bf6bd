package io.mmf.pk.solve.exact;

/**
 * A compiled solve: the instants at which something changes, in time order, the changes at each in the
 * order they act, and between consecutive instants a segment whose model (epoch) and window state are
 * fixed, so that its propagator is chosen once. {@link Walk} is the one loop that goes through it.
 *
 * <p>One rule for which changes apply at an instant t: all of them, in their order, and nothing at t
 * before the segment that ends at t is propagated. The order is the compiler's: output times a caller
 * asked for first (they see the state just before t), then the records at t in their given order, then
 * what earlier records set in motion for t.
 */
final class Plan {
  /** What a change does. */
  enum Kind {
    /** Adds {@code amount} to compartment {@code index} (a bolus arriving). */
    ADD,
    /**
     * Sets rate state {@code index} to {@code amount} (an infusion switching on or off: the sum of those
     * running then, exactly 0 when none is; see {@link RateBook}).
     */
    SET,
    /** Zeroes the compartments and the input rates (a reset record). */
    RESET,
    /** Replaces the compartments and rates by the steady state of {@code periodic} (SS 1). */
    SET_STEADY_STATE,
    /** Adds the steady state of {@code periodic} to the compartments (SS 2; a SET follows for its rate). */
    ADD_STEADY_STATE,
    /** Reports the state to output {@code index}. */
    OUTPUT
  }

  final Session session;
  /** Instants, ascending; segment k runs from {@code times[k]} to {@code times[k + 1]}. */
  final double[] times;
  /** The changes at instant k are {@code first[k]} to {@code first[k + 1] - 1}. */
  final int[] first;
  final Kind[] kind;
  final int[] index;
  final double[] amount;
  final Periodic[] periodic;
  final Epoch[] segmentEpoch;
  /** The model in effect before the first instant (its segment's, or the only one of a one-instant plan). */
  final Epoch initialEpoch;
  /**
   * Per change, for an {@link Kind#OUTPUT}: the model in effect where it stands among its instant's
   * changes (its record's own, after the records before it); null for other changes.
   */
  final Epoch[] outputEpoch;
  final boolean[] segmentOpen;
  final int outputs;
  /**
   * The outputs a caller asked for at instant k, {@code outputSlot[outputFirst[k]]} to
   * {@code outputSlot[outputFirst[k + 1] - 1]}: reported before the instant's changes.
   */
  final int[] outputFirst;
  final int[] outputSlot;
  /** Output times the walk takes inside segments, ascending, and their slots (null: slot i is output i). */
  final double[] streamTime;
  final int[] streamSlot;
  /**
   * The gamma doses (null when the plan has none) and, per segment k, those that deliver over it:
   * {@code gammaList[gammaFirst[k]]} to {@code gammaList[gammaFirst[k + 1] - 1]}.
   */
  final GammaDoses gamma;
  final int[] gammaFirst;
  final int[] gammaList;

  Plan(Session session, double[] times, int[] first, Kind[] kind, int[] index, double[] amount, Periodic[] periodic,
      Epoch[] segmentEpoch, Epoch initialEpoch, Epoch[] outputEpoch, boolean[] segmentOpen, int outputs,
      int[] outputFirst, int[] outputSlot,
      double[] streamTime, int[] streamSlot, GammaDoses gamma, int[] gammaFirst, int[] gammaList) {
    this.session = session;
    this.times = times;
    this.first = first;
    this.kind = kind;
    this.index = index;
    this.amount = amount;
    this.periodic = periodic;
    this.segmentEpoch = segmentEpoch;
    this.initialEpoch = initialEpoch;
    this.outputEpoch = outputEpoch;
    this.segmentOpen = segmentOpen;
    this.outputs = outputs;
    this.outputFirst = outputFirst;
    this.outputSlot = outputSlot;
    this.streamTime = streamTime;
    this.streamSlot = streamSlot;
    this.gamma = gamma;
    this.gammaFirst = gammaFirst;
    this.gammaList = gammaList;
  }

  /** Whether gamma doses deliver over segment k. */
  boolean forced(int k) {
    return gamma != null && gammaFirst[k + 1] > gammaFirst[k];
  }

  /** Adds to x what the gamma doses of segment k build up over [t0, t1] within it, from nothing. */
  void force(int k, Propagation prop, double[] x, double t0, double t1) {
    for (int g = gammaFirst[k]; g < gammaFirst[k + 1]; g++) {
      prop.force(x, t0, t1, gamma, gammaList[g]);
    }
  }

  int instants() {
    return times.length;
  }

  /**
   * The model whose observed volume reads the state just before instant k (what an output asked for at
   * k sees): that of the segment ending there.
   */
  Epoch epochBefore(int k) {
    return k == 0 ? initialEpoch : segmentEpoch[k - 1];
  }
}
