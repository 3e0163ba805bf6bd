package io.mmf.core.drug;

import io.mmf.core.source.Source;
import io.mmf.core.source.Sources;

/**
 * The two mycophenolate products: the prodrug mycophenolate mofetil (MMF, CellCept) and
 * enteric-coated mycophenolate sodium (EC-MPS, Myfortic). Both deliver mycophenolic acid (MPA).
 *
 * <p>Labelled doses are what the labels count: mg of mycophenolate mofetil for MMF, and mg of
 * <em>mycophenolic acid</em> for EC-MPS: a Myfortic 180 mg tablet holds 180 mg MPA as 192.4 mg of
 * mycophenolate sodium (Myfortic prescribing information). So 1 mg MMF delivers 320.3 / 433.50 = 0.739
 * mg MPA, and 1 labelled mg of EC-MPS delivers 1 mg MPA.
 */
public enum Drug {
  /** Mycophenolate mofetil, 433.50 g/mol; labelled doses are mg of MMF. */
  MYCOPHENOLATE_MOFETIL("MMF", 433.50, 320.3 / 433.50),
  /**
   * Mycophenolate sodium (342.3 g/mol); labelled doses are mg of mycophenolic acid, as Myfortic's 180
   * and 360 mg strengths are.
   *
   * @see Sources#MYFORTIC_LABEL
   */
  MYCOPHENOLATE_SODIUM("EC-MPS", 342.3, 1.0);

  /**
   * Molecular weight of mycophenolic acid in g/mol.
   *
   * @see Sources#MOLECULAR_WEIGHTS
   */
  public static final double MPA_MOLECULAR_WEIGHT_G_PER_MOL = 320.3;

  private final String abbreviation;
  private final double molecularWeightGPerMol;
  private final double mpaPerLabelledMg;

  Drug(String abbreviation, double molecularWeightGPerMol, double mpaPerLabelledMg) {
    this.abbreviation = abbreviation;
    this.molecularWeightGPerMol = molecularWeightGPerMol;
    this.mpaPerLabelledMg = mpaPerLabelledMg;
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
   * Returns the molecular weight of the substance in the product in g/mol: MMF 433.50, mycophenolate
   * sodium 342.3 (source: {@link #source()}).
   *
   * @return the molecular weight of the substance in g/mol
   */
  public double molecularWeightGPerMol() {
    return molecularWeightGPerMol;
  }

  /**
   * Returns mg of MPA per labelled mg: 320.3 / 433.50 = 0.739 for MMF; 1 for EC-MPS, whose labelled
   * mg are mg of MPA (dimensionless).
   *
   * @return mg of MPA per labelled mg
   */
  public double mpaMassFraction() {
    return mpaPerLabelledMg;
  }

  /**
   * The mass of the salt or ester in a labelled dose, mg: MMF mg as given; for EC-MPS, mg of
   * mycophenolate sodium, labelled mg x 342.3 / 320.3 (180 mg MPA = 192.4 mg mycophenolate sodium).
   *
   * @param labelledMg the labelled dose, mg, finite and &gt;= 0
   * @return mg of the substance in the product
   * @throws IllegalArgumentException if {@code labelledMg} is negative or not finite
   */
  public double substanceMassMg(double labelledMg) {
    io.mmf.core.internal.Checks.nonNegative(labelledMg, "labelledMg");
    return labelledMg * mpaPerLabelledMg * molecularWeightGPerMol / MPA_MOLECULAR_WEIGHT_G_PER_MOL;
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
