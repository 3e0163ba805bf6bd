package io.mmf.pk.solve;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.dosing.DoseEvent;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.model.EmptyingWindows;
import io.mmf.pk.model.PkModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What both solvers share: argument checks, recording profiles, the period, the steady-state summary. */
final class Solving {
  /** Grid points per dosing interval for steady-state summaries (Tmax resolution tau / 1200). */
  static final int STEADY_STATE_POINTS_PER_INTERVAL = 1200;

  private Solving() {}

  static void checkTimes(double[] times) {
    Objects.requireNonNull(times, "Invalid value for timesHours (expected non-null): null");
    for (int i = 0; i < times.length; i++) {
      if (!Double.isFinite(times[i]) || times[i] < 0) {
        throw new IllegalArgumentException("Invalid value for timesHours[" + i + "] (expected finite and >= 0): "
            + times[i]);
      }
      if (i > 0 && times[i] < times[i - 1]) {
        throw new IllegalArgumentException("Invalid value for timesHours[" + i + "] (expected >= " + times[i - 1]
            + "): " + times[i]);
      }
    }
  }

  static ConcentrationProfile simulate(PkModel model, DosingSchedule schedule, double[] times, Propagating factory) {
    Objects.requireNonNull(model, "Invalid value for model (expected non-null): null");
    Objects.requireNonNull(schedule, "Invalid value for schedule (expected non-null): null");
    checkTimes(times);
    double end = times.length == 0 ? 0 : times[times.length - 1];
    Timeline tl = Timeline.of(model, schedule.events(), end);
    double[] x = new double[tl.stateSize];
    return record(tl, factory.create(tl), x, times.clone(), end);
  }

  static ConcentrationProfile record(Timeline tl, Propagator p, double[] x, double[] times, double end) {
    return record(tl, times, recorder -> Walker.walk(tl, p, x, times, recorder, end));
  }

  /** Runs a solve that reports states through a recorder, and collects the profile. */
  static ConcentrationProfile record(Timeline tl, double[] times, java.util.function.Consumer<Walker.Recorder> run) {
    int m = tl.model.observed().size();
    double[][] conc = new double[m][times.length];
    double[][] auc = new double[m][times.length];
    int[] obs = new int[m];
    double[] vol = new double[m];
    int[] aucIndex = new int[m];
    List<String> names = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      obs[k] = tl.model.observedStateIndex(k);
      vol[k] = tl.model.observed().get(k).volumeL();
      aucIndex[k] = tl.aucState(k);
      names.add(tl.model.observed().get(k).name());
    }
    run.accept((i, state) -> {
      for (int k = 0; k < m; k++) {
        // Compartmental propagation is non-negative; clamp rounding residue (below 1e-12 of the
        // state's scale, see SolverProperties) at zero.
        conc[k][i] = Math.max(0, state[obs[k]] / vol[k]);
        auc[k][i] = Math.max(0, state[aucIndex[k]]);
      }
    });
    return new ConcentrationProfile(names, times, conc, auc);
  }

  static DoseEvent template(PkModel model, Dose dose, Formulation formulation, DosingInterval interval,
      double clockHours) {
    Objects.requireNonNull(model, "Invalid value for model (expected non-null): null");
    Objects.requireNonNull(interval, "Invalid value for interval (expected non-null): null");
    if (!(clockHours >= 0 && clockHours < 24)) {
      throw new IllegalArgumentException("Invalid value for firstDoseClockHours (expected in [0, 24)): " + clockHours);
    }
    DoseEvent e = DoseEvent.at(0, dose, formulation);
    model.input(formulation.drug());
    return e;
  }

  /** The period of the steady state: the interval, or lcm(interval, 24 h) for clock windows. */
  static double period(PkModel model, double tau) {
    boolean clock = model.emptyingWindows().map(w -> w.anchor() == EmptyingWindows.Anchor.CLOCK).orElse(false);
    if (!clock) {
      return tau;
    }
    for (int k = 1; k <= 1000; k++) {
      double p = k * tau;
      double days = p / EmptyingWindows.DAY_HOURS;
      if (Math.abs(days - Math.rint(days)) < 1e-9 * Math.max(1, days)) {
        return p;
      }
    }
    throw new IllegalArgumentException("Invalid value for intervalHours (expected a common period with the 24-h"
        + " meal cycle within 1000 intervals): " + tau);
  }

  /** The evenly spaced grid over [0, period]. */
  static double[] grid(double tau, double period) {
    int points = (int) Math.round(period / tau) * STEADY_STATE_POINTS_PER_INTERVAL;
    double[] t = new double[points + 1];
    for (int i = 0; i <= points; i++) {
      t[i] = period * i / points;
    }
    return t;
  }

  static SteadyState summarise(double tau, double period, ConcentrationProfile profile) {
    int per = STEADY_STATE_POINTS_PER_INTERVAL;
    int intervals = (int) Math.round(period / tau);
    List<Double> aucs = new ArrayList<>();
    for (int j = 0; j < intervals; j++) {
      aucs.add(profile.aucBetweenMgHPerL(j * per, (j + 1) * per));
    }
    int best = 0;
    for (int i = 1; i <= per; i++) {
      if (profile.concentrationMgPerL(i) > profile.concentrationMgPerL(best)) {
        best = i;
      }
    }
    return new SteadyState(tau, period, profile, aucs, profile.concentrationMgPerL(0),
        profile.concentrationMgPerL(best), profile.timeHours(best));
  }

  /** Makes the propagator for one solve. */
  interface Propagating {
    Propagator create(Timeline timeline);
  }
}
