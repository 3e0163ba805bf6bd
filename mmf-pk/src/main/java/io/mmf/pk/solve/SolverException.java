package io.mmf.pk.solve;

/**
 * A solver could not finish a valid problem: the propagator of a period leaves no steady state, a step
 * could not be taken, or the numerical path ran out of its evaluation budget. Unchecked: the caller
 * cannot repair the input, but may try the other solver or report the failure (the command-line tool
 * exits with 1, not with the 2 of bad input). It names the model and the time at which the solve
 * failed.
 */
public final class SolverException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The model's name. */
  private final String modelName;
  /** The time of the failure, h on the solve's clock. */
  private final double timeHours;

  /**
   * Creates the exception.
   *
   * @param modelName the model's name
   * @param timeHours when the solve failed, h
   * @param reason what failed
   * @param cause the underlying failure, or null
   */
  public SolverException(String modelName, double timeHours, String reason, Throwable cause) {
    super("Solver failed on model '" + modelName + "' at " + timeHours + " h: " + reason, cause);
    this.modelName = modelName;
    this.timeHours = timeHours;
  }

  /**
   * Returns the name of the model the solve failed on.
   *
   * @return the model's name
   */
  public String modelName() {
    return modelName;
  }

  /**
   * Returns when the solve failed, h on the solve's clock.
   *
   * @return the time, h
   */
  public double timeHours() {
    return timeHours;
  }
}
