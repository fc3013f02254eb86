package io.companyos.sources.files;

import io.companyos.model.data.Change;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The rows of a big {@code changes.csv} (a Four Keys export: one row per commit) kept in columns: the creation times
 * as nanoseconds in a primitive array sorted by time (ties in file order) and the change ids as bytes
 * ({@link TextColumn}). Read once by {@link ColumnScan}; the ids are checked for repeats on their bytes, and a window's
 * {@link Change} records are made when they are read ({@link io.companyos.sources.ComputedRows}), equal to those of the
 * record path. A file that is not plain (an empty or non-ASCII id, a repeated id, a time the record path would refuse
 * or read differently, quotes around line breaks) is not read here, and the caller reads records instead, which reports
 * the bad row as before.
 */
final class ChangeColumns implements WindowColumns<Change> {
  private final long[] nanos;
  private final TextColumn ids;

  private ChangeColumns(long[] nanos, TextColumn ids) {
    this.nanos = nanos;
    this.ids = ids;
  }

  /**
   * Reads {@code file} (uncompressed CSV) in columns, in two parts on two threads when it is big; empty when it is not
   * plain, and the record path must read it.
   *
   * @param file changes.csv
   * @return the columns, or empty
   * @throws IOException when the file cannot be read
   */
  static Optional<ChangeColumns> scan(Path file) throws IOException {
    return scan(file, ColumnScan.parallelBytes());
  }

  static Optional<ChangeColumns> scan(Path file, long parallelBytes) throws IOException {
    try {
      return ColumnScan.<Part>scan(file, parallelBytes, "changes-scan", header -> {
        Integer id = header.get("change_id");
        Integer time = header.get("time_created");
        return id == null || time == null ? Optional.empty() // the record path names the missing column
            : Optional.<ColumnScan.Parts<Part>>of(() -> new Part(id, time));
      }).map(ChangeColumns::join);
    } catch (ColumnScan.NotPlain e) {
      return Optional.empty(); // a repeated id: the record path reports the row that repeats it
    }
  }

  /** The rows of one part of the file, in file order. */
  private static final class Part extends ColumnScan.Part {
    private final int id;
    private final int time;
    long[] nanos = new long[1024];
    TextColumn ids = new TextColumn(1024, 1 << 14);

    Part(int id, int time) {
      this.id = id;
      this.time = time;
    }

    /** Columns for the rows of about {@code bytes} (rows of a Four Keys changes export are 30–70 bytes). */
    @Override
    void expect(long bytes) {
      int rows = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(1024, bytes / 30));
      nanos = new long[rows];
      ids = new TextColumn(rows, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(1 << 14, bytes / 2)));
    }

    @Override
    void record(byte[] b, DoraScan.Fields f) {
      int size = ids.size;
      if (size == nanos.length) {
        nanos = Arrays.copyOf(nanos, size * 2);
      }
      int ts = f.start(b, time);
      long t = ColumnScan.nanos(b, ts, f.end(b, time, ts));
      int s = f.start(b, id);
      ids.add(b, s, f.end(b, id, s));
      nanos[size] = t;
    }
  }

  /** The parts' rows in file order, every id once, sorted by time (stable: ties keep file order, as the record path's). */
  private static ChangeColumns join(List<Part> parts) {
    TextColumn ids = TextColumn.join(parts.stream().map(p -> p.ids).toList());
    if (ids.firstRepeat() >= 0) {
      throw new ColumnScan.NotPlain();
    }
    long[] nanos = new long[ids.size];
    int at = 0;
    for (Part p : parts) {
      System.arraycopy(p.nanos, 0, nanos, at, p.ids.size);
      at += p.ids.size;
    }
    int[] order = ColumnScan.orderIfUnsorted(nanos);
    if (order != null) {
      nanos = ColumnScan.permute(nanos, order);
      ids = ids.permute(order);
    }
    return new ChangeColumns(nanos, ids);
  }

  /** The changes of {@code window}, in time order, as records made when they are read. */
  @Override
  public List<Change> rows(TimeWindow window) {
    return ColumnScan.window(nanos, window, i -> new Change(ids.text(i), ColumnScan.instant(nanos[i])));
  }

  /** The span of the changes' times (distinct instants), as {@link Provenance.Coverage#of} gives it for records. */
  @Override
  public Optional<Provenance.Coverage> coverage() {
    return ColumnScan.coverage(nanos, nanos.length);
  }
}
