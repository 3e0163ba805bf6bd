/**
 * Dosing regimens (dose, interval, formulation, titration) and the check of a regimen against a condition
 * and a patient.
 */
package io.mmf.core.regimen;
