/**
 * The exact engine (not exported): the records and the model compiled once into a plan of segments,
 * each propagated by its matrix exponential (modal form or Pade, chosen once per model and window
 * state), one walk over the plan for every question, and the steady state as the periodic fixed point.
 */
package io.mmf.pk.solve.exact;
