package io.companyos.render;

import io.companyos.model.time.Period;
import io.companyos.model.time.PeriodKind;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stores rendered packs in the seed's layout, {@code <root>/<kind>/YYYY-MM-DD.md} ({@code YYYY-MM} for
 * monthly packs, {@code YYYY-QN} for quarterly ones). Each file is written to a temporary file and
 * moved into place, so readers never see half a pack; an existing file with different content is
 * never replaced unless forced (the new pack gets a {@code .v2}, {@code .v3} ... suffix); an operating-system
 * lock keeps concurrent runs, in this process or others, from choosing the same name. The lock file lives in
 * the temporary directory ({@code java.io.tmpdir/companyos-locks-<user>/}, named by a hash of the pack
 * directory's real path), so output folders hold packs only.
 */
public final class ArtifactStore {
  /** What happened to one write. */
  public enum Outcome { WRITTEN, UNCHANGED, VERSIONED, OVERWRITTEN }

  /** The result of {@link #write}: where the pack is and what happened. */
  public record Stored(Path path, Outcome outcome) {}

  private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
  private final Path root;

  public ArtifactStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The directory name of a pack's artifacts: the seed's plural ({@code ops-review} → {@code ops-reviews}). */
  public static String kindDirectory(String packId) {
    if (packId.endsWith("s") || packId.endsWith("planning")) {
      return packId;
    }
    return packId + "s";
  }

  /** The file stem of a pack for {@code period} on {@code date}: YYYY-MM-DD, YYYY-MM or YYYY-QN. */
  public static String fileStem(Period period, LocalDate date) {
    if (period.kind() == PeriodKind.MONTH) {
      return String.format(Locale.ROOT, "%04d-%02d", period.start().getYear(), period.start().getMonthValue());
    }
    if (period.kind() == PeriodKind.QUARTER) {
      return String.format(Locale.ROOT, "%04d-Q%d", period.start().getYear(), (period.start().getMonthValue() - 1) / 3 + 1);
    }
    return date.toString();
  }

  /** The stem of {@code doc}'s file (from its period and as-of date). */
  public static String fileStem(PackDocument doc) {
    return fileStem(doc.period(), doc.asOf().atZone(doc.zone()).toLocalDate());
  }

  /**
   * Writes {@code content} as {@code <root>/<kind>/<stem>.<extension>} atomically. An existing file with
   * the same content is left alone ({@link Outcome#UNCHANGED}); with other content it is replaced only
   * when {@code force}, else the next free {@code <stem>.vN.<extension>} is used.
   */
  public Stored write(String kind, String stem, String extension, String content, boolean force) {
    return write(kind, stem, extension, content.getBytes(StandardCharsets.UTF_8), force);
  }

  /** As {@link #write(String, String, String, String, boolean)}, for binary formats (PDF, slides). */
  public Stored write(String kind, String stem, String extension, byte[] content, boolean force) {
    plainName("kind", kind);
    plainName("stem", stem);
    plainName("extension", extension);
    Path dir = root.resolve(kind).normalize();
    if (!dir.getParent().equals(root)) {
      throw refused("kind", kind);
    }
    ReentrantLock lock = LOCKS.computeIfAbsent(dir, d -> new ReentrantLock());
    lock.lock();
    try {
      Files.createDirectories(dir);
      try (FileChannel ch = FileChannel.open(lockFileFor(dir), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = ch.lock()) {
        byte[] bytes = content.clone();
        Path target = dir.resolve(stem + "." + extension);
        Outcome outcome = Outcome.WRITTEN;
        if (Files.exists(target)) {
          if (java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
            return new Stored(target, Outcome.UNCHANGED);
          }
          if (force) {
            outcome = Outcome.OVERWRITTEN;
          } else {
            outcome = Outcome.VERSIONED;
            for (int v = 2; ; v++) {
              Path candidate = dir.resolve(stem + ".v" + v + "." + extension);
              if (!Files.exists(candidate)) {
                target = candidate;
                break;
              }
              if (java.util.Arrays.equals(Files.readAllBytes(candidate), bytes)) {
                return new Stored(candidate, Outcome.UNCHANGED);
              }
            }
          }
        }
        io.companyos.model.OutputFiles.replace(target, bytes);
        return new Stored(target, outcome);
      }
    } catch (IOException e) {
      throw new RenderException("COS-RND-003", "cannot write pack: " + e.getMessage(), dir.toString(),
          "check that the output directory is writable", e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The lock file for pack directory {@code dir}: outside the output folder, the same for every process of
   * this user that writes to that directory (the name is a hash of its real path).
   */
  static Path lockFileFor(Path dir) throws IOException {
    String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
    Path locks = Path.of(System.getProperty("java.io.tmpdir"), "companyos-locks-" + user);
    Files.createDirectories(locks);
    byte[] digest;
    try {
      digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(dir.toRealPath().toString().getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    return locks.resolve(java.util.HexFormat.of().formatHex(digest, 0, 16) + ".lock");
  }

  /**
   * {@code value} must be one plain file-name part: not empty, not {@code .} or {@code ..}, without path
   * separators, a drive colon or control characters, so that no write leaves the store's root.
   */
  private static void plainName(String what, String value) {
    if (value.isEmpty() || value.equals(".") || value.equals("..") || value.strip().length() != value.length()) {
      throw refused(what, value);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/' || c == '\\' || c == ':' || Character.isISOControl(c)) {
        throw refused(what, value);
      }
    }
  }

  private static RenderException refused(String what, String value) {
    return new RenderException("COS-RND-003", "the " + what + " '" + io.companyos.model.base.Redaction.printable(value)
        + "' is not a plain file name; the store writes only inside its root", null,
        "use letters, digits, '-' and '.' without path separators or '..'", null);
  }
}
