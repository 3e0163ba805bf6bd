package io.mmf.pk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Drug;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Presets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An individual's model has each typical value times e^eta of its own parameter, checked against the
 * papers' numbers written out here (rates from the structure: k10 = CL/V1, k12 = Q/V1, ...).
 */
class PopulationIndividualsTest {
  static double rate(PkModel m, String from, String to) {
    return m.transfers().stream().filter(t -> t.from().equals(from) && t.to().equals(Optional.ofNullable(to)))
        .mapToDouble(PkModel.Transfer::ratePerHour).findFirst().orElseThrow(() -> new AssertionError(from + "->" + to));
  }

  @Test
  void vanHestIndividualsScaleEachParameterByItsOwnEta() {
    double a = 0.3;
    double b = -0.2;
    double c = 0.5;
    double d = -0.4;
    PkModel m = Populations.vanHest2005(Presets.VanHestCovariates.REFERENCE).individual(new double[] {a, b, c, d});
    double v1 = 91 * Math.exp(c);
    assertEquals(4.1 * Math.exp(a), rate(m, "depot", "central"), 1e-12);
    assertEquals(32.5 * Math.exp(b) / v1, rate(m, "central", null), 1e-12);
    assertEquals(35 / v1, rate(m, "central", "peripheral"), 1e-12);
    assertEquals(35 / (237 * Math.exp(d)), rate(m, "peripheral", "central"), 1e-12);
    assertEquals(v1, m.observed().get(0).volumeL(), 1e-9);
  }

  @Test
  void jiaoIndividualsScaleEachParameterByItsOwnEta() {
    double[] eta = {0.1, 0.2, -0.3, 0.4, -0.1, 0.25, -0.2, 0.15};
    PkModel m = Populations.jiao2008(65.5).individual(eta);
    double ka = 3.53 * Math.exp(eta[1]);
    double lag = 0.0956 * Math.exp(eta[0]);
    double q = 16.1 * Math.exp(eta[2]);
    double cl = 10.2 * Math.exp(eta[3]);
    double vc = 12.5 * Math.exp(eta[4]);
    double vp = 213 * Math.exp(eta[5]);
    double vMpag = 4.40 * Math.exp(eta[6]);
    double ehcp = 0.291 * Math.exp(eta[7]);
    double clMpag = 1.38 * Math.exp(1.33 * eta[2]);
    assertEquals(ka, rate(m, "depot", "central"), 1e-12);
    assertEquals(lag, m.inputs().get(Drug.MYCOPHENOLATE_MOFETIL).lagHours(), 1e-12);
    assertEquals(cl / vc, rate(m, "central", "mpag"), 1e-12);
    assertEquals(q / vc, rate(m, "central", "peripheral"), 1e-12);
    assertEquals(q / vp, rate(m, "peripheral", "central"), 1e-12);
    assertEquals(clMpag / vMpag, rate(m, "mpag", null), 1e-12);
    assertEquals(clMpag / vMpag * ehcp / (1 - ehcp), rate(m, "mpag", "gallbladder"), 1e-12);
    assertEquals(vc, m.observed().get(0).volumeL(), 1e-9);
    assertEquals(vMpag, m.observed().get(1).volumeL(), 1e-9);
    // EHCP is capped below 1 whatever the draw
    PkModel capped = Populations.jiao2008(65.5).individual(new double[] {0, 0, 0, 0, 0, 0, 0, 5});
    double k40 = 1.38 / 4.40;
    assertEquals(k40 * Populations.MAX_EHCP / (1 - Populations.MAX_EHCP), rate(capped, "mpag", "gallbladder"), 1e-9);
  }

  @Test
  void jiaoTypicalValuesScaleWithWeightAndEveryParameterIsValidated() {
    Presets.Jiao2008Parameters t = Presets.Jiao2008Parameters.typical(131);
    assertEquals(20.4, t.clLPerH(), 1e-12);
    assertEquals(32.2, t.qLPerH(), 1e-12);
    assertEquals(426, t.vpL(), 1e-12);
    assertEquals(12.5, t.vcL(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Presets.Jiao2008Parameters.typical(0));
    double[] ok = {3.53, 0.0956, 10.2, 12.5, 16.1, 213, 1.38, 4.40, 0.291};
    new Presets.Jiao2008Parameters(ok[0], 0, ok[2], ok[3], ok[4], ok[5], ok[6], ok[7], ok[8]);
    for (int i = 0; i < ok.length; i++) {
      double[] bad = ok.clone();
      bad[i] = i == 1 ? -0.01 : i == 8 ? 1 : 0;
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Presets.Jiao2008Parameters(
          bad[0], bad[1], bad[2], bad[3], bad[4], bad[5], bad[6], bad[7], bad[8]), "parameter " + i);
      assertTrue(e.getMessage().startsWith("Invalid value for "), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> new Presets.Jiao2008Parameters(ok[0], ok[1], ok[2], ok[3],
        ok[4], ok[5], ok[6], ok[7], 0));
  }

  @Test
  void vanHestCovariatesFollowThePublishedEquations() {
    Presets.VanHestCovariates c = new Presets.VanHestCovariates(96, 60, 900, true);
    assertEquals(91 * Math.pow(2, -0.62 - 1.13), c.centralVolumeL(), 1e-9);
    assertEquals(32.5 * Math.pow(2, -0.12 - 1.07 + 0.31) * 1.11, c.clearanceLPerH(), 1e-9);
    for (double[] bad : new double[][] {{0, 30, 450}, {48, 0, 450}, {48, 30, 0}, {Double.NaN, 30, 450}}) {
      assertThrows(IllegalArgumentException.class, () -> new Presets.VanHestCovariates(bad[0], bad[1], bad[2], false));
    }
  }
}
