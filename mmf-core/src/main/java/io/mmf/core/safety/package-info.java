/**
 * Safety screening: a patient's risk factors and co-medications against a formulation, with
 * contraindications, warnings and interactions as findings.
 */
package io.mmf.core.safety;
