package io.mmf.core.drug;

import io.mmf.core.source.Source;
import io.mmf.core.source.Sources;

/**
 * The two mycophenolate products: the prodrug mycophenolate mofetil (MMF, CellCept) and
 * enteric-coated mycophenolate sodium (EC-MPS, Myfortic). Both deliver mycophenolic acid (MPA).
 */
public enum Drug {
  /** Mycophenolate mofetil, 433.50 g/mol; doses are mg of MMF. */
  MYCOPHENOLATE_MOFETIL("MMF", 433.50),
  /** Mycophenolate sodium, 342.3 g/mol; doses are mg of the sodium salt as labelled. */
  MYCOPHENOLATE_SODIUM("EC-MPS", 342.3);

  /**
   * Molecular weight of mycophenolic acid in g/mol.
   *
   * @see Sources#MOLECULAR_WEIGHTS
   */
  public static final double MPA_MOLECULAR_WEIGHT_G_PER_MOL = 320.3;

  private final String abbreviation;
  private final double molecularWeightGPerMol;

  Drug(String abbreviation, double molecularWeightGPerMol) {
    this.abbreviation = abbreviation;
    this.molecularWeightGPerMol = molecularWeightGPerMol;
  }

  /**
   * Returns the usual abbreviation, {@code MMF} or {@code EC-MPS}.
   *
   * @return the usual abbreviation, {@code MMF} or {@code EC-MPS}
   */
  public String abbreviation() {
    return abbreviation;
  }

  /**
   * Returns the molecular weight of the labelled substance in g/mol (source: {@link #source()}).
   *
   * @return the molecular weight of the labelled substance in g/mol
   */
  public double molecularWeightGPerMol() {
    return molecularWeightGPerMol;
  }

  /**
   * Returns mg of MPA per mg of labelled substance: 320.3 / 433.50 = 0.739 for MMF, 320.3 / 342.3 =
   * 0.936 for EC-MPS (dimensionless).
   *
   * @return mg of MPA per mg of labelled substance
   */
  public double mpaMassFraction() {
    return MPA_MOLECULAR_WEIGHT_G_PER_MOL / molecularWeightGPerMol;
  }

  /**
   * Returns the source of the molecular weights.
   *
   * @return the source of the molecular weights
   */
  public Source source() {
    return Sources.MOLECULAR_WEIGHTS;
  }
}
