/**
 * The numerical path (not exported): its own right-hand side from the model's transfers, its own reading
 * of the records as a discrete-event simulation, and Commons Math's Dormand-Prince 8(5,3) between
 * instants; steady-state records by long explicit simulation. Shares nothing with the exact engine but
 * the model's description.
 */
package io.mmf.pk.solve.numerical;
