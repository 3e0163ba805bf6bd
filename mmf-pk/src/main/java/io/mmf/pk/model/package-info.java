/**
 * Pharmacokinetic models of mycophenolic acid: linear compartment networks ({@link io.mmf.pk.model.PkModel})
 * with dose inputs and emptying windows, the published presets, the model families, co-medication
 * interactions, models whose numbers follow covariates, and model files in JSON.
 */
package io.mmf.pk.model;
