package io.mmf.core.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mmf.core.UnknownNameException;
import io.mmf.core.target.AucTarget;
import io.mmf.core.source.Source;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitoringValuesTest {
  private static final Source S = Source.of("s", "a source");

  @Test
  void aScheduledCheckWithAWindowShowsItsLatestDate() {
    LocalDate d = LocalDate.of(2026, 1, 8);
    assertEquals("2026-01-08 COMPLETE_BLOOD_COUNT (weekly)",
        new ScheduledCheck(LabTest.COMPLETE_BLOOD_COUNT, d, d, "weekly", S).toString());
    assertEquals("2026-01-08..2026-01-10 PREGNANCY_TEST (8-10 days)",
        new ScheduledCheck(LabTest.PREGNANCY_TEST, d, d.plusDays(2), "8-10 days", S).toString());
  }

  @Test
  void aTargetWindowMustHaveWidth() {
    AucTarget t = AucTarget.of12Hours(30, 30.5, "p", S);
    assertEquals(12, t.intervalHours());
    assertEquals(S, t.source());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AucTarget.of12Hours(30, 30, "p", S));
    assertEquals("Invalid value for highMgHPerL (expected > lowMgHPerL = 30.0): 30.0", e.getMessage());
  }

  @Test
  void anUnknownNameWithoutSuggestionsSaysOnlyThat() {
    UnknownNameException e = new UnknownNameException("condition", "zzz", List.of());
    assertEquals("Unknown condition: 'zzz'", e.getMessage());
    assertEquals("zzz", e.name());
    assertEquals("Unknown condition: 'x' (did you mean: y, z?)",
        new UnknownNameException("condition", "x", List.of("y", "z")).getMessage());
  }
}
