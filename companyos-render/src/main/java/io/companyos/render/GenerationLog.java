package io.companyos.render;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only record of pack generations ({@code generation-log.csv}): when, which pack, success or
 * failure, how long it took and how many sections were available. It feeds the seed's "Pack Generation
 * Success" KPI (successful generations / all generations). A line that cannot be read (a bad time or
 * status, missing columns) is skipped with a warning naming the file and line, so one damaged line never
 * stops a site, a KPI or a delivery.
 */
public final class GenerationLog {
  /** The CSV header; the columns are a contract (docs/rendering.md). */
  public static final String HEADER = "started_at,pack,format,status,duration_ms,sections_available,sections_total,file,message";

  /**
   * One generation, one line of the log.
   *
   * @param startedAt when the generation started
   * @param pack the pack's id
   * @param format the formats written, joined with {@code +} ({@code md+html}); empty when it failed
   * @param status {@code success}, {@code partial} (some sections unavailable) or {@code failure}
   * @param duration how long it took, logged in milliseconds
   * @param sectionsAvailable how many sections had content
   * @param sectionsTotal how many sections the pack has
   * @param file the files written, separated by spaces; empty for none
   * @param message the error of a failed generation; empty otherwise
   */
  public record Entry(Instant startedAt, String pack, String format, String status, Duration duration,
      int sectionsAvailable, int sectionsTotal, String file, String message) {}

  private static final System.Logger LOGGER = System.getLogger(GenerationLog.class.getName());
  private static final java.util.Set<String> STATUSES = java.util.Set.of("success", "partial", "failure");

  private final Path file;
  private final java.util.function.Consumer<String> warnings;
  private final java.util.Set<String> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * A log in {@code file} that sends its warnings (lines it had to skip) to the system logger at level WARNING.
   *
   * @param file the CSV file; created with its header on the first append
   */
  public GenerationLog(Path file) {
    this(file, w -> LOGGER.log(System.Logger.Level.WARNING, w));
  }

  /**
   * A log that sends its warnings (lines it had to skip, {@code file:line: ...}) to {@code warnings}.
   *
   * @param file the CSV file; created with its header on the first append
   * @param warnings receives each warning once per line and log instance
   */
  public GenerationLog(Path file, java.util.function.Consumer<String> warnings) {
    this.file = file.toAbsolutePath().normalize();
    this.warnings = java.util.Objects.requireNonNull(warnings, "warnings");
  }

  /** A readable line: when it started and its status. */
  private record Line(Instant startedAt, String status) {
    boolean produced() {
      return status.equals("success") || status.equals("partial");
    }
  }

  /**
   * The log's file.
   *
   * @return the absolute, normalized path
   */
  public Path file() {
    return file;
  }

  /**
   * Appends {@code e} as one CSV line (creating the file with its header), holding a file lock, so that
   * concurrent runs do not interleave. Line breaks in a value become spaces.
   *
   * @param e the generation
   * @throws RenderException {@code COS-RND-004} if the file cannot be written
   */
  public synchronized void append(Entry e) {
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND); FileLock ignored = ch.lock()) {
        StringBuilder sb = new StringBuilder();
        if (ch.size() == 0) {
          sb.append(HEADER).append('\n');
        }
        sb.append(String.join(",", List.of(e.startedAt().toString(), csv(e.pack()), csv(e.format()), csv(e.status()),
            String.valueOf(e.duration().toMillis()), String.valueOf(e.sectionsAvailable()),
            String.valueOf(e.sectionsTotal()), csv(e.file()), csv(e.message())))).append('\n');
        ch.write(java.nio.ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
      }
    } catch (IOException ex) {
      throw new RenderException("COS-RND-004", "cannot append to the generation log: " + ex.getMessage(),
          file.toString(), "check that the output directory is writable", ex);
    }
  }

  /**
   * The share of logged generations that produced a pack (success or partial): the "Pack Generation Success" KPI.
   *
   * @return the share in percent, or null when the log has no readable line
   * @throws RenderException {@code COS-RND-004} if the file exists but cannot be read
   */
  public Double successRatePercent() {
    List<Line> lines = lines();
    if (lines.isEmpty()) {
      return null;
    }
    long ok = lines.stream().filter(Line::produced).count();
    return 100.0 * ok / lines.size();
  }

  /**
   * As {@link #successRatePercent()}, over the generations started inside {@code window}.
   *
   * @param window the window the generations must have started in
   * @return the share in percent, or null when no generation started in the window
   * @throws RenderException {@code COS-RND-004} if the file exists but cannot be read
   */
  public Double successRatePercent(io.companyos.model.time.TimeWindow window) {
    List<Line> in = inWindow(window);
    if (in.isEmpty()) {
      return null;
    }
    return 100.0 * in.stream().filter(Line::produced).count() / in.size();
  }

  /**
   * How many generations started inside {@code window}.
   *
   * @param window the window
   * @return the number of readable lines whose start lies in the window
   * @throws RenderException {@code COS-RND-004} if the file exists but cannot be read
   */
  public int entryCount(io.companyos.model.time.TimeWindow window) {
    return inWindow(window).size();
  }

  /**
   * When the latest logged generation started.
   *
   * @return the latest start of a readable line, or empty when there is none (or no file)
   * @throws RenderException {@code COS-RND-004} if the file exists but cannot be read
   */
  public java.util.Optional<Instant> latestStart() {
    return lines().stream().map(Line::startedAt).max(Instant::compareTo);
  }

  private List<Line> inWindow(io.companyos.model.time.TimeWindow window) {
    return lines().stream().filter(l -> window.contains(l.startedAt())).toList();
  }

  private List<Line> lines() {
    if (!Files.exists(file)) {
      return List.of();
    }
    String text;
    try {
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException ex) {
      throw new RenderException("COS-RND-004", "cannot read the generation log: " + ex.getMessage(), file.toString(), null, ex);
    }
    List<Line> out = new ArrayList<>();
    String[] all = text.split("\r?\n", -1);
    for (int i = 0; i < all.length; i++) {
      String l = all[i];
      if (l.isBlank() || l.equals(HEADER)) {
        continue;
      }
      String[] c = l.split(",", 5);
      if (c.length < 5) {
        skip(i + 1, "it has too few columns");
        continue;
      }
      Instant at;
      try {
        at = Instant.parse(c[0].strip());
      } catch (java.time.DateTimeException e) {
        skip(i + 1, "'" + c[0] + "' is not a UTC time such as 2026-11-23T10:00:00Z");
        continue;
      }
      String status = c[3].strip();
      if (!STATUSES.contains(status)) {
        skip(i + 1, "'" + status + "' is not a status (success, partial, failure)");
        continue;
      }
      out.add(new Line(at, status));
    }
    return out;
  }

  /** Warns once per line and instance that line {@code lineNo} is skipped. */
  private void skip(int lineNo, String why) {
    String where = file + ":" + lineNo;
    if (warned.add(where)) {
      warnings.accept(io.companyos.model.base.Redaction.printable(where + ": COS-RND-004 skipped a line of the generation log: "
          + why + " (fix or delete the line)"));
    }
  }

  private static String csv(String s) {
    String t = s.replace('\n', ' ').replace('\r', ' ');
    if (t.contains(",") || t.contains("\"")) {
      return '"' + t.replace("\"", "\"\"") + '"';
    }
    return t;
  }
}
