package io.mmf.core.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.finding.Action;
import io.mmf.core.response.DermatomyositisWithdrawal.MuscleEnzymes;
import io.mmf.core.response.DermatomyositisWithdrawal.SkinDisease;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseTest {

  @Test
  void treatmentFailureAfterThreeMonthsAtTwoGrams() {
    assertEquals("treatment-failure", TreatmentFailure.assess(false, 3.0, 2000).ruleId());
    assertEquals(Action.REFER, TreatmentFailure.assess(false, 3.0, 2000).action());
    assertEquals("too-early-to-judge", TreatmentFailure.assess(false, 2.9, 2000).ruleId());
    assertEquals("dose-not-yet-adequate", TreatmentFailure.assess(false, 6, 1999).ruleId());
    assertEquals(Action.INCREASE, TreatmentFailure.assess(false, 6, 1999).action());
    assertEquals("improving", TreatmentFailure.assess(true, 6, 3000).ruleId());
    assertThrows(IllegalArgumentException.class, () -> TreatmentFailure.assess(false, -1, 2000));
    assertThrows(IllegalArgumentException.class, () -> TreatmentFailure.assess(false, 3, Double.NaN));
  }

  @Test
  void jdmGoodResponseByMuscleTests() {
    SteroidSparing none = SteroidSparing.of(20, 20);
    assertTrue(JdmResponse.assess(true, 4, 4, none).met());
    Assessment mmt3 = JdmResponse.assess(true, 3, 10, none);
    assertFalse(mmt3.met());
    assertEquals(List.of("muscle-tests", "steroid-decrease"), mmt3.unmet().stream().map(Criterion::id).toList());
    assertFalse(JdmResponse.assess(true, 10, 3, none).met());
  }

  @Test
  void jdmGoodResponseBySteroidDecreaseAboveFifteenPercent() {
    assertFalse(JdmResponse.assess(true, 0, 0, SteroidSparing.of(20, 17)).met(), "exactly 15 % is not > 15 %");
    assertTrue(JdmResponse.assess(true, 0, 0, SteroidSparing.of(20, 16.9)).met());
  }

  @Test
  void jdmGoodResponseNeedsGlobalImprovement() {
    Assessment a = JdmResponse.assess(false, 10, 10, SteroidSparing.of(20, 5));
    assertFalse(a.met());
    assertEquals("global-improvement", a.unmet().get(0).id());
  }

  @Test
  void steroidSparing() {
    SteroidSparing s = SteroidSparing.of(15, 5);
    assertEquals(66.667, s.reductionPercent(), 1e-3);
    assertEquals(0, SteroidSparing.of(0, 0).reductionPercent());
    assertEquals(-50, SteroidSparing.of(10, 15).reductionPercent(), 1e-9);
    assertTrue(SteroidSparing.of(10, 0).offSteroids());
    assertThrows(IllegalArgumentException.class, () -> SteroidSparing.of(-1, 0));
  }

  private static Assessment withdrawal(boolean steroids, boolean active, double months, int mmt8, SkinDisease skin,
      MuscleEnzymes enzymes) {
    return DermatomyositisWithdrawal.assess(steroids, active, months, mmt8, skin, enzymes);
  }

  @Test
  void withdrawalWhenEveryCriterionHolds() {
    assertTrue(withdrawal(false, false, 12, 80, SkinDisease.ABSENT, MuscleEnzymes.NORMAL).met());
    assertTrue(withdrawal(false, false, 30, 80, SkinDisease.MINIMAL, MuscleEnzymes.STABLE).met());
  }

  @Test
  void withdrawalNamesEachUnmetCriterion() {
    assertEquals(List.of("remission-12-months-off-steroids"),
        ids(withdrawal(false, false, 11.9, 80, SkinDisease.ABSENT, MuscleEnzymes.NORMAL)));
    assertEquals(List.of("mmt8-full-strength"),
        ids(withdrawal(false, false, 12, 79, SkinDisease.ABSENT, MuscleEnzymes.NORMAL)));
    assertEquals(List.of("skin-minimal-or-absent"),
        ids(withdrawal(false, false, 12, 80, SkinDisease.ACTIVE, MuscleEnzymes.NORMAL)));
    assertEquals(List.of("enzymes-normal-or-stable"),
        ids(withdrawal(false, false, 12, 80, SkinDisease.ABSENT, MuscleEnzymes.RISING)));
    assertEquals(List.of("off-corticosteroids", "no-active-disease"),
        ids(withdrawal(true, true, 12, 80, SkinDisease.ABSENT, MuscleEnzymes.NORMAL)));
    assertEquals(6, withdrawal(true, true, 0, 0, SkinDisease.ACTIVE, MuscleEnzymes.RISING).unmet().size());
  }

  @Test
  void withdrawalRejectsOutOfRangeScores() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> withdrawal(false, false, 12, 81, SkinDisease.ABSENT, MuscleEnzymes.NORMAL));
    assertEquals("Invalid value for mmt8Score (expected 0 to 80): 81", e.getMessage());
    assertThrows(NullPointerException.class, () -> withdrawal(false, false, 12, 80, null, MuscleEnzymes.NORMAL));
  }

  private static List<String> ids(Assessment a) {
    return a.unmet().stream().map(Criterion::id).toList();
  }
}
