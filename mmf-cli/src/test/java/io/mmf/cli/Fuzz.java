package io.mmf.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The fuzz suite's harness: runs one command line in a directory of its own, with the standard input
 * files in it, and checks what the tool promises whatever the input: it ends within the per-case
 * timeout, with the expected exit code, a one-line message that names the problem, no stack trace, no
 * NaN or infinity printed, and no partial, replaced or temporary file left.
 */
final class Fuzz {
  /** Per-case timeout: far above any case's run (under a second), so reaching it means a hang. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Standard inputs written into every case's directory. */
  static final String LEVELS = "levels.csv";
  static final String COVARIATES = "cov.csv";
  static final String SAMPLES = "samples.csv";
  static final String MODEL = "model.json";
  static final String DATA = "data.csv";

  /** What a case expects. */
  enum Expect {
    /** Exit 0. */
    OK,
    /** Exit 2, bad input. */
    BAD_INPUT,
    /** Exit 1, a failed run (an output that cannot be written). */
    FAILED,
    /** Exit 0, or 1 where the data cannot support an estimate (MAP). */
    OK_OR_FAILED
  }

  /** Kinds of broken promise, as the issue counted them. */
  enum Problem {
    HANG, WRONG_EXIT_CODE, STACK_TRACE, VAGUE_MESSAGE, NAN_OR_INFINITY_PRINTED, PARTIAL_OR_REPLACED_FILE,
    CONTROL_CHARACTER_PRINTED
  }

  /**
   * One command line.
   *
   * @param name for the report
   * @param expect the exit code it must give
   * @param message a text the error must contain, or null for the generic check
   * @param args the arguments; {@code {dir}} stands for the case's directory
   * @param outputs files (relative to the directory) the command may create or change on success
   */
  record Case(String name, Expect expect, String message, List<String> args, Set<String> outputs) {
    static Case of(Expect expect, String message, String... args) {
      return new Case(String.join(" ", args), expect, message, List.of(args), Set.of());
    }

    Case writing(String... files) {
      return new Case(name, expect, message, args, Set.of(files));
    }
  }

  /** Everything that went wrong in a set of cases. */
  static final class Report {
    final Map<Problem, List<String>> problems = new EnumMap<>(Problem.class);
    int cases;

    void add(Problem p, Case c, String detail) {
      problems.computeIfAbsent(p, k -> new ArrayList<>()).add(c.name() + " -> " + detail);
    }

    int count(Problem p) {
      return problems.getOrDefault(p, List.of()).size();
    }

    boolean clean() {
      return problems.isEmpty();
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder(cases + " cases:");
      for (Problem p : Problem.values()) {
        b.append(' ').append(count(p)).append(' ').append(p.name().toLowerCase(java.util.Locale.ROOT));
        b.append(p == Problem.values()[Problem.values().length - 1] ? "" : ",");
      }
      problems.forEach((p, list) -> list.stream().limit(20).forEach(s -> b.append("\n  ").append(p).append(": ")
          .append(Text.cut(s, 600))));
      return b.toString();
    }
  }

  private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "mmf-fuzz");
    t.setDaemon(true);
    return t;
  });

  /** NaN or Infinity as a value; a word of prose ("AUC Infinity Obs", CDISC's name for AUCIFO) is not one. */
  private static final Pattern NAN_OR_INFINITY = Pattern.compile(
      "(?<![A-Za-z])(?<![A-Za-z] )(NaN|Infinity)(?![A-Za-z])");
  private static final Pattern STACK = Pattern.compile("\tat |Exception in thread|Caused by:|^java\\.|\\.java:\\d+\\)",
      Pattern.MULTILINE);
  /** A message that names its problem says what was expected, what is wrong, or what cannot be done. */
  private static final Pattern NAMED = Pattern.compile("expected|Unknown|unknown|cannot|missing|Missing|not valid"
      + "|not a |No samples|no samples|no covariate rows|below the limit|does not match|repeats column|larger than"
      + "|not a regular file|exceeds a limit|must |is not|Invalid value|no windowed transfer|population's edge"
      + "|converge|too many|requires|Expected parameter|edge of|before the first", 0);

  private Fuzz() {}

  /** Writes the standard inputs into a case's directory. */
  static void fixtures(Path dir) throws IOException {
    Files.writeString(dir.resolve(LEVELS), "subject,time_h,conc_mg_per_l,dose_mg\n"
        + "a,0,0,1000\na,0.5,6,1000\na,1,10,1000\na,2,8,1000\na,4,4,1000\na,8,2,1000\na,12,1,1000\n"
        + "b,0,0,500\nb,1,5,500\nb,2,3,500\nb,6,1,500\n");
    Files.writeString(dir.resolve(COVARIATES), "creatinineClearanceMlPerMin,albuminGPerL,cyclosporineMgPerDay,female"
        + ",weightKg\n48,30,450,0,70\n60,25,300,1,55\n");
    Files.writeString(dir.resolve(SAMPLES), "hours_after_dose,mpa_mg_per_l\n0.33,6.5\n1,12.8\n3,4.1\n");
    Files.copy(Path.of("../docs/models/two-compartment-ehc.json"), dir.resolve(MODEL));
    Files.writeString(dir.resolve(DATA), "ID,TIME,EVID,AMT,II,ADDL,DV,MDV\n1,8,1,1000,12,5,,1\n1,68,0,0,,,2.1,0\n"
        + "1,68.33,0,0,,,8.4,0\n1,69,0,0,,,11.5,0\n1,71,0,0,,,4.2,0\n");
  }

  /** Runs one case in a new directory below {@code root} and adds what went wrong to the report. */
  static void run(Path root, Case c, Report report) {
    report.cases++;
    Path dir;
    try {
      dir = Files.createTempDirectory(root, "case");
      fixtures(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String[] args = c.args().stream().map(a -> a.replace("{dir}", dir.toString())).toArray(String[]::new);
    Map<String, String> before = snapshot(dir);
    Future<CliTest.Run> f = RUNNER.submit(() -> CliTest.run(args));
    CliTest.Run r;
    try {
      r = f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      report.add(Problem.HANG, c, "no exit within " + TIMEOUT.toSeconds() + " s");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      report.add(Problem.STACK_TRACE, c, "threw " + e.getCause());
      return;
    }
    check(c, dir, before, r, report);
  }

  private static void check(Case c, Path dir, Map<String, String> before, CliTest.Run r, Report report) {
    String summary = "exit " + r.code() + ", err: " + r.err().strip();
    boolean codeOk = switch (c.expect()) {
      case OK -> r.code() == 0;
      case BAD_INPUT -> r.code() == 2;
      case FAILED -> r.code() == 1;
      case OK_OR_FAILED -> r.code() == 0 || r.code() == 1;
    };
    if (!codeOk) {
      report.add(Problem.WRONG_EXIT_CODE, c, "expected " + c.expect() + ", " + summary);
    }
    if (STACK.matcher(r.err()).find() || STACK.matcher(r.out()).find()) {
      report.add(Problem.STACK_TRACE, c, summary);
    }
    if (r.code() != 0) {
      String first = r.err().lines().findFirst().orElse("");
      boolean named = c.message() != null ? r.err().contains(c.message())
          : first.startsWith("mmf: ") && NAMED.matcher(first).find();
      if (!named || r.err().lines().filter(l -> !l.startsWith("Try 'mmf")).count() != 1) {
        report.add(Problem.VAGUE_MESSAGE, c, (c.message() == null ? "" : "expected '" + c.message() + "', ") + summary);
      }
    }
    if (NAN_OR_INFINITY.matcher(r.out()).find()) {
      report.add(Problem.NAN_OR_INFINITY_PRINTED, c, "stdout: " + r.out());
    }
    for (String s : new String[] {r.out(), r.err()}) {
      if (s.chars().anyMatch(ch -> ch == 0x1b || ch == 0x07 || ch == 0x9b || (ch < 0x20 && ch != '\n' && ch != '\r'))) {
        report.add(Problem.CONTROL_CHARACTER_PRINTED, c, Text.escape(s));
      }
    }
    Map<String, String> after = snapshot(dir);
    Map<String, String> changed = new TreeMap<>();
    Set<String> names = new java.util.TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    for (String n : names) {
      if (!java.util.Objects.equals(before.get(n), after.get(n))) {
        changed.put(n, before.get(n) + " -> " + after.get(n));
      }
    }
    if (r.code() != 0 || !c.outputs().containsAll(changed.keySet())) {
      Map<String, String> unexpected = new TreeMap<>(changed);
      if (r.code() == 0) {
        unexpected.keySet().removeAll(c.outputs());
      }
      if (!unexpected.isEmpty()) {
        report.add(Problem.PARTIAL_OR_REPLACED_FILE, c, unexpected + "; " + summary);
      }
    }
    if (r.code() == 0) {
      for (String o : c.outputs()) {
        Path p = dir.resolve(o);
        if (Files.isRegularFile(p) && o.endsWith(".csv")) {
          try {
            if (NAN_OR_INFINITY.matcher(Files.readString(p)).find()) {
              report.add(Problem.NAN_OR_INFINITY_PRINTED, c, o + " holds NaN or Infinity");
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
  }

  /** Every entry of a directory (links not followed): its type, mode and content hash, by name. */
  static Map<String, String> snapshot(Path dir) {
    Map<String, String> out = new TreeMap<>();
    try (var files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (p.equals(dir)) {
          continue;
        }
        String name = dir.relativize(p).toString();
        String state;
        if (Files.isSymbolicLink(p)) {
          state = "link to " + Files.readSymbolicLink(p);
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          state = "directory";
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          state = "file " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) + " " + hash(p);
        } else {
          state = "special";
        }
        out.put(name, state);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String hash(Path p) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))
          .substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
