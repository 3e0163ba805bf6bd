package io.mmf.pk.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quicktheories.QuickTheory.qt;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.PkGenerators;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Presets;
import org.junit.jupiter.api.Test;

/**
 * The modal path (eigendecomposition, exact peak search) against the scaling-and-squaring path with
 * its substep walk and Taylor refinement: two independent computations of the same summary.
 */
class ModalPathTest {
  private static Timeline periodic(PkModel m) {
    return Timeline.periodic(m, Solving.template(m, Dose.ofMg(1000), Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY, 0), 12, 12, 0);
  }

  private static Modes closedModes(Timeline tl) {
    return Modes.of(tl, tl.generator(false, 1), 1);
  }

  @Test
  void presetsTakeTheModalPathWhereTheirStructureAllows() {
    // The speed of the population simulation rests on this: a regression to the fallback would
    // keep every result right and only show in the benchmarks.
    assertNotNull(closedModes(periodic(Presets.vanHest2005())));
    assertNotNull(closedModes(periodic(Presets.deWinter2008())));
    Timeline jiao = periodic(Presets.jiao2008(70));
    assertNotNull(closedModes(jiao));
    // open, the gallbladder returns drug to the gut: a cycle through four compartments
    assertNull(Modes.of(jiao, jiao.generator(true, 1), 1));
  }

  @Test
  void modalSummaryEqualsTheScalingAndSquaringSummary() {
    qt().withExamples(300).forAll(PkGenerators.linearWithoutEhc().mix(PkGenerators.enterohepaticModels()))
        .checkAssert(m -> {
          Timeline tl = periodic(m);
          SteadyState.Summary modal = new Segments(tl, true).steadyState(12, 12);
          SteadyState.Summary pade = new Segments(tl, false).steadyState(12, 12);
          String at = m + " " + m.transfers();
          // 1e-8: in the stiffest corners (rates of 0.01 and 20 /h together, a slowest mode of 3e-5 /h)
          // I - Phi is nearly singular and the two paths' periodic states differ by ~1e-9 in rounding.
          assertEquals(pade.aucTauMgHPerL(), modal.aucTauMgHPerL(), 1e-8 * pade.aucTauMgHPerL(), at);
          assertEquals(pade.troughMgPerL(), modal.troughMgPerL(), 1e-8 * pade.cmaxMgPerL(), at);
          assertEquals(pade.cmaxMgPerL(), modal.cmaxMgPerL(), 1e-8 * pade.cmaxMgPerL(), at);
        });
  }
}
