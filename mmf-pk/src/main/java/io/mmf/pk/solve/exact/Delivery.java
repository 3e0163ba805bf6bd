package io.mmf.pk.solve.exact;

import io.mmf.core.drug.Drug;
import io.mmf.core.internal.Checks;
import io.mmf.pk.model.DoseInput;
import io.mmf.pk.model.EmptyingWindows;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Window;

/**
 * What one dose sets in motion, relative to its administration: F x AMT entering its input's
 * compartment after the lag, at once, at a constant rate over a duration, or at the rate of the model's
 * gamma laws, and the emptying windows the model anchors to each dose.
 */
final class Delivery {
  final int target;
  /** The rate state of a zero-order input, or -1 for a bolus. */
  final int rateState;
  /** mg entering, in the model's dose unit, bioavailability applied. */
  final double amount;
  final double lagHours;
  /** 0 for a bolus. */
  final double durationHours;
  final double rate;
  /** Dose-anchored windows: start and end, h after the dose (empty for clock windows or none). */
  final double[] windowStart;
  final double[] windowEnd;
  /** The gamma laws the dose arrives by (fraction, shape, rate, cutoff h per law), or null. */
  final double[][] gamma;

  private Delivery(int target, int rateState, double amount, double lagHours, double durationHours, double rate,
      double[] windowStart, double[] windowEnd, double[][] gamma) {
    this.target = target;
    this.rateState = rateState;
    this.amount = amount;
    this.lagHours = lagHours;
    this.durationHours = durationHours;
    this.rate = rate;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.gamma = gamma;
  }

  /**
   * A dose of {@code mg} of a drug's labelled substance in a model: RATE (mg/h of the labelled
   * substance) if positive, else DUR if positive, else the input's own delivery. As in NONMEM, a given
   * rate keeps its rate (F lengthens or shortens the input), a given duration keeps its duration.
   */
  static Delivery of(Layout layout, PkModel model, Drug drug, double mg, double rateMgPerHour,
      double durationHours) {
    DoseInput input = model.input(drug);
    int target = model.inputStateIndex(drug);
    double amount = model.enteringAmount(drug, mg);
    double duration;
    double rate;
    double[][] gamma = null;
    if (!model.gammaInput().isEmpty()) {
      if (rateMgPerHour > 0 || durationHours > 0) {
        throw new IllegalArgumentException(Checks.invalid("record", "no RATE or DUR: model '" + model.name()
            + "' delivers every dose by its gamma input (Savic transit chain)", "RATE " + rateMgPerHour + ", DUR "
                + durationHours));
      }
      gamma = new double[model.gammaInput().size()][];
      for (int l = 0; l < gamma.length; l++) {
        PkModel.GammaLaw g = model.gammaInput().get(l);
        gamma[l] = new double[] {g.fraction(), g.shape(), g.ratePerHour(),
            GammaResponse.cutoffHours(g.shape(), g.ratePerHour())};
      }
      rateMgPerHour = 0;
      durationHours = 0;
    }
    if (gamma != null) {
      duration = 0;
      rate = 0;
    } else if (rateMgPerHour > 0) {
      rate = model.inModelUnit(drug, rateMgPerHour);
      duration = amount / rate;
    } else {
      duration = durationHours > 0 ? durationHours : input.zeroOrderHours();
      rate = duration > 0 ? amount / duration : 0;
    }
    double[] ws = new double[0];
    double[] we = ws;
    EmptyingWindows w = model.emptyingWindows().orElse(null);
    if (w != null && w.anchor() == EmptyingWindows.Anchor.AFTER_EACH_DOSE) {
      ws = new double[w.windows().size()];
      we = new double[ws.length];
      for (int i = 0; i < ws.length; i++) {
        Window win = w.windows().get(i);
        ws[i] = win.startHours();
        we[i] = win.endHours();
      }
    }
    return new Delivery(target, duration > 0 ? layout.rateState(target) : -1, amount, input.lagHours(), duration,
        rate, ws, we, gamma);
  }

  /** Whether the dose arrives by gamma laws (and not as a bolus or an infusion). */
  boolean isGamma() {
    return gamma != null;
  }

  /** The longest time after its arrival that a gamma dose still delivers, h (0 for none). */
  double gammaCutoffHours() {
    double c = 0;
    if (gamma != null) {
      for (double[] g : gamma) {
        c = Math.max(c, g[3]);
      }
    }
    return c;
  }

  boolean isBolus() {
    return rateState < 0;
  }

  /** Whether a dose of a drug in a model is a zero-order input (so its compartment needs a rate state). */
  static boolean isZeroOrder(PkModel model, Drug drug, double rateMgPerHour, double durationHours) {
    return model.gammaInput().isEmpty()
        && (rateMgPerHour > 0 || durationHours > 0 || model.input(drug).zeroOrderHours() > 0);
  }
}
