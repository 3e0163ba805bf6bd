package io.mmf.pk;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.EmptyingWindows;
import io.mmf.pk.model.ModelFamilies;
import io.mmf.pk.model.ModelFamilies.Disposition;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Window;
import org.quicktheories.core.Gen;

/** Generators shared by mmf-pk's property tests: parameters over the ranges of the acceptance criteria. */
public final class PkGenerators {
  private PkGenerators() {}

  /** A rate constant between 0.01 and 50 per hour, log-uniform. */
  public static Gen<Double> rates() {
    return doubles().between(Math.log(0.01), Math.log(50)).map(Math::exp);
  }

  /** A volume between 1 and 5000 L, log-uniform. */
  public static Gen<Double> volumes() {
    return doubles().between(0, Math.log(5000)).map(Math::exp);
  }

  /** A disposition whose micro-constants CL/V1, Q/V1 and Q/V2 each lie in 0.01-50 per hour. */
  public static Gen<Disposition> dispositions() {
    return volumes().zip(volumes(), rates(), rates(), (v1, v2, k, k12) -> {
      double q = k12 * v1;
      double k21 = q / v2;
      double v2Fixed = k21 < 0.01 ? q / 0.01 : k21 > 50 ? q / 50 : v2;
      return new Disposition(k * v1, v1, q, v2Fixed);
    });
  }

  /** A lag between 0 and 2 h. */
  public static Gen<Double> lags() {
    return doubles().between(0, 2);
  }

  /** A two-compartment model with first-order absorption after a lag (M1). */
  public static Gen<PkModel> firstOrderModels() {
    return rates().zip(lags(), dispositions(),
        (ka, lag, d) -> ModelFamilies.firstOrder("M1", ka, lag, d, DoseUnit.MG_MPA));
  }

  /** A transit-absorption model (M2) with 1 to 6 transit compartments. */
  public static Gen<PkModel> transitModels() {
    return integers().between(1, 6).zip(rates(), rates(), dispositions(),
        (n, ktr, ka, d) -> ModelFamilies.transit("M2", n, ktr, ka, d, DoseUnit.MG_MPA));
  }

  /** A zero-order absorption model (M1z) with an input lasting 0.1 to 6 h. */
  public static Gen<PkModel> zeroOrderModels() {
    return doubles().between(0.1, 6).zip(lags(), dispositions(),
        (d1, lag, d) -> ModelFamilies.zeroOrder("M1z", d1, lag, d, DoseUnit.MG_MPA));
  }

  /** An enterohepatic model (M3), fEHC 0-0.9, emptying 1-3 h long starting 2-8 h after each dose. */
  public static Gen<PkModel> enterohepaticModels() {
    Gen<EmptyingWindows> windows = doubles().between(2, 8).zip(doubles().between(1, 3),
        (s, len) -> EmptyingWindows.afterEachDose(new Window(s, len)));
    return rates().zip(dispositions(), doubles().between(0, 0.9), rates(), (ka, d, f, kgb) -> new Object[] {ka, d, f, kgb})
        .zip(windows, lags(), (p, w, lag) -> ModelFamilies.enterohepatic("M3", (Double) p[0], lag,
            (Disposition) p[1], (Double) p[2], (Double) p[3], w, DoseUnit.MG_MPA));
  }

  /** Any family without enterohepatic recirculation. */
  public static Gen<PkModel> linearWithoutEhc() {
    return firstOrderModels().mix(transitModels()).mix(zeroOrderModels());
  }
}
