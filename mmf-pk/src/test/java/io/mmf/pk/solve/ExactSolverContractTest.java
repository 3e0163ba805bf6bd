package io.mmf.pk.solve;

/** The exact solver against the contract's closed forms, to rounding. */
class ExactSolverContractTest extends ConcentrationSolverContract {
  @Override
  ConcentrationSolver solver() {
    return new ExactSolver();
  }

  @Override
  double tolerance() {
    return 1e-11;
  }
}
