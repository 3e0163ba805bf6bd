/**
 * mmf-pk: mycophenolic acid (MPA) pharmacokinetics over dosing events.
 *
 * <p>Commons Math 3 ships no module descriptor and no {@code Automatic-Module-Name}, so on the module
 * path it is the automatic module named from its file name, {@code commons.math3}. mmf-pk requires it
 * under that name (and not transitively: no Commons Math type appears in mmf-pk's API). Should
 * Commons Math ever declare a module name, this line changes with it. Jackson's streaming parser
 * ({@code com.fasterxml.jackson.core}, a named module) reads JSON model files; none of its types appear
 * in mmf-pk's API either.
 */
module io.mmf.pk {
  requires transitive io.mmf.core;
  requires commons.math3;
  requires com.fasterxml.jackson.core;

  exports io.mmf.pk.dosing;
  exports io.mmf.pk.model;
  exports io.mmf.pk.solve;
  exports io.mmf.pk.exposure;
  exports io.mmf.pk.population;
  exports io.mmf.pk.nca;
  exports io.mmf.pk.tdm;
  exports io.mmf.pk.data;
}
