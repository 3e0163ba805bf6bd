package io.mmf.core.response;

import io.mmf.core.internal.Checks;
import io.mmf.core.internal.Format;
import io.mmf.core.source.Sources;
import java.util.List;

/**
 * The juvenile dermatomyositis good-response definition of Dagher et al. (seed 002), judged 3 months
 * after starting MMF: global improvement of weakness and fatigability judged by the physician,
 * together with a gain of at least 4 points on each of two muscle tests (MMT and CMAS) and/or a
 * corticosteroid dose decrease of more than 15 %. Stateless and thread-safe.
 */
public final class JdmResponse {
  /** Minimum gain on each muscle test, points (seed 002). */
  public static final int MIN_MUSCLE_TEST_GAIN = 4;
  /** Corticosteroid decrease that must be exceeded, percent (seed 002). */
  public static final double STEROID_DECREASE_PERCENT = 15;

  private JdmResponse() {}

  /**
   * Assesses the response.
   *
   * @param globalImprovement physician's judgement of improved weakness and fatigability
   * @param mmtGain change in Manual Muscle Testing score since starting, points (may be negative)
   * @param cmasGain change in Childhood Myositis Assessment Scale score since starting, points (may be negative)
   * @param steroids corticosteroid dose before and now
   * @return the assessment: met when global improvement holds and either both muscle gains are at
   *     least 4 or the steroid decrease exceeds 15 %
   * @throws NullPointerException if {@code steroids} is null
   */
  public static Assessment assess(boolean globalImprovement, int mmtGain, int cmasGain, SteroidSparing steroids) {
    Checks.notNull(steroids, "steroids");
    boolean muscle = mmtGain >= MIN_MUSCLE_TEST_GAIN && cmasGain >= MIN_MUSCLE_TEST_GAIN;
    boolean steroid = steroids.reductionPercent() > STEROID_DECREASE_PERCENT;
    List<Criterion> criteria = List.of(
        new Criterion("global-improvement", "global improvement of weakness and fatigability (physician)",
            globalImprovement, globalImprovement ? "improved" : "not improved", Sources.SEED_002),
        new Criterion("muscle-tests", "gain of at least 4 points on both MMT and CMAS", muscle,
            "MMT " + signed(mmtGain) + ", CMAS " + signed(cmasGain), Sources.SEED_002),
        new Criterion("steroid-decrease", "corticosteroid dose decrease of more than 15 %", steroid,
            Format.num(steroids.reductionPercent()) + " %", Sources.SEED_002));
    return new Assessment("JDM good response at 3 months (Dagher 2012)", globalImprovement && (muscle || steroid),
        criteria);
  }

  private static String signed(int v) {
    return v >= 0 ? "+" + v : Integer.toString(v);
  }
}
