package io.mmf.core.drug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.UnknownNameException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormulationTest {

  @Test
  void strengthsMatchTheLabels() {
    assertEquals(250, Formulation.MMF_CAPSULE_250.strengthMg());
    assertEquals(500, Formulation.MMF_TABLET_500.strengthMg());
    assertEquals(200, Formulation.MMF_ORAL_SUSPENSION.strengthMg());
    assertEquals(500, Formulation.MMF_INTRAVENOUS.strengthMg());
    assertEquals(180, Formulation.EC_MPS_TABLET_180.strengthMg());
    assertEquals(360, Formulation.EC_MPS_TABLET_360.strengthMg());
    assertTrue(Formulation.EC_MPS_TABLET_360.isDelayedRelease());
    assertFalse(Formulation.MMF_TABLET_500.isDelayedRelease());
  }

  @Test
  void mpaContentFollowsMolecularWeights() {
    // 320.3 / 433.50 g/mol, computed here by hand: 1000 mg MMF carries 738.87 mg MPA.
    assertEquals(738.87, MpaEquivalence.mpaContentMg(Dose.ofMg(1000), Drug.MYCOPHENOLATE_MOFETIL), 0.01);
    // Myfortic prescribing information: a 180 mg tablet holds 180 mg MPA, so 720 mg EC-MPS = 720 mg MPA.
    assertEquals(720, MpaEquivalence.mpaContentMg(Dose.ofMg(720), Drug.MYCOPHENOLATE_SODIUM), 1e-12);
  }

  @Test
  void ecMpsStrengthsAreMpaAsTheSodiumSalt() {
    // Myfortic PI: 180 mg MPA = 192.4 mg mycophenolate sodium; by hand 180 x 342.3 / 320.3 = 192.36.
    assertEquals(192.4, Drug.MYCOPHENOLATE_SODIUM.substanceMassMg(180), 0.05);
    assertEquals(1000, Drug.MYCOPHENOLATE_MOFETIL.substanceMassMg(1000), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> Drug.MYCOPHENOLATE_SODIUM.substanceMassMg(-1));
  }

  @Test
  void theTwoConventionsDifferByTwoPointSixPercent() {
    // 1000 mg MMF: clinically 720 mg EC-MPS; equimolar 738.9 mg EC-MPS (= mg MPA): 738.87 / 720 = 1.026.
    double clinical = MpaEquivalence.CLINICAL.convert(Dose.ofMg(1000), Drug.MYCOPHENOLATE_MOFETIL,
        Drug.MYCOPHENOLATE_SODIUM).mg();
    double equimolar = MpaEquivalence.EQUIMOLAR.convert(Dose.ofMg(1000), Drug.MYCOPHENOLATE_MOFETIL,
        Drug.MYCOPHENOLATE_SODIUM).mg();
    assertEquals(0.026, equimolar / clinical - 1, 0.0005);
  }

  @Test
  void clinicalEquivalenceIs720To1000() {
    assertEquals(720, MpaEquivalence.CLINICAL.convert(Dose.ofMg(1000), Drug.MYCOPHENOLATE_MOFETIL,
        Drug.MYCOPHENOLATE_SODIUM).mg(), 1e-9);
    assertEquals(500, MpaEquivalence.CLINICAL.convert(Dose.ofMg(360), Drug.MYCOPHENOLATE_SODIUM,
        Drug.MYCOPHENOLATE_MOFETIL).mg(), 1e-9);
    assertEquals(1000, MpaEquivalence.CLINICAL.mmfEquivalent(Dose.ofMg(1000), Formulation.MMF_TABLET_500).mg());
  }

  @Test
  void equimolarEquivalenceKeepsMpaContent() {
    Dose ec = MpaEquivalence.EQUIMOLAR.convert(Dose.ofMg(1000), Drug.MYCOPHENOLATE_MOFETIL, Drug.MYCOPHENOLATE_SODIUM);
    // 1000 * 320.3 / 433.5 = 738.9 mg MPA, which is 738.9 labelled mg of EC-MPS
    assertEquals(738.87, ec.mg(), 0.01);
    assertEquals(MpaEquivalence.mpaContentMg(Dose.ofMg(1000), Drug.MYCOPHENOLATE_MOFETIL),
        MpaEquivalence.mpaContentMg(ec, Drug.MYCOPHENOLATE_SODIUM), 1e-9);
  }

  @Test
  void lookupByNameAndAlias() {
    assertEquals(Formulation.MMF_TABLET_500, Formulation.byName("mmf-tablet-500"));
    assertEquals(Formulation.MMF_TABLET_500, Formulation.byName("MMF_TABLET_500"));
    assertEquals(Formulation.EC_MPS_TABLET_360, Formulation.byName("Myfortic 360"));
    assertEquals(Formulation.MMF_ORAL_SUSPENSION, Formulation.byName("suspension"));
    UnknownNameException e = assertThrows(UnknownNameException.class, () -> Formulation.byName("mmf-tablet-50"));
    assertTrue(e.suggestions().contains("mmf-tablet-500"), e.getMessage());
  }

  @Test
  void suspensionVolume() {
    assertEquals(5.0, Formulation.MMF_ORAL_SUSPENSION.volumeMl(Dose.ofMg(1000)), 1e-12);
    assertThrows(IllegalStateException.class, () -> Formulation.MMF_TABLET_500.volumeMl(Dose.ofMg(1000)));
  }

  @Test
  void doseRejectsNonPositiveAndNonFinite() {
    for (double bad : new double[] {0, -500, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dose.ofMg(bad));
      assertEquals("Invalid value for doseMg (expected finite and > 0): " + bad, e.getMessage());
    }
    assertEquals(1500, Dose.ofGrams(1.5).mg());
    assertEquals("500 mg", Dose.ofMg(500).toString());
  }
}
