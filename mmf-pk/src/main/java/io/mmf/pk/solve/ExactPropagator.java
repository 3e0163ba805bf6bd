package io.mmf.pk.solve;

import io.mmf.pk.internal.Dense;
import io.mmf.pk.internal.Expm;
import java.util.HashMap;
import java.util.Map;

/**
 * Exact propagation: x(t1) = expm(M (t1 - t0)) x(t0), from the modal form where it serves
 * ({@link Modes}) and by scaling and squaring elsewhere. Propagators are cached by window state and
 * step length, so a regular output grid costs one matrix-vector product per step and allocates
 * nothing after the first step.
 */
final class ExactPropagator implements Propagator {
  private static final int MAX_CACHE = 256;

  private final int size;
  private final double[] closed;
  private final double[] open;
  private final Expm expm;
  /** The modal form per window state, where it serves (then no scaling and squaring). */
  private final Modes closedModes;
  private final Modes openModes;
  private final double[] tmp;
  private final Map<Key, double[]> cache = new HashMap<>();
  private final Key probe = new Key();

  ExactPropagator(Timeline timeline) {
    this.size = timeline.stateSize;
    this.closed = timeline.generator(false);
    this.open = timeline.generator(true);
    this.expm = Expm.local(size);
    int analytes = timeline.model.observed().size();
    this.closedModes = Modes.of(timeline, closed, analytes);
    this.openModes = timeline.model.emptyingWindows().isPresent() ? Modes.of(timeline, open, analytes) : closedModes;
    this.tmp = new double[size];
  }

  /** The propagator matrix for one window state and step, from the cache or computed. */
  double[] matrix(boolean windowOpen, double h) {
    probe.open = windowOpen;
    probe.h = h;
    double[] e = cache.get(probe);
    if (e == null) {
      e = new double[size * size];
      Modes modes = windowOpen ? openModes : closedModes;
      if (modes != null) {
        modes.step(h, e, null);
      } else {
        expm.exp(windowOpen ? open : closed, h, e);
      }
      if (cache.size() >= MAX_CACHE) {
        cache.clear();
      }
      Key key = new Key();
      key.open = windowOpen;
      key.h = h;
      cache.put(key, e);
    }
    return e;
  }

  @Override
  public void advance(boolean windowOpen, double[] x, double t0, double t1) {
    double h = t1 - t0;
    if (h <= 0) {
      return;
    }
    Dense.multiplyVector(matrix(windowOpen, h), x, tmp, size);
    System.arraycopy(tmp, 0, x, 0, size);
  }

  int size() {
    return size;
  }

  /** Mutable key so a cache hit allocates nothing. */
  private static final class Key {
    boolean open;
    double h;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.open == open && Double.compare(k.h, h) == 0;
    }

    @Override
    public int hashCode() {
      return Double.hashCode(h) * 31 + (open ? 1 : 0);
    }
  }
}
