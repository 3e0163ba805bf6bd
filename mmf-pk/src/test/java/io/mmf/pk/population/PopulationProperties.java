package io.mmf.pk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.source.Source;
import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.ModelFamilies;
import io.mmf.pk.model.ModelFamilies.Disposition;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class PopulationProperties {
  private static final double MPA_PER_MMF = 320.3 / 433.50;

  @Test
  void fractionInTargetMatchesTheClosedFormForAnyVariabilityAndDose() {
    // Variability on CL only: AUC_ss = MPA dose / CL is log-normal with mu = ln(dose x 0.739 / CL_typical) and
    // variance omega^2, so P(20 <= AUC <= 60) = Phi((ln 60 - mu) / omega) - Phi((ln 20 - mu) / omega).
    NormalDistribution phi = new NormalDistribution();
    qt().withExamples(6).forAll(doubles().between(0.02, 0.5), doubles().between(250, 3000), longs().all())
        .checkAssert((omega2, dose, seed) -> {
          PopulationModel model = Populations.of("CL only", Source.of("test", "closed-form test model"),
              RandomEffects.diagonal(Map.of("CL", omega2)), ResidualError.proportional(0.1),
              eta -> ModelFamilies.firstOrder("m", 3, 0, new Disposition(16 * Math.exp(eta[0]), 40, 22, 518),
                  DoseUnit.MG_MPA));
          int n = 2000;
          Attainment a = PopulationSimulation.of(model).subjects(n).seed(seed)
              .doses(Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY, dose).build().run().get(0);
          double mu = Math.log(dose * MPA_PER_MMF / 16);
          double sd = Math.sqrt(omega2);
          double within = phi.cumulativeProbability((Math.log(60) - mu) / sd)
              - phi.cumulativeProbability((Math.log(20) - mu) / sd);
          double se = Math.sqrt(within * (1 - within) / n);
          assertEquals(within, a.steadyState().within(), 4 * se + 1.0 / n, "omega2=" + omega2 + " dose=" + dose);
        });
  }

  @Test
  void residualErrorHasTheStatedSpread() {
    SplittableRandom random = new SplittableRandom(1);
    int n = 100_000;
    double sumP = 0;
    double sumP2 = 0;
    double sumE = 0;
    double sumE2 = 0;
    ResidualError prop = ResidualError.combined(0.2, 0.15);
    ResidualError exp = ResidualError.exponential(0.3);
    for (int i = 0; i < n; i++) {
      double y = prop.observe(4, random);
      sumP += y;
      sumP2 += y * y;
      double l = Math.log(exp.observe(4, random));
      sumE += l;
      sumE2 += l * l;
    }
    // combined: mean 4, variance (4 x 0.15)^2 + 0.2^2 = 0.4; exponential: log is N(ln 4, 0.09)
    assertEquals(4, sumP / n, 0.01);
    assertEquals(0.40, sumP2 / n - Math.pow(sumP / n, 2), 0.01);
    assertEquals(Math.log(4), sumE / n, 0.005);
    assertEquals(0.09, sumE2 / n - Math.pow(sumE / n, 2), 0.002);
  }
}
