/**
 * MPA exposure targets: {@link io.mmf.core.target.AucTarget} windows and lower bounds, each with the
 * population it was given for and its source, and {@link io.mmf.core.target.TargetVerdict}, an AUC
 * judged against one. A condition that no source gives a target for is compared with the seed 003
 * window for orientation only, never with a plain verdict.
 */
package io.mmf.core.target;
