/**
 * Generators of mmf-core's inputs for property tests ({@link io.mmf.testkit.core.CoreGenerators}): doses,
 * intervals, regimens, patients, lab results and conditions, with the edge cases validation must hold at.
 */
package io.mmf.testkit.core;
