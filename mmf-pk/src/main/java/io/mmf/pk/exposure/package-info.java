/**
 * Exposure against a therapeutic target: the summary of a regimen (first-dose and steady-state AUC, Cmax,
 * C0, verdict) and the dose that meets the target's middle, dispensed from available strengths.
 */
package io.mmf.pk.exposure;
