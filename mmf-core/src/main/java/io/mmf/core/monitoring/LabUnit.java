package io.mmf.core.monitoring;

/** Units lab results are reported in, each with its factor to the analyte's canonical unit. */
public enum LabUnit {
  /** 10^9 cells per litre (canonical for cell counts); numerically equal to 10^3/uL. */
  GIGA_PER_L("10^9/L", 1),
  /** 10^3 cells per microlitre; equal to 10^9/L. */
  THOUSAND_PER_UL("10^3/uL", 1),
  /** Cells per microlitre, the same as per mm3; 1000/uL = 1 x 10^9/L. */
  PER_UL("/uL", 1e-3),
  /** Cells per cubic millimetre; the same as per microlitre. */
  PER_MM3("/mm3", 1e-3),
  /** Enzyme activity, units per litre (canonical for ALT, AST, CK). */
  UNITS_PER_L("U/L", 1),
  /** Area under the curve, mg*h/L (canonical for MPA AUC). */
  MG_H_PER_L("mg*h/L", 1),
  /** Area under the curve, ug*h/mL; equal to mg*h/L. */
  UG_H_PER_ML("ug*h/mL", 1),
  /** A qualitative result: 1 positive, 0 negative. */
  POSITIVE_NEGATIVE("1=positive/0=negative", 1);

  private final String symbol;
  private final double toCanonical;

  LabUnit(String symbol, double toCanonical) {
    this.symbol = symbol;
    this.toCanonical = toCanonical;
  }

  /**
   * Returns the unit's symbol, e.g. {@code 10^9/L}.
   *
   * @return the unit's symbol
   */
  public String symbol() {
    return symbol;
  }

  /**
   * Returns the factor that converts a value in this unit to the canonical unit of its kind.
   *
   * @return the factor that converts a value in this unit to the canonical unit of its kind
   */
  public double toCanonical() {
    return toCanonical;
  }
}
