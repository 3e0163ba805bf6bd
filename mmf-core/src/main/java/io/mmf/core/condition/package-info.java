/**
 * The conditions MMF treats, with their evidence, usual doses, dose limits, response timelines and MPA
 * exposure targets, in a searchable catalog ({@link io.mmf.core.condition.ConditionCatalog}).
 */
package io.mmf.core.condition;
