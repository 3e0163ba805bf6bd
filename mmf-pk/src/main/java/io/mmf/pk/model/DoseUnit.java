package io.mmf.pk.model;

/**
 * What a model's dose amounts are in. Published MPA models differ, and a wrong choice moves AUC by
 * 1/0.739 = 1.35x; a model states its unit and mmf converts every dose to it.
 */
public enum DoseUnit {
  /** mg of mycophenolate mofetil: EC-MPS doses are converted through their MPA content. */
  MG_MMF,
  /** mg of mycophenolic acid: MMF doses x 0.739; EC-MPS doses as labelled (mg of MPA). */
  MG_MPA
}
