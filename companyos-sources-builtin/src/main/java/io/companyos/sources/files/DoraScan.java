package io.companyos.sources.files;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.RecordType;
import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.time.TimeWindow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The columnar read behind {@code score dora} on big Four Keys exports: what the keys of one window need, without a record
 * per row. Deployments before the window end are read first; each change id they ship is interned to an int (its text kept
 * once, in a byte arena) with the time of its first deployment in a {@code long[]}; then changes.csv is read against that
 * table (a semi-join), keeping only the lead time of changes first deployed in the window. Only the window's deployments
 * become {@link Deployment} records (with no change list). Rows before 1970 or from the window end on are skipped, as the
 * record path of {@code score dora} reads them.
 *
 * <p>The scan reads well-formed files only: any row the files source would reject (a repeated deploy or change id among
 * them), a quoted field left open, a change id
 * outside Latin-1 or window bounds finer than a millisecond give {@link Optional#empty()}, and the caller reads the files
 * as records instead, which reports the bad row exactly as before.
 */
public final class DoraScan {
  private static final long FLOOR = 0; // 1970-01-01T00:00:00Z

  /**
   * @param deploymentsInWindow the window's deployments, in file order, each with its exact time and no change list
   * @param leadHours hours from creation to first deployment of the changes first deployed in the window (positive only)
   * @param leadChangeIds the ids of those changes, in the same order
   */
  public record Result(List<Deployment> deploymentsInWindow, double[] leadHours, List<String> leadChangeIds) {}

  private DoraScan() {}

  /** Why the scan gave up; the record path reads the files instead. */
  private static final class NotScannable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotScannable() {
      super(null, null, false, false);
    }
  }

  /**
   * Scans {@code deployments.csv} and, if present, {@code changes.csv} in {@code dir} for {@code window}; empty when the
   * files are not plain enough for the scan (see the class comment).
   */
  public static Optional<Result> scan(Path dir, TimeWindow window) throws IOException {
    Instant s = window.start();
    Instant e = window.end();
    if (s.getNano() % 1_000_000 != 0 || e.getNano() % 1_000_000 != 0) {
      return Optional.empty();
    }
    long start = s.toEpochMilli();
    long end = e.toEpochMilli();
    IdTable ids = new IdTable();
    IdTable deployIds = new IdTable();
    IdTable changeIds = new IdTable();
    List<Deployment> inWindow = new ArrayList<>();
    try {
      read(dir.resolve("deployments.csv"), List.of("deploy_id", "time_created"), (row, index) -> {
        int t0 = row.start(index[1]);
        int t1 = row.end(index[1]);
        if (t0 == t1) {
          throw new NotScannable();
        }
        long t = IsoTimes.epochMilli(row.text, t0, t1);
        if (t < FLOOR || t >= end) {
          return;
        }
        String status = index[3] < 0 ? "" : row.string(index[3]);
        boolean failure = switch (status) {
          case "", "success", "SUCCESS", "Success" -> false;
          case "failure", "FAILURE", "Failure" -> true;
          default -> throw new NotScannable();
        };
        if (row.start(index[0]) == row.end(index[0]) || !deployIds.addNew(row.chars, row.start(index[0]), row.end(index[0]))) {
          throw new NotScannable(); // no id, or one repeated: the record path reports the row
        }
        if (index[2] >= 0) {
          ids.shipAll(row.chars, row.start(index[2]), row.end(index[2]), t);
        }
        if (t >= start) {
          inWindow.add(new Deployment(row.string(index[0]), IsoTimes.instant(row.text.subSequence(t0, t1)), List.of(),
              failure ? DeployStatus.FAILURE : DeployStatus.SUCCESS));
        }
      }, "changes", "status");
      Leads leads = new Leads();
      Path changes = dir.resolve("changes.csv");
      if (Files.isRegularFile(changes)) {
        read(changes, List.of("change_id", "time_created"), (row, index) -> {
          int t0 = row.start(index[1]);
          int t1 = row.end(index[1]);
          int i0 = row.start(index[0]);
          int i1 = row.end(index[0]);
          if (t0 == t1 || i0 == i1) {
            throw new NotScannable();
          }
          long created = IsoTimes.epochMilli(row.text, t0, t1);
          if (created < FLOOR || created >= end) {
            return;
          }
          if (!changeIds.addNew(row.chars, i0, i1)) {
            throw new NotScannable(); // a repeated change id: the record path reports the row
          }
          int id = ids.find(row.chars, i0, i1);
          if (id < 0) {
            return;
          }
          long first = ids.firstDeploy[id];
          if (first >= start && first < end && first > created) {
            leads.add((first - created) / 3_600_000.0, id);
          }
        });
      }
      int count = leads.n;
      int[] idsOfLead = leads.ids;
      List<String> names = new java.util.AbstractList<>() {
        @Override
        public String get(int i) {
          return ids.name(idsOfLead[i]);
        }

        @Override
        public int size() {
          return count;
        }
      };
      return Optional.of(new Result(List.copyOf(inWindow), Arrays.copyOf(leads.hours, count), names));
    } catch (NotScannable | CsvParseException | IllegalArgumentException ex) { // a BadTime is an IllegalArgumentException
      return Optional.empty();
    } catch (UncheckedIOException ex) {
      throw ex.getCause();
    }
  }

  /** Lead times found so far and their changes' interned ids. */
  private static final class Leads {
    double[] hours = new double[1024];
    int[] ids = new int[1024];
    int n;

    void add(double h, int id) {
      if (n == hours.length) {
        hours = Arrays.copyOf(hours, n * 2);
        ids = Arrays.copyOf(ids, n * 2);
      }
      hours[n] = h;
      ids[n++] = id;
    }
  }

  private interface RowAction {
    void accept(Row row, int[] index);
  }

  /** Reads {@code file}, handing each data row to {@code action} with the positions of {@code required} then {@code optional}. */
  private static void read(Path file, List<String> required, RowAction action, String... optional) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      LineEndReader input = new LineEndReader(in);
      Row row = new Row();
      try (de.siegmar.fastcsv.reader.CsvReader<Row> csv = de.siegmar.fastcsv.reader.CsvReader.builder()
          .skipEmptyLines(true).allowExtraFields(true).allowMissingFields(true).allowExtraCharsAfterClosingQuote(false)
          .build(row, input)) {
        int[] index = null;
        for (Row r : csv) {
          if (index == null) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < r.count; i++) {
              names.add(r.raw(i).strip().replace("\uFEFF", ""));
            }
            index = new int[required.size() + optional.length];
            for (int i = 0; i < index.length; i++) {
              index[i] = names.lastIndexOf(i < required.size() ? required.get(i) : optional[i - required.size()]);
              if (index[i] < 0 && i < required.size()) {
                throw new NotScannable();
              }
            }
            continue;
          }
          action.accept(r, index);
        }
      }
      if (input.endedInsideQuotes()) {
        throw new NotScannable();
      }
    }
  }

  /** The fields of the current record, copied into one reusable char buffer. */
  private static final class Row extends CsvCallbackHandler<Row> {
    char[] chars = new char[256];
    CharBuffer text = CharBuffer.wrap(chars);
    int[] starts = new int[17];
    int count;
    int used;
    private RecordType type = RecordType.DATA;

    @Override
    protected RecordType getRecordType() {
      return type;
    }

    @Override
    protected int getFieldCount() {
      return count;
    }

    @Override
    protected void beginRecord(long startingLineNumber) {
      count = 0;
      used = 0;
      type = RecordType.DATA;
    }

    @Override
    protected void addField(char[] buf, int offset, int len, boolean quoted) {
      if (used + len > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + len));
        text = CharBuffer.wrap(chars);
      }
      if (count + 2 > starts.length) {
        starts = Arrays.copyOf(starts, starts.length * 2);
      }
      System.arraycopy(buf, offset, chars, used, len);
      starts[count++] = used;
      used += len;
      starts[count] = used;
    }

    @Override
    protected void setComment(char[] buf, int offset, int len) {
      throw new IllegalStateException("comments are not enabled");
    }

    @Override
    protected void setEmpty() {
      type = RecordType.EMPTY;
    }

    @Override
    protected Row buildRecord() {
      return this;
    }

    String raw(int i) {
      return new String(chars, starts[i], starts[i + 1] - starts[i]);
    }

    /** Start of field {@code i} without leading white space (its end when blank or absent). */
    int start(int i) {
      if (i >= count) {
        return 0;
      }
      int p = starts[i];
      int e = starts[i + 1];
      while (p < e && Character.isWhitespace(chars[p])) {
        p++;
      }
      return p;
    }

    /** End of field {@code i} without trailing white space. */
    int end(int i) {
      if (i >= count) {
        return 0;
      }
      int s = start(i);
      int e = starts[i + 1];
      while (e > s && Character.isWhitespace(chars[e - 1])) {
        e--;
      }
      return e;
    }

    String string(int i) {
      return new String(chars, start(i), end(i) - start(i));
    }
  }

  /** Change ids interned to ints: Latin-1 text in one byte arena, open addressing, and each id's first deployment time. */
  static final class IdTable {
    private byte[] arena = new byte[1 << 16];
    private int arenaUsed;
    private int[] offsets = new int[1 << 10];
    long[] firstDeploy = new long[1 << 10];
    private int size;
    private int[] slots = new int[1 << 11]; // id + 1, 0 = free

    /** Notes deployment time {@code t} for every id of the ;-separated list in {@code chars[from, to)}. */
    void shipAll(char[] chars, int from, int to, long t) {
      int p = from;
      while (p <= to) {
        int q = p;
        while (q < to && chars[q] != ';') {
          q++;
        }
        int s = p;
        int e = q;
        while (s < e && Character.isWhitespace(chars[s])) {
          s++;
        }
        while (e > s && Character.isWhitespace(chars[e - 1])) {
          e--;
        }
        if (s < e) {
          int id = intern(chars, s, e);
          if (t < firstDeploy[id]) {
            firstDeploy[id] = t;
          }
        }
        p = q + 1;
      }
    }

    int find(char[] chars, int from, int to) {
      int mask = slots.length - 1;
      for (int h = hash(chars, from, to) & mask; ; h = (h + 1) & mask) {
        int slot = slots[h];
        if (slot == 0) {
          return -1;
        }
        if (same(slot - 1, chars, from, to)) {
          return slot - 1;
        }
      }
    }

    /** Interns the id in {@code chars[from, to)}; false when it was there already. */
    boolean addNew(char[] chars, int from, int to) {
      int before = size;
      intern(chars, from, to);
      return size > before;
    }

    private int intern(char[] chars, int from, int to) {
      int mask = slots.length - 1;
      int h = hash(chars, from, to) & mask;
      for (; slots[h] != 0; h = (h + 1) & mask) {
        if (same(slots[h] - 1, chars, from, to)) {
          return slots[h] - 1;
        }
      }
      int len = to - from;
      if (arenaUsed + len > arena.length) {
        arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + len));
      }
      for (int i = 0; i < len; i++) {
        char c = chars[from + i];
        if (c > 0xFF) {
          throw new NotScannable();
        }
        arena[arenaUsed + i] = (byte) c;
      }
      if (size + 2 > offsets.length) {
        offsets = Arrays.copyOf(offsets, offsets.length * 2);
        firstDeploy = Arrays.copyOf(firstDeploy, offsets.length);
      }
      int id = size++;
      offsets[id] = arenaUsed;
      arenaUsed += len;
      offsets[id + 1] = arenaUsed;
      firstDeploy[id] = Long.MAX_VALUE;
      slots[h] = id + 1;
      if (size * 2 > slots.length) {
        rehash();
      }
      return id;
    }

    private void rehash() {
      int[] bigger = new int[slots.length * 2];
      int mask = bigger.length - 1;
      for (int id = 0; id < size; id++) {
        int h = hashArena(id) & mask;
        while (bigger[h] != 0) {
          h = (h + 1) & mask;
        }
        bigger[h] = id + 1;
      }
      slots = bigger;
    }

    private boolean same(int id, char[] chars, int from, int to) {
      int o = offsets[id];
      if (offsets[id + 1] - o != to - from) {
        return false;
      }
      for (int i = from; i < to; i++) {
        if ((arena[o++] & 0xFF) != chars[i]) {
          return false;
        }
      }
      return true;
    }

    private static int hash(char[] chars, int from, int to) {
      int h = 0;
      for (int i = from; i < to; i++) {
        h = 31 * h + chars[i];
      }
      return mix(h);
    }

    private int hashArena(int id) {
      int h = 0;
      for (int i = offsets[id]; i < offsets[id + 1]; i++) {
        h = 31 * h + (arena[i] & 0xFF);
      }
      return mix(h);
    }

    private static int mix(int h) {
      h *= 0x9E3779B9;
      return h ^ (h >>> 16);
    }

    String name(int id) {
      return new String(arena, offsets[id], offsets[id + 1] - offsets[id], StandardCharsets.ISO_8859_1);
    }
  }
}
