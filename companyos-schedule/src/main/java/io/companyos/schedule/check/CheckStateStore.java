package io.companyos.schedule.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.companyos.model.base.CompanyOsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the runner remembers between runs, per check: its last status, where its notifications stand
 * ({@link AlertState}, what is owed, the last receipt, failed delivery runs, escalation) and what a retried
 * trigger says. Kept in a small JSON file; {@link #inMemory()} for embedding and tests.
 *
 * <p>The file survives crashes and concurrent runs:
 * <ul>
 *   <li>{@link #open} takes an OS lock on {@code <file>.lock} (waiting up to a bound), so concurrent runs are
 *       serialised; the OS releases it when the holder exits or is killed, so it is never left behind.</li>
 *   <li>Every {@link #save} writes a backup {@code <file>.bak} and then the file, each to a temporary file that is
 *       forced to disk and moved into place atomically (a plain replacing move where the file system cannot
 *       move atomically). A reader sees the old or the new state, never half of one.</li>
 *   <li>A corrupt file (unreadable JSON, an impossible value, empty) is moved aside to
 *       {@code <file>.corrupt-<time>} and the state recovered from the backup; without a usable backup every
 *       check starts as unknown (maybe open at the receiver), so firing checks are notified again and passing
 *       ones resolved once — de-duplicated by key, never lost. {@link #recovery()} says what happened.</li>
 *   <li>A file that is not a CompanyOS state file (no {@code "format": "companyos-health-state"}, not the layout
 *       of an earlier version) is never touched: {@code COS-CHK-007}.</li>
 * </ul>
 */
public final class CheckStateStore implements AutoCloseable {
  /** The {@code format} field of the file. */
  public static final String FORMAT = "companyos-health-state";
  /** The layout version written. Version 1 (a map of check to status, since, last_notified) is read and upgraded. */
  public static final int VERSION = 2;
  /** How long {@link #open(Path)} waits for a concurrent run to release the lock. */
  public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(2);

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** A notification that is owed to the receiver until a receipt. */
  public enum Owed {
    NONE,
    TRIGGER,
    RESOLVE
  }

  /**
   * The remembered state of one check.
   *
   * @param status the last evaluation
   * @param since when the check entered {@code status}
   * @param alert where its notifications stand
   * @param owed the notification owed to the receiver (retried on every run until a receipt)
   * @param open a trigger may be open at the receiver (one was attempted or delivered and no resolve delivered since):
   *     a passing run then owes a resolve
   * @param notified a trigger was delivered (receipt) and no resolve since
   * @param lastNotified when the last trigger was delivered (the cool-down counts from it)
   * @param notifiedSeverity the severity of the last delivered trigger (a change is notified again)
   * @param failedRuns runs in a row that failed to deliver what is owed
   * @param lastFailure why the last delivery failed
   * @param notBefore the receiver asked not to be called before this instant (Retry-After)
   * @param escalated when the undelivered notification was escalated (delivered), if it was
   * @param receipt the last receipt ("HTTP 202 at ...")
   * @param value the deciding value of the last firing evaluation, which a retried trigger reports
   * @param labels its series' labels
   * @param severity its severity
   */
  public record State(CheckStatus status, Instant since, AlertState alert, Owed owed, boolean open, boolean notified,
      @Nullable Instant lastNotified, @Nullable String notifiedSeverity, int failedRuns, @Nullable String lastFailure,
      @Nullable Instant notBefore, @Nullable Instant escalated, @Nullable String receipt, @Nullable Double value,
      Map<String, String> labels, @Nullable String severity) {
    public State {
      labels = Map.copyOf(labels);
    }

    /** A check never seen before: passing, nothing open. */
    public static State fresh(Instant at) {
      return new State(CheckStatus.OK, at, AlertState.OK, Owed.NONE, false, false, null, null, 0, null, null, null, null, null,
          Map.of(), null);
    }

    /** A check whose notification state was lost (corrupt state without a backup): maybe open at the receiver. */
    public static State unknown(Instant at) {
      return new State(CheckStatus.ERROR, at, AlertState.ERROR, Owed.NONE, true, false, null, null, 0, null, null, null, null, null,
          Map.of(), null);
    }
  }

  private final @Nullable Path file;
  private final Map<String, State> states;
  private final boolean unknownPrior;
  private final @Nullable String recovery;
  private @Nullable Instant digestPosted;
  private @Nullable FileChannel lockChannel;
  private @Nullable FileLock lock;
  private boolean fallbackMove;

  private CheckStateStore(@Nullable Path file, Map<String, State> states, @Nullable Instant digestPosted, boolean unknownPrior,
      @Nullable String recovery, @Nullable FileChannel lockChannel, @Nullable FileLock lock) {
    this.file = file;
    this.states = states;
    this.digestPosted = digestPosted;
    this.unknownPrior = unknownPrior;
    this.recovery = recovery;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  public static CheckStateStore inMemory() {
    return new CheckStateStore(null, new TreeMap<>(), null, false, null, null, null);
  }

  /** {@link #open(Path, Duration)} waiting up to {@link #DEFAULT_LOCK_WAIT}. */
  public static CheckStateStore open(Path file) {
    return open(file, DEFAULT_LOCK_WAIT);
  }

  /**
   * Locks {@code <file>.lock} (waiting up to {@code lockWait} for another run) and reads the state, recovering
   * from a corrupt file (see the class comment). Close the store to release the lock.
   *
   * @throws CompanyOsException {@code COS-CHK-007} for a file that is not a state file (left untouched),
   *     {@code COS-CHK-008} when another run holds the lock longer than {@code lockWait}, {@code COS-CHK-003}
   *     when the file cannot be read at all
   */
  public static CheckStateStore open(Path file, Duration lockWait) {
    Path abs = file.toAbsolutePath();
    try {
      Files.createDirectories(abs.getParent());
    } catch (IOException e) {
      throw new CompanyOsException("COS-CHK-004", "cannot create the directory of the health-check state: " + e.getMessage(),
          file.toString(), null);
    }
    Path lockFile = sibling(abs, ".lock");
    FileChannel channel;
    FileLock lock;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
      lock = acquire(channel, lockFile, lockWait);
    } catch (IOException e) {
      throw new CompanyOsException("COS-CHK-008", "cannot lock the health-check state: " + e.getMessage(), lockFile.toString(), null);
    }
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      deleteLeftovers(abs);
      return read(file, abs, channel, lock);
    } catch (IOException | RuntimeException e) {
      release(lock, channel);
      if (e instanceof CompanyOsException c) {
        throw c;
      }
      throw new CompanyOsException("COS-CHK-003", "cannot read the health-check state: " + e.getMessage(), file.toString(), null);
    }
  }

  private static FileLock acquire(FileChannel channel, Path lockFile, Duration wait) throws IOException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      try {
        FileLock l = channel.tryLock();
        if (l != null) {
          return l;
        }
      } catch (OverlappingFileLockException e) {
        // held by this JVM (another store on the same file): wait like for another process
      }
      if (System.nanoTime() - deadline > 0) {
        String holder = "";
        try {
          holder = Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
          // the holder's pid is only a hint
        }
        channel.close();
        throw new CompanyOsException("COS-CHK-008", "another health-check run holds the state lock"
            + (holder.isEmpty() ? "" : " (process " + holder + ")") + " for longer than "
            + (wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms"), lockFile.toString(),
            "wait for it to finish; a lock of a process that has ended is released by the operating system");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        channel.close();
        throw new CompanyOsException("COS-CHK-008", "interrupted while waiting for the state lock", lockFile.toString(), null);
      }
    }
  }

  private static CheckStateStore read(Path shown, Path file, FileChannel channel, FileLock lock) throws IOException {
    Path bak = sibling(file, ".bak");
    if (!Files.exists(file)) {
      if (!Files.exists(bak)) {
        return new CheckStateStore(file, new TreeMap<>(), null, false, null, channel, lock);
      }
      try {
        Parsed p = parse(bak);
        return new CheckStateStore(file, p.states, p.digestPosted, false,
            "the state file " + shown + " was missing; recovered from its backup " + bak.getFileName(), channel, lock);
      } catch (Corrupt | Foreign e) {
        return new CheckStateStore(file, new TreeMap<>(), null, true, "the state file " + shown + " was missing and its backup "
            + bak.getFileName() + " is unusable (" + e.getMessage() + "); " + UNKNOWN, channel, lock);
      }
    }
    try {
      Parsed p = parse(file);
      return new CheckStateStore(file, p.states, p.digestPosted, false, null, channel, lock);
    } catch (Foreign e) {
      throw new CompanyOsException("COS-CHK-007", shown + " is not a CompanyOS health-check state file (" + e.getMessage()
          + "); it was left untouched", shown.toString(), "point --state (or companyos.health.state-file) at a file of its own");
    }  catch (Corrupt e) {
      Path aside = sibling(file, ".corrupt-" + STAMP.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
      Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
      String what = "COS-CHK-003 the health-check state " + shown + " is corrupt (" + e.getMessage() + "); it was moved to "
          + aside.getFileName() + " and ";
      if (Files.exists(bak)) {
        try {
          Parsed p = parse(bak);
          return new CheckStateStore(file, p.states, p.digestPosted, false, what + "the state recovered from the backup "
              + bak.getFileName() + " (written with the last state)", channel, lock);
        } catch (Corrupt | Foreign e2) {
          return new CheckStateStore(file, new TreeMap<>(), null, true, what + "the backup is unusable too (" + e2.getMessage() + "); "
              + UNKNOWN, channel, lock);
        }
      }
      return new CheckStateStore(file, new TreeMap<>(), null, true, what + "there is no backup; " + UNKNOWN, channel, lock);
    }
  }

  private static final String UNKNOWN = "every check starts as unknown: a firing check is notified again and a passing one "
      + "resolved once (de-duplicated by key), so no page and no resolve is lost";

  private record Parsed(Map<String, State> states, @Nullable Instant digestPosted) {}

  /** The file is ours but unreadable. */
  private static final class Corrupt extends Exception {
    private static final long serialVersionUID = 1L;

    Corrupt(String message) {
      super(message, null, false, false);
    }
  }

  /** The file is not ours. */
  private static final class Foreign extends Exception {
    private static final long serialVersionUID = 1L;

    Foreign(String message) {
      super(message, null, false, false);
    }
  }

  private static Parsed parse(Path file) throws IOException, Corrupt, Foreign {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    boolean blank = true;
    for (byte b : bytes) {
      if (b != 0 && !Character.isWhitespace(b)) {
        blank = false;
        break;
      }
    }
    if (blank) {
      throw new Corrupt(bytes.length == 0 ? "the file is empty" : "the file holds only blanks or zero bytes");
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      if (text.contains(FORMAT) || (text.contains("\"status\"") && text.contains("\"since\""))) {
        throw new Corrupt("not valid JSON" + where + ": " + e.getOriginalMessage());
      }
      throw new Foreign("not JSON");
    }
    if (root == null || !root.isObject()) {
      throw new Foreign("not a JSON object");
    }
    if (root.has("format")) {
      if (!FORMAT.equals(root.get("format").asText())) {
        throw new Foreign("its format is '" + root.get("format").asText() + "'");
      }
      int version = root.path("version").asInt(-1);
      if (version > VERSION) {
        throw new Foreign("version " + version + ", written by a newer CompanyOS; this one reads up to " + VERSION);
      }
      if (version != VERSION || !root.path("checks").isObject()) {
        throw new Corrupt("no 'version' " + VERSION + " or 'checks' object");
      }
      Map<String, State> states = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.get("checks").fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        states.put(e.getKey(), state(e.getKey(), e.getValue()));
      }
      Instant digest = root.hasNonNull("digest_posted") ? instant(root, "digest_posted", "the digest") : null;
      return new Parsed(states, digest);
    }
    // Version 1: {"<check>": {"status": ..., "since": ..., "last_notified": ...}}.
    Map<String, State> states = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (!v.isObject() || !v.hasNonNull("status") || !v.hasNonNull("since")) {
        throw new Foreign("no 'format' field and not the layout of an earlier version");
      }
      states.put(e.getKey(), upgrade(e.getKey(), v));
    }
    return new Parsed(states, null);
  }

  /**
   * A version-1 record. Version 1 recorded a failed notification as sent, so a firing check owes its trigger again
   * (de-duplicated by key at the receiver) and anything that may have been notified may be open.
   */
  private static State upgrade(String check, JsonNode v) throws Corrupt {
    CheckStatus status = status(check, v);
    Instant since = instant(v, "since", check);
    Instant last = v.hasNonNull("last_notified") ? instant(v, "last_notified", check) : null;
    return switch (status) {
      case OK -> new State(status, since, AlertState.OK, Owed.NONE, false, false, null, null, 0, null, null, null, null, null, Map.of(), null);
      case FIRING -> new State(status, since, AlertState.FIRING_UNNOTIFIED, Owed.TRIGGER, true, false, null, null, 0, null, null, null,
          null, null, Map.of(), null);
      default -> new State(status, since, AlertState.ERROR, Owed.NONE, last != null, false, null, null, 0, null, null, null, null,
          null, Map.of(), null);
    };
  }

  private static State state(String check, JsonNode v) throws Corrupt {
    if (!v.isObject()) {
      throw new Corrupt("the record of '" + check + "' is not an object");
    }
    Map<String, String> labels = new TreeMap<>();
    if (v.hasNonNull("labels")) {
      if (!v.get("labels").isObject()) {
        throw new Corrupt("the labels of '" + check + "' are not an object");
      }
      v.get("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    }
    JsonNode failed = v.path("failed_runs");
    if (!failed.isMissingNode() && (!failed.canConvertToInt() || failed.asInt() < 0)) {
      throw new Corrupt("'failed_runs' of '" + check + "' is not a count");
    }
    Double value = v.hasNonNull("value") ? (v.get("value").isNumber() ? v.get("value").asDouble() : null) : null;
    if (v.hasNonNull("value") && (value == null || !Double.isFinite(value))) {
      throw new Corrupt("'value' of '" + check + "' is not a finite number");
    }
    State s = new State(status(check, v), instant(v, "since", check), choice(v, "alert", AlertState.class, check),
        choice(v, "owed", Owed.class, check), bool(v, "open", check), bool(v, "notified", check), optInstant(v, "last_notified", check),
        text(v, "notified_severity"), failed.isMissingNode() ? 0 : failed.asInt(), text(v, "last_failure"), optInstant(v, "not_before", check),
        optInstant(v, "escalated", check), text(v, "receipt"), value, labels, text(v, "severity"));
    if (s.notified() && !s.open()) {
      throw new Corrupt("'" + check + "' is notified but not open");
    }
    return s;
  }

  private static CheckStatus status(String check, JsonNode v) throws Corrupt {
    return choice(v, "status", CheckStatus.class, check);
  }

  private static <E extends Enum<E>> E choice(JsonNode v, String key, Class<E> type, String check) throws Corrupt {
    String t = v.path(key).asText(null);
    try {
      if (t == null) {
        throw new IllegalArgumentException();
      }
      return Enum.valueOf(type, t);
    } catch (IllegalArgumentException e) {
      throw new Corrupt("'" + key + "' of '" + check + "' is " + (t == null ? "missing" : "'" + t + "'"));
    }
  }

  private static boolean bool(JsonNode v, String key, String check) throws Corrupt {
    JsonNode n = v.path(key);
    if (!n.isBoolean()) {
      throw new Corrupt("'" + key + "' of '" + check + "' is not true or false");
    }
    return n.asBoolean();
  }

  private static @Nullable String text(JsonNode v, String key) {
    return v.hasNonNull(key) ? v.get(key).asText() : null;
  }

  private static Instant instant(JsonNode v, String key, String check) throws Corrupt {
    Instant i = optInstant(v, key, check);
    if (i == null) {
      throw new Corrupt("'" + key + "' of '" + check + "' is missing");
    }
    return i;
  }

  private static @Nullable Instant optInstant(JsonNode v, String key, String check) throws Corrupt {
    if (!v.hasNonNull(key)) {
      return null;
    }
    try {
      return Instant.parse(v.get(key).asText());
    } catch (DateTimeParseException e) {
      throw new Corrupt("'" + key + "' of '" + check + "' is not an instant: '" + v.get(key).asText() + "'");
    }
  }

  /**
   * The state of {@code check}; after a recovery without a usable backup, {@link State#unknown} for a check the
   * store knows nothing of.
   */
  public Optional<State> get(String check) {
    State s = states.get(check);
    return s != null ? Optional.of(s) : unknownPrior ? Optional.of(State.unknown(Instant.EPOCH)) : Optional.empty();
  }

  /** The checks the store holds a state for, in name order. */
  public java.util.SortedSet<String> checks() {
    return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(states.keySet()));
  }

  public void put(String check, State state) {
    states.put(check, state);
  }

  /** What was recovered when the file was corrupt or missing with a backup left; empty normally. */
  public Optional<String> recovery() {
    return Optional.ofNullable(recovery);
  }

  /** The last Slack digest slot that was posted. */
  public Optional<Instant> digestPosted() {
    return Optional.ofNullable(digestPosted);
  }

  public void digestPosted(Instant slot) {
    digestPosted = slot;
  }

  /** The state file; empty in memory. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** True when a save had to replace the file without an atomic move (the file system cannot do one). */
  public boolean usedFallbackMove() {
    return fallbackMove;
  }

  /** Writes the backup and then the file (each through a temporary file and an atomic move); does nothing in memory. */
  public void save() {
    if (file == null) {
      return;
    }
    if (lock == null || !lock.isValid()) {
      throw new IllegalStateException("the state store is closed");
    }
    String json;
    try {
      json = JSON.writeValueAsString(tree());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      write(sibling(file, ".bak"), bytes);
      write(file, bytes);
    } catch (IOException e) {
      throw new CompanyOsException("COS-CHK-004", "cannot write the health-check state: " + e.getMessage(), file.toString(),
          "check that the directory is writable and the disk not full");
    }
  }

  private ObjectNode tree() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    if (digestPosted != null) {
      root.put("digest_posted", digestPosted.toString());
    }
    ObjectNode checks = root.putObject("checks");
    states.forEach((name, s) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("status", s.status().name());
      m.put("since", s.since().toString());
      m.put("alert", s.alert().name());
      m.put("owed", s.owed().name());
      m.put("open", s.open());
      m.put("notified", s.notified());
      m.put("last_notified", s.lastNotified() == null ? null : s.lastNotified().toString());
      m.put("notified_severity", s.notifiedSeverity());
      m.put("failed_runs", s.failedRuns());
      m.put("last_failure", s.lastFailure());
      m.put("not_before", s.notBefore() == null ? null : s.notBefore().toString());
      m.put("escalated", s.escalated() == null ? null : s.escalated().toString());
      m.put("receipt", s.receipt());
      // JSON has no infinities: a deciding value that is not finite is not kept (the store could not read it back).
      m.put("value", s.value() != null && Double.isFinite(s.value()) ? s.value() : null);
      m.put("labels", new TreeMap<>(s.labels()));
      m.put("severity", s.severity());
      checks.set(name, JSON.valueToTree(m));
    });
    return root;
  }

  private void write(Path target, byte[] bytes) throws IOException {
    if (!io.companyos.model.base.OutputFiles.replaceDurably(target, bytes)) {
      fallbackMove = true;
    }
  }

  /** Temporary files of an earlier run that was killed mid-write (we hold the lock, so nobody else is writing). */
  private static void deleteLeftovers(Path file) throws IOException {
    String prefix = "." + file.getFileName() + ".";
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(file.getParent(), p -> {
      String n = p.getFileName().toString();
      return n.startsWith(prefix) && n.endsWith(".tmp");
    })) {
      for (Path p : ds) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Path sibling(Path file, String suffix) {
    return file.resolveSibling(file.getFileName() + suffix);
  }

  /** Releases the lock; the store can no longer be saved. */
  @Override
  public void close() {
    release(lock, lockChannel);
    lock = null;
    lockChannel = null;
  }

  private static void release(@Nullable FileLock lock, @Nullable FileChannel channel) {
    try {
      if (lock != null && lock.isValid()) {
        lock.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // closing the channel releases the lock in any case
    }
  }
}
