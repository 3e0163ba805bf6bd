/**
 * The Spark job of mmf: grids of population simulations and simulation-estimation studies
 * ({@link io.mmf.spark.Scenario}, read by {@link io.mmf.spark.Scenarios}) run as one
 * {@code mapPartitions} per scenario over chunks of subjects ({@link io.mmf.spark.PopulationJob}), with
 * the results of mmf's in-process engine, to the bit, for any partitioning.
 */
package io.mmf.spark;
