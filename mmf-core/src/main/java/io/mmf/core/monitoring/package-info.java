/**
 * Monitoring: the dated plan of laboratory checks for a condition, lab results and units, and the rules
 * that turn a result into a finding.
 */
package io.mmf.core.monitoring;
