package io.mmf.pk.solve.exact;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import io.mmf.pk.PropertyBudget;
import io.mmf.testkit.pk.PkGenerators;
import io.mmf.pk.model.PkModel;
import org.junit.jupiter.api.Test;

/** Laws of the propagators themselves. */
class PropagationProperties {
  @Test
  void rawExactStatesAreNeverNegativeBeyondRounding() {
    qt().withExamples(PropertyBudget.examples(200)).forAll(PkGenerators.linearWithoutEhc().mix(PkGenerators.enterohepaticModels()),
        doubles().between(0.01, 200)).checkAssert((m, h) -> {
          for (boolean substeps : new boolean[] {false, true}) {
            Session s = new Session(new Layout(m, new int[0], m.observed().size()), substeps);
            for (boolean open : new boolean[] {false, true}) {
              for (double v : s.epoch(m).propagation(open).step(h).matrix) {
                assertTrue(v >= -1e-12, "propagator entry " + v + " for " + m);
              }
            }
          }
        });
  }
}
