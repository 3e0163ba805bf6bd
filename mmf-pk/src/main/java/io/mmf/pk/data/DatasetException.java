package io.mmf.pk.data;

/**
 * A dataset that cannot be read as it stands: the message starts with {@code source:line:column: }
 * (the column left out where the problem is the row's or the file's) and says what was found and what
 * was expected. An {@link IllegalArgumentException}, so that callers treat it as bad input.
 */
public final class DatasetException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The file or source name. */
  private final String source;
  /** The 1-based line. */
  private final long line;
  /** The 1-based column, or 0. */
  private final int column;

  /**
   * An error at a position.
   *
   * @param source the file (or other source) name
   * @param line 1-based line, the header being line 1
   * @param column 1-based column, or 0 for the whole row
   * @param message what is wrong, without the position
   */
  public DatasetException(String source, long line, int column, String message) {
    super(source + ":" + line + (column > 0 ? ":" + column : "") + ": " + message);
    this.source = source;
    this.line = line;
    this.column = column;
  }

  /**
   * Returns the source named in the message.
   *
   * @return the file or source name
   */
  public String source() {
    return source;
  }

  /**
   * Returns the line of the problem.
   *
   * @return 1-based line (the header is line 1)
   */
  public long line() {
    return line;
  }

  /**
   * Returns the column of the problem.
   *
   * @return 1-based column, or 0 when the problem is the row's or the file's
   */
  public int column() {
    return column;
  }
}
