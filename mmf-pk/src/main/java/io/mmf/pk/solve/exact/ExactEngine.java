package io.mmf.pk.solve.exact;

import io.mmf.core.internal.Checks;
import io.mmf.core.drug.Drug;
import io.mmf.pk.dosing.CovariateInterpolation;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.dosing.EventKind;
import io.mmf.pk.dosing.SteadyStateMode;
import io.mmf.pk.model.CovariateModel;
import io.mmf.pk.model.EmptyingWindows;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.solve.SteadyState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The exact engine: compiles (model, records) once into a {@link Plan} and answers every question with
 * one {@link Walk} over it: concentrations at times, exact AUC over windows, the steady state as the
 * periodic fixed point with Cmax located exactly, and the first-dose and steady-state course. The entry
 * points of {@code io.mmf.pk.solve.ExactSolver}; arguments are checked there.
 *
 * <p>Stateless; each call builds its own plans and scratch.
 */
public final class ExactEngine {
  private ExactEngine() {}

  /**
   * Concentrations and cumulative AUC at the given times, each seeing the state just before everything
   * at its instant.
   *
   * @param model the model
   * @param records the dose history
   * @param timesHours output times, checked by the caller (finite, &gt;= 0, non-decreasing)
   * @return the profile
   */
  public static ConcentrationProfile simulate(CovariateModel model, DoseRecords records, double[] timesHours) {
    double[] times = timesHours.clone(); // the plan and the profile keep it: the caller's array may change
    double end = times.length == 0 ? 0 : times[times.length - 1];
    Compiled c = compile(model, records, times, false, end, -1, false);
    return c.profile(times);
  }

  /**
   * Concentrations and cumulative AUC at the history's observation records (EVID 0), in record order,
   * each seeing the records before it.
   *
   * @param model the model
   * @param records the dose history
   * @return the profile, one point per observation record
   */
  public static ConcentrationProfile observe(CovariateModel model, DoseRecords records) {
    List<Double> t = new ArrayList<>();
    for (DoseRecord r : records.records()) {
      if (r.kind() == EventKind.OBSERVATION) {
        t.add(r.timeHours());
      }
    }
    double[] times = t.stream().mapToDouble(Double::doubleValue).toArray();
    double end = times.length == 0 ? 0 : times[times.length - 1];
    Compiled c = compile(model, records, new double[0], true, end, -1, false);
    return c.profile(times);
  }

  /**
   * The primary analyte's AUC over [from, to], exactly.
   *
   * @param model the model
   * @param records the dose history
   * @param fromHours start, h (checked by the caller)
   * @param toHours end, h, &gt;= start
   * @return AUC, mg*h/L, &gt;= 0
   */
  public static double auc(CovariateModel model, DoseRecords records, double fromHours, double toHours) {
    if (!(toHours > fromHours)) {
      return 0;
    }
    Compiled c = compile(model, records, new double[] {fromHours, toHours}, false, toHours, 1, true);
    double[] at = new double[2];
    int aucState = c.session.layout.aucState(0);
    Walk.run(c.plan, new double[c.session.layout.size], (i, x, e) -> at[i] = x[aucState], null, null);
    return Math.max(0, at[1] - at[0]) + c.session.layout.offsetMgPerL[0] * (toHours - fromHours);
  }

  /**
   * The steady-state summary (AUC over the first interval, Cmax located exactly, Tmax, C0) of a dose
   * every interval, with the first dose at {@code clockHours} on the clock.
   *
   * @param model the model
   * @param drug the drug given
   * @param mg mg of its labelled substance per dose
   * @param tau the interval, h
   * @param clockHours clock time of a dose, h after midnight
   * @return the summary
   */
  public static SteadyState.Summary summary(PkModel model, Drug drug, double mg, double tau, double clockHours) {
    return summarise(periodic(model, drug, mg, tau, clockHours, 1, true, true), null);
  }

  /** {@link #summary} with the modal form allowed or not (tests hold the two to each other). */
  static SteadyState.Summary summary(PkModel model, Drug drug, double mg, double tau, double clockHours,
      boolean modal) {
    return summarise(periodic(model, drug, mg, tau, clockHours, 1, true, modal), null);
  }

  /**
   * The first-dose AUC over one interval and the steady-state summary, sharing every propagator: where
   * nothing of earlier doses wraps into the period, the steady state's walk from empty compartments is
   * the single dose's and gives its AUC; elsewhere a single-dose plan shares the period's steps.
   *
   * @param model the model
   * @param drug the drug given
   * @param mg mg per dose
   * @param tau the interval, h
   * @param clockHours clock time of the doses, h after midnight
   * @return the course
   */
  public static SteadyState.Course course(PkModel model, Drug drug, double mg, double tau, double clockHours) {
    Periodic p = periodic(model, drug, mg, tau, clockHours, 1, true, true);
    SteadyState.Summary ss = summarise(p, null);
    double shared = p.singleDoseAuc();
    if (!Double.isNaN(shared)) {
      return new SteadyState.Course(Math.max(0, shared) + p.session.layout.offsetMgPerL[0] * tau, ss);
    }
    Compiler c = new Compiler(p.session);
    c.stream(clockHours);
    c.stream(clockHours + tau);
    double end = clockHours + tau;
    c.dose(clockHours, p.delivery, true, 0, end);
    int clock = c.clockWindows(model, end);
    Plan single = c.build(Double.NaN, end, p.epoch, new Epoch[] {p.epoch}, 0, clock);
    double[] at = new double[2];
    int aucState = p.session.layout.aucState(0);
    Walk.run(single, new double[p.session.layout.size], (i, x, e) -> at[i] = x[aucState], null, null);
    return new SteadyState.Course(Math.max(0, at[1] - at[0]) + p.session.layout.offsetMgPerL[0] * tau, ss);
  }

  /**
   * The steady state with its profile over one period on a grid of {@code pointsPerInterval} points per
   * interval; its summary numbers are those of {@link #summary} (one Cmax, one method).
   *
   * @param model the model
   * @param drug the drug given
   * @param mg mg per dose
   * @param tau the interval, h
   * @param clockHours clock time of a dose, h after midnight
   * @param pointsPerInterval grid points per interval
   * @return the steady state
   */
  public static SteadyState steadyState(PkModel model, Drug drug, double mg, double tau, double clockHours,
      int pointsPerInterval) {
    Periodic p = periodic(model, drug, mg, tau, clockHours, 1, true, true);
    List<Double> aucs = new ArrayList<>();
    SteadyState.Summary s = summarise(p, aucs);
    Periodic full = periodic(model, drug, mg, tau, clockHours, model.observed().size(), false, true);
    int points = p.doses * pointsPerInterval;
    double[] grid = new double[points + 1];
    for (int i = 0; i <= points; i++) {
      grid[i] = p.period * i / points;
    }
    Plan plan = full.plan(grid);
    Layout layout = full.session.layout;
    double[] x = new double[layout.size];
    System.arraycopy(p.state(), 0, x, 0, layout.n + layout.rateTarget.length);
    Recorded rec = new Recorded(layout, model, grid.length, p.doses + 1);
    Walk.run(plan, x, rec, null, null);
    ConcentrationProfile profile = rec.profile(model, grid);
    return new SteadyState(tau, p.period, profile, aucs, s.troughMgPerL(), s.cmaxMgPerL(), s.tmaxHours());
  }

  private static Periodic periodic(PkModel model, Drug drug, double mg, double tau, double clockHours,
      int analytes, boolean substeps, boolean modal) {
    int[] targets = Delivery.isZeroOrder(model, drug, 0, 0) ? new int[] {model.inputStateIndex(drug)} : new int[0];
    Session session = new Session(new Layout(model, targets, analytes), substeps, modal);
    Delivery d = Delivery.of(session.layout, model, drug, mg, 0, 0);
    return new Periodic(session, session.epoch(model), d, tau, clockHours);
  }

  /**
   * The summary walk of one period from its steady state; adds each interval's AUC to {@code aucs}. The
   * analyte's baseline (0 for a linear model) is added to the trough and Cmax (a constant moves no
   * peak) and, times the interval, to each AUC.
   */
  private static SteadyState.Summary summarise(Periodic p, List<Double> aucs) {
    double[] x0 = p.state();
    Plan plan = p.plan();
    Layout layout = p.session.layout;
    int obs = layout.observed[0];
    double volume = p.epoch.volumeL[0];
    int aucState = layout.aucState(0);
    double offset = layout.offsetMgPerL[0];
    double trough = Math.max(0, x0[obs] / volume);
    double[] marks = new double[p.doses + 1];
    Walk.Peak peak = new Walk.Peak(p.interval, trough, 0);
    double[] x = x0.clone();
    Walk.run(plan, x, (i, s, e) -> {
      if (i < marks.length) {
        marks[i] = s[aucState];
      }
    }, peak, null);
    if (aucs != null) {
      for (int j = 0; j < p.doses; j++) {
        aucs.add(marks[j + 1] - marks[j] + offset * p.interval);
      }
    }
    return new SteadyState.Summary(Math.max(0, marks[1]) + offset * p.interval, Math.max(0, peak.cmax) + offset,
        peak.tmax, trough + offset);
  }

  /** A plan and its session. */
  record Compiled(Session session, Plan plan, PkModel first) {
    ConcentrationProfile profile(double[] times) {
      Recorded rec = new Recorded(session.layout, first, times.length, 0);
      Walk.run(plan, new double[session.layout.size], rec, null, null);
      return rec.profile(first, times);
    }
  }

  /**
   * Collects concentrations (never below 0: rounding residue is clamped) and cumulative AUCs at outputs;
   * the profile adds each analyte's baseline to its concentrations and baseline x time to its AUCs.
   */
  private static final class Recorded implements Walk.Recorder {
    private final Layout layout;
    private final double[][] conc;
    private final double[][] auc;
    private final int offset;

    Recorded(Layout layout, PkModel model, int points, int offset) {
      this.layout = layout;
      this.conc = new double[layout.analytes][points];
      this.auc = new double[layout.analytes][points];
      this.offset = offset;
    }

    @Override
    public void record(int output, double[] x, Epoch epoch) {
      int i = output - offset;
      if (i < 0) {
        return;
      }
      for (int k = 0; k < layout.analytes; k++) {
        // Compartmental propagation is non-negative; clamp rounding residue (below 1e-12 of the state's
        // scale) at zero.
        conc[k][i] = Math.max(0, x[layout.observed[k]] / epoch.volumeL[k]);
        auc[k][i] = Math.max(0, x[layout.aucState(k)]);
      }
    }

    ConcentrationProfile profile(PkModel model, double[] times) {
      List<String> names = new ArrayList<>();
      for (int k = 0; k < layout.analytes; k++) {
        names.add(model.observed().get(k).name());
        double base = layout.offsetMgPerL[k];
        for (int i = 0; base != 0 && i < times.length; i++) {
          conc[k][i] += base;
          auc[k][i] += base * times[i];
        }
      }
      return ConcentrationProfile.of(names, times, conc, auc);
    }
  }

  /**
   * Compiles a dose history: the model at each record (covariates), the state layout, every change.
   *
   * @param outputTimes output times (phase -1)
   * @param observeRecords whether observation records are outputs (phase 0, in record order)
   * @param analytes AUC integrators, or -1 for every observed analyte
   * @param substeps whether Pade steps keep their substep propagators (see {@link Session#substeps})
   */
  static Compiled compile(CovariateModel covariateModel, DoseRecords records, double[] outputTimes,
      boolean observeRecords, double end, int analytes, boolean substeps) {
    List<DoseRecord> rs = records.records();
    int n = rs.size();
    PkModel[] own = modelsAtRecords(covariateModel, records);
    PkModel first = own[0];
    for (PkModel m : own) {
      requireSameStructure(first, m);
    }
    TreeSet<Integer> targets = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      DoseRecord r = rs.get(i);
      if (r.kind().isDose() && Delivery.isZeroOrder(own[i], r.drug(), r.rateMgPerHour(), r.durationHours())) {
        targets.add(own[i].inputStateIndex(r.drug()));
      }
    }
    int[] rateTargets = targets.stream().mapToInt(Integer::intValue).toArray();
    Session session = new Session(new Layout(first, rateTargets, analytes < 0 ? first.observed().size() : analytes),
        substeps);
    Compiler c = new Compiler(session);
    c.streamAll(outputTimes);
    // epochs: the model in effect over each segment
    List<Epoch> epochs = new ArrayList<>();
    Map<PkModel, Integer> epochIndex = new HashMap<>();
    int[] epochAt = new int[n];
    for (int i = 0; i < n; i++) {
      Integer e = epochIndex.get(own[i]);
      if (e == null) {
        e = epochs.size();
        epochs.add(session.epoch(own[i]));
        epochIndex.put(own[i], e);
      }
      epochAt[i] = e;
    }
    boolean nocb = records.interpolation() == CovariateInterpolation.NOCB;
    int running = epochAt[0];
    for (int i = 0; i < n; i++) {
      DoseRecord r = rs.get(i);
      double t = r.timeHours();
      if (t > end) {
        break;
      }
      long order = i;
      int next = nocb ? epochAt[Math.min(i + 1, n - 1)] : epochAt[i];
      if (next != running) {
        c.emit(t, Compiler.RECORD_PHASE, order, Compiler.Change.EPOCH, next, 0, null, false);
        running = next;
      }
      if (observeRecords && r.kind() == EventKind.OBSERVATION) {
        c.output(t, Compiler.RECORD_PHASE, order);
      }
      if (r.kind().isReset()) {
        c.cancelPending(t, order);
        c.emit(t, Compiler.RECORD_PHASE, order, Compiler.Change.RESET, 0, 0, null, false);
      }
      if (!r.kind().isDose()) {
        continue;
      }
      PkModel m = own[i];
      Delivery d = Delivery.of(session.layout, m, r.drug(), r.amountMg(), r.rateMgPerHour(), r.durationHours());
      double ii = r.intervalHours();
      if (r.steadyState() != SteadyStateMode.NONE) {
        Periodic p = new Periodic(session, epochs.get(epochAt[i]), d, ii,
            Periodic.remainder(t, EmptyingWindows.DAY_HOURS));
        if (r.steadyState() == SteadyStateMode.RESET) {
          c.cancelPending(t, order);
          c.emit(t, Compiler.RECORD_PHASE, order, Compiler.Change.SET_STEADY_STATE, 0, 0, p, false);
        } else {
          c.emit(t, Compiler.RECORD_PHASE, order, Compiler.Change.ADD_STEADY_STATE, 0, 0, p, false);
        }
        p.emitPending(c, t, end);
      }
      for (int j = 0; j <= r.additionalDoses(); j++) {
        double td = j == 0 ? t : t + j * ii;
        if (td > end) {
          break;
        }
        c.dose(td, d, j == 0, order, end);
      }
    }
    int clockAtZero = c.clockWindows(first, end);
    Plan plan = c.build(Double.NaN, end, epochs.get(epochAt[0]), epochs.toArray(new Epoch[0]), 0, clockAtZero);
    return new Compiled(session, plan, first);
  }

  /**
   * The model at each record: the covariate values in effect there (given on the record, else carried
   * forward from the last record that gave them, or back from the next, per the history's rule), one
   * model per distinct set of values.
   */
  private static PkModel[] modelsAtRecords(CovariateModel covariateModel, DoseRecords records) {
    Checks.notNull(covariateModel, "model");
    List<DoseRecord> rs = records.records();
    int n = rs.size();
    TreeSet<String> names = new TreeSet<>();
    for (DoseRecord r : rs) {
      names.addAll(r.covariates().keySet());
    }
    PkModel[] out = new PkModel[n];
    if (names.isEmpty()) {
      Arrays.fill(out, Objects.requireNonNull(covariateModel.at(Map.of()), "model"));
      return out;
    }
    boolean nocb = records.interpolation() == CovariateInterpolation.NOCB;
    List<Map<String, Double>> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(new TreeMap<>());
    }
    for (String name : names) {
      if (nocb) {
        Double last = lastValue(rs, name);
        Double next = null;
        for (int i = n - 1; i >= 0; i--) {
          Double v = rs.get(i).covariates().get(name);
          next = v != null ? v : next;
          values.get(i).put(name, next != null ? next : last);
        }
      } else {
        Double carried = firstValue(rs, name);
        for (int i = 0; i < n; i++) {
          Double v = rs.get(i).covariates().get(name);
          carried = v != null ? v : carried;
          values.get(i).put(name, carried);
        }
      }
    }
    Map<Map<String, Double>, PkModel> models = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Map<String, Double> v = Map.copyOf(values.get(i));
      out[i] = models.computeIfAbsent(v, k -> Objects.requireNonNull(covariateModel.at(k), "model"));
    }
    return out;
  }

  private static Double firstValue(List<DoseRecord> rs, String name) {
    for (DoseRecord r : rs) {
      Double v = r.covariates().get(name);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static Double lastValue(List<DoseRecord> rs, String name) {
    for (int i = rs.size() - 1; i >= 0; i--) {
      Double v = rs.get(i).covariates().get(name);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** Models of one run must share their structure; their numbers may differ. */
  static void requireSameStructure(PkModel a, PkModel b) {
    if (a == b) {
      return;
    }
    boolean same = a.compartments().equals(b.compartments()) && a.observed().size() == b.observed().size()
        && a.inputs().keySet().equals(b.inputs().keySet()) && a.emptyingWindows().equals(b.emptyingWindows());
    for (int k = 0; same && k < a.observed().size(); k++) {
      same = a.observedStateIndex(k) == b.observedStateIndex(k)
          && a.observed().get(k).name().equals(b.observed().get(k).name())
          && a.observed().get(k).offsetMgPerL() == b.observed().get(k).offsetMgPerL();
    }
    for (Drug d : a.inputs().keySet()) {
      same = same && a.inputStateIndex(d) == b.inputStateIndex(d);
    }
    if (!same) {
      throw new IllegalArgumentException(Checks.invalid("model",
          "the covariates to change only the numbers of model '" + a.name()
              + "', not its compartments, analytes, baselines, inputs or windows", b));
    }
  }
}
