package io.companyos.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
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
import java.util.Optional;

/**
 * The record of every delivery, one CSV line per event ({@link #HEADER}), appended under a file lock
 * so concurrent runs are safe. Before sending, a run {@linkplain #claim claims} the delivery's key: the
 * claim fails when the key was already sent, or when another run claimed it less than
 * {@link #STALE_CLAIM} ago and has not finished. A failed delivery can be claimed again, so a rerun
 * retries exactly what did not arrive.
 */
public final class DeliveryLog {
  /** The CSV header; the columns are a contract (docs/delivery.md). */
  public static final String HEADER = "key,at,pack,period,channel,destination,status,attempts,detail";
  /** After this long, an unfinished claim (a run that died) no longer blocks a new attempt. */
  public static final Duration STALE_CLAIM = Duration.ofMinutes(30);

  /** The status column: {@code claimed}, then {@code sent} or {@code failed}. */
  public enum Status {
    CLAIMED, SENT, FAILED;

    String csv() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One line of the log. */
  public record Entry(String key, Instant at, String pack, String period, String channel, String destination,
      Status status, int attempts, String detail) {}

  private final Path file;

  public DeliveryLog(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  public Path file() {
    return file;
  }

  /**
   * Claims {@code key} at {@code now}: appends a {@code claimed} line and returns true, or returns false
   * (appending nothing) when the key is already sent or freshly claimed by another run.
   */
  public synchronized boolean claim(DeliveryKey key, Instant now) {
    return withLock(ch -> {
      Optional<Entry> last = latest(read(ch), key.value());
      if (last.isPresent()) {
        Entry e = last.get();
        if (e.status() == Status.SENT) {
          return false;
        }
        if (e.status() == Status.CLAIMED && Duration.between(e.at(), now).compareTo(STALE_CLAIM) < 0) {
          return false;
        }
      }
      append(ch, new Entry(key.value(), now, key.pack(), key.period(), key.channel(), key.destination(), Status.CLAIMED, 0, ""));
      return true;
    });
  }

  /** Records the outcome of a claimed delivery. */
  public synchronized void record(DeliveryKey key, Instant at, Status status, int attempts, String detail) {
    withLock(ch -> {
      append(ch, new Entry(key.value(), at, key.pack(), key.period(), key.channel(), key.destination(), status, attempts,
          io.companyos.model.Redaction.message(detail)));
      return null;
    });
  }

  /** The latest line for {@code key}, if any. */
  public Optional<Entry> latest(DeliveryKey key) {
    return latest(entries(), key.value());
  }

  /** Every line, in file order. */
  public List<Entry> entries() {
    if (!Files.exists(file)) {
      return List.of();
    }
    return withLock(DeliveryLog::read);
  }

  private static Optional<Entry> latest(List<Entry> entries, String key) {
    Entry found = null;
    for (Entry e : entries) {
      if (e.key().equals(key)) {
        found = e;
      }
    }
    return Optional.ofNullable(found);
  }

  private interface Locked<T> {
    T run(FileChannel ch) throws IOException;
  }

  /** One monitor per log file in this JVM: file locks are held per process, not per thread. */
  private static final java.util.concurrent.ConcurrentMap<Path, Object> MONITORS = new java.util.concurrent.ConcurrentHashMap<>();

  private <T> T withLock(Locked<T> body) {
    synchronized (MONITORS.computeIfAbsent(file, f -> new Object())) {
      return withFileLock(body);
    }
  }

  private <T> T withFileLock(Locked<T> body) {
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
        return body.run(ch);
      }
    } catch (IOException e) {
      throw new DeliveryException("COS-DLV-002", "cannot use the delivery log: " + e.getMessage(), file.toString(),
          "check that the directory of --delivery-log is writable", e);
    }
  }

  private static List<Entry> read(FileChannel ch) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate((int) ch.size());
    ch.read(buf, 0);
    String text = new String(buf.array(), StandardCharsets.UTF_8);
    List<Entry> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.equals(HEADER)) {
        continue;
      }
      List<String> c = Csv.split(line);
      if (c.size() != 9) {
        continue; // a torn line from a crashed writer is ignored, never fatal
      }
      out.add(new Entry(c.get(0), Instant.parse(c.get(1)), c.get(2), c.get(3), c.get(4), c.get(5),
          Status.valueOf(c.get(6).toUpperCase(java.util.Locale.ROOT)), Integer.parseInt(c.get(7)), c.get(8)));
    }
    return out;
  }

  private static void append(FileChannel ch, Entry e) throws IOException {
    StringBuilder sb = new StringBuilder();
    if (ch.size() == 0) {
      sb.append(HEADER).append('\n');
    }
    sb.append(Csv.join(List.of(e.key(), e.at().toString(), e.pack(), e.period(), e.channel(), e.destination(),
        e.status().csv(), String.valueOf(e.attempts()), e.detail()))).append('\n');
    ch.write(ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)), ch.size());
  }
}
