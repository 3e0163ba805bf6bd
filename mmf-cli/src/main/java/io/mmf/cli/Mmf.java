package io.mmf.cli;

import io.mmf.pk.model.ModelFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code mmf} command: MMF knowledge and MPA simulation from the command line. Exit codes: 0 on
 * success, 2 on bad usage or bad input (unknown names, invalid values, malformed model files), 1 when
 * a run fails (a file cannot be written). Errors are one line on stderr; {@code --verbose} adds the
 * stack trace.
 */
@Command(name = "mmf", mixinStandardHelpOptions = true, versionProvider = Mmf.Version.class,
    description = "Mycophenolate mofetil (MMF) therapy: conditions, regimen checks, monitoring schedules and"
        + " mycophenolic acid (MPA) simulations. Decision support, not medical advice.",
    subcommands = {ConditionsCommand.class, CheckCommand.class, ScheduleCommand.class, SimulateCommand.class,
        PopulationCommand.class, NcaCommand.class, EstimateCommand.class})
public final class Mmf implements Runnable {
  /** Exit code of a successful run. */
  public static final int OK = 0;
  /** Exit code of a run that failed for a reason other than its input. */
  public static final int FAILED = 1;
  /** Exit code of bad usage or bad input. */
  public static final int BAD_INPUT = 2;

  @Option(names = "--verbose", description = "Print stack traces with errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Runs the tool and exits with its exit code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(execute(args, out, err));
  }

  /**
   * Runs the tool in-process.
   *
   * @param args command-line arguments
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Mmf());
    // decimal notation only: Java's own parsing would also take 0x1p10, 1000d, NaN and Infinity
    cli.registerConverter(Double.class, Mmf::decimal);
    cli.registerConverter(Double.TYPE, Mmf::decimal);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler((ex, a) -> {
      err.println("mmf: " + message(ex));
      err.println("Try 'mmf " + commandPath(ex.getCommandLine()) + "--help'.");
      if (verbose(ex.getCommandLine())) {
        ex.printStackTrace(err);
      }
      return BAD_INPUT;
    });
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> report(ex, verbose(cmd), err));
    int code;
    try {
      code = cli.execute(args);
    } catch (RuntimeException | Error e) {
      // picocli hands exceptions of a command to the handler above, but not errors (a stack overflow, no
      // memory left): those are a failed run too, reported in one line like any other.
      code = report(e, verbose(args), err);
    }
    out.flush();
    err.flush();
    return code;
  }

  /**
   * Reports a failure in one line (its stack trace only with {@code --verbose}) and returns its exit code:
   * {@link #BAD_INPUT} for invalid arguments and model files, {@link #FAILED} for everything else.
   */
  private static int report(Throwable ex, boolean verbose, PrintWriter err) {
    Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
    boolean badInput = cause instanceof IllegalArgumentException || cause instanceof ModelFileException
        || cause instanceof java.time.DateTimeException
        // the library's own null checks say "Invalid value for x (expected non-null)"; any other NPE is a bug
        || (cause instanceof NullPointerException && String.valueOf(cause.getMessage()).startsWith("Invalid value"));
    String what = cause instanceof Error || (cause.getMessage() == null && !badInput)
        ? "internal error (" + cause.getClass().getSimpleName() + "); rerun with --verbose for the stack trace" + (
            cause.getMessage() == null ? "" : ": " + cause.getMessage())
        : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    err.println("mmf: " + Text.cut(what, Text.MESSAGE));
    if (verbose) {
      ex.printStackTrace(err);
    }
    return badInput ? BAD_INPUT : FAILED;
  }

  private static Double decimal(String text) {
    double v = CsvInput.decimal(text);
    if (Double.isNaN(v)) {
      throw new CommandLine.TypeConversionException(Text.quoted(text) + " is not a decimal number (expected e.g."
          + " 1000, 0.5 or 1e3)");
    }
    return v;
  }

  /** The message of an error, with control characters escaped and cut to a readable length. */
  private static String message(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return Text.cut(m, Text.MESSAGE);
  }

  private static boolean verbose(String[] args) {
    return java.util.Arrays.asList(args).contains("--verbose");
  }

  private static String commandPath(CommandLine cmd) {
    String path = cmd.getCommandSpec().qualifiedName(" ");
    path = path.startsWith("mmf") ? path.substring(3).trim() : path;
    return path.isEmpty() ? "" : path + " ";
  }

  private static boolean verbose(CommandLine cmd) {
    CommandLine c = cmd;
    while (c.getParent() != null) {
      c = c.getParent();
    }
    return c.getCommand() instanceof Mmf m && m.verbose;
  }

  /** The version, from the jar manifest when packaged. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Mmf.class.getPackage().getImplementationVersion();
      return new String[] {"mmf " + (v == null ? "(version unknown: not run from the packaged jar)" : v)};
    }
  }

  /** Signals a failure writing an output file (exit code 1). */
  static final class OutputFailure extends IOException {
    private static final long serialVersionUID = 1L;

    OutputFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
