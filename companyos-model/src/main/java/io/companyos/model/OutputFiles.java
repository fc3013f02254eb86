package io.companyos.model;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Temporary files for atomic writes (write, then move over the target). {@link Files#createTempFile}
 * makes files only their owner can read; packs, sites and calendars are meant to be served and shared,
 * so these temporary files are created {@code rw-r--r--} where the file system has POSIX permissions.
 */
public final class OutputFiles {
  private OutputFiles() {}

  /** A new empty temporary file in {@code dir} (which exists), readable by everyone where that can be set. */
  public static Path tempFileIn(Path dir, String prefix) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        && dir.getFileSystem().equals(FileSystems.getDefault())) {
      return Files.createTempFile(dir, prefix, ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
    }
    return Files.createTempFile(dir, prefix, ".tmp");
  }

  /**
   * Writes {@code text} (UTF-8) to {@code target} atomically: into a temporary file beside it, then moved
   * over it, so a reader never sees half a file and a failure leaves the old file in place. Missing
   * parent directories are created.
   */
  public static void replace(Path target, String text) throws IOException {
    Path abs = target.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = tempFileIn(abs.getParent(), "." + abs.getFileName());
    try {
      Files.writeString(tmp, text, java.nio.charset.StandardCharsets.UTF_8);
      Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
