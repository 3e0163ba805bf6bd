package io.mmf.core.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.source.Sources;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AucTargetTest {

  @Test
  void windowsCountBothBoundsAsWithin() {
    AucTarget k = AucTarget.KIDNEY_TRANSPLANT;
    assertEquals(AucTarget.Verdict.BELOW, k.classify(29.99));
    assertEquals(AucTarget.Verdict.WITHIN, k.classify(30));
    assertEquals(AucTarget.Verdict.WITHIN, k.classify(60));
    assertEquals(AucTarget.Verdict.ABOVE, k.classify(60.01));
    assertEquals(45, k.aimMgHPerL());
  }

  @Test
  void aLowerBoundOnlyIsNeverAbove() {
    AucTarget heart = AucTarget.HEART_TRANSPLANT;
    assertEquals(AucTarget.Verdict.BELOW, heart.classify(35.99));
    assertEquals(AucTarget.Verdict.WITHIN, heart.classify(36));
    assertEquals(AucTarget.Verdict.WITHIN, heart.classify(500));
    assertEquals(36, heart.aimMgHPerL(), "a dose change aims at the bound itself, rounded up");
    assertEquals(">= 36 mg*h/L over 12 h (or C0 > 2 mg/L)", heart.bounds());
  }

  @Test
  void theTroughCriterionMeetsTheHeartTargetWhenTheAucDoesNot() {
    AucTarget heart = AucTarget.HEART_TRANSPLANT;
    TargetVerdict byTrough = heart.judge(30, OptionalDouble.of(2.01));
    assertEquals(AucTarget.Verdict.WITHIN, byTrough.position());
    assertTrue(byTrough.byTrough());
    assertTrue(byTrough.toString().contains("by its trough criterion"), byTrough.toString());
    assertEquals(AucTarget.Verdict.BELOW, heart.judge(30, OptionalDouble.of(2.0)).position(), "C0 > 2.0, strictly");
    assertEquals(AucTarget.Verdict.BELOW, heart.judge(30).position());
    assertFalse(AucTarget.KIDNEY_TRANSPLANT.judge(20, OptionalDouble.of(5)).byTrough(), "no trough criterion");
  }

  @Test
  void anOrientationTargetGivesNoPlainVerdict() {
    AucTarget o = AucTarget.orientation("Pemphigus vulgaris");
    assertFalse(o.isSourced());
    TargetVerdict v = o.judge(40);
    assertFalse(v.isVerdict());
    assertFalse(v.meetsTarget());
    String text = v.toString();
    assertTrue(text.startsWith("no validated MPA target for Pemphigus vulgaris"), text);
    assertTrue(text.contains("for orientation") && text.contains("not a verdict"), text);
    assertFalse(text.startsWith("WITHIN"), text);
    TargetVerdict sourced = AucTarget.SEED_003_MYOSITIS.judge(40);
    assertTrue(sourced.meetsTarget());
    assertTrue(sourced.toString().startsWith("WITHIN target 20-60 mg*h/L over 12 h"), sourced.toString());
  }

  @Test
  void equivalentAucStaysFinite() {
    assertEquals(50, AucTarget.DEFAULT.equivalentAuc(100, 24), 1e-12);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AucTarget.DEFAULT.equivalentAuc(1, 4.9e-324));
    assertTrue(e.getMessage().contains("aucIntervalHours"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AucTarget.DEFAULT.equivalentAuc(Double.MAX_VALUE, 1));
    assertThrows(IllegalArgumentException.class, () -> AucTarget.DEFAULT.equivalentAuc(1, 169));
  }

  @Test
  void invalidTargetsAreRejectedByField() {
    assertThrows(IllegalArgumentException.class, () -> AucTarget.of12Hours(60, 20, "x", Sources.SEED_003));
    assertThrows(IllegalArgumentException.class, () -> AucTarget.atLeast12Hours(0, "x", Sources.SEED_003));
    assertThrows(IllegalArgumentException.class, () -> AucTarget.of12Hours(20, 1e6, "x", Sources.SEED_003));
    assertThrows(IllegalArgumentException.class, () -> AucTarget.of12Hours(20, 60, " ", Sources.SEED_003));
    assertThrows(NullPointerException.class, () -> AucTarget.of12Hours(20, 60, "x", null));
    assertThrows(IllegalArgumentException.class, () -> AucTarget.orientation(""));
  }
}
