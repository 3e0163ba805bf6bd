package io.mmf.core.drug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispensingTest {
  private static final List<Formulation> MMF = List.of(Formulation.MMF_CAPSULE_250, Formulation.MMF_TABLET_500);
  private static final List<Formulation> EC = List.of(Formulation.EC_MPS_TABLET_180, Formulation.EC_MPS_TABLET_360);

  @Test
  void exactDoseUsesFewestUnits() {
    Dispensing d = Dispensing.nearest(Dose.ofMg(750), MMF);
    assertEquals(Map.of(Formulation.MMF_TABLET_500, 1, Formulation.MMF_CAPSULE_250, 1), d.units());
    assertEquals(750, d.dose().mg());
    assertEquals(2, d.unitCount());
    assertEquals("1 x MMF 500 mg tablet + 1 x MMF 250 mg capsule = 750 mg", d.toString());
  }

  @Test
  void roundsToNearestAndTiesGoDown() {
    assertEquals(500, Dispensing.nearest(Dose.ofMg(620), MMF).dose().mg());
    assertEquals(750, Dispensing.nearest(Dose.ofMg(630), MMF).dose().mg());
    assertEquals(500, Dispensing.nearest(Dose.ofMg(625), MMF).dose().mg());
    assertEquals(540, Dispensing.nearest(Dose.ofMg(600), EC).dose().mg());
    assertEquals(-60, Dispensing.nearest(Dose.ofMg(600), EC).differenceMg(), 1e-9);
  }

  @Test
  void neverLessThanOneUnit() {
    assertEquals(250, Dispensing.nearest(Dose.ofMg(10), MMF).dose().mg());
    assertEquals(500, Dispensing.nearest(Dose.ofMg(10), List.of(Formulation.MMF_TABLET_500)).dose().mg());
  }

  @Test
  void onlyOneStrengthAtHand() {
    Dispensing d = Dispensing.nearest(Dose.ofMg(1080), List.of(Formulation.EC_MPS_TABLET_360));
    assertEquals(Map.of(Formulation.EC_MPS_TABLET_360, 3), d.units());
    assertEquals(1000, Dispensing.nearest(Dose.ofMg(1100), List.of(Formulation.MMF_TABLET_500)).dose().mg());
  }

  @Test
  void rejectsMixedDrugsLiquidsAndEmptySets() {
    IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
        () -> Dispensing.nearest(Dose.ofMg(500), List.of(Formulation.MMF_TABLET_500, Formulation.EC_MPS_TABLET_360)));
    assertTrue(mixed.getMessage().contains("available"), mixed.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Dispensing.nearest(Dose.ofMg(500), List.of(Formulation.MMF_ORAL_SUSPENSION)));
    assertThrows(IllegalArgumentException.class, () -> Dispensing.nearest(Dose.ofMg(500), List.of()));
    assertThrows(NullPointerException.class, () -> Dispensing.nearest(null, MMF));
    assertThrows(IllegalArgumentException.class, () -> Dispensing.nearest(Dose.ofMg(1e9), MMF));
  }

  @Test
  void suspensionRoundsToMeasurableSteps() {
    // 780 mg = 3.9 mL; in 0.5 mL steps the nearest is 4.0 mL.
    assertEquals(4.0, Dispensing.nearestVolumeMl(Dose.ofMg(780), Formulation.MMF_ORAL_SUSPENSION, 0.5), 1e-12);
    assertEquals(0.5, Dispensing.nearestVolumeMl(Dose.ofMg(1), Formulation.MMF_ORAL_SUSPENSION, 0.5), 1e-12);
    assertThrows(IllegalArgumentException.class,
        () -> Dispensing.nearestVolumeMl(Dose.ofMg(780), Formulation.MMF_ORAL_SUSPENSION, 0));
  }

  @Test
  void underACeilingTheNearestDoseNeverExceedsIt() {
    // 2250 mg wanted, 1500 mg allowed: 3 x 500 mg
    assertEquals(1500, Dispensing.nearestAtMost(Dose.ofMg(2250), MMF, 1500).orElseThrow().dose().mg());
    // 1125 mg wanted: 1000 and 1250 are equally near; the lower wins, as for nearest
    assertEquals(1000, Dispensing.nearestAtMost(Dose.ofMg(1125), MMF, 3000).orElseThrow().dose().mg());
    // a ceiling below one capsule: nothing can be given
    assertTrue(Dispensing.nearestAtMost(Dose.ofMg(100), MMF, 200).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> Dispensing.nearestAtMost(Dose.ofMg(100), MMF, 0));
  }

  @Test
  void atLeastRoundsUpWithinTheCeiling() {
    assertEquals(1250, Dispensing.atLeast(Dose.ofMg(1001), MMF, 3000).orElseThrow().dose().mg());
    assertEquals(1000, Dispensing.atLeast(Dose.ofMg(1000), MMF, 3000).orElseThrow().dose().mg());
    // nothing at or above 1600 fits under 1500: the largest that does
    assertEquals(1500, Dispensing.atLeast(Dose.ofMg(1600), MMF, 1500).orElseThrow().dose().mg());
    assertEquals(250, Dispensing.atLeast(Dose.ofMg(1), MMF, 3000).orElseThrow().dose().mg());
  }
}
