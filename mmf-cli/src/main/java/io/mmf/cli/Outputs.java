package io.mmf.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The output files of one run, written all or none.
 *
 * <ul>
 *   <li>{@link #input} names the run's input files and {@link #target} checks each output before any
 *       work: an output that is an input (or another output of the run), a directory, or a file in a
 *       missing or read-only directory is refused at once.
 *   <li>{@link #stage} renders an output: a regular file (or a new one) into a temporary file beside
 *       it, a device, a pipe or {@code -} (standard output) into memory. A symbolic link is followed,
 *       so the file it points to is the one written.
 *   <li>{@link #commit} writes devices and pipes directly (a device is never replaced by a file), then
 *       moves each temporary file over its target in one rename, with the mode (and, where allowed,
 *       the owner) of the file it replaces. Nothing is committed before every output has rendered, so
 *       a run that fails leaves every target as it was.
 *   <li>{@link #close} removes the temporary files that were not committed; a shutdown hook does the
 *       same when the process is stopped (SIGTERM, Ctrl-C) in the middle of a write.
 * </ul>
 */
final class Outputs implements AutoCloseable {
  /** The file name that means standard output. */
  static final String STDOUT = "-";

  /** Temporary files not yet committed or removed, in every run of this process. */
  private static final Set<Path> LIVE_TEMPORARIES = ConcurrentHashMap.newKeySet();
  private static final AtomicLong COUNTER = new AtomicLong();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Outputs::removeLiveTemporaries, "mmf-output-cleanup"));
  }

  /** Writes the content of one output. */
  interface Content {
    /**
     * Writes the whole content.
     *
     * @param out where to write; closed by the caller
     * @throws IOException if writing fails
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Where an output goes. */
  private enum Kind {
    /** A regular file, or a new one: written beside it and renamed into place. */
    FILE,
    /** An existing device, pipe or socket: written directly, never replaced. */
    DIRECT,
    /** Standard output ({@code -}). */
    STDOUT
  }

  /** A checked output: as given, where writes land, and how. */
  private record Target(String option, Path given, Path real, Kind kind) {}

  /** A rendered output waiting for {@link #commit}. */
  private record Staged(Target target, Path temporary, byte[] bytes) {}

  private final PrintWriter stdout;
  private final Map<Path, String> inputs = new LinkedHashMap<>();
  private final Map<Path, Target> targets = new LinkedHashMap<>();
  private final List<Staged> staged = new ArrayList<>();

  /**
   * Starts the outputs of one run.
   *
   * @param stdout where {@code -} writes (the command's standard output)
   */
  Outputs(PrintWriter stdout) {
    this.stdout = stdout;
  }

  /**
   * Names an input file of the run, which no output may replace.
   *
   * @param option the option that named it, for messages
   * @param file the input, or null for none
   * @throws IllegalArgumentException if an output already checked is this file
   */
  void input(String option, Path file) {
    if (file == null) {
      return;
    }
    Path real = landing(file);
    for (Target t : targets.values()) {
      if (same(real, t.real())) {
        throw clash(t, option, file);
      }
    }
    inputs.put(real, option);
  }

  /**
   * Checks an output before any work: refused if it is an input, another output of the run, a
   * directory, or in a directory that is missing or not writable.
   *
   * @param option the option that names it, for messages
   * @param file the output, or null for none
   * @throws IllegalArgumentException if the output is an input or another output of the run
   * @throws Mmf.OutputFailure if the file could not be written
   */
  void target(String option, Path file) throws Mmf.OutputFailure {
    if (file == null) {
      return;
    }
    if (file.toString().equals(STDOUT)) {
      Target t = new Target(option, file, file, Kind.STDOUT);
      for (Target other : targets.values()) {
        if (other.kind() == Kind.STDOUT) {
          throw clash(other, option, file);
        }
      }
      targets.put(file, t);
      return;
    }
    Path real = landing(file);
    for (Map.Entry<Path, String> in : inputs.entrySet()) {
      if (same(real, in.getKey())) {
        throw new IllegalArgumentException("Invalid value for " + option + " (expected a file that is not an input"
            + " of this run; it is the " + in.getValue() + " file): " + Text.shown(file.toString()));
      }
    }
    for (Target other : targets.values()) {
      if (other.kind() != Kind.STDOUT && same(real, other.real())) {
        throw clash(other, option, file);
      }
    }
    Kind kind;
    if (Files.isDirectory(real)) {
      throw failure(file, "it is a directory", null);
    } else if (writesDirectly(real)) {
      kind = Kind.DIRECT;
    } else {
      kind = Kind.FILE;
      Path dir = real.getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        throw failure(file, "no such directory " + dir, null);
      }
      if (!Files.isWritable(dir)) {
        throw failure(file, "directory " + dir + " is not writable", null);
      }
      if (Files.exists(real) && !Files.isWritable(real)) {
        throw failure(file, "it is not writable", null);
      }
    }
    targets.put(real, new Target(option, file, real, kind));
  }

  /**
   * Renders an output checked by {@link #target}; nothing reaches the target before {@link #commit}.
   *
   * @param file the output, as given to {@link #target}
   * @param content what to write
   * @throws Mmf.OutputFailure naming the file if rendering fails; its temporary file is removed
   */
  void stage(Path file, Content content) throws Mmf.OutputFailure {
    Target t = file.toString().equals(STDOUT) ? targets.get(file) : targets.get(landing(file));
    if (t == null) {
      throw new IllegalStateException("output not checked: " + file);
    }
    if (t.kind() != Kind.FILE) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try {
        content.writeTo(bytes);
      } catch (IOException | RuntimeException e) {
        throw failure(file, describe(e), e);
      }
      staged.add(new Staged(t, null, bytes.toByteArray()));
      return;
    }
    Path temporary = null;
    try {
      temporary = createTemporary(t.real());
      try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE)) {
        content.writeTo(out);
      }
      staged.add(new Staged(t, temporary, null));
    } catch (IOException | RuntimeException e) {
      remove(temporary);
      throw failure(file, describe(e), e);
    }
  }

  /**
   * Writes every staged output: devices, pipes and standard output first (they cannot be taken back),
   * then each temporary file renamed over its target.
   *
   * @throws Mmf.OutputFailure naming the file that failed; no file is replaced if a device fails
   */
  void commit() throws Mmf.OutputFailure {
    for (Staged s : staged) {
      Target t = s.target();
      if (t.kind() == Kind.STDOUT) {
        stdout.write(new String(s.bytes(), StandardCharsets.UTF_8));
        stdout.flush();
      } else if (t.kind() == Kind.DIRECT) {
        // WRITE without CREATE: if the device vanished, fail rather than create a file in its place.
        try (OutputStream out = Files.newOutputStream(t.real(), StandardOpenOption.WRITE)) {
          out.write(s.bytes());
        } catch (IOException e) {
          throw failure(t.given(), describe(e), e);
        }
      }
    }
    for (Staged s : staged) {
      if (s.temporary() != null) {
        Path real = s.target().real();
        try {
          keepAttributes(real, s.temporary());
          try {
            Files.move(s.temporary(), real, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(s.temporary(), real, StandardCopyOption.REPLACE_EXISTING);
          }
          LIVE_TEMPORARIES.remove(s.temporary());
        } catch (IOException e) {
          throw failure(s.target().given(), describe(e), e);
        }
      }
    }
    staged.clear();
  }

  /** Removes every temporary file not committed. */
  @Override
  public void close() {
    for (Staged s : staged) {
      remove(s.temporary());
    }
    staged.clear();
  }

  /**
   * Says that an output was written ({@code "CSV written: out.csv"}), unless there is none or it went to
   * standard output.
   *
   * @param out where to say it
   * @param what what was written
   * @param file the output, or null
   */
  static void written(PrintWriter out, String what, Path file) {
    if (file != null && !file.toString().equals(STDOUT)) {
      out.println(what + " written: " + Text.shown(file.toString()));
    }
  }

  /**
   * Whether an output to this file is written directly (an existing device, pipe or socket, or standard
   * output) rather than through a temporary file and a rename.
   *
   * @param file the output
   * @return true if it is never replaced
   */
  static boolean writesDirectly(Path file) {
    if (file.toString().equals(STDOUT)) {
      return true;
    }
    Path real = landing(file);
    return Files.exists(real) && !Files.isRegularFile(real) && !Files.isDirectory(real);
  }

  /** Where writes to {@code file} land: its absolute path with symbolic links followed, dangling ones too. */
  static Path landing(Path file) {
    Path p = file.toAbsolutePath();
    try {
      for (int hops = 0; hops < 40 && Files.isSymbolicLink(p); hops++) {
        p = p.resolveSibling(Files.readSymbolicLink(p));
      }
    } catch (IOException e) {
      // unreadable link: checked again when it is written
    }
    return p.normalize();
  }

  private static boolean same(Path a, Path b) {
    if (a.equals(b)) {
      return true;
    }
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private static IllegalArgumentException clash(Target earlier, String option, Path file) {
    return new IllegalArgumentException("Invalid value for " + option + " (expected a file that no other output of"
        + " this run writes; " + earlier.option() + " writes it): " + Text.shown(file.toString()));
  }

  /** A new empty file beside the target, with the permissions the umask gives. */
  private static Path createTemporary(Path real) throws IOException {
    while (true) {
      Path tmp = real.resolveSibling("." + real.getFileName() + "." + ProcessHandle.current().pid() + "."
          + COUNTER.incrementAndGet() + ".tmp");
      try {
        // registered before it exists, so the shutdown hook cannot miss it
        LIVE_TEMPORARIES.add(tmp);
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        LIVE_TEMPORARIES.remove(tmp);
      } catch (IOException e) {
        LIVE_TEMPORARIES.remove(tmp);
        throw e;
      }
    }
  }

  /** An existing target keeps its mode, and its owner and group where this process may set them. */
  private static void keepAttributes(Path real, Path temporary) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(real, PosixFileAttributeView.class);
    if (view == null || !Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    PosixFileAttributes a = view.readAttributes();
    Files.setPosixFilePermissions(temporary, a.permissions());
    PosixFileAttributeView tmp = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
    try {
      tmp.setGroup(a.group());
      tmp.setOwner(a.owner());
    } catch (IOException e) {
      // Only root may give a file away; others keep their own ownership, as any editor does.
    }
  }

  private static void remove(Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException ignored) {
      // the original error is the one to report
    }
    LIVE_TEMPORARIES.remove(temporary);
  }

  private static void removeLiveTemporaries() {
    for (Path p : LIVE_TEMPORARIES) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // the process is stopping: nothing more can be done
      }
    }
  }

  private static Mmf.OutputFailure failure(Path file, String why, Throwable cause) {
    return new Mmf.OutputFailure("cannot write " + Text.shown(file.toString()) + ": " + why, cause);
  }

  private static String describe(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : Text.escape(e.getMessage());
  }
}
