package io.mmf.pk.nca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NcaTest {
  private static final double LN2 = Math.log(2);
  // t = 0, 1, 2, 4, 8, 12 h; C = 0, 10, 8, 4, 2, 1 mg/L
  private static final double[] T = {0, 1, 2, 4, 8, 12};
  private static final double[] C = {0, 10, 8, 4, 2, 1};

  @Test
  void handComputedLinearTrapezoids() {
    NcaResult r = Nca.defaults().withMethod(Nca.AucMethod.LINEAR).analyse(T, C);
    assertEquals(10, r.get(NcaCode.CMAX).get());
    assertEquals(1, r.get(NcaCode.TMAX).get());
    assertEquals(1, r.get(NcaCode.CLST).get());
    assertEquals(12, r.get(NcaCode.TLST).get());
    // 1*(0+10)/2 + 1*(10+8)/2 + 2*(8+4)/2 + 4*(4+2)/2 + 4*(2+1)/2 = 5 + 9 + 12 + 12 + 6 = 44
    assertEquals(44, r.get(NcaCode.AUCLST).get(), 1e-12);
    // Terminal points after CMAX: (2, 8), (4, 4), (8, 2), (12, 1). The last 3 lie exactly on
    // ln C = ln 16 - (ln 2 / 4) t (adjusted R2 = 1); with (2, 8) the fit is worse, so 3 points.
    assertEquals(LN2 / 4, r.get(NcaCode.LAMZ).get(), 1e-12);
    assertEquals(4, r.get(NcaCode.LAMZHL).get(), 1e-10);
    assertEquals(3, r.get(NcaCode.LAMZNPT).get());
    assertEquals(1, r.get(NcaCode.R2ADJ).get(), 1e-12);
    // AUCIFO = 44 + 1 / (ln 2 / 4) = 44 + 5.770780...; AUCIFP the same (the fit predicts CLST = 1)
    double extra = 4 / LN2;
    assertEquals(44 + extra, r.get(NcaCode.AUCIFO).get(), 1e-10);
    assertEquals(44 + extra, r.get(NcaCode.AUCIFP).get(), 1e-10);
    assertEquals(100 * extra / (44 + extra), r.get(NcaCode.AUCPEO).get(), 1e-10);
    assertFalse(r.get(NcaCode.AUCINT).estimable());
  }

  @Test
  void handComputedLogDown() {
    NcaResult r = Nca.defaults().analyse(T, C);
    // rising 0-1 linear: 5; falling log: (t2 - t1)(C1 - C2) / ln(C1 / C2)
    double expected = 5 + 2 / Math.log(1.25) + 2 * 4 / LN2 + 4 * 2 / LN2 + 4 * 1 / LN2;
    assertEquals(expected, r.get(NcaCode.AUCLST).get(), 1e-12);
  }

  @Test
  void morePointsWinWhenTheFitIsAsGood() {
    // (2, 4 * 2^0.5) puts all four terminal points on one line: adjusted R2 1 for 3 and 4 points -> 4.
    double[] c = {0, 10, 4 * Math.sqrt(2), 4, 2, 1};
    NcaResult r = Nca.defaults().analyse(T, c);
    assertEquals(4, r.get(NcaCode.LAMZNPT).get());
    assertEquals(LN2 / 4, r.get(NcaCode.LAMZ).get(), 1e-12);
    NcaResult fixed = Nca.defaults().withLambdaZPoints(3).analyse(T, c);
    assertEquals(3, fixed.get(NcaCode.LAMZNPT).get());
  }

  @Test
  void intervalInterpolatesInsideAndExtrapolatesPastTheLastSample() {
    Nca nca = Nca.defaults().withMethod(Nca.AucMethod.LINEAR);
    // [0.5, 3]: C(0.5) = 5, C(3) = 6 (linear). 0.5*(5+10)/2 + 9 + 1*(8+6)/2 = 3.75 + 9 + 7 = 19.75
    assertEquals(19.75, nca.withInterval(0.5, 3).analyse(T, C).get(NcaCode.AUCINT).get(), 1e-12);
    // [8, 16]: 6 inside, then 1 * (1 - e^{-lambda 4}) / lambda = (1 - 1/2) * 4 / ln 2 past 12 h
    assertEquals(6 + 2 / LN2, nca.withInterval(8, 16).analyse(T, C).get(NcaCode.AUCINT).get(), 1e-12);
    // log-down interpolation inside a falling segment: C(3) = 8 * 2^-0.5; [2, 3] = (8 - C3) / ln(8 / C3)
    double c3 = 8 / Math.sqrt(2);
    assertEquals((8 - c3) / Math.log(8 / c3),
        Nca.defaults().withInterval(2, 3).analyse(T, C).get(NcaCode.AUCINT).get(), 1e-12);
    NcaValue before = Nca.defaults().withInterval(0, 4).analyse(new double[] {1, 2, 4}, new double[] {5, 4, 2})
        .get(NcaCode.AUCINT);
    assertFalse(before.estimable());
    assertTrue(before.reason().contains("before the first sample"));
  }

  /**
   * AUCINT wholly or partly past the last sample is the exponential tail CLST e^{-LAMZ (t - TLST)}; an
   * interval ending exactly at the last sample needs no LAMZ, nor one past a last sample of 0.
   */
  @Test
  void intervalsAtAndPastTheLastSample() {
    double lambda = LN2 / 4; // the last three points of T, C
    Nca nca = Nca.defaults().withMethod(Nca.AucMethod.LINEAR);
    double tail = (Math.exp(-lambda * 4) - Math.exp(-lambda * 12)) / lambda; // CLST = 1 at TLST = 12
    assertEquals(tail, nca.withInterval(16, 24).analyse(T, C).get(NcaCode.AUCINT).get(), 1e-12);
    double[] t = {0, 1, 2};
    double[] c = {0, 5, 3};
    NcaValue atLast = nca.withInterval(0, 2).analyse(t, c).get(NcaCode.AUCINT);
    assertEquals(2.5 + 4, atLast.get(), 1e-12);
    assertFalse(nca.withInterval(0, 2.5).analyse(t, c).get(NcaCode.AUCINT).estimable(), "past it, LAMZ is needed");
    NcaValue zeroLast = nca.withInterval(0, 5).analyse(new double[] {0, 1, 2}, new double[] {0, 5, 0})
        .get(NcaCode.AUCINT);
    assertEquals(5, zeroLast.get(), 1e-12);
    NcaValue fromFirst = nca.withInterval(1, 3).analyse(new double[] {1, 2, 3}, new double[] {5, 4, 2})
        .get(NcaCode.AUCINT);
    assertEquals(4.5 + 3, fromFirst.get(), 1e-12, "an interval may start at the first sample");
  }

  @Test
  void publishedTheophyllineSubjectOne() {
    // R's Theoph data set, subject 1 (320 mg oral theophylline). NonCompart (K-S Bae, CRAN) tblNCA
    // output for this subject, as printed in its documentation and tutorials: CMAX 10.5, TMAX 1.12,
    // CLST 3.28, TLST 24.37, LAMZ 0.0484569969657749, LAMZNPT 3, R2ADJ 0.999999459349959,
    // AUCLST 148.92305 (linear), 147.23475 (log down), AUCIFO 216.611933038226,
    // AUCIFP 216.614955803818, AUCPEO 31.2489169404534, AUC 0-12 h 91.7355220, AUC 0-24 h 147.6945866.
    double[] t = {0, 0.25, 0.57, 1.12, 2.02, 3.82, 5.10, 7.03, 9.05, 12.12, 24.37};
    double[] c = {0.74, 2.84, 6.57, 10.50, 9.66, 8.58, 8.36, 7.47, 6.89, 5.94, 3.28};
    Nca linear = Nca.defaults().withMethod(Nca.AucMethod.LINEAR);
    NcaResult r = linear.analyse(t, c);
    assertEquals(10.5, r.get(NcaCode.CMAX).get());
    assertEquals(1.12, r.get(NcaCode.TMAX).get());
    assertEquals(3.28, r.get(NcaCode.CLST).get());
    assertEquals(24.37, r.get(NcaCode.TLST).get());
    assertEquals(0.0484569969657749, r.get(NcaCode.LAMZ).get(), 1e-12);
    assertEquals(3, r.get(NcaCode.LAMZNPT).get());
    assertEquals(0.999999459349959, r.get(NcaCode.R2ADJ).get(), 1e-12);
    assertEquals(148.92305, r.get(NcaCode.AUCLST).get(), 1e-9);
    assertEquals(216.611933038226, r.get(NcaCode.AUCIFO).get(), 1e-9);
    assertEquals(216.614955803818, r.get(NcaCode.AUCIFP).get(), 1e-9);
    assertEquals(31.2489169404534, r.get(NcaCode.AUCPEO).get(), 1e-9);
    assertEquals(147.23475, Nca.defaults().analyse(t, c).get(NcaCode.AUCLST).get(), 1e-5);
    assertEquals(91.7355220, linear.withInterval(0, 12).analyse(t, c).get(NcaCode.AUCINT).get(), 1e-7);
    assertEquals(147.6945866, linear.withInterval(0, 24).analyse(t, c).get(NcaCode.AUCINT).get(), 1e-7);
  }

  @Test
  void belowQuantificationDuplicatesAndOrder() {
    // unsorted, a duplicate at 2 h (8 and 8.4 -> 8.2), LOQ 0.5: the leading 0.1 becomes 0, the trailing 0.2 is dropped
    double[] t = {4, 0, 2, 1, 2, 8, 12};
    double[] c = {4, 0.1, 8, 10, 8.4, 2, 0.2};
    NcaResult r = Nca.defaults().withMethod(Nca.AucMethod.LINEAR).withLimitOfQuantification(0.5).analyse(t, c);
    assertEquals(8, r.get(NcaCode.TLST).get());
    assertEquals(2, r.get(NcaCode.CLST).get());
    // 5 + 1*(10+8.2)/2 + 2*(8.2+4)/2 + 4*(4+2)/2 = 5 + 9.1 + 12.2 + 12 = 38.3
    assertEquals(38.3, r.get(NcaCode.AUCLST).get(), 1e-12);
    assertEquals(3, r.notes().size(), r.notes().toString());
  }

  @Test
  void tooFewPointsAreNotEstimableWithTheReasonNeverNaN() {
    NcaResult r = Nca.defaults().analyse(new double[] {0, 1, 2}, new double[] {0, 5, 3});
    for (NcaCode code : new NcaCode[] {NcaCode.LAMZ, NcaCode.AUCIFO, NcaCode.AUCPEO}) {
      assertFalse(r.get(code).estimable());
      assertTrue(r.get(code).reason().contains("fewer than 3"), r.get(code).reason());
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.get(code).get());
      assertTrue(e.getMessage().contains(code.name()));
    }
    NcaResult zeros = Nca.defaults().analyse(new double[] {0, 1}, new double[] {0, 0});
    assertEquals(0, zeros.get(NcaCode.AUCLST).get());
    assertFalse(zeros.get(NcaCode.CLST).estimable());
    NcaResult rising = Nca.defaults().analyse(new double[] {0, 1, 2, 3, 4}, new double[] {1, 2, 1, 1.5, 1.8});
    assertTrue(rising.get(NcaCode.LAMZ).reason().contains("do not decline"));
  }

  @Test
  void badInputIsRejectedByName() {
    Nca nca = Nca.defaults();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> nca.analyse(new double[] {0, 1}, new double[] {1, -2}));
    assertTrue(e.getMessage().contains("concentrationsMgPerL[1]") && e.getMessage().contains("-2"));
    assertThrows(IllegalArgumentException.class, () -> nca.analyse(new double[] {-1}, new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> nca.analyse(new double[] {Double.NaN}, new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> nca.analyse(new double[] {0, 1}, new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> nca.analyse(new double[0], new double[0]));
    assertThrows(IllegalArgumentException.class, () -> nca.withLambdaZPoints(2));
    assertThrows(IllegalArgumentException.class, () -> nca.withInterval(4, 2));
    assertThrows(IllegalArgumentException.class, () -> nca.withLimitOfQuantification(Double.NaN));
  }
}
