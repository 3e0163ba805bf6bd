/**
 * Small dense linear algebra on {@code double[]} (products, solves, the matrix exponential, the modal
 * decomposition, sign changes of exponential sums) and the JSON reader; not exported.
 */
package io.mmf.pk.internal;
