package io.mmf.core.monitoring;

import java.util.EnumSet;
import java.util.Set;

/** What a lab result measures, with the units it may be reported in. */
public enum Analyte {
  /** Absolute neutrophil count; canonical unit 10^9/L (= 10^3/uL). */
  ABSOLUTE_NEUTROPHIL_COUNT(LabUnit.GIGA_PER_L, LabUnit.THOUSAND_PER_UL, LabUnit.PER_UL, LabUnit.PER_MM3),
  /** White blood cell count; canonical unit 10^9/L. */
  WHITE_BLOOD_CELLS(LabUnit.GIGA_PER_L, LabUnit.THOUSAND_PER_UL, LabUnit.PER_UL, LabUnit.PER_MM3),
  /** Platelet count; canonical unit 10^9/L. */
  PLATELETS(LabUnit.GIGA_PER_L, LabUnit.THOUSAND_PER_UL, LabUnit.PER_UL, LabUnit.PER_MM3),
  /** Alanine aminotransferase; U/L. */
  ALT(LabUnit.UNITS_PER_L),
  /** Aspartate aminotransferase; U/L. */
  AST(LabUnit.UNITS_PER_L),
  /** Creatine kinase; U/L. */
  CREATINE_KINASE(LabUnit.UNITS_PER_L),
  /** MPA area under the curve over a 12-hour dosing interval; mg*h/L (= ug*h/mL). */
  MPA_AUC_0_12(LabUnit.MG_H_PER_L, LabUnit.UG_H_PER_ML),
  /** Pregnancy test; 1 positive, 0 negative. */
  PREGNANCY_TEST(LabUnit.POSITIVE_NEGATIVE);

  private final LabUnit canonical;
  private final Set<LabUnit> units;

  Analyte(LabUnit canonical, LabUnit... others) {
    this.canonical = canonical;
    Set<LabUnit> all = EnumSet.of(canonical, others);
    this.units = Set.copyOf(all);
  }

  /**
   * Returns the unit values are converted to.
   *
   * @return the unit values are converted to
   */
  public LabUnit canonicalUnit() {
    return canonical;
  }

  /**
   * Returns every unit a result of this analyte may be reported in.
   *
   * @return every unit a result of this analyte may be reported in
   */
  public Set<LabUnit> units() {
    return units;
  }
}
