package io.companyos.sources.files;

import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of a big {@code deployments.csv} (a Four Keys export: one row per deployment) kept in columns: the creation
 * times as nanoseconds in a primitive array sorted by time (ties in file order), the deploy ids and the cells of their
 * changes as bytes ({@link TextColumn}), the status as a byte. Read once by {@link ColumnScan}; the ids are checked for
 * repeats on their bytes, each distinct status text is read once by the record path's rule, and a window's
 * {@link Deployment} records are made when they are read (the changes split by the record path's rule then), equal to
 * those of the record path. A file that is not plain (an empty or non-ASCII id, a repeated id, a status the record path
 * refuses, a time it would refuse or read differently, quotes around line breaks) is not read here, and the caller
 * reads records instead, which reports the bad row as before.
 */
final class DeploymentColumns implements WindowColumns<Deployment> {
  private static final DeployStatus[] STATUSES = DeployStatus.values();
  /** The status of an empty (or absent) {@code status} cell, by the record path's rule. */
  private static final DeployStatus EMPTY_STATUS = status("");
  private final long[] nanos;
  private final TextColumn ids;
  private final TextColumn changes;
  private final byte[] statuses;

  private DeploymentColumns(long[] nanos, TextColumn ids, TextColumn changes, byte[] statuses) {
    this.nanos = nanos;
    this.ids = ids;
    this.changes = changes;
    this.statuses = statuses;
  }

  /**
   * Reads {@code file} (uncompressed CSV) in columns, in two parts on two threads when it is big; empty when it is not
   * plain, and the record path must read it.
   *
   * @param file deployments.csv
   * @return the columns, or empty
   * @throws IOException when the file cannot be read
   */
  static Optional<DeploymentColumns> scan(Path file) throws IOException {
    return scan(file, ColumnScan.parallelBytes());
  }

  static Optional<DeploymentColumns> scan(Path file, long parallelBytes) throws IOException {
    try {
      return ColumnScan.<Part>scan(file, parallelBytes, "deployments-scan", header -> {
        Integer id = header.get("deploy_id");
        Integer time = header.get("time_created");
        return id == null || time == null ? Optional.empty() // the record path names the missing column
            : Optional.<ColumnScan.Parts<Part>>of(() -> new Part(id, time, header.getOrDefault("changes", -1),
                header.getOrDefault("status", -1)));
      }).map(DeploymentColumns::join);
    } catch (ColumnScan.NotPlain e) {
      return Optional.empty(); // a repeated id: the record path reports the row that repeats it
    }
  }

  /** The status of a {@code status} cell's text by the record path's rule; not plain when it refuses it. */
  static DeployStatus status(String text) {
    try {
      return FileFormats.status(new CsvRow(Map.of("status", 0), List.of(text)));
    } catch (CsvRow.BadValue e) {
      throw new ColumnScan.NotPlain();
    }
  }

  /** The rows of one part of the file, in file order. */
  private static final class Part extends ColumnScan.Part {
    private final int id;
    private final int time;
    private final int change;
    private final int status;
    private final ColumnScan.Names statusTexts = new ColumnScan.Names();
    /** The status of each of {@link #statusTexts}, by number. */
    private final List<DeployStatus> statusOf = new ArrayList<>();
    long[] nanos = new long[1024];
    byte[] statuses = new byte[1024];
    TextColumn ids = new TextColumn(1024, 1 << 14);
    TextColumn changes = new TextColumn(1024, 1 << 14);

    Part(int id, int time, int change, int status) {
      this.id = id;
      this.time = time;
      this.change = change;
      this.status = status;
    }

    /** Columns for the rows of about {@code bytes} (rows of a Four Keys deployments export are 40–200 bytes). */
    @Override
    void expect(long bytes) {
      int rows = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(1024, bytes / 40));
      nanos = new long[rows];
      statuses = new byte[rows];
      ids = new TextColumn(rows, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(1 << 14, bytes / 4)));
      changes = new TextColumn(rows, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(1 << 14, bytes)));
    }

    @Override
    void record(byte[] b, DoraScan.Fields f) {
      int size = ids.size;
      if (size == nanos.length) {
        nanos = Arrays.copyOf(nanos, size * 2);
        statuses = Arrays.copyOf(statuses, size * 2);
      }
      int ts = f.start(b, time);
      long t = ColumnScan.nanos(b, ts, f.end(b, time, ts));
      int ss = f.start(b, status);
      int se = f.end(b, status, ss);
      DeployStatus s;
      if (ss == se) {
        s = EMPTY_STATUS;
      } else {
        int code = statusTexts.id(b, ss, se);
        if (code < 0) {
          throw new ColumnScan.NotPlain(); // not ASCII
        }
        if (code == statusOf.size()) {
          statusOf.add(status(statusTexts.value(code)));
        }
        s = statusOf.get(code);
      }
      int is = f.start(b, id);
      ids.add(b, is, f.end(b, id, is));
      int cs = f.start(b, change);
      changes.addOptional(b, cs, f.end(b, change, cs));
      nanos[size] = t;
      statuses[size] = (byte) s.ordinal();
    }
  }

  /** The parts' rows in file order, every id once, sorted by time (stable: ties keep file order, as the record path's). */
  private static DeploymentColumns join(List<Part> parts) {
    TextColumn ids = TextColumn.join(parts.stream().map(p -> p.ids).toList());
    if (ids.firstRepeat() >= 0) {
      throw new ColumnScan.NotPlain();
    }
    TextColumn changes = TextColumn.join(parts.stream().map(p -> p.changes).toList());
    long[] nanos = new long[ids.size];
    byte[] statuses = new byte[ids.size];
    int at = 0;
    for (Part p : parts) {
      System.arraycopy(p.nanos, 0, nanos, at, p.ids.size);
      System.arraycopy(p.statuses, 0, statuses, at, p.ids.size);
      at += p.ids.size;
    }
    int[] order = ColumnScan.orderIfUnsorted(nanos);
    if (order != null) {
      nanos = ColumnScan.permute(nanos, order);
      ids = ids.permute(order);
      changes = changes.permute(order);
      statuses = ColumnScan.permute(statuses, order);
    }
    return new DeploymentColumns(nanos, ids, changes, statuses);
  }

  /** The deployments of {@code window}, in time order, as records made when they are read. */
  @Override
  public List<Deployment> rows(TimeWindow window) {
    return ColumnScan.window(nanos, window, this::row);
  }

  /** The deployment at {@code i} of the time order; its changes split by the record path's rule. */
  private Deployment row(int i) {
    List<String> list = changes.length[i] == 0 ? List.of()
        : new CsvRow(Map.of("changes", 0), List.of(changes.text(i))).list("changes");
    return new Deployment(ids.text(i), ColumnScan.instant(nanos[i]), list, STATUSES[statuses[i]]);
  }

  /** The span of the deployments' times (distinct instants), as {@link Provenance.Coverage#of} gives it for records. */
  @Override
  public Optional<Provenance.Coverage> coverage() {
    return ColumnScan.coverage(nanos, nanos.length);
  }
}
