package io.mmf.core.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.response.DermatomyositisWithdrawal.MuscleEnzymes;
import io.mmf.core.response.DermatomyositisWithdrawal.SkinDisease;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Response rules on both sides of each threshold, and the details they report. */
class ResponseBoundariesTest {
  private static Criterion criterion(Assessment a, String id) {
    return a.criteria().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void jdmMuscleGainsOfExactlyFourCountAndAFifteenPercentDecreaseDoesNot() {
    SteroidSparing none = SteroidSparing.of(20, 20);
    Assessment four = JdmResponse.assess(true, 4, 4, none);
    assertTrue(four.met());
    assertTrue(criterion(four, "muscle-tests").met());
    assertEquals("MMT +4, CMAS +4", criterion(four, "muscle-tests").detail());
    assertFalse(criterion(JdmResponse.assess(true, 4, 3, none), "muscle-tests").met());
    assertEquals("MMT +0, CMAS -3", criterion(JdmResponse.assess(true, 0, -3, none), "muscle-tests").detail());
    assertFalse(criterion(JdmResponse.assess(true, 0, 0, SteroidSparing.of(20, 17)), "steroid-decrease").met());
    assertTrue(criterion(JdmResponse.assess(true, 0, 0, SteroidSparing.of(20, 16.9)), "steroid-decrease").met());
    Assessment noGlobal = JdmResponse.assess(false, 10, 10, none);
    assertFalse(noGlobal.met());
    assertEquals("not improved", criterion(noGlobal, "global-improvement").detail());
    assertEquals("improved", criterion(four, "global-improvement").detail());
  }

  @Test
  void withdrawalReportsWhatItSaw() {
    Assessment ready = DermatomyositisWithdrawal.assess(false, false, 12, 80, SkinDisease.ABSENT, MuscleEnzymes.NORMAL);
    assertTrue(ready.met());
    assertEquals("off corticosteroids", criterion(ready, "off-corticosteroids").detail());
    assertEquals("no active disease", criterion(ready, "no-active-disease").detail());
    Assessment not = DermatomyositisWithdrawal.assess(true, true, 11.9, 79, SkinDisease.ACTIVE, MuscleEnzymes.RISING);
    assertFalse(not.met());
    assertEquals("on corticosteroids", criterion(not, "off-corticosteroids").detail());
    assertEquals("active disease", criterion(not, "no-active-disease").detail());
    assertEquals(List.of("off-corticosteroids", "no-active-disease", "remission-12-months-off-steroids",
        "mmt8-full-strength", "skin-minimal-or-absent", "enzymes-normal-or-stable"),
        not.unmet().stream().map(Criterion::id).toList());
  }

  @Test
  void treatmentFailureMessagesGiveTheDoseInGramsPerDay() {
    assertEquals("no improvement at 1.5 g/day: failure is judged only after 3 months at >= 2 g/day",
        TreatmentFailure.assess(false, 6, 1500).message());
    assertEquals("too-early-to-judge", TreatmentFailure.assess(false, 2.9, 2000).ruleId());
    assertEquals("no improvement after 3 months at 2.5 g/day: treatment failure; consider alternative therapy",
        TreatmentFailure.assess(false, 3, 2500).message());
  }

  @Test
  void offSteroidsOnlyAtZero() {
    assertTrue(SteroidSparing.of(10, 0).offSteroids());
    assertFalse(SteroidSparing.of(10, 0.5).offSteroids());
    assertEquals("10 -> 5 mg/day (-50 %)", SteroidSparing.of(10, 5).toString());
  }
}
