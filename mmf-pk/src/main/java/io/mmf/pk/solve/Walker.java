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
    List<Timeline.Change> changes = tl.changes;
    int ci = 0;
    boolean open = tl.openAtStart;
    double t = 0;
    for (int i = 0; i < outputTimes.length; i++) {
      double target = outputTimes[i];
      while (ci < changes.size() && changes.get(ci).time() < target) {
        Timeline.Change c = changes.get(ci++);
        p.advance(open, x, t, c.time());
        t = Math.max(t, c.time());
        open = apply(c, x, open);
      }
      p.advance(open, x, t, target);
      t = Math.max(t, target);
      recorder.record(i, x);
    }
    while (ci < changes.size() && changes.get(ci).time() < endTime) {
      Timeline.Change c = changes.get(ci++);
      p.advance(open, x, t, c.time());
      t = Math.max(t, c.time());
      open = apply(c, x, open);
    }
    p.advance(open, x, t, endTime);
    return x;
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
