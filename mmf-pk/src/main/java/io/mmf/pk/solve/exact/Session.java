package io.mmf.pk.solve.exact;

import io.mmf.pk.model.PkModel;
import java.util.ArrayList;
import java.util.List;

/**
 * What the plans of one solver call share: the state layout, and one {@link Epoch} per model, so that two
 * plans of the same model (a steady state and a first dose) share their propagators and every step
 * length is exponentiated once. Not thread-safe: one per call.
 */
final class Session {
  final Layout layout;
  /**
   * Whether Pade steps keep the propagator of their substeps, for the peak search: the summary questions
   * (a steady state's Cmax, and the AUCs computed beside it) take every Pade step in substeps of norm at
   * most theta_7; a profile takes the fewest products (scaling to theta_13).
   */
  final boolean substeps;
  /** Whether the modal form serves where it is safe (false: scaling and squaring everywhere, for tests). */
  final boolean modal;
  private final List<Epoch> epochs = new ArrayList<>(2);
  /**
   * Scratch for the walks of this session's plans: a walk uses it only between applying changes, so the
   * walk a steady-state record starts for its periodic state (while applying a change) cannot clash.
   */
  final double[] vector;
  final double[] block;

  Session(Layout layout, boolean substeps) {
    this(layout, substeps, true);
  }

  Session(Layout layout, boolean substeps, boolean modal) {
    this.layout = layout;
    this.substeps = substeps;
    this.modal = modal;
    this.vector = new double[layout.size];
    this.block = new double[layout.n * layout.n];
  }

  /** The epoch of a model, made on first use (by identity: a covariate model's equal values give one). */
  Epoch epoch(PkModel model) {
    for (Epoch e : epochs) {
      if (e.model == model) {
        return e;
      }
    }
    Epoch e = new Epoch(model, this);
    epochs.add(e);
    return e;
  }
}
