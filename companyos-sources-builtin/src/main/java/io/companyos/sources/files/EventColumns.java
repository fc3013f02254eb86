package io.companyos.sources.files;

import io.companyos.model.data.ProductEvent;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The rows of a big {@code product_events.csv} kept in columns: each event's time (nanoseconds since the epoch) in a
 * primitive array sorted by time (ties in file order); its user, account, event and feature as numbers into each
 * column's distinct texts; its session, which changes every few rows, as bytes in one array with an offset and length
 * per row. The file so costs no object per row while it is kept, and its columns hold no references for the collector
 * to scan. Read once by {@link ColumnScan}; a window's {@link ProductEvent} records are made when the window is asked
 * for, equal to those the record path reads from the same file. A file that is not plain (a required cell empty, text
 * that is not ASCII, quotes around line breaks, a time the record path would refuse or read differently) is not read
 * here, and the caller reads records instead, which reports the bad row as before.
 */
final class EventColumns implements WindowColumns<ProductEvent> {
  /** The columns read; the last, feature, may be absent or empty. */
  private static final List<String> COLUMNS = List.of("timestamp", "user_id", "account_id", "session_id", "event", "feature");
  private static final int TIME = 0;
  private static final int USER = 1;
  private static final int ACCOUNT = 2;
  private static final int SESSION = 3;
  private static final int EVENT = 4;
  private static final int FEATURE = 5;

  private final long[] nanos;
  /** Per numbered column (user, account, event, feature; null at the time's and the session's index), its numbers. */
  private final int[][] codes;
  /** Per numbered column, its distinct texts by number. */
  private final String[][] texts;
  private final TextColumn sessions;

  private EventColumns(long[] nanos, int[][] codes, String[][] texts, TextColumn sessions) {
    this.nanos = nanos;
    this.codes = codes;
    this.texts = texts;
    this.sessions = sessions;
  }

  /**
   * Reads {@code file} (uncompressed CSV) in columns, in two parts on two threads when it is big; empty when it is not
   * plain, and the record path must read it.
   *
   * @param file product_events.csv
   * @return the columns, or empty
   * @throws IOException when the file cannot be read
   */
  static Optional<EventColumns> scan(Path file) throws IOException {
    return scan(file, ColumnScan.parallelBytes());
  }

  static Optional<EventColumns> scan(Path file, long parallelBytes) throws IOException {
    return scan(null, file, 0, parallelBytes);
  }

  /**
   * The columns of {@code file} given {@code base}, the columns of its first {@code from} bytes (a copy kept by
   * {@link ColumnCache} before rows were appended): only the records from {@code from} on are scanned, and the columns
   * are those a scan of the whole file gives (texts numbered in order of first use, the rows in a stable sort by time of
   * the base's rows, already so sorted, followed by the new ones). Empty when a new record is not plain.
   *
   * @param base the columns of the file's first {@code from} bytes
   * @param file product_events.csv, grown
   * @param from the size of the file {@code base} was read from, a record start
   * @return the columns of the whole file, or empty
   * @throws IOException when the file cannot be read
   */
  static Optional<EventColumns> scanAfter(EventColumns base, Path file, long from) throws IOException {
    return scan(base, file, from, ColumnScan.parallelBytes());
  }

  private static Optional<EventColumns> scan(@org.jspecify.annotations.Nullable EventColumns base, Path file, long from,
      long parallelBytes) throws IOException {
    try {
      return parts(file, from, parallelBytes).map(parts -> join(base, parts));
    } catch (ColumnScan.NotPlain e) {
      return Optional.empty(); // more session text than one array holds: the record path reads it
    }
  }

  private static Optional<List<Part>> parts(Path file, long from, long parallelBytes) throws IOException {
    return ColumnScan.<Part>scan(file, from, parallelBytes, "events-scan", header -> {
      int[] at = new int[COLUMNS.size()];
      for (int i = 0; i < at.length; i++) {
        Integer c = header.get(COLUMNS.get(i));
        if (c == null && i != FEATURE) {
          return Optional.empty(); // the record path names the missing column
        }
        at[i] = c == null ? -1 : c;
      }
      return Optional.<ColumnScan.Parts<Part>>of(() -> new Part(at));
    });
  }

  private static boolean numbered(int c) {
    return c != TIME && c != SESSION;
  }

  /** The rows of one part of the file, in file order. */
  private static final class Part extends ColumnScan.Part {
    private final int[] at;
    final ColumnScan.Names[] names = new ColumnScan.Names[COLUMNS.size()];
    long[] nanos = new long[1024];
    final int[][] codes = new int[COLUMNS.size()][];
    TextColumn sessions = new TextColumn(1024, 1 << 14);
    int size;

    Part(int[] at) {
      this.at = at;
      for (int c = 0; c < names.length; c++) {
        if (numbered(c)) {
          names[c] = new ColumnScan.Names();
          codes[c] = new int[1024];
        }
      }
    }

    /** Columns for the rows of about {@code bytes} (rows of a product-event export are 60–80 bytes), grown if needed. */
    @Override
    void expect(long bytes) {
      int rows = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(1024, bytes / 56));
      grow(rows);
      sessions = new TextColumn(rows, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(1 << 14, bytes / 4)));
    }

    private void grow(int capacity) {
      nanos = Arrays.copyOf(nanos, capacity);
      for (int c = 0; c < codes.length; c++) {
        if (codes[c] != null) {
          codes[c] = Arrays.copyOf(codes[c], capacity);
        }
      }
    }

    @Override
    void record(byte[] b, DoraScan.Fields f) {
      if (size == nanos.length) {
        grow(size * 2);
      }
      int ts = f.start(b, at[TIME]);
      nanos[size] = ColumnScan.nanos(b, ts, f.end(b, at[TIME], ts));
      for (int c = 1; c < codes.length; c++) {
        int s = at[c] < 0 ? 0 : f.start(b, at[c]);
        int e = at[c] < 0 ? 0 : f.end(b, at[c], s);
        if (c == SESSION) {
          sessions.add(b, s, e);
          continue;
        }
        int id = names[c].id(b, s, e);
        if (id < 0 && (s != e || c != FEATURE)) {
          throw new ColumnScan.NotPlain(); // not ASCII, or a required cell left empty (the record path says which)
        }
        codes[c][size] = id;
      }
      size++;
    }
  }

  /**
   * The parts' rows in file order (each part's numbers turned into those of the texts as one pass would number them),
   * sorted by time: a stable sort, so ties keep file order, as the record path's.
   */
  private static EventColumns join(@org.jspecify.annotations.Nullable EventColumns base, List<Part> parts) {
    int at = base == null ? 0 : base.nanos.length;
    int n = at + parts.stream().mapToInt(p -> p.size).sum();
    long[] nanos = new long[n];
    int[][] codes = new int[COLUMNS.size()][];
    String[][] texts = new String[COLUMNS.size()][];
    List<ColumnScan.Numbering<String>> numbers = new ArrayList<>();
    for (int c = 0; c < codes.length; c++) {
      codes[c] = numbered(c) ? new int[n] : null;
      numbers.add(new ColumnScan.Numbering<>());
    }
    List<TextColumn> sessionParts = new ArrayList<>();
    if (base != null) {
      // The base's rows come first, already in a stable time order, and its texts keep their numbers: new texts come after
      // them, as one pass over the whole file numbers them.
      System.arraycopy(base.nanos, 0, nanos, 0, at);
      for (int c = 0; c < codes.length; c++) {
        if (codes[c] != null) {
          System.arraycopy(base.codes[c], 0, codes[c], 0, at);
          for (String text : base.texts[c]) {
            numbers.get(c).known(text, text);
          }
        }
      }
      sessionParts.add(base.sessions);
    }
    parts.forEach(p -> sessionParts.add(p.sessions));
    TextColumn sessions = TextColumn.join(sessionParts);
    for (Part p : parts) {
      System.arraycopy(p.nanos, 0, nanos, at, p.size);
      for (int c = 0; c < codes.length; c++) {
        if (codes[c] == null) {
          continue;
        }
        String[] own = p.names[c].values();
        ColumnScan.Numbering.copy(p.codes[c], p.size, numbers.get(c).renumber(own, i -> own[i]), codes[c], at);
      }
      at += p.size;
    }
    for (int c = 0; c < codes.length; c++) {
      texts[c] = codes[c] == null ? null : numbers.get(c).values.toArray(new String[0]);
    }
    int[] order = ColumnScan.orderIfUnsorted(nanos);
    if (order != null) {
      nanos = ColumnScan.permute(nanos, order);
      sessions = sessions.permute(order);
      for (int c = 0; c < codes.length; c++) {
        if (codes[c] != null) {
          codes[c] = ColumnScan.permute(codes[c], order);
        }
      }
    }
    return new EventColumns(nanos, codes, texts, sessions);
  }

  /**
   * Writes the columns for {@link #read} ({@link ColumnCache}): the times, each numbered column's texts and numbers, the
   * sessions' bytes, offsets and lengths.
   */
  void write(ColumnCache.Out out) throws IOException {
    out.longs(nanos, nanos.length);
    for (int c = 0; c < codes.length; c++) {
      if (codes[c] != null) {
        out.strings(texts[c]);
        out.ints(codes[c], codes[c].length);
      }
    }
    out.bytes(sessions.bytes, 0, sessions.byteSize);
    out.ints(sessions.from, sessions.size);
    out.ints(sessions.length, sessions.size);
  }

  /** The columns {@link #write} wrote; a {@link RuntimeException} when the bytes are not such columns. */
  static EventColumns read(ColumnCache.In in) {
    long[] nanos = in.longs();
    int n = nanos.length;
    for (int i = 1; i < n; i++) {
      if (nanos[i - 1] > nanos[i]) {
        throw new IllegalStateException("times out of order");
      }
    }
    int[][] codes = new int[COLUMNS.size()][];
    String[][] texts = new String[COLUMNS.size()][];
    for (int c = 0; c < codes.length; c++) {
      if (numbered(c)) {
        texts[c] = in.strings();
        codes[c] = in.ints();
        int lowest = c == FEATURE ? -1 : 0;
        for (int code : codes[c]) {
          if (code < lowest || code >= texts[c].length) {
            throw new IllegalStateException("a number beyond the column's texts");
          }
        }
        if (codes[c].length != n) {
          throw new IllegalStateException("columns of unequal length");
        }
      }
    }
    TextColumn sessions = TextColumn.of(in.bytes(), in.ints(), in.ints());
    if (sessions.size != n) {
      throw new IllegalStateException("columns of unequal length");
    }
    return new EventColumns(nanos, codes, texts, sessions);
  }

  /**
   * The events of {@code window}, in time order, as records made when they are read: a window of many events costs no
   * record per event until it is read, and records read once and dropped are collected young.
   */
  @Override
  public List<ProductEvent> rows(TimeWindow window) {
    return ColumnScan.window(nanos, window, this::event);
  }

  /** The event at {@code i} of the time order. */
  private ProductEvent event(int i) {
    int feature = codes[FEATURE][i];
    return new ProductEvent(ColumnScan.instant(nanos[i]), texts[USER][codes[USER][i]], texts[ACCOUNT][codes[ACCOUNT][i]],
        sessions.text(i),
        texts[EVENT][codes[EVENT][i]], feature < 0 ? null : texts[FEATURE][feature]);
  }

  /** The span of the events' times (distinct instants), as {@link Provenance.Coverage#of} gives it for records. */
  @Override
  public Optional<Provenance.Coverage> coverage() {
    return ColumnScan.coverage(nanos, nanos.length);
  }
}
