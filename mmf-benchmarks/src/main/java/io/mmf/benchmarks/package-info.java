/**
 * JMH benchmarks of mmf-pk (one idea per benchmark method), a JMH profiler that reports CPU time beside
 * wall time, and the cold-start harness; run by hand (see mmf-benchmarks/README.md), compiled in CI.
 */
package io.mmf.benchmarks;
