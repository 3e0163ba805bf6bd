/**
 * Therapeutic drug monitoring from measured MPA levels: published limited-sampling regression
 * equations for AUC0-12 ({@link io.mmf.pk.tdm.LimitedSamplingEquation}), and Bayesian (MAP)
 * estimation of one patient under a population model ({@link io.mmf.pk.tdm.MapEstimator}) with its
 * clinical reading: AUC with an interval, verdict, dose advice and probability of target attainment
 * ({@link io.mmf.pk.tdm.MapEstimate#assess}).
 */
package io.mmf.pk.tdm;
