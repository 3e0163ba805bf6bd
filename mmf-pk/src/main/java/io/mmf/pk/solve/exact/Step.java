package io.mmf.pk.solve.exact;

/**
 * The propagator of one segment length in one window state: the augmented state's exp(G h), and what
 * the peak search of its propagation needs (e^{lambda h} of the modal form, or the propagator of one
 * substep of the scaling and squaring with their count).
 */
final class Step {
  final double h;
  final double[] matrix;
  final double[] exps;
  final double[] sub;
  final int substeps;

  Step(double h, double[] matrix, double[] exps, double[] sub, int substeps) {
    this.h = h;
    this.matrix = matrix;
    this.exps = exps;
    this.sub = sub;
    this.substeps = substeps;
  }
}
