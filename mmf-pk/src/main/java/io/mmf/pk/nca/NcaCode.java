package io.mmf.pk.nca;

/**
 * The parameters an {@link Nca} reports, named by their CDISC SDTM PP test codes, with units for
 * times in h and concentrations in mg/L.
 */
public enum NcaCode {
  /** Highest observed concentration, mg/L. */
  CMAX("mg/L"),
  /** Time of CMAX (the first, if tied), h. */
  TMAX("h"),
  /** Last concentration above zero (and above the limit of quantification), mg/L. */
  CLST("mg/L"),
  /** Time of CLST, h. */
  TLST("h"),
  /** AUC from the first sample to TLST, mg*h/L. */
  AUCLST("mg*h/L"),
  /** Terminal rate constant (lambda z), 1/h. */
  LAMZ("1/h"),
  /** Terminal half-life ln 2 / LAMZ, h. */
  LAMZHL("h"),
  /** Number of points in the LAMZ regression. */
  LAMZNPT("count"),
  /** Adjusted R squared of the LAMZ regression. */
  R2ADJ("1"),
  /** AUC to infinity with the observed CLST: AUCLST + CLST / LAMZ, mg*h/L. */
  AUCIFO("mg*h/L"),
  /** AUC to infinity with the CLST the regression predicts, mg*h/L. */
  AUCIFP("mg*h/L"),
  /** Percentage of AUCIFO extrapolated past TLST, %. */
  AUCPEO("%"),
  /** AUC over the requested interval, mg*h/L. */
  AUCINT("mg*h/L");

  private final String unit;

  NcaCode(String unit) {
    this.unit = unit;
  }

  /**
   * Returns the unit.
   *
   * @return the unit, e.g. "mg*h/L"
   */
  public String unit() {
    return unit;
  }
}
