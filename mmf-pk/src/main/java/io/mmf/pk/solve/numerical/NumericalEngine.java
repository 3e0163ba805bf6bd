package io.mmf.pk.solve.numerical;

import io.mmf.core.internal.Checks;
import io.mmf.pk.dosing.CovariateInterpolation;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.dosing.EventKind;
import io.mmf.pk.dosing.SteadyStateMode;
import io.mmf.pk.model.CovariateModel;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.solve.ConcentrationProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numerical path's reading of a dose history, written apart from the exact engine so that the two
 * check each other: it shares nothing with it but the model's description (transfers, inputs, windows,
 * analytes) and the records. Steady-state records are solved by long explicit simulation, not by a
 * periodic fixed point. The entry points of {@code io.mmf.pk.solve.NumericalSolver}; arguments are
 * checked there.
 */
public final class NumericalEngine {
  private NumericalEngine() {}

  /**
   * Concentrations and cumulative AUC at the given times (each seeing the state just before everything
   * at its instant), and at the observation records if {@code observe} (each seeing the records before
   * it).
   *
   * @param model the model
   * @param records the history
   * @param timesHours output times (checked by the caller), or empty
   * @param observe whether the observation records are the outputs instead
   * @param relativeTolerance the integrator's relative tolerance
   * @param absoluteTolerance its absolute tolerance
   * @return the profile
   */
  public static ConcentrationProfile run(CovariateModel model, DoseRecords records, double[] timesHours,
      boolean observe, double relativeTolerance, double absoluteTolerance) {
    List<DoseRecord> rs = records.records();
    int count = rs.size();
    PkModel[] own = models(model, records);
    boolean nocb = records.interpolation() == CovariateInterpolation.NOCB;
    List<Double> observed = new ArrayList<>();
    for (DoseRecord r : rs) {
      if (r.kind() == EventKind.OBSERVATION) {
        observed.add(r.timeHours());
      }
    }
    double[] times = observe ? observed.stream().mapToDouble(Double::doubleValue).toArray() : timesHours.clone();
    double end = times.length == 0 ? 0 : times[times.length - 1];
    PkModel first = own[0];
    int analytes = first.observed().size();
    double[][] conc = new double[analytes][times.length];
    double[][] auc = new double[analytes][times.length];
    Simulation sim = new Simulation(first, relativeTolerance, absoluteTolerance);
    PkModel current = first;
    int next = 0; // next output
    int r = 0; // next record
    while (true) {
      double t = sim.t;
      while (!observe && next < times.length && times[next] <= t) {
        take(sim, next++, conc, auc);
      }
      while (r < count && rs.get(r).timeHours() <= t) {
        DoseRecord rec = rs.get(r);
        if (observe && rec.kind() == EventKind.OBSERVATION) {
          take(sim, next++, conc, auc);
        }
        if (rec.kind().isReset()) {
          sim.reset();
        }
        if (rec.kind().isDose()) {
          give(sim, rec, own[r], end);
        }
        PkModel after = nocb ? own[Math.min(r + 1, count - 1)] : own[r];
        if (after != current) {
          if (!after.compartments().equals(first.compartments()) || !after.observed().stream().map(
              PkModel.Observed::compartment).toList().equals(first.observed().stream().map(
              PkModel.Observed::compartment).toList()) || !after.observed().stream().map(
              PkModel.Observed::offsetMgPerL).toList().equals(first.observed().stream().map(
              PkModel.Observed::offsetMgPerL).toList())) {
            throw new IllegalArgumentException(Checks.invalid("model",
                "the covariates to change only the numbers of model '" + first.name() + "', not its baselines",
                after));
          }
          sim.use(after);
          current = after;
        }
        r++;
      }
      sim.applyDue(t);
      if (next >= times.length) {
        break;
      }
      double until = times[next];
      if (r < count) {
        until = Math.min(until, rs.get(r).timeHours());
      }
      until = Math.min(until, sim.nextPendingTime());
      sim.integrateTo(until);
    }
    List<String> names = new ArrayList<>();
    for (PkModel.Observed o : first.observed()) {
      names.add(o.name());
    }
    return ConcentrationProfile.of(names, times, conc, auc);
  }

  private static void take(Simulation sim, int i, double[][] conc, double[][] auc) {
    for (int a = 0; a < conc.length; a++) {
      conc[a][i] = Math.max(0, sim.eq.concentration(sim.y, a));
      auc[a][i] = Math.max(0, sim.y[sim.eq.aucIndex(a)]);
    }
  }

  private static void give(Simulation sim, DoseRecord rec, PkModel model, double end) {
    double t = rec.timeHours();
    double ii = rec.intervalHours();
    if (rec.steadyState() != SteadyStateMode.NONE) {
      Simulation.SteadyStateAt ss = sim.steadyState(model, rec.drug(), rec.amountMg(), rec.rateMgPerHour(),
          rec.durationHours(), ii, t);
      sim.take(ss, rec.steadyState() == SteadyStateMode.ADD);
    }
    for (int j = 0; j <= rec.additionalDoses(); j++) {
      double td = t + j * ii;
      if (td > end) {
        return;
      }
      sim.dose(td, model, rec.drug(), rec.amountMg(), rec.rateMgPerHour(), rec.durationHours(), j == 0, end);
    }
  }

  /**
   * The model at each record, from the covariates in effect there: each covariate's value on the record if
   * it gives one, else (LOCF) the last value given before it, or the first value before any is given;
   * (NOCB) the next value given after it, or the last value after the last one.
   */
  private static PkModel[] models(CovariateModel model, DoseRecords records) {
    List<DoseRecord> rs = records.records();
    Map<String, TreeMap<Integer, Double>> given = new TreeMap<>();
    for (int i = 0; i < rs.size(); i++) {
      for (Map.Entry<String, Double> e : rs.get(i).covariates().entrySet()) {
        given.computeIfAbsent(e.getKey(), k -> new TreeMap<>()).put(i, e.getValue());
      }
    }
    boolean nocb = records.interpolation() == CovariateInterpolation.NOCB;
    Map<Map<String, Double>, PkModel> made = new HashMap<>();
    PkModel[] out = new PkModel[rs.size()];
    for (int i = 0; i < rs.size(); i++) {
      Map<String, Double> values = new TreeMap<>();
      for (Map.Entry<String, TreeMap<Integer, Double>> e : given.entrySet()) {
        TreeMap<Integer, Double> at = e.getValue();
        Map.Entry<Integer, Double> v = nocb ? at.ceilingEntry(i) : at.floorEntry(i);
        if (v == null) {
          v = nocb ? at.lastEntry() : at.firstEntry();
        }
        values.put(e.getKey(), v.getValue());
      }
      out[i] = made.computeIfAbsent(values, model::at);
    }
    return out;
  }
}
