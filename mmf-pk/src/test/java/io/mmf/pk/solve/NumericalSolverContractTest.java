package io.mmf.pk.solve;

/** The numerical solver against the contract's closed forms, to its integration accuracy. */
class NumericalSolverContractTest extends ConcentrationSolverContract {
  @Override
  ConcentrationSolver solver() {
    return new NumericalSolver();
  }

  @Override
  double tolerance() {
    return 1e-8;
  }
}
