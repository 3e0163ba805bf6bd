package io.mmf.core.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegimenTest {
  private final Regimen target = Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1500), DosingInterval.TWICE_DAILY);

  @Test
  void dailyDoseIsDoseTimesAdministrations() {
    assertEquals(3000, target.dailyDose().mg());
    Regimen tid = Regimen.of(Formulation.MMF_CAPSULE_250, Dose.ofMg(500), DosingInterval.THREE_TIMES_DAILY);
    assertEquals(1500, tid.dailyDose().mg(), 1e-9);
    assertEquals(3, DosingInterval.THREE_TIMES_DAILY.administrationsPerDay());
  }

  @Test
  void weeklyTitrationRisesToTheTarget() {
    Regimen r = target.withTitration(Titration.of(Dose.ofMg(500), Dose.ofMg(500), 7));
    assertEquals(List.of(new DoseStep(0, Dose.ofMg(500)), new DoseStep(7, Dose.ofMg(1000)),
        new DoseStep(14, Dose.ofMg(1500))), r.steps());
    assertEquals(500, r.doseOnDay(6).mg());
    assertEquals(1000, r.doseOnDay(7).mg());
    assertEquals(1500, r.doseOnDay(400).mg());
  }

  @Test
  void lastStepDoesNotOvershoot() {
    Regimen r = target.withDose(Dose.ofMg(1000)).withTitration(Titration.of(Dose.ofMg(500), Dose.ofMg(400), 7));
    assertEquals(List.of(new DoseStep(0, Dose.ofMg(500)), new DoseStep(7, Dose.ofMg(900)),
        new DoseStep(14, Dose.ofMg(1000))), r.steps());
  }

  @Test
  void doseOnCalendarDate() {
    LocalDate start = LocalDate.of(2026, 1, 30);
    Regimen r = target.withTitration(Titration.of(Dose.ofMg(500), Dose.ofMg(500), 7)).startingOn(start);
    assertEquals(1000, r.doseOn(LocalDate.of(2026, 2, 6)).mg());
    assertThrows(IllegalArgumentException.class, () -> r.doseOn(start.minusDays(1)));
    assertThrows(IllegalStateException.class, () -> target.doseOn(start));
  }

  @Test
  void titrationMustStartBelowTheTarget() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> target.withTitration(Titration.of(Dose.ofMg(1500), Dose.ofMg(500), 7)));
    assertTrue(e.getMessage().contains("titration.startDose"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Titration.of(Dose.ofMg(500), Dose.ofMg(500), 0));
  }

  @Test
  void intervalMustBePositiveAndAtMostAWeek() {
    for (double bad : new double[] {0, -12, 169, Double.NaN}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DosingInterval.everyHours(bad));
      assertTrue(e.getMessage().startsWith("Invalid value for intervalHours"), e.getMessage());
      assertTrue(e.getMessage().endsWith(": " + bad), e.getMessage());
    }
    assertEquals("every 12 h", DosingInterval.TWICE_DAILY.toString());
  }

  @Test
  void mostellerBodySurfaceArea() {
    // sqrt(170 * 70 / 3600) = sqrt(3.30556) = 1.8181 m2, by hand
    assertEquals(1.8181, Patient.mostellerBsaM2(170, 70), 1e-4);
    assertThrows(IllegalArgumentException.class, () -> Patient.mostellerBsaM2(0, 70));
  }

  @Test
  void patientValidatesRanges() {
    assertThrows(IllegalArgumentException.class, () -> Patient.ofAgeYears(-1));
    assertThrows(IllegalArgumentException.class, () -> Patient.ofAgeYears(40).withBodySurfaceAreaM2(5));
    assertThrows(IllegalArgumentException.class, () -> Patient.ofAgeYears(40).withGfr(-3));
    assertEquals(Patient.ofAgeYears(40).withGfr(30), Patient.ofAgeYears(40).withGfr(30));
  }
}
