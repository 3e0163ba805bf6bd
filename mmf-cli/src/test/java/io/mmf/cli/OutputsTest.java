package io.mmf.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files are written whole or not at all, into what they name, and never over an input or a device. */
class OutputsTest {
  @TempDir
  Path dir;

  private static final byte[] CONTENT = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);

  private static void writeOne(Path file) throws IOException {
    try (Outputs o = new Outputs(new PrintWriter(new StringWriter()))) {
      o.target("--csv", file);
      o.stage(file, out -> out.write(CONTENT));
      o.commit();
    }
  }

  private List<String> names() throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static void mkfifo(Path p) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "mkfifo is needed for pipe tests");
    assertEquals(0, new ProcessBuilder("/usr/bin/mkfifo", p.toString()).start().waitFor());
  }

  @Test
  void anExistingFileIsReplacedWholeAndKeepsItsMode() throws Exception {
    Path f = dir.resolve("out.csv");
    Files.writeString(f, "old");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
    writeOne(f);
    assertArrayEquals(CONTENT, Files.readAllBytes(f));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    assertEquals(List.of("out.csv"), names(), "no temporary file left");
  }

  @Test
  void aSymbolicLinkIsWrittenThrough() throws Exception {
    Path real = dir.resolve("real.csv");
    Files.writeString(real, "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real.getFileName());
    writeOne(link);
    assertTrue(Files.isSymbolicLink(link), "the link stays a link");
    assertArrayEquals(CONTENT, Files.readAllBytes(real));
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.csv"), Path.of("new.csv"));
    writeOne(dangling);
    assertTrue(Files.isSymbolicLink(dangling));
    assertArrayEquals(CONTENT, Files.readAllBytes(dir.resolve("new.csv")));
  }

  /**
   * A relative link in a directory reached through a linked directory points beside the real directory:
   * {@code L/out.csv -> ../t.csv} with {@code L -> deep/sub} is {@code deep/t.csv}. Resolved by name, it
   * was {@code t.csv} beside {@code L}: an unrelated file, which the run replaced.
   */
  @Test
  void aRelativeLinkIsReadInItsRealDirectory() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("deep/sub"));
    Path linkedDir = Files.createSymbolicLink(dir.resolve("L"), Path.of("deep/sub"));
    Files.createSymbolicLink(sub.resolve("out.csv"), Path.of("../t.csv"));
    Path unrelated = Files.writeString(dir.resolve("t.csv"), "unrelated");
    Path meant = Files.writeString(dir.resolve("deep/t.csv"), "old");
    writeOne(linkedDir.resolve("out.csv"));
    assertArrayEquals(CONTENT, Files.readAllBytes(meant));
    assertEquals("unrelated", Files.readString(unrelated));
    assertTrue(Files.isSymbolicLink(sub.resolve("out.csv")));
    // and an input reached that way is recognised as the output it would be
    CliTest.Run r = CliTest.run("nca", "--input", meant.toString(), "--output", linkedDir.resolve("out.csv")
        .toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("it is the --input file"), r.err());
  }

  @Test
  void aPipeIsWrittenDirectlyAndStaysAPipe() throws Exception {
    Path fifo = dir.resolve("pipe.csv");
    mkfifo(fifo);
    assertTrue(Outputs.writesDirectly(fifo));
    CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readAllBytes(fifo);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writeOne(fifo);
    assertArrayEquals(CONTENT, read.get(10, TimeUnit.SECONDS));
    assertFalse(Files.isRegularFile(fifo), "still a pipe");
    assertEquals(List.of("pipe.csv"), names());
  }

  @Test
  void aDeviceIsNeverReplacedByAFile() throws Exception {
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull));
    // checked first: were it wrong, writing as root would replace the machine's /dev/null
    assertTrue(Outputs.writesDirectly(devNull));
    writeOne(devNull);
    assertFalse(Files.isRegularFile(devNull));
    CliTest.Run r = CliTest.run("simulate", "--model", "van-hest-2005", "--dose", "1000", "--doses", "2", "--csv",
        "/dev/null");
    assertEquals(0, r.code(), r.err());
    assertFalse(Files.isRegularFile(devNull));
  }

  @Test
  void dashIsStandardOutput() throws Exception {
    StringWriter out = new StringWriter();
    try (Outputs o = new Outputs(new PrintWriter(out))) {
      o.target("--csv", Path.of("-"));
      o.stage(Path.of("-"), s -> s.write(CONTENT));
      assertEquals("", out.toString(), "nothing before the commit");
      o.commit();
    }
    assertEquals(new String(CONTENT, StandardCharsets.UTF_8), out.toString());
    CliTest.Run r = CliTest.run("simulate", "--model", "van-hest-2005", "--dose", "1000", "--doses", "1", "--grid",
        "1", "--csv", "-");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("time_h,mpa_mg_per_l,cumulative_auc_mg_h_per_l\r\n0.0,0.0,0.0\r\n"), r.out());
    assertFalse(r.out().contains("CSV written"), r.out());
  }

  @Test
  void aFailedRenderLeavesTheTargetAndNoTemporaryFile() throws Exception {
    Path f = dir.resolve("out.csv");
    Files.writeString(f, "old");
    try (Outputs o = new Outputs(new PrintWriter(new StringWriter()))) {
      o.target("--csv", f);
      Mmf.OutputFailure e = assertThrows(Mmf.OutputFailure.class, () -> o.stage(f, out -> {
        out.write(CONTENT);
        throw new IOException("disk full");
      }));
      assertTrue(e.getMessage().contains("cannot write " + f + ": disk full"), e.getMessage());
    }
    assertEquals("old", Files.readString(f));
    assertEquals(List.of("out.csv"), names());
  }

  @Test
  void aRunWritesAllItsOutputsOrNone() throws Exception {
    Path csv = dir.resolve("curve.csv");
    Files.writeString(csv, "old");
    // the plot goes to /dev/full through a link with the right extension: rendering succeeds, the write fails
    assumeTrue(Files.exists(Path.of("/dev/full")));
    Path plot = Files.createSymbolicLink(dir.resolve("full.svg"), Path.of("/dev/full"));
    CliTest.Run r = CliTest.run("simulate", "--model", "van-hest-2005", "--dose", "1000", "--doses", "2", "--csv",
        csv.toString(), "--plot", plot.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("cannot write " + plot), r.err());
    assertEquals("old", Files.readString(csv), "the first output is not written when the second fails");
    assertEquals(List.of("curve.csv", "full.svg"), names());
  }

  @Test
  void anOutputThatNamesAnInputIsRefused() throws Exception {
    Path model = dir.resolve("m.json");
    Files.copy(Path.of("../docs/models/two-compartment-ehc.json"), model);
    byte[] before = Files.readAllBytes(model);
    CliTest.Run r = CliTest.run("simulate", "--model", model.toString(), "--dose", "1000", "--csv", model.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("Invalid value for --csv (expected a file that is not an input of this run; it is"
        + " the --model file)"), r.err());
    Path levels = dir.resolve("x.csv");
    Files.writeString(levels, "time_h,conc_mg_per_l\n0,0\n1,5\n2,3\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), levels);
    Path hard = Files.createLink(dir.resolve("hard.csv"), levels);
    for (Path out : List.of(levels, link, hard)) {
      CliTest.Run nca = CliTest.run("nca", "--input", levels.toString(), "--output", out.toString());
      assertEquals(2, nca.code(), out + ": " + nca.err());
      assertTrue(nca.err().contains("it is the --input file"), nca.err());
    }
    assertArrayEquals(before, Files.readAllBytes(model));
    assertEquals("time_h,conc_mg_per_l\n0,0\n1,5\n2,3\n", Files.readString(levels));
    Path samples = dir.resolve("s.csv");
    Files.writeString(samples, "hours_after_dose,mpa_mg_per_l\n1,8\n");
    CliTest.Run est = CliTest.run("estimate", "--dose", "1000", "--samples", samples.toString(), "--csv",
        samples.toString());
    assertEquals(2, est.code(), est.err());
    Path cov = dir.resolve("cov.csv");
    Files.writeString(cov, "weightKg\n70\n");
    CliTest.Run pop = CliTest.run("population", "--model", "jiao-2008", "--dose", "1000", "--covariates",
        cov.toString(), "--csv", cov.toString());
    assertEquals(2, pop.code(), pop.err());
    assertEquals("weightKg\n70\n", Files.readString(cov));
  }

  @Test
  void twoOutputsOfOneRunMayNotNameTheSameFile() throws Exception {
    Path f = dir.resolve("both.svg");
    CliTest.Run r = CliTest.run("simulate", "--model", "van-hest-2005", "--dose", "1000", "--csv", f.toString(),
        "--plot", f.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("Invalid value for --plot (expected a file that no other output of this run"
        + " writes; --csv writes it)"), r.err());
    assertFalse(Files.exists(f));
  }

  @Test
  void aDirectoryOrAMissingDirectoryIsAFailedRunBeforeAnyWork() throws Exception {
    CliTest.Run r = CliTest.run("simulate", "--model", "van-hest-2005", "--dose", "1000", "--csv", dir.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("cannot write " + dir + ": it is a directory"), r.err());
    assertFalse(r.out().contains("Model:"), "refused before the simulation");
  }

  /** The exit code and standard output (when it is a pipe) of a run in a process of its own. */
  private record Exited(int code, String out) {}

  /**
   * Runs the tool in a process of its own, standard output and error going where the builder says, through
   * {@code prefix} (a shell that opens more descriptors) if given.
   */
  private static Exited mmf(ProcessBuilder b, List<String> prefix, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(prefix);
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Mmf.class.getName()));
    command.addAll(List.of(args));
    Process p = b.command(command).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "mmf ended");
      return new Exited(p.exitValue(), out);
    } finally {
      p.destroyForcibly();
    }
  }

  private static final String[] CURVE = {"simulate", "--model", "van-hest-2005", "--dose", "1000", "--doses", "1",
      "--grid", "4"};

  private static String[] curveTo(String option, String file, String... more) {
    List<String> a = new java.util.ArrayList<>(List.of(CURVE));
    a.add(option);
    a.add(file);
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  /**
   * {@code /dev/stdout} is this process's standard output, written on the stream after the summary: into a
   * pipe (it used to end in "cannot write /dev/stdout: no such file or directory", exit 1, as the link
   * reads {@code pipe:[N]}), and into a file the shell opened, which is neither replaced by a rename (the
   * summary printed into it was lost with the old file) nor overwritten from its start.
   */
  @Test
  void devStdoutIsTheStandardOutputStreamWhateverItIs() throws Exception {
    Path captured = dir.resolve("captured.txt");
    Exited piped = mmf(new ProcessBuilder().redirectError(ProcessBuilder.Redirect.DISCARD), List.of(),
        curveTo("--csv", "/dev/stdout"));
    assertEquals(0, piped.code(), piped.out());
    assertSummaryThenCurve(piped.out());

    Files.writeString(captured, "");
    Object inode = Files.getAttribute(captured, "unix:ino");
    assertEquals(0, mmf(new ProcessBuilder().redirectOutput(captured.toFile()).redirectError(
        ProcessBuilder.Redirect.DISCARD), List.of(), curveTo("--csv", "/dev/stdout")).code());
    assertEquals(inode, Files.getAttribute(captured, "unix:ino"), "the file behind standard output is not replaced");
    assertSummaryThenCurve(Files.readString(captured));
    assertEquals(List.of("captured.txt"), names(), "no temporary file");
  }

  private static void assertSummaryThenCurve(String printed) {
    int summary = printed.indexOf("Model:    van Hest 2005");
    int curve = printed.indexOf("time_h,mpa_mg_per_l,cumulative_auc_mg_h_per_l");
    assertTrue(summary >= 0 && curve > summary, printed);
    assertTrue(printed.contains("12.0,0.57894130590222"), "the whole curve: " + printed);
    assertFalse(printed.contains("CSV written"), "nothing is said after the data, as for -: " + printed);
  }

  /** {@code /dev/stderr} is written on the standard error stream, and {@code /dev/fd/N} appends to its file. */
  @Test
  void otherDescriptorsAreWrittenIntoNotReplaced() throws Exception {
    Path log = Files.writeString(dir.resolve("log.txt"), "");
    Object inode = Files.getAttribute(log, "unix:ino");
    assertEquals(0, mmf(new ProcessBuilder().redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(
        log.toFile()), List.of(), curveTo("--csv", "/dev/stderr")).code());
    assertEquals(inode, Files.getAttribute(log, "unix:ino"), "the file behind standard error is not replaced");
    assertTrue(Files.readString(log).startsWith("time_h,mpa_mg_per_l,cumulative_auc_mg_h_per_l\r\n0.0,0.0,0.0"),
        Files.readString(log));
    // another descriptor (3, opened by a shell for appending) is opened for appending, never renamed over
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
    Path kept = Files.writeString(dir.resolve("kept.txt"), "kept\n");
    Exited fd3 = mmf(new ProcessBuilder().redirectError(ProcessBuilder.Redirect.DISCARD), List.of("/bin/sh", "-c",
        "exec \"$@\" 3>>\"" + kept + "\"", "sh"), curveTo("--csv", "/dev/fd/3"));
    assertEquals(0, fd3.code(), fd3.out());
    assertTrue(Files.readString(kept).startsWith("kept\ntime_h,mpa_mg_per_l"), Files.readString(kept));
    assertEquals(List.of("kept.txt", "log.txt"), names(), "no temporary file");
  }

  /** A descriptor that is not open, or a new file among the descriptors, is a failed run before any work. */
  @Test
  void aClosedDescriptorIsAFailedRunAndJsonKeepsStandardOutputToItself() throws Exception {
    CliTest.Run closed = CliTest.run(curveTo("--csv", "/dev/fd/97"));
    assertEquals(1, closed.code(), closed.err());
    assertTrue(closed.err().contains("cannot write /dev/fd/97: no such file descriptor"), closed.err());
    assertFalse(closed.out().contains("Model:"), "refused before the simulation");
    CliTest.Run inside = CliTest.run(curveTo("--plot", "/dev/fd/1.svg"));
    assertEquals(1, inside.code(), inside.err());
    assertTrue(inside.err().contains("no such file descriptor"), inside.err());
    // JSON is the whole of standard output: no output file may join it under another name
    Path link = Files.createSymbolicLink(dir.resolve("out.svg"), Path.of("/dev/stdout"));
    for (String[] a : List.of(curveTo("--csv", "/dev/stdout", "--format", "json"), curveTo("--plot", link.toString(),
        "--format", "json"))) {
      CliTest.Run r = CliTest.run(a);
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("(expected a file with --format json, which prints its document on standard"
          + " output)"), r.err());
    }
    CliTest.Run both = CliTest.run(curveTo("--csv", "-", "--plot", link.toString()));
    assertEquals(2, both.code(), both.err());
    assertTrue(both.err().contains("--csv writes it"), both.err());
  }

  /** A process stopped by SIGTERM in the middle of a write leaves no temporary file. */
  @Test
  void sigtermDuringAWriteLeavesNoTemporaryFile() throws Exception {
    Path target = dir.resolve("out.csv");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), SlowWrite.class.getName(), target.toString())
        .redirectErrorStream(true).start();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("writing", in.readLine());
      assertEquals(1, names().stream().filter(n -> n.endsWith(".tmp")).count(), "the write is under way");
      p.destroy(); // SIGTERM
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    } finally {
      p.destroyForcibly();
    }
    assertEquals(List.of(), names(), "no temporary file and no partial output");
  }

  /** Starts writing an output, says so, and waits to be stopped. */
  static final class SlowWrite {
    public static void main(String[] args) throws Exception {
      Path target = Path.of(args[0]);
      try (Outputs o = new Outputs(new PrintWriter(System.out))) {
        o.target("--csv", target);
        o.stage(target, out -> {
          out.write(CONTENT);
          out.flush();
          System.out.println("writing");
          System.out.flush();
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
      }
    }
  }
}
