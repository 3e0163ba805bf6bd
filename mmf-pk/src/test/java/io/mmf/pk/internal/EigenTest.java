package io.mmf.pk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.mmf.pk.PropertyBudget;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

/** The modal decomposition against its definition, the Pade exponential and closed forms. */
class EigenTest {

  /**
   * A random compartmental matrix whose compartments form groups of one or two (a two-way exchange)
   * in a random flow order, rates log-uniform in 0.01-50 /h, with eliminations and no-outflow sinks.
   */
  static double[] randomCompartmental(Random r, int n) {
    double[] a = new double[n * n];
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int[] groupStart = new int[n];
    int i = 0;
    while (i < n) {
      int size = i + 1 < n && r.nextBoolean() ? 2 : 1;
      for (int k = i; k < i + size; k++) {
        groupStart[k] = i;
      }
      if (size == 2) {
        flow(a, n, perm[i], perm[i + 1], rate(r));
        flow(a, n, perm[i + 1], perm[i], rate(r));
      }
      i += size;
    }
    for (int from = 0; from < n; from++) {
      for (int to = from + 1; to < n; to++) {
        if (groupStart[to] != groupStart[from] && r.nextInt(3) == 0) {
          flow(a, n, perm[from], perm[to], rate(r));
        }
      }
      if (r.nextInt(3) == 0) {
        a[perm[from] * n + perm[from]] -= rate(r); // elimination
      }
    }
    return a;
  }

  private static double rate(Random r) {
    return Math.exp(Math.log(0.01) + r.nextDouble() * Math.log(5000));
  }

  private static void flow(double[] a, int n, int from, int to, double k) {
    a[to * n + from] += k;
    a[from * n + from] -= k;
  }

  @Test
  void eigenpairsSatisfyTheirDefinitionAndRebuildThePadeExponential() {
    java.util.concurrent.atomic.AtomicInteger decomposed = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger tried = new java.util.concurrent.atomic.AtomicInteger();
    qt().withExamples(PropertyBudget.examples(300)).forAll(longs().all(), integers().between(1, 8)).checkAssert((seed, n) -> {
      double[] a = randomCompartmental(new Random(seed), n);
      Eigen e = Eigen.of(a, n);
      tried.incrementAndGet();
      if (e == null) {
        return; // close eigenvalues: refused, and the caller falls back (tested below)
      }
      decomposed.incrementAndGet();
      String at = "seed " + seed + " n " + n + " " + Arrays.toString(a);
      double scale = Dense.norm1(a, n);
      for (int k = 0; k < n; k++) {
        double l = e.eigenvalue(k);
        for (int row = 0; row < n; row++) {
          double av = 0;
          for (int j = 0; j < n; j++) {
            av += a[row * n + j] * e.vector(j, k);
          }
          assertEquals(l * e.vector(row, k), av, 1e-12 * scale, at);
        }
      }
      Expm expm = new Expm(n);
      double[] f = new double[n];
      double[] modal = new double[n * n];
      double[] pade = new double[n * n];
      for (double h : new double[] {0.01, 0.7, 5.9, 24}) {
        for (int k = 0; k < n; k++) {
          f[k] = Math.exp(e.eigenvalue(k) * h);
        }
        e.compose(f, new double[n * n], modal, n);
        expm.exp(a, h, pade);
        for (int j = 0; j < n * n; j++) {
          // entries of a compartmental propagator lie in [0, 1]; the condition bound allows ~1e-10
          assertEquals(pade[j], modal[j], 1e-9, at + " h " + h + " entry " + j);
        }
      }
    });
    // random rates rarely come within the condition limit of each other: most cases are decomposed
    assertTrue(decomposed.get() > 0.9 * tried.get(), decomposed + " of " + tried);
  }

  @Test
  void jiaoClosedStateHasItsClosedFormEigenvalues() {
    // depot -> central (ka), central <-> peripheral (k12, k21), central -> mpag (k),
    // mpag -> out (k40) and -> gallbladder (k45), gallbladder closed: -ka, the two-compartment
    // roots of central/peripheral, -(k40 + k45), 0.
    double ka = 3.53;
    double k = 10.2 / 12.5;
    double k12 = 16.1 / 12.5;
    double k21 = 16.1 / 213;
    double k40 = 1.38 / 4.40;
    double k45 = k40 * 0.291 / (1 - 0.291);
    int n = 5;
    double[] a = new double[n * n];
    flow(a, n, 0, 1, ka);
    flow(a, n, 1, 3, k);
    flow(a, n, 1, 2, k12);
    flow(a, n, 2, 1, k21);
    flow(a, n, 3, 4, k45);
    a[3 * n + 3] -= k40;
    Eigen e = Eigen.of(a, n);
    assertNotNull(e);
    double sum = k + k12 + k21;
    double root = Math.sqrt(sum * sum - 4 * k * k21);
    double[] expected = {-ka, -(sum + root) / 2, -(sum - root) / 2, -(k40 + k45), 0};
    double[] got = new double[n];
    for (int i = 0; i < n; i++) {
      got[i] = e.eigenvalue(i);
    }
    Arrays.sort(expected);
    Arrays.sort(got);
    for (int i = 0; i < n; i++) {
      assertEquals(expected[i], got[i], 1e-14 * ka);
    }
  }

  @Test
  void refusesWhatItCannotDecomposeSafely() {
    // a three-compartment cycle (gallbladder back to the gut while open)
    double[] cycle = new double[9];
    flow(cycle, 3, 0, 1, 1.0);
    flow(cycle, 3, 1, 2, 2.0);
    flow(cycle, 3, 2, 0, 3.0);
    cycle[4] -= 0.5;
    assertNull(Eigen.of(cycle, 3));
    // ka equal to the elimination rate: a Jordan block, no eigenvector basis
    double[] jordan = {-0.8, 0, 0.8, -0.8};
    assertNull(Eigen.of(jordan, 2));
    // ka within 1e-9 of it: a basis exists but is too ill-conditioned to trust
    double[] close = {-0.8, 0, 0.8, -0.8 * (1 + 1e-9)};
    assertNull(Eigen.of(close, 2));
    // equal transit rates
    double[] transit = new double[16];
    flow(transit, 4, 0, 1, 2.0);
    flow(transit, 4, 1, 2, 2.0);
    flow(transit, 4, 2, 3, 2.0);
    transit[15] -= 0.3;
    assertNull(Eigen.of(transit, 4));
    // separated rates are accepted
    assertNotNull(Eigen.of(new double[] {-0.8, 0, 0.8, -0.5}, 2));
  }

  @Test
  void phiFunctionsAreTheIntegralsOfTheExponential() {
    // phi1 = int_0^h e^{l s} ds and phi2 = int_0^h (h - s) e^{l s} ds, by Gauss-Legendre quadrature.
    IterativeLegendreGaussIntegrator gauss = new IterativeLegendreGaussIntegrator(8, 1e-15, 1e-300);
    for (double l : new double[] {0, -1e-9, 1e-6, -0.05, -0.7, 0.9, -1.0, -1.3, -4, 3, -67.5}) {
      for (double h : new double[] {0.01, 0.5, 1.0, 12}) {
        if (Math.abs(l * h) > 200) {
          continue;
        }
        double e = Math.exp(l * h);
        double p1 = gauss.integrate(100000, s -> Math.exp(l * s), 0, h);
        double p2 = gauss.integrate(100000, s -> (h - s) * Math.exp(l * s), 0, h);
        String at = "l " + l + " h " + h;
        assertEquals(p1, Eigen.phi1(l, h, e), 1e-14 * Math.max(p1, h * 1e-3), at);
        assertEquals(p2, Eigen.phi2(l, h, e), 1e-14 * Math.max(p2, h * h * 1e-3), at);
      }
    }
  }

  @Test
  void groupsFollowTheFlow() {
    // 3 -> {0, 2} (exchange) -> 1; 4 isolated
    double[] a = new double[25];
    flow(a, 5, 3, 0, 1);
    flow(a, 5, 0, 2, 1);
    flow(a, 5, 2, 0, 1);
    flow(a, 5, 2, 1, 1);
    int[] g = Eigen.groups(a, 5, 5);
    assertEquals(g[0], g[2]);
    assertTrue(g[3] < g[0], Arrays.toString(g));
    assertTrue(g[0] < g[1], Arrays.toString(g));
    assertTrue(g[4] != g[0] && g[4] != g[1] && g[4] != g[3], Arrays.toString(g));
  }
}
