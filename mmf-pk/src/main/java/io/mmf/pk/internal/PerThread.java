package io.mmf.pk.internal;

import java.util.function.IntFunction;

/**
 * One instance of a scratch class per thread and per size, made on first use: for scratch whose
 * methods call nothing outside their class and read only what the same call wrote, so callers on one
 * thread may share it and a solve need not allocate it.
 *
 * @param <T> the scratch class
 */
final class PerThread<T> {
  private static final int SIZES = 16;

  private final IntFunction<T> make;
  private final ThreadLocal<Object[]> local = ThreadLocal.withInitial(() -> new Object[SIZES]);

  PerThread(IntFunction<T> make) {
    this.make = make;
  }

  /** This thread's instance for {@code size}; a fresh, unshared one for sizes of 16 and more. */
  @SuppressWarnings("unchecked")
  T get(int size) {
    if (size >= SIZES) {
      return make.apply(size);
    }
    Object[] cache = local.get();
    Object t = cache[size];
    if (t == null) {
      t = make.apply(size);
      cache[size] = t;
    }
    return (T) t;
  }
}
