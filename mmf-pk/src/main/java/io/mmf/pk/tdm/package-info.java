/**
 * Therapeutic drug monitoring from measured MPA levels: published limited-sampling regression
 * equations for AUC0-12 ({@link io.mmf.pk.tdm.LimitedSamplingEquation}).
 */
package io.mmf.pk.tdm;
