package io.companyos.sources.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A copy of a file's columns kept between runs (the files source's {@code cache} option), so that a command run again
 * on the same data (a cron job's daily standup) reads its big files' columns instead of scanning their text again.
 *
 * <p>A copy is used only for the very content it was made from: its header holds the source file's size, modification
 * time and CRC32C, and the source is checked against all three before the copy is read (the CRC32C of the whole file,
 * about 6 GB/s). The copy's own bytes carry a CRC32C too, so a truncated or damaged copy is never read. Anything that
 * does not match — another format version, another kind, a file changed since — makes the copy unused, and the scan's
 * result replaces it. One change is read on top of the copy instead: lines appended to the file after its last one (an
 * export that adds each day's rows). When the copy's source ended with a line feed and the file's first bytes still have
 * its CRC32C, only the bytes after them are scanned and joined to the copy's columns (the same columns a scan of the
 * whole file gives), which then replace the copy. A copy is written to a temporary file and moved into place, so a
 * reader never sees half of one; a cache folder that cannot be written costs a warning, not the command.
 *
 * <p>The layout (little-endian): the magic {@code COCOLS01}, the kind, the source's absolute path, its size, its
 * modification time in nanoseconds, its CRC32C, the payload's length and the payload's CRC32C, then the payload, which
 * the kind's {@link Writer} writes and its {@link Reader} reads back.
 */
final class ColumnCache {
  private static final Logger LOG = LoggerFactory.getLogger(ColumnCache.class);
  private static final byte[] MAGIC = "COCOLS01".getBytes(StandardCharsets.US_ASCII);
  /** Files smaller than this are scanned each time: checking a copy would cost about as much. */
  static final long MIN_BYTES = 4L << 20;

  private final Path dir;
  private final long minBytes;

  /**
   * A cache in {@code dir} (made when the first copy is written).
   *
   * @param dir the folder of the copies
   * @param minBytes the smallest file kept in it
   */
  ColumnCache(Path dir, long minBytes) {
    this.dir = dir;
    this.minBytes = minBytes;
  }

  /** The payload's writer. */
  interface Writer {
    void write(Out out) throws IOException;
  }

  /** The payload's reader: what the writer wrote, or a {@link RuntimeException} when it is not. */
  interface Reader<T> {
    T read(In in);
  }

  /** What a scan of the source reads, or empty when the file is not plain. */
  interface Scan<T> {
    Optional<T> scan() throws IOException;
  }

  /**
   * The columns of the whole source given those of its first {@code from} bytes (a copy made before rows were appended
   * to it): a scan of the records from {@code from} on, joined to them; empty when one of those records is not plain.
   */
  interface Append<T> {
    Optional<T> scanAfter(T base, long from) throws IOException;
  }

  /**
   * A copy that matches the source: made from all of it ({@code from} = its size) or from its first {@code from} bytes;
   * {@code crc} is the CRC32C of all of the source's bytes.
   */
  private record Match<T>(T columns, long from, long crc) {}

  /**
   * The columns of {@code file}: its copy when one matches the file, else the scan's result, kept as a new copy. A file
   * that has grown since its copy was made, by rows appended after its last line (an export that adds each day's rows),
   * has only those rows scanned ({@code append}) when its first bytes are still those the copy was made from (their
   * CRC32C); the joined columns then replace the copy.
   *
   * @param file the source file
   * @param kind the kind of columns (part of the copy's name and header)
   * @param scan reads the file
   * @param writer writes the scan's result
   * @param reader reads a copy back
   * @param append reads the rows appended to the file since its copy was made
   * @return the columns, or empty when the file is not plain (no copy is kept then)
   * @throws IOException when the source cannot be read
   */
  <T> Optional<T> columns(Path file, String kind, Scan<T> scan, java.util.function.Function<T, Writer> writer,
      Reader<T> reader, Append<T> append) throws IOException {
    BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
    if (before.size() < minBytes) {
      return scan.scan();
    }
    Path copy = copyOf(file, kind);
    Optional<Match<T>> cached = read(copy, file, kind, before, reader);
    if (cached.isPresent() && cached.get().from() == before.size()) {
      return Optional.of(cached.get().columns());
    }
    if (cached.isPresent()) {
      long from = cached.get().from();
      LOG.debug("{}: {} bytes appended since its column copy was made; reading those only", file, before.size() - from);
      Optional<T> grown = append.scanAfter(cached.get().columns(), from);
      if (grown.isPresent()) {
        write(copy, file, kind, before, writer.apply(grown.get()), cached.get().crc());
        return grown;
      }
    }
    Optional<T> scanned = scan.scan();
    if (scanned.isPresent()) {
      write(copy, file, kind, before, writer.apply(scanned.get()), crc(file));
    }
    return scanned;
  }

  /** Where the copy of {@code file}'s {@code kind} columns lives: named after the kind and a hash of the file's path. */
  Path copyOf(Path file, String kind) {
    byte[] path = file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8);
    CRC32C crc = new CRC32C();
    crc.update(path);
    long h = crc.getValue() << 32 | (Integer.toUnsignedLong(java.util.Arrays.hashCode(path)));
    return dir.resolve(kind + "-" + String.format("%016x", h) + ".columns");
  }

  /**
   * The copy's columns when it matches the source: made from the file as it is (size, modification time and CRC32C), or
   * from its first bytes, when the file has grown since by whole lines (the copy's source ended with a line feed, and
   * the file's first bytes have the CRC32C it had).
   */
  private <T> Optional<Match<T>> read(Path copy, Path file, String kind, BasicFileAttributes source, Reader<T> reader) {
    if (!Files.isRegularFile(copy)) {
      return Optional.empty();
    }
    try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) {
        return Optional.empty();
      }
      MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
      map.order(ByteOrder.LITTLE_ENDIAN);
      In in = new In(map);
      if (!java.util.Arrays.equals(in.bytes(), MAGIC) || !kind.equals(in.string())
          || !file.toAbsolutePath().normalize().toString().equals(in.string())) {
        return Optional.empty();
      }
      long sourceSize = in.buffer.getLong();
      long sourceTime = in.buffer.getLong();
      long sourceCrc = in.buffer.getLong();
      long payload = in.buffer.getLong();
      long payloadCrc = in.buffer.getLong();
      boolean same = sourceSize == source.size() && sourceTime == nanos(source);
      boolean grown = sourceSize > 0 && sourceSize < source.size();
      if (!(same || grown) || payload != size - in.buffer.position()) {
        return Optional.empty();
      }
      ByteBuffer body = map.slice(in.buffer.position(), (int) payload).order(ByteOrder.LITTLE_ENDIAN);
      CRC32C crc = new CRC32C();
      crc.update(body.duplicate());
      if (crc.getValue() != payloadCrc) {
        return Optional.empty();
      }
      // One pass: the CRC32C of the bytes the copy was made from, then on to the end for that of the whole file.
      long[] crcs = crcs(file, sourceSize);
      if (crcs[0] != sourceCrc || grown && !endsALine(file, sourceSize)) {
        return Optional.empty();
      }
      In data = new In(body);
      T t = reader.read(data);
      return data.buffer.hasRemaining() ? Optional.empty() : Optional.of(new Match<>(t, sourceSize, crcs[1]));
    } catch (IOException | RuntimeException e) {
      LOG.debug("column copy {} not used: {}", copy, e.toString());
      return Optional.empty();
    }
  }

  /** Writes the copy of {@code file} (its CRC32C {@code sourceCrc}, read after {@code before}) unless it changed since. */
  private void write(Path copy, Path file, String kind, BasicFileAttributes before, Writer writer, long sourceCrc) {
    Path tmp = null;
    try {
      BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
      if (after.size() != before.size() || nanos(after) != nanos(before)) {
        return; // changed while it was read: what was read may match neither
      }
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, kind + "-", ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        Out head = new Out(ch);
        head.bytes(MAGIC);
        head.string(kind);
        head.string(file.toAbsolutePath().normalize().toString());
        head.longValue(before.size());
        head.longValue(nanos(before));
        head.longValue(sourceCrc);
        head.longValue(0); // the payload's length and CRC32C, written once known
        head.longValue(0);
        head.flush();
        long start = ch.position();
        Out body = new Out(ch);
        writer.write(body);
        body.flush();
        ByteBuffer sums = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        sums.putLong(ch.position() - start).putLong(body.crc.getValue()).flip();
        ch.write(sums, start - 16);
      }
      try {
        Files.move(tmp, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not keep a copy of the columns of {} in {}: {}", file, dir, e.toString());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          LOG.debug("could not remove {}: {}", tmp, e.toString());
        }
      }
    }
  }

  private static long nanos(BasicFileAttributes a) {
    java.time.Instant t = a.lastModifiedTime().toInstant();
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  /** The CRC32C of the whole file, read mapped. */
  static long crc(Path file) throws IOException {
    return crcs(file, 0)[1];
  }

  /**
   * The CRC32C of the file's first {@code length} bytes (of all of them when it has fewer) and of the whole file, in one
   * pass, read mapped.
   */
  static long[] crcs(Path file, long length) throws IOException {
    CRC32C crc = new CRC32C();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      long first = Math.min(length, size);
      long[] out = new long[2];
      for (long p = 0; p < size; ) {
        long n = Math.min(1L << 30, (p < first ? first : size) - p);
        crc.update(ch.map(FileChannel.MapMode.READ_ONLY, p, n));
        p += n;
        if (p == first) {
          out[0] = crc.getValue();
        }
      }
      out[1] = crc.getValue();
      if (first == 0) {
        out[0] = new CRC32C().getValue();
      }
      return out;
    }
  }

  /** Whether the file's byte at {@code length - 1} is a line feed: its first {@code length} bytes end with a whole line. */
  private static boolean endsALine(Path file, long length) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      return ch.read(b, length - 1) == 1 && b.get(0) == '\n';
    }
  }

  /** A payload being written: numbers and arrays little-endian, through a buffer, with the CRC32C of what was written. */
  static final class Out {
    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    final CRC32C crc = new CRC32C();

    Out(FileChannel ch) {
      this.ch = ch;
    }

    private void room(int n) throws IOException {
      if (buf.remaining() < n) {
        flush();
      }
    }

    void flush() throws IOException {
      buf.flip();
      crc.update(buf.duplicate());
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      buf.clear();
    }

    void intValue(int v) throws IOException {
      room(4);
      buf.putInt(v);
    }

    void longValue(long v) throws IOException {
      room(8);
      buf.putLong(v);
    }

    void bytes(byte[] b) throws IOException {
      bytes(b, 0, b.length);
    }

    void bytes(byte[] b, int from, int n) throws IOException {
      intValue(n);
      for (int at = from; at < from + n; ) {
        room(1);
        int k = Math.min(buf.remaining(), from + n - at);
        buf.put(b, at, k);
        at += k;
      }
    }

    void string(String s) throws IOException {
      bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    void strings(String[] s) throws IOException {
      intValue(s.length);
      for (String t : s) {
        string(t);
      }
    }

    void longs(long[] a, int n) throws IOException {
      array(n, Long.BYTES, (b, at, k) -> b.asLongBuffer().put(a, at, k));
    }

    void doubles(double[] a, int n) throws IOException {
      array(n, Double.BYTES, (b, at, k) -> b.asDoubleBuffer().put(a, at, k));
    }

    void ints(int[] a, int n) throws IOException {
      array(n, Integer.BYTES, (b, at, k) -> b.asIntBuffer().put(a, at, k));
    }

    /** Puts {@code k} values from {@code at} at the buffer's position, through a view of the buffer. */
    private interface Put {
      void put(ByteBuffer buffer, int at, int k);
    }

    /** The count, then the first {@code n} values of an array of {@code width}-byte values, a buffer's room at a time. */
    private void array(int n, int width, Put put) throws IOException {
      intValue(n);
      for (int at = 0; at < n; ) {
        room(width);
        int k = Math.min(buf.remaining() / width, n - at);
        put.put(buf, at, k);
        buf.position(buf.position() + width * k);
        at += k;
      }
    }
  }

  /** A payload being read: what {@link Out} wrote, in the same order; a {@link RuntimeException} when it is not. */
  static final class In {
    final ByteBuffer buffer;

    In(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    int intValue() {
      return buffer.getInt();
    }

    private int count(int width) {
      int n = buffer.getInt();
      if (n < 0 || (long) n * width > buffer.remaining()) {
        throw new IllegalStateException("a count beyond the copy's end");
      }
      return n;
    }

    byte[] bytes() {
      byte[] b = new byte[count(1)];
      buffer.get(b);
      return b;
    }

    String string() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    String[] strings() {
      String[] s = new String[count(4)];
      for (int i = 0; i < s.length; i++) {
        s[i] = string();
      }
      return s;
    }

    long[] longs() {
      long[] a = new long[count(8)];
      buffer.asLongBuffer().get(a);
      buffer.position(buffer.position() + 8 * a.length);
      return a;
    }

    double[] doubles() {
      double[] a = new double[count(8)];
      buffer.asDoubleBuffer().get(a);
      buffer.position(buffer.position() + 8 * a.length);
      return a;
    }

    int[] ints() {
      int[] a = new int[count(4)];
      buffer.asIntBuffer().get(a);
      buffer.position(buffer.position() + 4 * a.length);
      return a;
    }
  }

  @Override
  public String toString() {
    return "ColumnCache[" + dir + "]";
  }
}
