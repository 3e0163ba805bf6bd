package io.mmf.pk.solve;

import java.util.List;

/**
 * Walks a timeline: advances the state between change points with a {@link Propagator}, applies each
 * change, and records the state at the output times. The value recorded at a time is the left limit:
 * changes at exactly that time (a dose arriving) are applied after it is recorded, so a trough taken
 * at a dose time is the concentration just before the dose.
 */
final class Walker {
  /** Receives the state at output time {@code i}. */
  interface Recorder {
    void record(int i, double[] x);
  }

  private Walker() {}

  /**
   * Walks from time 0 through every output time, then on to {@code endTime} (changes strictly before
   * it applied).
   *
   * @return the state at {@code endTime} (the same array as {@code x})
   */
  static double[] walk(Timeline tl, Propagator p, double[] x, double[] outputTimes, Recorder recorder,
      double endTime) {
    Cursor c = new Cursor(tl, p, x);
    for (int i = 0; i < outputTimes.length; i++) {
      c.advanceTo(outputTimes[i]);
      recorder.record(i, x);
    }
    c.advanceTo(endTime);
    return x;
  }

  /** Position in the timeline: time, next change, window state. */
  private static final class Cursor {
    private final List<Timeline.Change> changes;
    private final Propagator p;
    private final double[] x;
    private int next;
    private boolean open;
    private double t;

    Cursor(Timeline tl, Propagator p, double[] x) {
      this.changes = tl.changes;
      this.p = p;
      this.x = x;
      this.open = tl.openAtStart;
    }

    /** Applies every change strictly before {@code target}, then advances to it. */
    void advanceTo(double target) {
      while (next < changes.size() && changes.get(next).time() < target) {
        Timeline.Change c = changes.get(next++);
        p.advance(open, x, t, c.time());
        t = Math.max(t, c.time());
        open = apply(c, x, open);
      }
      p.advance(open, x, t, target);
      t = Math.max(t, target);
    }
  }

  /** Applies one change to the state; returns whether the windows are open after it. */
  static boolean apply(Timeline.Change c, double[] x, boolean open) {
    switch (c.kind()) {
      case Timeline.Change.IMPULSE, Timeline.Change.RATE -> {
        x[c.index()] += c.amount();
        return open;
      }
      case Timeline.Change.OPEN -> {
        return true;
      }
      case Timeline.Change.CLOSE -> {
        return false;
      }
      default -> throw new AssertionError(c.kind());
    }
  }
}
