package io.mmf.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes output files whole or not at all: to a temporary file beside the target, then moved into place. */
final class Outputs {
  private Outputs() {}

  /** Writes the content. */
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Fails early, before any work, when a file could not be written: its directory is missing or not
   * writable.
   *
   * @throws Mmf.OutputFailure naming the file and the reason
   */
  static void checkWritable(Path target) throws Mmf.OutputFailure {
    if (target == null) {
      return;
    }
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new Mmf.OutputFailure("cannot write " + target + ": no such directory " + dir, null);
    }
    if (!Files.isWritable(dir)) {
      throw new Mmf.OutputFailure("cannot write " + target + ": directory " + dir + " is not writable", null);
    }
    if (Files.isDirectory(target)) {
      throw new Mmf.OutputFailure("cannot write " + target + ": it is a directory", null);
    }
  }

  /**
   * Writes {@code target} atomically.
   *
   * @throws Mmf.OutputFailure naming the file if anything fails; no partial file is left behind
   */
  static void write(Path target, Content content) throws Mmf.OutputFailure {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path tmp = null;
    try {
      // createFile (not createTempFile) so the result gets the usual permissions from the umask.
      tmp = Files.createFile(dir.resolve("." + absolute.getFileName() + "." + System.nanoTime() + ".tmp"));
      try (OutputStream out = Files.newOutputStream(tmp)) {
        content.writeTo(out);
      }
      try {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the original error is the one to report
        }
      }
      throw new Mmf.OutputFailure("cannot write " + target + ": " + describe(e), e);
    }
  }

  private static String describe(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
