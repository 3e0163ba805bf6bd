package io.mmf.pk.solve.exact;

import io.mmf.pk.model.PkModel;

/**
 * One model in effect over part of a solve (the whole of it, unless covariates change the model at a
 * record), with the propagation of each window state chosen once, on first use.
 */
final class Epoch {
  final PkModel model;
  /** Its observed volume of each analyte of the layout, L. */
  final double[] volumeL;
  private final Session session;
  private Propagation closed;
  private Propagation open;

  Epoch(PkModel model, Session session) {
    this.model = model;
    this.session = session;
    this.volumeL = session.layout.volumes(model);
  }

  Propagation propagation(boolean windowOpen) {
    if (windowOpen && model.emptyingWindows().isPresent()) {
      if (open == null) {
        open = Propagation.of(session.layout, session.layout.generator(model, true), session, volumeL);
      }
      return open;
    }
    if (closed == null) {
      closed = Propagation.of(session.layout, session.layout.generator(model, false), session, volumeL);
    }
    return closed;
  }
}
