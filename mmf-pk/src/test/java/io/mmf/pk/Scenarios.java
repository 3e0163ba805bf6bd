package io.mmf.pk;

import static org.quicktheories.generators.SourceDSL.longs;

import io.mmf.core.drug.Drug;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.dosing.SteadyStateMode;
import io.mmf.pk.model.DoseInput;
import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.EmptyingWindows;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;

/**
 * Random linear networks with random dose histories, for the agreement of the two solvers: 2 to 5
 * compartments with transfers among them of rate 0 (exactly) or 0.05-5 per hour, eliminations,
 * sometimes a windowed transfer whose windows follow each dose (often across the 24-h boundary of a
 * day and of a steady-state period) or the clock, an oral input with F and a lag and an intravenous
 * one, and 3-9 records: doses (bolus, RATE, DUR), additional doses, resets, steady-state doses (SS 1
 * and 2), observations, several at one instant. Each scenario is built from one seed, so a failure
 * names it.
 */
public final class Scenarios {
  private Scenarios() {}

  /** A model, its history and the output times asked for. */
  public record Scenario(long seed, PkModel model, DoseRecords records, double[] timesHours) {
    @Override
    public String toString() {
      return "Scenario[seed " + seed + ", " + model + " " + model.transfers() + " " + model.inputs() + " "
          + model.emptyingWindows() + ", " + records.records() + "]";
    }
  }

  /** Scenarios from seeds. */
  public static Gen<Scenario> scenarios() {
    return longs().all().map((Long seed) -> of(seed, false));
  }

  private static double logUniform(SplittableRandom r, double lo, double hi) {
    return Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
  }

  /**
   * Scenarios whose every dose arrives by gamma laws: one law (Savic, Limoges gamma) or two (the double
   * gamma), shapes 0.5 to 30 and rates 0.01 to 50 per hour, log-uniform; records without RATE or DUR.
   */
  public static Gen<Scenario> gammaScenarios() {
    return longs().all().map((Long seed) -> of(seed, true));
  }

  /** The scenario of one seed. */
  public static Scenario of(long seed) {
    return of(seed, false);
  }

  /** The scenario of one seed, its doses by gamma laws when {@code gamma}. */
  public static Scenario of(long seed, boolean gamma) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 2 + r.nextInt(4);
    String[] c = new String[n];
    for (int i = 0; i < n; i++) {
      c[i] = "c" + i;
    }
    PkModel.Builder b = PkModel.builder("net" + n).compartments(c);
    double[][] rate = new double[n][n + 1]; // [from][to], to == n: out of the body
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= n; j++) {
        if (i != j && r.nextDouble() < 0.45) {
          rate[i][j] = r.nextDouble() < 0.25 ? 0 : logUniform(r, 0.05, 5);
        }
      }
    }
    rate[0][1] = rate[0][1] > 0 ? rate[0][1] : logUniform(r, 0.1, 5); // the depot feeds the observed compartment
    rate[1][n] = logUniform(r, 0.05, 1);
    // every compartment drains: where one cannot reach the body's exit through positive rates, it gets one
    boolean[] drains = new boolean[n];
    for (boolean changed = true; changed; ) {
      changed = false;
      for (int i = 0; i < n; i++) {
        boolean d = rate[i][n] > 0;
        for (int j = 0; j < n && !d; j++) {
          d = rate[i][j] > 0 && drains[j];
        }
        changed |= d != drains[i];
        drains[i] = d;
      }
    }
    for (int i = 0; i < n; i++) {
      if (!drains[i]) {
        rate[i][n] = logUniform(r, 0.05, 1);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= n; j++) {
        if (i != j && (rate[i][j] > 0 || rate[i][j] == 0 && r.nextDouble() < 0.3 && j < n)) {
          if (j == n) {
            b.elimination(c[i], rate[i][j]);
          } else {
            b.transfer(c[i], c[j], rate[i][j]);
          }
        }
      }
    }
    boolean windows = n >= 3 && r.nextDouble() < 0.6;
    if (windows) {
      int from = 2 + r.nextInt(n - 2);
      b.windowedTransfer(c[from], c[0], logUniform(r, 0.5, 20));
      if (r.nextDouble() < 0.7) {
        b.emptyingWindows(EmptyingWindows.afterEachDose(new Window(r.nextDouble() * 14, 0.2 + r.nextDouble() * 4)));
      } else {
        double start = r.nextDouble() * 20;
        b.emptyingWindows(EmptyingWindows.atClockTimes(new Window(start, 0.2 + r.nextDouble() * (24 - start - 0.2))));
      }
    }
    b.observe("MPA", c[1], logUniform(r, 5, 200));
    if (n >= 3 && r.nextDouble() < 0.5) {
      b.observe("MPAG", c[2], logUniform(r, 5, 200));
    }
    b.dose(Drug.MYCOPHENOLATE_MOFETIL, DoseInput.bolus(c[0], 0.5 + 0.5 * r.nextDouble(), r.nextDouble() < 0.3 ? 0
        : r.nextDouble() * 2));
    b.dose(Drug.MYCOPHENOLATE_SODIUM, new DoseInput(c[r.nextInt(2)], 1, r.nextDouble() < 0.5 ? 0 : r.nextDouble(),
        r.nextDouble() < 0.5 ? 0 : 0.5 + r.nextDouble() * 3));
    b.doseUnit(DoseUnit.MG_MPA);
    if (gamma) {
      double shape = logUniform(r, 0.5, 30);
      double rateK = logUniform(r, 0.01, 50);
      if (r.nextBoolean()) {
        b.gammaInput(new PkModel.GammaLaw(1, shape, rateK));
      } else {
        double f = 0.2 + 0.6 * r.nextDouble();
        b.gammaInput(new PkModel.GammaLaw(f, shape, rateK),
            new PkModel.GammaLaw(1 - f, logUniform(r, 0.5, 30), logUniform(r, 0.01, 50)));
      }
    }
    PkModel model = b.build();

    List<DoseRecord> records = new ArrayList<>();
    List<Double> times = new ArrayList<>();
    double t = 0;
    int count = 3 + r.nextInt(7);
    for (int k = 0; k < count; k++) {
      if (k > 0 && r.nextDouble() > 0.2) {
        t += r.nextDouble() < 0.5 ? r.nextInt(13) : r.nextDouble() * 12;
      }
      double u = r.nextDouble();
      Drug drug = r.nextDouble() < 0.7 ? Drug.MYCOPHENOLATE_MOFETIL : Drug.MYCOPHENOLATE_SODIUM;
      double mg = 100 + r.nextInt(10) * 100;
      if (u < 0.5) {
        DoseRecord d = DoseRecord.dose(t, drug, mg);
        double v = r.nextDouble();
        if (gamma) {
          v = 1;
        }
        if (v < 0.15) {
          d = d.withDuration(0.2 + r.nextDouble() * 6);
        } else if (v < 0.25) {
          d = d.withRate(mg / (0.2 + r.nextDouble() * 6));
        }
        double ii = 4 + r.nextInt(9);
        if (r.nextDouble() < 0.15) {
          d = d.withSteadyState(r.nextBoolean() ? SteadyStateMode.RESET : SteadyStateMode.ADD, ii);
        }
        if (r.nextDouble() < 0.4) {
          d = d.withAdditionalDoses(1 + r.nextInt(3), ii);
        }
        records.add(d);
        times.add(t);
      } else if (u < 0.6) {
        records.add(DoseRecord.reset(t));
      } else if (u < 0.7) {
        records.add(DoseRecord.resetAndDose(t, drug, mg));
      } else {
        records.add(DoseRecord.observation(t));
      }
    }
    double end = t + 12 + r.nextDouble() * 24;
    for (int i = 0; i <= 40; i++) {
      times.add(end * i / 40);
    }
    double[] out = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Scenario(seed, model, DoseRecords.of(records), out);
  }
}
