package io.mmf.core;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.mmf.core.drug.Formulation;
import java.time.LocalDate;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The generators mmf-core's property tests share. */
public final class Generators {
  private Generators() {}

  /** Doubles no validated quantity accepts: NaN, infinities, negatives and zero. */
  public static Gen<Double> invalidPositiveDoubles() {
    return Generate.oneOf(
        Generate.pick(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
            -Double.MIN_VALUE, -Double.MAX_VALUE)),
        doubles().between(-1e9, -1e-9));
  }

  /** Doubles a non-negative quantity rejects: NaN, infinities and negatives. */
  public static Gen<Double> invalidNonNegativeDoubles() {
    return Generate.oneOf(
        Generate.pick(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -Double.MIN_VALUE)),
        doubles().between(-1e9, -1e-9));
  }

  /** Dates between 1950 and 2150. */
  public static Gen<LocalDate> dates() {
    return integers().between((int) LocalDate.of(1950, 1, 1).toEpochDay(), (int) LocalDate.of(2150, 1, 1).toEpochDay())
        .map(d -> LocalDate.ofEpochDay(d));
  }

  /** MMF solid forms. */
  public static final List<Formulation> MMF_SOLIDS = List.of(Formulation.MMF_CAPSULE_250, Formulation.MMF_TABLET_500);

  /** EC-MPS solid forms. */
  public static final List<Formulation> EC_MPS_SOLIDS =
      List.of(Formulation.EC_MPS_TABLET_180, Formulation.EC_MPS_TABLET_360);

  /** A non-empty set of solid forms of one drug. */
  public static Gen<List<Formulation>> solidsOfOneDrug() {
    return Generate.pick(List.of(
        List.of(Formulation.MMF_CAPSULE_250), List.of(Formulation.MMF_TABLET_500), MMF_SOLIDS,
        List.of(Formulation.EC_MPS_TABLET_180), List.of(Formulation.EC_MPS_TABLET_360), EC_MPS_SOLIDS));
  }
}
