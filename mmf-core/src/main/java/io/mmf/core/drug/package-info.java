/**
 * The drugs (MMF, mycophenolate sodium), their formulations and strengths, doses, the MPA equivalence
 * between them, and dispensing a dose from available strengths.
 */
package io.mmf.core.drug;
