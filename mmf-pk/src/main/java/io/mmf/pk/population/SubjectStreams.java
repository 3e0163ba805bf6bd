package io.mmf.pk.population;

/**
 * The seed of each virtual subject's random stream, from the run's seed and the subject's index alone
 * (SplitMix64's finaliser), so a subject draws the same numbers whatever thread, chunk or machine
 * simulates it.
 */
public final class SubjectStreams {
  private SubjectStreams() {}

  /**
   * The seed of subject {@code subject} in a run seeded {@code seed}.
   *
   * @param seed the run's seed
   * @param subject the subject's index
   * @return a well-mixed seed for a {@link java.util.SplittableRandom}
   */
  public static long seed(long seed, long subject) {
    long z = seed + (subject + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * The seed of one occasion's random effects of subject {@code subject}: a stream of its own, keyed by
   * the run's seed, the subject and the occasion's number alone, so that between-occasion variability
   * draws nothing from the subject's stream (a model without it gives the numbers it gave before) and
   * an occasion's kappa is the same whatever thread, chunk or machine simulates it.
   *
   * @param seed the run's seed
   * @param subject the subject's index
   * @param occasion the occasion's number ({@link OccasionVariability.Labelled#numbers()})
   * @return a well-mixed seed for a {@link java.util.SplittableRandom}
   */
  public static long occasionSeed(long seed, long subject, double occasion) {
    return seed(seed(seed, subject) ^ 0x6F63636173696F6EL, Double.doubleToLongBits(occasion + 0.0));
  }
}
