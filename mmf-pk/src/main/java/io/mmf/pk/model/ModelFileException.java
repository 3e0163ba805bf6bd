package io.mmf.pk.model;

import java.nio.file.Path;

/**
 * A model file that cannot be read or is not a valid model. The message names the file, the line and
 * the field at fault.
 */
public final class ModelFileException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The file, as given. */
  private final transient Path file;
  /** 1-based line of the problem, or 0 when it concerns the whole file. */
  private final int line;

  /**
   * Creates the exception.
   *
   * @param file the file
   * @param line 1-based line, or 0 for the whole file
   * @param message what is wrong, naming the field
   * @param cause the underlying error, or null
   */
  public ModelFileException(Path file, int line, String message, Throwable cause) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message, cause);
    this.file = file;
    this.line = line;
  }

  /**
   * The file at fault.
   *
   * @return the path as given
   */
  public Path file() {
    return file;
  }

  /**
   * The line at fault.
   *
   * @return 1-based line, or 0 when the problem concerns the whole file
   */
  public int line() {
    return line;
  }
}
