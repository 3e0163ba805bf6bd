/**
 * Virtual populations: random effects, residual error, covariate distributions, and the streamed
 * Monte Carlo simulation of target attainment over several regimens.
 */
package io.mmf.pk.population;
