package io.mmf.pk.solve;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.internal.Checks;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.model.PkModel;

/** The argument checks both solvers make, in one place (checks only: no solving). */
final class Arguments {
  private Arguments() {}

  /** A regimen's arguments: non-null, a clock time in [0, 24), a drug the model takes. */
  static void checkRegimen(PkModel model, Dose dose, Formulation formulation, DosingInterval interval,
      double clockHours) {
    Checks.notNull(model, "model");
    Checks.notNull(dose, "dose");
    Checks.notNull(formulation, "formulation");
    Checks.notNull(interval, "interval");
    if (!(clockHours >= 0 && clockHours < 24)) {
      throw new IllegalArgumentException(Checks.invalid("firstDoseClockHours", "in [0, 24)", clockHours));
    }
    model.input(formulation.drug());
  }

  /** Output times: finite, &gt;= 0 and non-decreasing. */
  static void checkTimes(double[] times) {
    Checks.notNull(times, "timesHours");
    for (int i = 0; i < times.length; i++) {
      if (!Double.isFinite(times[i]) || times[i] < 0) {
        throw new IllegalArgumentException(Checks.invalid("timesHours[" + i + "]", "finite and >= 0", times[i]));
      }
      if (i > 0 && times[i] < times[i - 1]) {
        throw new IllegalArgumentException(Checks.invalid("timesHours[" + i + "]", ">= " + times[i - 1], times[i]));
      }
    }
  }
}
