package io.mmf.cli;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 *   <li>A name for a file descriptor ({@code /dev/stdout}, {@code /dev/stderr}, {@code /dev/fd/N},
 *       {@code /proc/PID/fd/N}) is written into that descriptor, never through a rename: this process's
 *       standard output and error are written on the stream itself, after what the run printed there,
 *       whatever it is (a terminal, a pipe, or a file the shell opened); another descriptor is opened
 *       for appending, so a file behind it is not overwritten from its start.
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
    STDOUT,
    /** This process's standard output or error named as a file ({@code /dev/stdout}): its stream. */
    STREAM,
    /** Another file descriptor named as a file ({@code /dev/fd/3}): opened for appending, never replaced. */
    DESCRIPTOR
  }

  /** A checked output: as given, where writes land, and how ({@code fd} for {@link Kind#STREAM}). */
  private record Target(String option, Path given, Path real, Kind kind, int fd) {
    Target(String option, Path given, Path real, Kind kind) {
      this(option, given, real, kind, -1);
    }

    /** Whether this output goes to the process's standard output, as {@code -} or by a file name. */
    boolean standardOutput() {
      return kind == Kind.STDOUT || (kind == Kind.STREAM && fd == 1);
    }
  }

  /** A directory of file descriptors: {@code /proc/PID/fd}, or a thread's {@code /proc/PID/task/TID/fd}. */
  private static final Pattern DESCRIPTOR_DIRECTORY = Pattern.compile("/proc/(\\d{1,18})(/task/\\d{1,18})?/fd");

  /** A file descriptor that a path names: the process it belongs to and its number. */
  private record Descriptor(long pid, int fd) {
    boolean own() {
      return pid == ProcessHandle.current().pid();
    }
  }

  /** A rendered output waiting for {@link #commit}. */
  private record Staged(Target target, Path temporary, byte[] bytes) {}

  private final PrintWriter stdout;
  private final Map<Path, String> inputs = new LinkedHashMap<>();
  private final Map<Path, Target> targets = new LinkedHashMap<>();
  /** The same targets by the path as given, for {@link #stage}. */
  private final Map<Path, Target> byGiven = new LinkedHashMap<>();
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
    Descriptor d = file.toString().equals(STDOUT) ? null : descriptor(file);
    if (file.toString().equals(STDOUT) || (d != null && d.own() && (d.fd() == 1 || d.fd() == 2))) {
      Target t = file.toString().equals(STDOUT) ? new Target(option, file, file, Kind.STDOUT)
          : new Target(option, file, Path.of("/proc/self/fd/" + d.fd()), Kind.STREAM, d.fd());
      for (Target other : targets.values()) {
        if (t.standardOutput() ? other.standardOutput() : other.real().equals(t.real())) {
          throw clash(other, option, file);
        }
      }
      put(t);
      return;
    }
    if (d != null) {
      if (!Files.exists(file)) {
        throw failure(file, "no such file descriptor", null);
      }
      Target t = new Target(option, file, Path.of("/proc/" + d.pid() + "/fd/" + d.fd()), Kind.DESCRIPTOR);
      for (Target other : targets.values()) {
        if (other.real().equals(t.real())) {
          throw clash(other, option, file);
        }
      }
      put(t);
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
      if (other.kind() != Kind.STDOUT && other.kind() != Kind.STREAM && same(real, other.real())) {
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
      if (descriptorDirectory(dir) != null) {
        throw failure(file, "no such file descriptor", null);
      }
      if (!Files.isWritable(dir)) {
        throw failure(file, "directory " + dir + " is not writable", null);
      }
      if (Files.exists(real) && !Files.isWritable(real)) {
        throw failure(file, "it is not writable", null);
      }
    }
    put(new Target(option, file, real, kind));
  }

  private void put(Target t) {
    targets.put(t.real(), t);
    byGiven.put(t.given(), t);
  }

  /**
   * Renders an output checked by {@link #target}; nothing reaches the target before {@link #commit}.
   *
   * @param file the output, as given to {@link #target}
   * @param content what to write
   * @throws Mmf.OutputFailure naming the file if rendering fails; its temporary file is removed
   */
  void stage(Path file, Content content) throws Mmf.OutputFailure {
    Target t = byGiven.get(file);
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
      } else if (t.kind() == Kind.STREAM) {
        try {
          writeToStream(t.fd(), s.bytes());
        } catch (IOException e) {
          throw failure(t.given(), describe(e), e);
        }
      } else if (t.kind() == Kind.DIRECT || t.kind() == Kind.DESCRIPTOR) {
        // WRITE without CREATE: if the device vanished, fail rather than create a file in its place; a
        // descriptor appends, so that the file a shell opened behind it is not overwritten from its start.
        StandardOpenOption mode = t.kind() == Kind.DESCRIPTOR ? StandardOpenOption.APPEND : StandardOpenOption.WRITE;
        try (OutputStream out = Files.newOutputStream(t.real(), mode)) {
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

  /**
   * Writes to this process's standard output (1) or error (2) itself, after what was printed there: the
   * command's writer and the stream are flushed first, and the descriptor is written, not reopened, so a
   * file behind it keeps its offset and nothing printed is overwritten.
   */
  private void writeToStream(int fd, byte[] bytes) throws IOException {
    stdout.flush();
    System.out.flush();
    System.err.flush();
    // not closed: closing it would close the process's own stream (a stream of a standard descriptor has
    // no cleaner that closes it either)
    FileOutputStream raw = new FileOutputStream(fd == 1 ? FileDescriptor.out : FileDescriptor.err);
    raw.write(bytes);
    raw.flush();
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
    if (file != null && !standardOutput(file)) {
      out.println(what + " written: " + Text.shown(file.toString()));
    }
  }

  /**
   * Whether an output to this file is written directly (an existing device, pipe or socket, a file
   * descriptor's name such as {@code /dev/stdout}, or standard output) rather than through a temporary
   * file and a rename.
   *
   * @param file the output
   * @return true if it is never replaced
   */
  static boolean writesDirectly(Path file) {
    if (file.toString().equals(STDOUT) || descriptor(file) != null) {
      return true;
    }
    Path real = landing(file);
    return Files.exists(real) && !Files.isRegularFile(real) && !Files.isDirectory(real);
  }

  /**
   * Whether an output goes to this process's standard output: {@code -}, or a name for it such as
   * {@code /dev/stdout} or {@code /dev/fd/1}.
   *
   * @param file the output
   * @return true if what is written there joins the command's printed output
   */
  static boolean standardOutput(Path file) {
    if (file.toString().equals(STDOUT)) {
      return true;
    }
    Descriptor d = descriptor(file);
    return d != null && d.own() && d.fd() == 1;
  }

  /**
   * The file descriptor that a path names, directly or through symbolic links ({@code /dev/stdout} ->
   * {@code /proc/self/fd/1}, {@code /dev/fd/3}), or null if it names none. Such a path must not be
   * resolved further: its link reads {@code pipe:[N]} for a pipe, and for a file the shell opened it leads
   * to that file, which a rename would replace behind the descriptor.
   */
  private static Descriptor descriptor(Path file) {
    Path p = file.toAbsolutePath();
    try {
      for (int hops = 0; hops < 40; hops++) {
        Path dir = p.getParent();
        Path name = p.getFileName();
        Matcher m = dir == null || name == null || !name.toString().matches("\\d{1,9}") ? null
            : descriptorDirectory(dir);
        if (m != null) {
          return new Descriptor(Long.parseLong(m.group(1)), Integer.parseInt(name.toString()));
        }
        if (!Files.isSymbolicLink(p)) {
          return null;
        }
        p = p.resolveSibling(Files.readSymbolicLink(p));
      }
    } catch (IOException e) {
      // an unreadable link names no descriptor
    }
    return null;
  }

  /** The match of a directory of file descriptors ({@code /proc/self/fd}, {@code /dev/fd}), or null. */
  private static Matcher descriptorDirectory(Path dir) {
    try {
      Matcher m = DESCRIPTOR_DIRECTORY.matcher(dir.toRealPath().toString());
      return m.matches() ? m : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Where writes to {@code file} land: its absolute path with symbolic links followed, dangling ones too.
   * Each link is read in its directory's real path: a relative link such as {@code ../x.csv} in a directory
   * reached through a linked directory points beside the real directory, not beside the link's name.
   */
  static Path landing(Path file) {
    Path p = inRealDirectory(file.toAbsolutePath());
    try {
      for (int hops = 0; hops < 40 && Files.isSymbolicLink(p); hops++) {
        p = inRealDirectory(p.resolveSibling(Files.readSymbolicLink(p)));
      }
    } catch (IOException e) {
      // unreadable link: checked again when it is written
    }
    return p.normalize();
  }

  /** The path with its directory's symbolic links resolved, when that directory exists. */
  private static Path inRealDirectory(Path p) {
    Path dir = p.getParent();
    Path name = p.getFileName();
    if (dir == null || name == null) {
      return p;
    }
    try {
      return dir.toRealPath().resolve(name);
    } catch (IOException e) {
      return p;
    }
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
