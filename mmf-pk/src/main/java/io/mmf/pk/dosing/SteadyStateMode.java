package io.mmf.pk.dosing;

import io.mmf.core.internal.Checks;
/**
 * Whether a dose record is a steady-state dose: NONMEM's SS data item, as a type. The semantics are
 * NONMEM's help text, not any other engine's documentation (which disagree).
 *
 * @see <a href="https://nmhelp.tingjieguo.com/ss.html">NONMEM help: SS</a>
 */
public enum SteadyStateMode {
  /** SS 0: an ordinary dose. */
  NONE(0),
  /**
   * SS 1: every amount is reset to the steady state of this dose repeated every II (its lag, rate and
   * the emptying windows it anchors included), then the dose is given; prior amounts, infusions in
   * progress and pending additional doses are cancelled.
   */
  RESET(1),
  /**
   * SS 2: the steady-state amounts of this dose repeated every II are added to the current state, with
   * nothing reset (superposition; mmf's models are linear, so this is exact).
   */
  ADD(2);

  private final int ss;

  SteadyStateMode(int ss) {
    this.ss = ss;
  }

  /**
   * Returns NONMEM's code for this mode.
   *
   * @return the SS value, 0 to 2
   */
  public int ss() {
    return ss;
  }

  /**
   * The mode for a NONMEM code. SS 3 (like 1, with the current state as the initial estimate of an
   * iterative search) is not offered: mmf solves the steady state directly, so it would be SS 1.
   *
   * @param ss 0 to 2
   * @return the mode
   * @throws IllegalArgumentException if {@code ss} is not 0 to 2
   */
  public static SteadyStateMode ofSs(int ss) {
    for (SteadyStateMode m : values()) {
      if (m.ss == ss) {
        return m;
      }
    }
    throw new IllegalArgumentException(Checks.invalid("SS", "0, 1 or 2", ss));
  }
}
