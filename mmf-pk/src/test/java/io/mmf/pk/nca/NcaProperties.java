package io.mmf.pk.nca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.mmf.pk.PropertyBudget;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Laws of the NCA: the linear lambda_z search chooses what a direct search of every fit chooses. */
class NcaProperties {
  /**
   * The direct search, written here from the definition: for each n from 3 to all terminal points, a
   * two-pass least-squares fit of ln C on t over the last n; the largest n whose adjusted R2 is within
   * 1e-4 of the best. Returns {lambda, n} or null.
   */
  static double[] reference(double[] t, double[] c) {
    int imax = 0;
    for (int i = 1; i < c.length; i++) {
      if (c[i] > c[imax]) {
        imax = i;
      }
    }
    java.util.List<Integer> pts = new java.util.ArrayList<>();
    for (int i = imax + 1; i < c.length; i++) {
      if (c[i] > 0) {
        pts.add(i);
      }
    }
    double bestAdj = Double.NEGATIVE_INFINITY;
    double[][] fits = new double[pts.size() + 1][];
    for (int n = 3; n <= pts.size(); n++) {
      double mt = 0;
      double my = 0;
      for (int k = pts.size() - n; k < pts.size(); k++) {
        mt += t[pts.get(k)] / n;
        my += Math.log(c[pts.get(k)]) / n;
      }
      double stt = 0;
      double sty = 0;
      double syy = 0;
      for (int k = pts.size() - n; k < pts.size(); k++) {
        double dt = t[pts.get(k)] - mt;
        double dy = Math.log(c[pts.get(k)]) - my;
        stt += dt * dt;
        sty += dt * dy;
        syy += dy * dy;
      }
      if (sty / stt < 0) {
        double r2 = syy == 0 ? 1 : sty * sty / (stt * syy);
        double adj = 1 - (1 - r2) * (n - 1) / (n - 2);
        fits[n] = new double[] {-sty / stt, n, adj};
        bestAdj = Math.max(bestAdj, adj);
      }
    }
    double[] best = null;
    for (int n = 3; n <= pts.size(); n++) {
      if (fits[n] != null && fits[n][2] >= bestAdj - 1e-4) {
        best = fits[n];
      }
    }
    return best;
  }

  /** A noisy bi-exponential subject: rising to a peak, then two phases, with multiplicative noise. */
  static double[][] subject(long seed, int samples) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] t = new double[samples];
    double[] c = new double[samples];
    double ka = 0.5 + 3 * r.nextDouble();
    double a = 0.05 + 0.5 * r.nextDouble();
    double b = a / (2 + 8 * r.nextDouble());
    for (int i = 0; i < samples; i++) {
      t[i] = 24.0 * i / (samples - 1);
      double clean = 10 * (Math.exp(-b * t[i]) + 2 * Math.exp(-a * t[i]) - 3 * Math.exp(-ka * t[i]));
      c[i] = Math.max(0, clean * Math.exp(0.1 * r.nextGaussian()));
    }
    return new double[][] {t, c};
  }

  @Test
  void theLinearSearchChoosesWhatTheDirectSearchChooses() {
    qt().withExamples(PropertyBudget.examples(300)).forAll(longs().all(), integers().between(4, 40)).checkAssert((seed, n) -> {
      double[][] s = subject(seed, n);
      double[] expected = reference(s[0], s[1]);
      NcaResult r = Nca.defaults().analyse(s[0], s[1]);
      if (expected == null) {
        assertFalse(r.get(NcaCode.LAMZ).estimable());
      } else {
        assertEquals(expected[1], r.get(NcaCode.LAMZNPT).get(), "points");
        assertEquals(expected[0], r.get(NcaCode.LAMZ).get(), 1e-9 * expected[0], "lambda");
        assertEquals(expected[2], r.get(NcaCode.R2ADJ).get(), 1e-9, "adjusted R2");
      }
    });
  }

  @Test
  void aMillionSamplesInOneSubjectAreAnalysed() {
    double[][] s = subject(7, 1_000_000);
    // a guard against the quadratic search coming back (it took hours), not a performance figure
    NcaResult r = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> Nca.defaults().analyse(s[0], s[1]));
    assertTrue(r.get(NcaCode.LAMZ).estimable());
    assertTrue(r.get(NcaCode.LAMZNPT).get() >= 3);
  }

  @Test
  void valuesBeyondDoublePrecisionAreNotEstimableNeverInfinite() {
    qt().withExamples(PropertyBudget.examples(200)).forAll(doubles().between(1, 307), doubles().between(1, 308))
        .checkAssert((te, ce) -> {
          double scaleT = Math.pow(10, te);
          double scaleC = Math.pow(10, ce);
          double[] t = {0, scaleT, 2 * scaleT, 3 * scaleT, 4 * scaleT};
          double[] c = {0, scaleC, scaleC / 2, scaleC / 4, scaleC / 8};
          NcaResult r = Nca.defaults().withInterval(0, Math.min(Double.MAX_VALUE, 8 * scaleT)).analyse(t, c);
          for (NcaCode code : NcaCode.values()) {
            NcaValue v = r.get(code);
            assertTrue(v.estimable() ? Double.isFinite(v.value()) : !v.reason().isEmpty(), code + ": " + v);
          }
        });
  }
}
