/**
 * The solvers' API: {@link io.mmf.pk.solve.ConcentrationSolver} over dose records, with the exact path
 * ({@link io.mmf.pk.solve.ExactSolver}) and the independent numerical one
 * ({@link io.mmf.pk.solve.NumericalSolver}), what they return (profiles, steady states) and how they fail
 * ({@link io.mmf.pk.solve.SolverException}). Their engines live in the non-exported packages
 * {@code io.mmf.pk.solve.exact} and {@code io.mmf.pk.solve.numerical}.
 */
package io.mmf.pk.solve;
