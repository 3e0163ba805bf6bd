package io.mmf.pk.dosing;

/**
 * How a covariate given on some records holds between them. The model's parameters change at the
 * records where a covariate's value changes, and are constant in between.
 *
 * @see <a href="https://github.com/nlmixrdevelopment/RxODE/issues/6">RxODE#6 and mrgsolve#289: NONMEM is NOCB,
 *     users often assume LOCF</a>
 */
public enum CovariateInterpolation {
  /**
   * Last observation carried forward (the default): a value given on a record holds from that record's
   * time until the next record that gives the covariate; before the first such record the first value
   * holds.
   */
  LOCF,
  /**
   * Next observation carried backward, as NONMEM does: a value given on a record holds over the interval
   * that ends at that record (from the previous record's time); after the last such record its value
   * holds.
   */
  NOCB
}
