package io.mmf.pk.solve.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.quicktheories.QuickTheory.qt;

import io.mmf.core.drug.Drug;
import io.mmf.pk.PropertyBudget;
import io.mmf.testkit.pk.PkGenerators;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Presets;
import io.mmf.pk.solve.SteadyState;
import org.junit.jupiter.api.Test;

/**
 * The modal path (eigendecomposition, exact peak search) against the scaling-and-squaring path with
 * its substep walk and Taylor refinement: two independent computations of the same summary.
 */
class ModalPathTest {
  private static Propagation propagation(PkModel m, boolean open) {
    Session s = new Session(new Layout(m, new int[0], 1), true);
    return s.epoch(m).propagation(open);
  }

  @Test
  void presetsTakeTheModalPathWhereTheirStructureAllows() {
    // The speed of the population simulation rests on this: a regression to the fallback would
    // keep every result right and only show in the benchmarks.
    assertInstanceOf(Propagation.Modal.class, propagation(Presets.vanHest2005(), false));
    assertInstanceOf(Propagation.Modal.class, propagation(Presets.deWinter2008(), false));
    assertInstanceOf(Propagation.Modal.class, propagation(Presets.jiao2008(70), false));
    // open, the gallbladder returns drug to the gut: a cycle through four compartments
    assertInstanceOf(Propagation.Pade.class, propagation(Presets.jiao2008(70), true));
  }

  @Test
  void modalSummaryEqualsTheScalingAndSquaringSummary() {
    qt().withExamples(PropertyBudget.examples(300)).forAll(PkGenerators.linearWithoutEhc().mix(PkGenerators.enterohepaticModels()))
        .checkAssert(m -> {
          SteadyState.Summary modal = ExactEngine.summary(m, Drug.MYCOPHENOLATE_MOFETIL, 1000, 12, 0, true);
          SteadyState.Summary pade = ExactEngine.summary(m, Drug.MYCOPHENOLATE_MOFETIL, 1000, 12, 0, false);
          String at = m + " " + m.transfers();
          // 1e-8: in the stiffest corners (rates of 0.01 and 20 /h together, a slowest mode of 3e-5 /h)
          // I - Phi is nearly singular and the two paths' periodic states differ by ~1e-9 in rounding.
          assertEquals(pade.aucTauMgHPerL(), modal.aucTauMgHPerL(), 1e-8 * pade.aucTauMgHPerL(), at);
          assertEquals(pade.troughMgPerL(), modal.troughMgPerL(), 1e-8 * pade.cmaxMgPerL(), at);
          assertEquals(pade.cmaxMgPerL(), modal.cmaxMgPerL(), 1e-8 * pade.cmaxMgPerL(), at);
        });
  }
}
