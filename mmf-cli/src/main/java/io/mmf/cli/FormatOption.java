package io.mmf.cli;

import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --format text|json}: what a command prints on standard output. */
final class FormatOption {
  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "What to print: text (the default) or json (one JSON document; numbers at full precision,"
          + " units in the field names; schemas in docs/schema/).")
  String format;

  /**
   * Whether JSON is asked for.
   *
   * @throws IllegalArgumentException naming the option for another value
   */
  boolean json() {
    return switch (format.trim().toLowerCase(Locale.ROOT)) {
      case "text" -> false;
      case "json" -> true;
      default -> throw new IllegalArgumentException("Invalid value for --format (expected text or json): "
          + Text.shown(format));
    };
  }

  /**
   * Refuses standard output as a file output when JSON goes there.
   *
   * @param option the output's option
   * @param file the output, or null
   * @throws IllegalArgumentException if JSON is asked for and the file is {@code -}
   */
  void requireFile(String option, java.nio.file.Path file) {
    if (json() && file != null && Outputs.standardOutput(file)) {
      throw new IllegalArgumentException("Invalid value for " + option + " (expected a file with --format json, which"
          + " prints its document on standard output): " + Text.shown(file.toString()));
    }
  }

  /** Where the text goes: the command's standard output, or nowhere when JSON is printed instead. */
  java.io.PrintWriter text(java.io.PrintWriter out) {
    return json() ? new java.io.PrintWriter(java.io.Writer.nullWriter()) : out;
  }
}
