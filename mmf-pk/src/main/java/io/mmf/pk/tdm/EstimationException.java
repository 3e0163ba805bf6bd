package io.mmf.pk.tdm;

/**
 * The data cannot support a Bayesian estimate, or the optimiser could not find one: every sample below
 * the limit of quantification, the estimate pushed to the edge of the population, no convergence. The
 * message says which and why; no estimate is returned in its place.
 */
public final class EstimationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An estimation failure.
   *
   * @param message what failed and why
   */
  public EstimationException(String message) {
    super(message);
  }
}
