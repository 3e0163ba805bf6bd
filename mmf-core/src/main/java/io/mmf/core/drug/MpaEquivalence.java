package io.mmf.core.drug;

import io.mmf.core.internal.Checks;
import io.mmf.core.source.Source;
import io.mmf.core.source.Sources;

/**
 * Converts doses between MMF, EC-MPS and their mycophenolic acid (MPA) content.
 *
 * <p>Two conventions exist and differ by 2.6 %: the clinical one, in which 720 mg EC-MPS replaces
 * 1000 mg MMF (Myfortic label; it is what prescribers switch by), and the equimolar one, in which
 * doses carry the same mass of MPA (1000 mg MMF = 739 mg MPA = 739 mg EC-MPS, whose labelled mg are
 * mg of MPA; 720 mg EC-MPS = 720 mg MPA). Pick one explicitly.
 */
public enum MpaEquivalence {
  /**
   * 720 mg EC-MPS is therapeutically equivalent to 1000 mg MMF.
   *
   * @see Sources#MYFORTIC_LABEL
   */
  CLINICAL(Sources.MYFORTIC_LABEL),
  /**
   * Equal MPA content: MMF through its molecular weight (433.50 vs MPA 320.3 g/mol); EC-MPS as labelled
   * (mg of MPA).
   *
   * @see Sources#MOLECULAR_WEIGHTS
   */
  EQUIMOLAR(Sources.MOLECULAR_WEIGHTS);

  /** mg of EC-MPS that the clinical convention equates with 1 mg of MMF: 720 / 1000. */
  public static final double CLINICAL_EC_MPS_PER_MMF = 720.0 / 1000.0;

  private final Source source;

  MpaEquivalence(Source source) {
    this.source = source;
  }

  /**
   * Returns the source of this convention.
   *
   * @return the source of this convention
   */
  public Source source() {
    return source;
  }

  /**
   * The mass of mycophenolic acid in a dose of a product.
   *
   * @param dose labelled dose (mg MMF, or mg MPA for EC-MPS)
   * @param drug the product
   * @return MPA content in mg
   * @throws NullPointerException if an argument is null
   */
  public static double mpaContentMg(Dose dose, Drug drug) {
    Checks.notNull(dose, "dose");
    Checks.notNull(drug, "drug");
    return dose.mg() * drug.mpaMassFraction();
  }

  /**
   * The conversion factor between two products under this convention.
   *
   * @param from the product converted from
   * @param to the product converted to
   * @return mg of {@code to} equivalent to 1 mg of {@code from} (1 when they are the same)
   * @throws NullPointerException if an argument is null
   */
  public double factor(Drug from, Drug to) {
    Checks.notNull(from, "from");
    Checks.notNull(to, "to");
    if (from == to) {
      return 1.0;
    }
    if (this == EQUIMOLAR) {
      return from.mpaMassFraction() / to.mpaMassFraction();
    }
    return from == Drug.MYCOPHENOLATE_MOFETIL ? CLINICAL_EC_MPS_PER_MMF : 1.0 / CLINICAL_EC_MPS_PER_MMF;
  }

  /**
   * The dose of {@code to} equivalent to a dose of {@code from}, not rounded to strengths.
   *
   * @param dose dose of {@code from}
   * @param from the product the dose is of
   * @param to the product to express it in
   * @return the equivalent dose
   * @throws NullPointerException if an argument is null
   */
  public Dose convert(Dose dose, Drug from, Drug to) {
    Checks.notNull(dose, "dose");
    return Dose.ofMg(dose.mg() * factor(from, to));
  }

  /**
   * The MMF dose equivalent to a dose of a formulation's product (identity for MMF forms).
   *
   * @param dose the dose
   * @param formulation the formulation it is of
   * @return the MMF-equivalent dose
   * @throws NullPointerException if an argument is null
   */
  public Dose mmfEquivalent(Dose dose, Formulation formulation) {
    Checks.notNull(formulation, "formulation");
    return convert(dose, formulation.drug(), Drug.MYCOPHENOLATE_MOFETIL);
  }
}
