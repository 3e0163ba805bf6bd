/**
 * mmf-core: the clinical knowledge about mycophenolate mofetil (MMF) as immutable, validated types.
 *
 * <p>Conditions and their dosing ({@code io.mmf.core.condition}), formulations and MPA equivalence
 * ({@code io.mmf.core.drug}), regimens and the regimen check ({@code io.mmf.core.regimen}),
 * monitoring plans and lab rules ({@code io.mmf.core.monitoring}), safety screening
 * ({@code io.mmf.core.safety}), response and withdrawal criteria ({@code io.mmf.core.response}),
 * and the findings and sources they report ({@code io.mmf.core.finding}, {@code io.mmf.core.source}).
 * Decision support, not medical advice. It has no dependencies beyond the JDK, so an application
 * that embeds it takes on none.
 */
module io.mmf.core {
  exports io.mmf.core;
  exports io.mmf.core.condition;
  exports io.mmf.core.drug;
  exports io.mmf.core.finding;
  exports io.mmf.core.monitoring;
  exports io.mmf.core.regimen;
  exports io.mmf.core.response;
  exports io.mmf.core.safety;
  exports io.mmf.core.source;
  exports io.mmf.core.target;
  // validation messages and number formatting, shared with mmf-pk only (not API)
  exports io.mmf.core.internal to io.mmf.pk;
}
