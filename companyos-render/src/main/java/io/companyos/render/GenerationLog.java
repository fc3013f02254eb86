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
 * Success" KPI (successful generations / all generations).
 */
public final class GenerationLog {
  /** The CSV header; the columns are a contract (docs/rendering.md). */
  public static final String HEADER = "started_at,pack,format,status,duration_ms,sections_available,sections_total,file,message";

  /** One generation. {@code status} is {@code success}, {@code partial} or {@code failure}. */
  public record Entry(Instant startedAt, String pack, String format, String status, Duration duration,
      int sectionsAvailable, int sectionsTotal, String file, String message) {}

  private final Path file;

  public GenerationLog(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  public Path file() {
    return file;
  }

  /** Appends {@code e} as one CSV line (creating the file with its header), holding a file lock. */
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

  /** The share of logged generations that produced a pack (success or partial), in percent; null when empty. */
  public Double successRatePercent() {
    List<String> lines = lines();
    if (lines.isEmpty()) {
      return null;
    }
    long ok = lines.stream().filter(l -> l.split(",", -1)[3].matches("success|partial")).count();
    return 100.0 * ok / lines.size();
  }

  /** As {@link #successRatePercent()}, over the generations started inside {@code window}; null when none. */
  public Double successRatePercent(io.companyos.model.time.TimeWindow window) {
    List<String> in = inWindow(window);
    if (in.isEmpty()) {
      return null;
    }
    return 100.0 * in.stream().filter(l -> l.split(",", -1)[3].matches("success|partial")).count() / in.size();
  }

  /** How many generations started inside {@code window}. */
  public int entryCount(io.companyos.model.time.TimeWindow window) {
    return inWindow(window).size();
  }

  /** When the latest logged generation started; empty for an empty log. */
  public java.util.Optional<Instant> latestStart() {
    return lines().stream().map(l -> Instant.parse(l.substring(0, l.indexOf(',')))).max(Instant::compareTo);
  }

  private List<String> inWindow(io.companyos.model.time.TimeWindow window) {
    return lines().stream().filter(l -> window.contains(Instant.parse(l.substring(0, l.indexOf(','))))).toList();
  }

  private List<String> lines() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      List<String> all = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
      all.removeIf(l -> l.isBlank() || l.equals(HEADER));
      return all;
    } catch (IOException ex) {
      throw new RenderException("COS-RND-004", "cannot read the generation log: " + ex.getMessage(), file.toString(), null, ex);
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
