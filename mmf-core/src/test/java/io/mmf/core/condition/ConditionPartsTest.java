package io.mmf.core.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.target.AucTarget;
import io.mmf.core.source.Source;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parts a condition is built from: each validates on both sides of its bounds and reads as it says. */
class ConditionPartsTest {
  private static final Source A = Source.of("a", "source a");
  private static final Source B = Source.of("b", "source b");
  private static final Source C = Source.of("c", "source c");
  private static final Source D = Source.of("d", "source d");
  private static final Source E = Source.of("e", "source e");
  private static final Source F = Source.of("f", "source f");
  private static final Source G = Source.of("g", "source g");

  @Test
  void dailyDoseRangeAllowsEqualBoundsAndRefusesDecreasingOnes() {
    assertEquals("2 g/day", new DailyDoseRange(2000, 2000, A).toString());
    assertEquals("1-3 g/day", new DailyDoseRange(1000, 3000, A).toString());
    assertEquals("1.5-2.25 g/day", new DailyDoseRange(1500, 2250, A).toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DailyDoseRange(2000, 1999.999, A));
    assertEquals("Invalid value for highMgPerDay (expected >= lowMgPerDay = 2000.0): 1999.999", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new DailyDoseRange(0, 1000, A));
    assertThrows(NullPointerException.class, () -> new DailyDoseRange(1000, 2000, null));
  }

  @Test
  void pediatricMaximumMayEqualTheUsualDoseButNotFallBelowIt() {
    assertEquals(600, new PediatricDosing(600, 600, 2000, 0.25, A).maxMgPerM2PerDose());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PediatricDosing(600, 599, 2000, 0.25, A));
    assertEquals("Invalid value for maxMgPerM2PerDose (expected >= usualMgPerM2PerDose = 600.0): 599.0",
        e.getMessage());
  }

  @Test
  void responseTimelinePeriodsMustBePositive() {
    Optional<Period> month = Optional.of(Period.ofMonths(1));
    new ResponseTimeline("ok", month, month, month, month, A);
    for (Period bad : List.of(Period.ZERO, Period.ofDays(-1))) {
      Optional<Period> p = Optional.of(bad);
      assertThrows(IllegalArgumentException.class, () -> new ResponseTimeline("x", p, month, month, month, A));
      assertThrows(IllegalArgumentException.class, () -> new ResponseTimeline("x", month, p, month, month, A));
      assertThrows(IllegalArgumentException.class, () -> new ResponseTimeline("x", month, month, p, month, A));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new ResponseTimeline("x", month, month, month, p, A));
      assertEquals("Invalid value for assessFailureAfter (expected a positive period): " + bad, e.getMessage());
    }
    ResponseTimeline words = ResponseTimeline.described("Response in weeks", B);
    assertEquals("Response in weeks", words.summary());
    assertEquals(Optional.empty(), words.firstResponseWithin());
    assertEquals(Optional.empty(), words.fullEffectWithin());
    assertEquals(Optional.empty(), words.assessResponseAt());
    assertEquals(Optional.empty(), words.assessFailureAfter());
    assertEquals(B, words.source());
    assertThrows(IllegalArgumentException.class, () -> ResponseTimeline.described(" ", B));
  }

  private static Condition.Builder full() {
    return Condition.builder("test-condition", "Test condition").category(Category.RHEUMATOLOGY).aliases("TC", "tc2")
        .evidence(Evidence.STUDIED_IN_TRIALS, "evidence").usualDailyDose(new DailyDoseRange(1000, 2000, B))
        .maximumDailyDose(new DailyDoseLimit(3000, C)).adequateDailyDose(new DailyDoseLimit(2000, D))
        .pediatricDosing(new PediatricDosing(600, 900, 2000, 2, E)).target(AucTarget.of12Hours(30, 60, "test population", F))
        .alternativeTargets(AucTarget.of12Hours(35, 45, "test population", G)).responseTimeline(ResponseTimeline.described("soon", A))
        .myositis().notes("a note").sources(A);
  }

  @Test
  void everyBuilderStepReachesTheCondition() {
    Condition c = full().build();
    assertEquals(List.of("TC", "tc2"), c.aliases());
    assertEquals(3000, c.maximumDailyDose().orElseThrow().mgPerDay());
    assertEquals(2000, c.adequateDailyDose().orElseThrow().mgPerDay());
    assertEquals(900, c.pediatricDosing().orElseThrow().maxMgPerM2PerDose());
    assertEquals(30, c.target().lowMgHPerL());
    assertEquals(60, c.target().highMgHPerL().orElseThrow());
    assertEquals(35, c.alternativeTargets().get(0).lowMgHPerL());
    assertEquals("soon", c.responseTimeline().orElseThrow().summary());
    assertTrue(c.myositis());
    assertEquals("a note", c.notes());
    assertEquals("Test condition (test-condition)", c.toString());
  }

  @Test
  void allSourcesListsTheEntrysOwnThenEachNumbersWithoutRepeats() {
    assertEquals(List.of(A, B, C, D, E, F, G), full().build().allSources());
    Condition bare = Condition.builder("bare", "Bare").category(Category.DERMATOLOGY)
        .evidence(Evidence.STUDIED_IN_TRIALS, "e").sources(A, A).build();
    assertEquals(List.of(A, AucTarget.orientation("Bare").source()), bare.allSources());
  }

  @Test
  void theUsualDoseMayReachTheMaximumButNotExceedIt() {
    Condition atMaximum = full().usualDailyDose(new DailyDoseRange(1000, 3000, B)).build();
    assertEquals(3000, atMaximum.usualDailyDose().orElseThrow().highMgPerDay());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> full().usualDailyDose(new DailyDoseRange(1000, 3000.5, B)).build());
    assertTrue(e.getMessage().startsWith("Invalid value for usualDailyDose (expected <= maximumDailyDose"),
        e.getMessage());
  }
}
