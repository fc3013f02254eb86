package io.companyos.model.base;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one way this project writes an output file: into a temporary file beside the target, then moved over
 * it, so a reader never sees half a file and a failure leaves the old file (or none) in place. Where the file
 * system cannot move atomically (some network and FUSE mounts answer
 * {@link AtomicMoveNotSupportedException}), the move falls back to a plain replacing move; the return value
 * says which one happened.
 *
 * <p>{@link Files#createTempFile} makes files only their owner can read; packs, sites and calendars are
 * meant to be served and shared, so the temporary files are created {@code rw-r--r--} where the file system
 * has POSIX permissions.
 */
public class OutputFiles {
  /** Only for {@code io.companyos.model.OutputFiles}, the name this class had before it moved here. */
  protected OutputFiles() {}

  /** Writes a file's content to a stream; the stream is closed by {@link OutputFiles}. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the content.
     *
     * @param out the temporary file's stream (buffered)
     * @throws IOException when writing fails; the target is then left as it was
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * A new empty temporary file in {@code dir} (which exists), readable by everyone where that can be set.
   *
   * @param dir the directory the file is created in
   * @param prefix the start of the file's name
   * @return the new file
   * @throws IOException when the file cannot be created
   */
  public static Path tempFileIn(Path dir, String prefix) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        && dir.getFileSystem().equals(FileSystems.getDefault())) {
      return Files.createTempFile(dir, prefix, ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
    }
    return Files.createTempFile(dir, prefix, ".tmp");
  }

  /**
   * Writes {@code text} as UTF-8 to {@code target}, replacing it as a whole. Missing parent directories are
   * created.
   *
   * @param target the file to write
   * @param text its new content
   * @return true when the file was moved into place atomically, false when the fallback move was used
   * @throws IOException when the file cannot be written; the old file is then unchanged
   */
  public static boolean replace(Path target, String text) throws IOException {
    return replace(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes {@code bytes} to {@code target}, replacing it as a whole. Missing parent directories are created.
   *
   * @param target the file to write
   * @param bytes its new content
   * @return true when the file was moved into place atomically, false when the fallback move was used
   * @throws IOException when the file cannot be written; the old file is then unchanged
   */
  public static boolean replace(Path target, byte[] bytes) throws IOException {
    return write(target, out -> out.write(bytes), false);
  }

  /**
   * Writes what {@code content} produces to {@code target}, replacing it as a whole. Missing parent
   * directories are created.
   *
   * @param target the file to write
   * @param content writes the new content
   * @return true when the file was moved into place atomically, false when the fallback move was used
   * @throws IOException when the file cannot be written; the old file is then unchanged
   */
  public static boolean replace(Path target, Content content) throws IOException {
    return write(target, content, false);
  }

  /**
   * Like {@link #replace(Path, byte[])}, and the data and the directory entry are forced to the device before
   * this returns, for state that must survive a power cut (check state, delivery claims).
   *
   * @param target the file to write
   * @param bytes its new content
   * @return true when the file was moved into place atomically, false when the fallback move was used
   * @throws IOException when the file cannot be written; the old file is then unchanged
   */
  public static boolean replaceDurably(Path target, byte[] bytes) throws IOException {
    return write(target, out -> out.write(bytes), true);
  }

  private static boolean write(Path target, Content content, boolean durable) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = tempFileIn(dir, "." + abs.getFileName() + ".");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
           OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16)) {
        content.writeTo(out);
        out.flush();
        if (durable) {
          ch.force(true);
        }
      }
      boolean atomic = true;
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        atomic = false;
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      if (durable) {
        forceDirectory(dir);
      }
      return atomic;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not every platform can force a directory; the move itself is done
    }
  }
}
