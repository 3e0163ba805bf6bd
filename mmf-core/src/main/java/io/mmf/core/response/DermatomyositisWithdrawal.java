package io.mmf.core.response;

import io.mmf.core.internal.Checks;
import io.mmf.core.internal.Format;
import io.mmf.core.source.Sources;
import java.util.List;

/**
 * Whether stopping MMF may be considered in dermatomyositis or inflammatory myopathy (seed 003). All
 * must hold: off corticosteroids, no active disease, complete remission for at least 12 months off
 * corticosteroids, full strength (MMT-8 80/80), skin disease minimal or absent, and muscle enzymes
 * normal or stable. Even then, stop only with a monitoring plan; MMF can be restarted if relapse
 * follows. Stateless and thread-safe.
 */
public final class DermatomyositisWithdrawal {
  /** Months of complete remission off corticosteroids before withdrawal is considered (seed 003). */
  public static final double MIN_REMISSION_MONTHS_OFF_STEROIDS = 12;
  /** MMT-8 score meaning full strength (seed 003). */
  public static final int FULL_MMT8_SCORE = 80;

  /** Skin disease activity. */
  public enum SkinDisease {
    /** No skin disease. */
    ABSENT,
    /** Minimal skin disease. */
    MINIMAL,
    /** More than minimal. */
    ACTIVE
  }

  /** Muscle enzyme trend (creatine kinase, aldolase). */
  public enum MuscleEnzymes {
    /** Within the normal range. */
    NORMAL,
    /** Abnormal but stable. */
    STABLE,
    /** Rising. */
    RISING
  }

  private DermatomyositisWithdrawal() {}

  /**
   * Assesses eligibility for a trial of withdrawal.
   *
   * @param onCorticosteroids whether the patient takes corticosteroids now
   * @param activeDisease whether the disease is active now
   * @param remissionMonthsOffSteroids months of complete remission off corticosteroids, finite and &gt;= 0
   * @param mmt8Score Manual Muscle Test-8 score, 0 to 80
   * @param skin skin disease activity
   * @param enzymes muscle enzyme trend
   * @return the assessment; its {@link Assessment#unmet()} names each unmet criterion
   * @throws NullPointerException if {@code skin} or {@code enzymes} is null
   * @throws IllegalArgumentException if a number is out of range
   */
  public static Assessment assess(boolean onCorticosteroids, boolean activeDisease, double remissionMonthsOffSteroids,
      int mmt8Score, SkinDisease skin, MuscleEnzymes enzymes) {
    Checks.nonNegative(remissionMonthsOffSteroids, "remissionMonthsOffSteroids");
    if (mmt8Score < 0 || mmt8Score > FULL_MMT8_SCORE) {
      throw new IllegalArgumentException(Checks.invalid("mmt8Score", "0 to 80", mmt8Score));
    }
    Checks.notNull(skin, "skin");
    Checks.notNull(enzymes, "enzymes");
    List<Criterion> criteria = List.of(
        new Criterion("off-corticosteroids", "never stop MMF while the patient is on corticosteroids",
            !onCorticosteroids, onCorticosteroids ? "on corticosteroids" : "off corticosteroids", Sources.SEED_003),
        new Criterion("no-active-disease", "never stop MMF while the disease is active", !activeDisease,
            activeDisease ? "active disease" : "no active disease", Sources.SEED_003),
        new Criterion("remission-12-months-off-steroids",
            "complete remission for at least 12 months off corticosteroids",
            remissionMonthsOffSteroids >= MIN_REMISSION_MONTHS_OFF_STEROIDS,
            Format.num(remissionMonthsOffSteroids) + " months", Sources.SEED_003),
        new Criterion("mmt8-full-strength", "normal strength: MMT-8 80/80", mmt8Score == FULL_MMT8_SCORE,
            "MMT-8 " + mmt8Score + "/80", Sources.SEED_003),
        new Criterion("skin-minimal-or-absent", "skin disease minimal or absent", skin != SkinDisease.ACTIVE,
            "skin " + skin.name().toLowerCase(java.util.Locale.ROOT), Sources.SEED_003),
        new Criterion("enzymes-normal-or-stable", "muscle enzymes normal or stable", enzymes != MuscleEnzymes.RISING,
            "enzymes " + enzymes.name().toLowerCase(java.util.Locale.ROOT), Sources.SEED_003));
    return new Assessment("Dermatomyositis MMF withdrawal (seed 003)",
        criteria.stream().allMatch(Criterion::met), criteria);
  }
}
