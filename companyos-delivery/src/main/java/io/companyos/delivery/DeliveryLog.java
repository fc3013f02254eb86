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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The record of every delivery, one CSV line per event ({@link #HEADER}), appended under a file lock
 * so concurrent runs are safe. Before sending, a run {@linkplain #claim claims} the delivery's key: the
 * claim fails when the key was already sent, or when another run that is still alive claimed it less
 * than {@link #STALE_CLAIM} ago. A claim whose run is gone (its process ended on this host without
 * recording an outcome, or the claim is older than {@link #STALE_CLAIM}) is closed with an
 * {@code unknown} line: the message may or may not have left. A failed delivery can be claimed again,
 * so a rerun retries exactly what did not arrive; an unknown one only when the caller says resending
 * is safe.
 *
 * <p>A line that cannot be read (a bad time, status or attempt count) is skipped with a warning naming
 * the file and line; it never stops a delivery.
 */
public final class DeliveryLog {
  /** The CSV header; the columns are a contract (docs/delivery.md). */
  public static final String HEADER = "key,at,pack,period,channel,destination,status,attempts,detail";
  /** After this long, an unfinished claim (a run that died) no longer blocks a new attempt. */
  public static final Duration STALE_CLAIM = Duration.ofMinutes(30);

  /**
   * The status column: {@code claimed}, then {@code sent}, {@code failed}, or {@code unknown} (the
   * request went out but no answer came, or the run that claimed it ended without an outcome).
   */
  public enum Status {
    CLAIMED, SENT, FAILED, UNKNOWN;

    String csv() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One line of the log. */
  public record Entry(String key, Instant at, String pack, String period, String channel, String destination,
      Status status, int attempts, String detail) {}

  /** What {@link #claim(DeliveryKey, Instant, boolean)} came to. */
  public record Claim(boolean granted, @Nullable Entry previous, @Nullable Entry abandoned) {
    /** The latest line for the key before this claim, if any. */
    public Optional<Entry> last() {
      return Optional.ofNullable(previous);
    }

    /** The {@code unknown} line this claim wrote to close a claim whose run is gone, if any. */
    public Optional<Entry> closedAbandoned() {
      return Optional.ofNullable(abandoned);
    }
  }

  private static final System.Logger LOGGER = System.getLogger(DeliveryLog.class.getName());
  private static final String OWNER_PREFIX = "run ";

  private final Path file;
  private final Consumer<String> warnings;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  private final String owner;

  public DeliveryLog(Path file) {
    this(file, w -> LOGGER.log(System.Logger.Level.WARNING, w));
  }

  /** A log that sends its warnings (lines it had to skip, {@code file:line: ...}) to {@code warnings}. */
  public DeliveryLog(Path file, Consumer<String> warnings) {
    this.file = file.toAbsolutePath().normalize();
    this.warnings = Objects.requireNonNull(warnings, "warnings");
    this.owner = OWNER_PREFIX + ProcessHandle.current().pid() + "@" + hostName();
  }

  public Path file() {
    return file;
  }

  /**
   * Claims {@code key} at {@code now}: appends a {@code claimed} line and returns true, or returns false
   * (appending nothing) when the key is already sent or claimed by a run still in progress. An
   * abandoned claim or an unknown outcome is claimed again (see {@link #claim(DeliveryKey, Instant, boolean)}).
   */
  public synchronized boolean claim(DeliveryKey key, Instant now) {
    return claim(key, now, true).granted();
  }

  /**
   * Claims {@code key} at {@code now}. Refused when the key is sent, claimed by a run still in progress,
   * or (unless {@code resendUnknown}) of unknown outcome. A claim whose run is gone is first closed with
   * an {@code unknown} line (returned in {@link Claim#abandoned()}), then treated as unknown.
   */
  public synchronized Claim claim(DeliveryKey key, Instant now, boolean resendUnknown) {
    return withLock(ch -> {
      Entry last = latest(read(ch), key.value()).orElse(null);
      Entry abandoned = null;
      if (last != null && last.status() == Status.CLAIMED) {
        Optional<String> gone = gone(last, now);
        if (gone.isEmpty()) {
          return new Claim(false, last, null);
        }
        abandoned = new Entry(key.value(), now, key.pack(), key.period(), key.channel(), key.destination(), Status.UNKNOWN,
            last.attempts(), "abandoned: the run that claimed it at " + last.at() + " " + gone.get()
            + " without recording an outcome; it may or may not have been sent");
        append(ch, abandoned);
        last = abandoned;
      }
      if (last != null && (last.status() == Status.SENT || (last.status() == Status.UNKNOWN && !resendUnknown))) {
        return new Claim(false, last, abandoned);
      }
      append(ch, new Entry(key.value(), now, key.pack(), key.period(), key.channel(), key.destination(), Status.CLAIMED, 0,
          owner));
      return new Claim(true, last, abandoned);
    });
  }

  /** Why the run behind {@code claim} is gone ({@code "(pid 42) ended"}), or empty while it may still be running. */
  private Optional<String> gone(Entry claim, Instant now) {
    if (Duration.between(claim.at(), now).compareTo(STALE_CLAIM) >= 0) {
      return Optional.of("is more than " + STALE_CLAIM.toMinutes() + " minutes old and ended");
    }
    String d = claim.detail();
    int at = d.lastIndexOf('@');
    if (!d.startsWith(OWNER_PREFIX) || at < 0 || !d.substring(at + 1).equals(hostName())) {
      return Optional.empty(); // another host's run (or an older log): only its age can tell
    }
    try {
      long pid = Long.parseLong(d.substring(OWNER_PREFIX.length(), at));
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      return alive ? Optional.empty() : Optional.of("(process " + pid + ") ended");
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException | SecurityException e) {
      return "localhost";
    }
  }

  /** Records the outcome of a claimed delivery. */
  public synchronized void record(DeliveryKey key, Instant at, Status status, int attempts, String detail) {
    withLock(ch -> {
      append(ch, new Entry(key.value(), at, key.pack(), key.period(), key.channel(), key.destination(), status, attempts,
          io.companyos.model.base.Redaction.message(detail)));
      return null;
    });
  }

  /** The latest line for {@code key}, if any. */
  public Optional<Entry> latest(DeliveryKey key) {
    return latest(entries(), key.value());
  }

  /** Every line that can be read, in file order. */
  public List<Entry> entries() {
    if (!Files.exists(file)) {
      return List.of();
    }
    return withLock(this::read);
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

  private List<Entry> read(FileChannel ch) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate((int) ch.size());
    ch.read(buf, 0);
    String text = new String(buf.array(), StandardCharsets.UTF_8);
    List<Entry> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isBlank() || line.equals(HEADER)) {
        continue;
      }
      List<String> c = Csv.split(line);
      if (c.size() != 9) {
        if (i < lines.length - 1) {
          skip(i + 1, "it has " + c.size() + " columns instead of 9");
        } // else a torn last line from a crashed writer: ignored silently
        continue;
      }
      Instant at;
      try {
        at = Instant.parse(c.get(1));
      } catch (java.time.DateTimeException e) {
        skip(i + 1, "'" + c.get(1) + "' is not a UTC time such as 2026-11-23T10:00:00Z");
        continue;
      }
      Status status;
      try {
        status = Status.valueOf(c.get(6).strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        skip(i + 1, "'" + c.get(6) + "' is not a status (claimed, sent, failed, unknown)");
        continue;
      }
      int attempts;
      try {
        attempts = Integer.parseInt(c.get(7).strip());
      } catch (NumberFormatException e) {
        skip(i + 1, "'" + c.get(7) + "' is not a number of attempts");
        continue;
      }
      out.add(new Entry(c.get(0), at, c.get(2), c.get(3), c.get(4), c.get(5), status, attempts, c.get(8)));
    }
    return out;
  }

  /** Warns once per line and instance that line {@code lineNo} is skipped. */
  private void skip(int lineNo, String why) {
    String where = file + ":" + lineNo;
    if (warned.add(where + why)) {
      warnings.accept(io.companyos.model.base.Redaction.printable(where + ": COS-DLV-002 skipped a line of the delivery log: "
          + why + " (fix or delete the line; the deliveries it records count as never made)"));
    }
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
