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
  public enum Outcome {
    /** No file of that name existed; the pack was written under it. */
    WRITTEN,
    /** A file with the same content already existed (under the name or a {@code .vN} one); nothing was written. */
    UNCHANGED,
    /** A file with other content existed; the pack was written under the next free {@code .vN} name. */
    VERSIONED,
    /** A file with other content existed and was replaced, as forced. */
    OVERWRITTEN
  }

  /**
   * The result of {@link #write}: where the pack is and what happened.
   *
   * @param path the file that holds the content, absolute
   * @param outcome what the write did
   */
  public record Stored(Path path, Outcome outcome) {}

  private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
  private final Path root;

  /**
   * A store that writes under {@code root}; nothing is created until the first write.
   *
   * @param root the output directory, made absolute and normalized
   */
  public ArtifactStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * The directory the store writes under.
   *
   * @return the absolute, normalized root
   */
  public Path root() {
    return root;
  }

  /**
   * The directory name of a pack's artifacts: the seed's plural ({@code ops-review} → {@code ops-reviews}).
   *
   * @param packId the pack's id
   * @return the id with an {@code s} appended, or unchanged when it already ends in {@code s} or {@code planning}
   */
  public static String kindDirectory(String packId) {
    if (packId.endsWith("s") || packId.endsWith("planning")) {
      return packId;
    }
    return packId + "s";
  }

  /**
   * The file stem of a pack for {@code period} on {@code date}.
   *
   * @param period the period the pack reports on
   * @param date the as-of date in the pack's zone
   * @return YYYY-MM for a month, YYYY-QN for a quarter, else {@code date} as YYYY-MM-DD
   */
  public static String fileStem(Period period, LocalDate date) {
    if (period.kind() == PeriodKind.MONTH) {
      return String.format(Locale.ROOT, "%04d-%02d", period.start().getYear(), period.start().getMonthValue());
    }
    if (period.kind() == PeriodKind.QUARTER) {
      return String.format(Locale.ROOT, "%04d-Q%d", period.start().getYear(), (period.start().getMonthValue() - 1) / 3 + 1);
    }
    return date.toString();
  }

  /**
   * The stem of {@code doc}'s file, from its period and its as-of date in its zone (see
   * {@link #fileStem(Period, LocalDate)}).
   *
   * @param doc the pack
   * @return the file stem
   */
  public static String fileStem(PackDocument doc) {
    return fileStem(doc.period(), doc.asOf().atZone(doc.zone()).toLocalDate());
  }

  /**
   * Writes {@code content} as {@code <root>/<kind>/<stem>.<extension>} atomically. An existing file with
   * the same content is left alone ({@link Outcome#UNCHANGED}); with other content it is replaced only
   * when {@code force}, else the next free {@code <stem>.vN.<extension>} is used (or left alone when it holds the
   * same content).
   *
   * @param kind the pack's directory, see {@link #kindDirectory}
   * @param stem the file stem, see {@link #fileStem(PackDocument)}
   * @param extension the file extension without the dot
   * @param content the text, written as UTF-8
   * @param force whether to replace an existing file with other content
   * @return the file that holds the content and what happened
   * @throws RenderException {@code COS-RND-003} if a name part is not a plain file name or the file cannot be written
   */
  public Stored write(String kind, String stem, String extension, String content, boolean force) {
    return write(kind, stem, extension, content.getBytes(StandardCharsets.UTF_8), force);
  }

  /**
   * As {@link #write(String, String, String, String, boolean)}, for binary formats (PDF, slides).
   *
   * @param kind the pack's directory, see {@link #kindDirectory}
   * @param stem the file stem, see {@link #fileStem(PackDocument)}
   * @param extension the file extension without the dot
   * @param content the bytes
   * @param force whether to replace an existing file with other content
   * @return the file that holds the content and what happened
   * @throws RenderException {@code COS-RND-003} if a name part is not a plain file name or the file cannot be written
   */
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
        io.companyos.model.base.OutputFiles.replace(target, bytes);
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
