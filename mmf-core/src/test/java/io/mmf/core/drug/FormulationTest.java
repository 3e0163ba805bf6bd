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
    // de Winter 2008 Table II (via NephroTDM): 720 mg EC-MPS = 674 mg MPA.
    assertEquals(674, MpaEquivalence.mpaContentMg(Dose.ofMg(720), Drug.MYCOPHENOLATE_SODIUM), 0.5);
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
    // 1000 * 342.3 / 433.5 = 789.6 mg mycophenolate sodium
    assertEquals(789.6, ec.mg(), 0.1);
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
