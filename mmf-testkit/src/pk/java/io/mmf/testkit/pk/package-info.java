/**
 * Generators of mmf-pk's inputs for property tests ({@link io.mmf.testkit.pk.PkGenerators}: models of each
 * family, population models, NONMEM-style dose histories) and oracles of the laws every linear
 * pharmacokinetic model obeys ({@link io.mmf.testkit.pk.Oracles}), to check any solver's output.
 */
package io.mmf.testkit.pk;
