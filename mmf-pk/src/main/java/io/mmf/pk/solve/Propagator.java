package io.mmf.pk.solve;

/**
 * Advances the augmented state over one interval without events inside it. One instance serves one
 * solve and is not thread-safe; the solvers make a fresh one per call.
 */
interface Propagator {
  /**
   * Advances {@code x} in place from {@code t0} to {@code t1}.
   *
   * @param open whether the emptying windows are open over the whole interval
   * @param x the augmented state (see {@link Timeline})
   */
  void advance(boolean open, double[] x, double t0, double t1);
}
