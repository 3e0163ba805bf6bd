package io.mmf.core.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mmf.core.drug.Dispensing;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Value types: equal exactly when every field is, and readable text for each optional part. */
class ValueTextAndEqualityTest {
  @Test
  void patientsDifferingInAnyFieldAreNotEqual() {
    Patient p = Patient.ofAgeYears(45).withBodySurfaceAreaM2(1.9).withGfr(20);
    assertEquals(p, Patient.ofAgeYears(45).withBodySurfaceAreaM2(1.9).withGfr(20));
    assertEquals(p.hashCode(), Patient.ofAgeYears(45).withBodySurfaceAreaM2(1.9).withGfr(20).hashCode());
    for (Patient other : List.of(Patient.ofAgeYears(46).withBodySurfaceAreaM2(1.9).withGfr(20),
        Patient.ofAgeYears(45).withBodySurfaceAreaM2(1.8).withGfr(20), Patient.ofAgeYears(45).withGfr(20),
        Patient.ofAgeYears(45).withBodySurfaceAreaM2(1.9).withGfr(21),
        p.withImmediatePostTransplant(true))) {
      assertNotEquals(p, other, other.toString());
    }
    assertNotEquals(p, "Patient");
  }

  @Test
  void patientTextNamesOnlyWhatIsKnown() {
    assertEquals("Patient[age 45 y]", Patient.ofAgeYears(45).toString());
    assertEquals("Patient[age 45 y, BSA 1.9 m2, GFR 20 mL/min/1.73m2, immediately post-transplant]",
        Patient.ofAgeYears(45).withBodySurfaceAreaM2(1.9).withGfr(20).withImmediatePostTransplant(true).toString());
    assertEquals("Patient[age 9.5 y, GFR 80 mL/min/1.73m2]", Patient.ofAgeYears(9.5).withGfr(80).toString());
  }

  @Test
  void regimenTextAndTheFirstDayOfItsSchedule() {
    LocalDate start = LocalDate.of(2026, 12, 1);
    Regimen r = Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1500), DosingInterval.TWICE_DAILY)
        .withTitration(Titration.of(Dose.ofMg(500), Dose.ofMg(500), 7)).startingOn(start);
    assertEquals("MMF 500 mg tablet, 1500 mg every 12 h, titrated from 500 mg by 500 mg every 7 d, from 2026-12-01",
        r.toString());
    assertEquals(500, r.doseOn(start).mg());
    assertThrows(IllegalArgumentException.class, () -> r.doseOn(start.minusDays(1)));
  }

  @Test
  void intervalsFromJustAboveZeroToAWeek() {
    assertEquals(DosingInterval.MAX_HOURS, DosingInterval.everyHours(DosingInterval.MAX_HOURS).hours());
    assertEquals(Double.MIN_VALUE, DosingInterval.everyHours(Double.MIN_VALUE).hours());
    assertThrows(IllegalArgumentException.class, () -> DosingInterval.everyHours(0));
    assertThrows(IllegalArgumentException.class, () -> DosingInterval.everyHours(Math.nextUp(DosingInterval.MAX_HOURS)));
  }

  @Test
  void dispensingsAreEqualByRequestAndUnits() {
    List<Formulation> mmf = List.of(Formulation.MMF_CAPSULE_250, Formulation.MMF_TABLET_500);
    Dispensing a = Dispensing.nearest(Dose.ofMg(760), mmf);
    Dispensing b = Dispensing.nearest(Dose.ofMg(760), mmf);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(760, a.requested().mg());
    assertNotEquals(a, Dispensing.nearest(Dose.ofMg(750), mmf), "same units, other request");
    assertNotEquals(a, Dispensing.nearest(Dose.ofMg(760), List.of(Formulation.MMF_CAPSULE_250)), "other units");
    assertNotEquals(a, "760 mg");
    assertNotEquals(a.hashCode(), Dispensing.nearest(Dose.ofMg(1000), mmf).hashCode());
  }

  @Test
  void doseArithmeticAndFormulationFacts() {
    assertEquals(1.5, Dose.ofMg(1500).grams());
    assertEquals(1250, Dose.ofMg(1000).plus(Dose.ofMg(250)).mg());
    assertEquals(Formulation.Route.INTRAVENOUS, Formulation.byName("mmf-iv").route());
    assertEquals(Formulation.Route.ORAL, Formulation.MMF_TABLET_500.route());
    assertEquals("capsule", Formulation.MMF_CAPSULE_250.unit());
    assertEquals("label", Formulation.MMF_TABLET_500.source().id());
  }
}
