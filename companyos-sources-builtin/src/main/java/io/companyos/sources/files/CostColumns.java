package io.companyos.sources.files;

import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Provenance;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a big FOCUS {@code costs.csv} kept in columns: the charge periods' starts and ends as nanoseconds in
 * primitive arrays sorted by start (ties in file order); the three amounts as unscaled longs with their scales (the
 * {@link BigDecimal} the record path reads, made when a row is read); the service, categories, provider, commitment
 * columns and tags as numbers into each column's distinct texts, each text read once by the record path's own rules
 * (FOCUS {@code NULL}, the charge category's spelling, the tags' JSON). Read once by {@link ColumnScan}; a window's
 * {@link CostRow} records are made when they are read, equal to those of the record path. A file that is not plain (an
 * amount in exponent form or of more than 18 digits, a negative amount on a row that may not have one, a time without
 * an offset, text that is not ASCII, a value the record path refuses) is not read here, and the caller reads records
 * instead, which reads or reports the row as before.
 */
final class CostColumns implements WindowColumns<CostRow> {
  /** The columns read, in the order of {@link CostRow}'s components. */
  private static final List<String> COLUMNS = List.of("ChargePeriodStart", "ChargePeriodEnd", "BilledCost", "EffectiveCost",
      "ListCost", "ServiceName", "ServiceCategory", "ProviderName", "ChargeCategory", "PricingCategory",
      "CommitmentDiscountType", "CommitmentDiscountStatus", "Tags");
  private static final int START = 0;
  private static final int END = 1;
  private static final int BILLED = 2;
  private static final int LIST = 4;
  /** The first column kept as numbers into its distinct texts; all after it are too. */
  private static final int SERVICE = 5;
  private static final int CHARGE = 8;
  private static final int TAGS = 12;
  private static final int TEXTS = COLUMNS.size() - SERVICE;
  /** The value of an empty cell of a column the record path requires. */
  private static final Object REFUSED = new Object();
  /** Per text column, the value of an empty (or absent) cell by the record path's rules, or {@link #REFUSED}. */
  private static final Object[] EMPTY = new Object[TEXTS];

  static {
    for (int c = 0; c < TEXTS; c++) {
      try {
        EMPTY[c] = value(SERVICE + c, "");
      } catch (ColumnScan.NotPlain e) {
        EMPTY[c] = REFUSED;
      }
    }
  }

  private final long[] starts;
  private final long[] ends;
  /** Per amount (billed, effective, list), its unscaled values and their scales. */
  private final long[][] unscaled;
  private final byte[][] scales;
  /** Per text column (from the service on), its numbers: -1 for an empty cell. */
  private final int[][] codes;
  /** Per text column, the value of each number, then at the end the value of an empty cell. */
  private final Object[][] values;

  private CostColumns(long[] starts, long[] ends, long[][] unscaled, byte[][] scales, int[][] codes, Object[][] values) {
    this.starts = starts;
    this.ends = ends;
    this.unscaled = unscaled;
    this.scales = scales;
    this.codes = codes;
    this.values = values;
  }

  /**
   * Reads {@code file} (uncompressed CSV) in columns, in two parts on two threads when it is big; empty when it is not
   * plain, and the record path must read it.
   *
   * @param file costs.csv
   * @return the columns, or empty
   * @throws IOException when the file cannot be read
   */
  static Optional<CostColumns> scan(Path file) throws IOException {
    return scan(file, ColumnScan.parallelBytes());
  }

  static Optional<CostColumns> scan(Path file, long parallelBytes) throws IOException {
    return ColumnScan.<Part>scan(file, parallelBytes, "costs-scan", header -> {
      int[] at = new int[COLUMNS.size()];
      for (int i = 0; i < at.length; i++) {
        Integer c = header.get(COLUMNS.get(i));
        if (c == null && !FileFormats.of(io.companyos.sources.RecordKind.COSTS).orElseThrow().optional().contains(COLUMNS.get(i))) {
          return Optional.empty(); // the record path names the missing column
        }
        at[i] = c == null ? -1 : c;
      }
      return Optional.<ColumnScan.Parts<Part>>of(() -> new Part(at));
    }).map(CostColumns::join);
  }

  /**
   * The value of a text column's cell by the record path's rules ({@link FileFormats}' FOCUS cost row), for a cell's text
   * (a quoted cell's doubled quotes already undone); {@link ColumnScan.NotPlain} when the record path refuses it.
   */
  static @Nullable Object value(int column, String text) {
    String name = COLUMNS.get(column);
    CsvRow r = new CsvRow(Map.of(name, 0), List.of(text)).focus();
    try {
      return switch (column) {
        case SERVICE -> r.text(name);
        case SERVICE + 1, SERVICE + 2 -> r.optText(name) == null ? "" : r.optText(name);
        case CHARGE -> FileFormats.chargeCategory(r);
        case CHARGE + 1, CHARGE + 2 -> r.optText(name);
        case CHARGE + 3 -> FileFormats.commitmentStatus(r);
        case TAGS -> r.jsonTags(name);
        default -> throw new IllegalArgumentException("not a text column: " + name);
      };
    } catch (CsvRow.BadValue e) {
      throw new ColumnScan.NotPlain();
    }
  }

  /** The rows of one part of the file, in file order. */
  private static final class Part extends ColumnScan.Part {
    private final int[] at;
    final ColumnScan.Names[] names = new ColumnScan.Names[TEXTS];
    /** Per text column, the value of each number the part gave, in order. */
    final List<List<Object>> values = new ArrayList<>();
    long[] starts = new long[1024];
    long[] ends = new long[1024];
    final long[][] unscaled = new long[3][1024];
    final byte[][] scales = new byte[3][1024];
    final int[][] codes = new int[TEXTS][1024];
    int size;
    /** The scale of the last amount read. */
    private int scale;

    Part(int[] at) {
      this.at = at;
      for (int c = 0; c < TEXTS; c++) {
        names[c] = new ColumnScan.Names();
        values.add(new ArrayList<>());
      }
    }

    /** Columns for the rows of about {@code bytes} (FOCUS rows are 100–300 bytes), grown if needed. */
    @Override
    void expect(long bytes) {
      grow((int) Math.min(Integer.MAX_VALUE - 16, Math.max(1024, bytes / 96)));
    }

    private void grow(int capacity) {
      starts = Arrays.copyOf(starts, capacity);
      ends = Arrays.copyOf(ends, capacity);
      for (int a = 0; a < 3; a++) {
        unscaled[a] = Arrays.copyOf(unscaled[a], capacity);
        scales[a] = Arrays.copyOf(scales[a], capacity);
      }
      for (int c = 0; c < TEXTS; c++) {
        codes[c] = Arrays.copyOf(codes[c], capacity);
      }
    }

    @Override
    void record(byte[] b, DoraScan.Fields f) {
      if (size == starts.length) {
        grow(size * 2);
      }
      for (int c = 0; c < TEXTS; c++) {
        codes[c][size] = text(b, f, c);
      }
      int charge = codes[CHARGE - SERVICE][size];
      boolean mayBeNegative = FileFormats.mayBeNegative((String) (charge < 0 ? EMPTY[CHARGE - SERVICE] : values.get(CHARGE - SERVICE).get(charge)));
      int ss = f.start(b, at[START]);
      long start = ColumnScan.nanos(b, ss, f.end(b, at[START], ss));
      int es = f.start(b, at[END]);
      long end = ColumnScan.nanos(b, es, f.end(b, at[END], es));
      if (end < start) {
        throw new ColumnScan.NotPlain(); // the record path says the period ends before it starts
      }
      starts[size] = start;
      ends[size] = end;
      for (int a = 0; a < 3; a++) {
        int c = at[BILLED + a];
        int s = c < 0 ? 0 : f.start(b, c);
        int e = c < 0 ? 0 : f.end(b, c, s);
        if (s == e && BILLED + a == LIST) {
          // No list cost: the effective cost's, as the record path reads it.
          unscaled[a][size] = unscaled[1][size];
          scales[a][size] = scales[1][size];
          continue;
        }
        long u = amount(b, s, e);
        if (u < 0 && !mayBeNegative) {
          throw new ColumnScan.NotPlain(); // the record path says only Credit and Adjustment rows may be negative
        }
        unscaled[a][size] = u;
        scales[a][size] = (byte) scale;
      }
      size++;
    }

    /** The number of text column {@code c}'s cell (-1 when empty), its value read when the text is new. */
    private int text(byte[] b, DoraScan.Fields f, int c) {
      int column = at[SERVICE + c];
      if (column < 0 || column >= f.count) {
        return empty(c);
      }
      int s;
      int e;
      if (f.special[column]) {
        // A quoted cell with doubled quotes (the tags' JSON): its bytes as written are its key, its text undone.
        s = f.from[column];
        e = f.to[column];
        for (int i = s; i < e; i++) {
          if (b[i] == '\n' || b[i] == '\r') {
            throw new ColumnScan.NotPlain();
          }
        }
      } else {
        s = f.start(b, column);
        e = f.end(b, column, s);
      }
      if (s == e) {
        return empty(c);
      }
      int id = names[c].id(b, s, e);
      if (id < 0) {
        throw new ColumnScan.NotPlain(); // not ASCII
      }
      List<Object> known = values.get(c);
      if (id == known.size()) {
        String text = names[c].value(id);
        known.add(value(SERVICE + c, f.special[column] ? text.replace("\"\"", "\"") : text));
      }
      return id;
    }

    /** The number of an empty cell of text column {@code c}, -1; not plain when the record path requires the column. */
    private static int empty(int c) {
      if (EMPTY[c] == REFUSED) {
        throw new ColumnScan.NotPlain();
      }
      return -1;
    }

    /**
     * An amount in plain decimal form (an optional sign, at most 15 digits before an optional point and 18 in all, no
     * exponent): its unscaled value, its scale in {@link #scale}; else not plain (the record path reads or refuses it).
     */
    private long amount(byte[] b, int from, int to) {
      int i = from;
      boolean negative = false;
      if (i < to && (b[i] == '+' || b[i] == '-')) {
        negative = b[i] == '-';
        i++;
      }
      long u = 0;
      int whole = 0;
      while (i < to && b[i] >= '0' && b[i] <= '9') {
        u = u * 10 + (b[i++] - '0');
        whole++;
      }
      int fraction = 0;
      if (i < to && b[i] == '.') {
        i++;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
          u = u * 10 + (b[i++] - '0');
          fraction++;
        }
        if (fraction == 0) {
          throw new ColumnScan.NotPlain();
        }
      }
      if (i != to || whole == 0 || whole > 15 || whole + fraction > 18) {
        throw new ColumnScan.NotPlain();
      }
      scale = fraction;
      return negative ? -u : u;
    }
  }

  /**
   * The parts' rows in file order (each part's numbers turned into those of the texts as one pass would number them),
   * sorted by start: a stable sort, so ties keep file order, as the record path's.
   */
  private static CostColumns join(List<Part> parts) {
    int n = parts.stream().mapToInt(p -> p.size).sum();
    long[] starts = new long[n];
    long[] ends = new long[n];
    long[][] unscaled = new long[3][n];
    byte[][] scales = new byte[3][n];
    int[][] codes = new int[TEXTS][n];
    List<ColumnScan.Numbering<Object>> numbers = new ArrayList<>();
    for (int c = 0; c < TEXTS; c++) {
      numbers.add(new ColumnScan.Numbering<>());
    }
    int at = 0;
    for (Part p : parts) {
      System.arraycopy(p.starts, 0, starts, at, p.size);
      System.arraycopy(p.ends, 0, ends, at, p.size);
      for (int a = 0; a < 3; a++) {
        System.arraycopy(p.unscaled[a], 0, unscaled[a], at, p.size);
        System.arraycopy(p.scales[a], 0, scales[a], at, p.size);
      }
      for (int c = 0; c < TEXTS; c++) {
        List<Object> own = p.values.get(c);
        ColumnScan.Numbering.copy(p.codes[c], p.size, numbers.get(c).renumber(p.names[c].values(), own::get), codes[c], at);
      }
      at += p.size;
    }
    Object[][] values = new Object[TEXTS][];
    for (int c = 0; c < TEXTS; c++) {
      List<Object> v = numbers.get(c).values;
      values[c] = v.toArray(new Object[v.size() + 1]);
      values[c][v.size()] = EMPTY[c] == REFUSED ? null : EMPTY[c]; // never read when refused: such a file is not plain
    }
    int[] order = ColumnScan.orderIfUnsorted(starts);
    if (order != null) {
      starts = ColumnScan.permute(starts, order);
      ends = ColumnScan.permute(ends, order);
      for (int a = 0; a < 3; a++) {
        unscaled[a] = ColumnScan.permute(unscaled[a], order);
        scales[a] = ColumnScan.permute(scales[a], order);
      }
      for (int c = 0; c < TEXTS; c++) {
        codes[c] = ColumnScan.permute(codes[c], order);
      }
    }
    return new CostColumns(starts, ends, unscaled, scales, codes, values);
  }

  @Override
  public List<CostRow> rows(TimeWindow window) {
    return ColumnScan.window(starts, window, this::row);
  }

  /** The value of text column {@code c} at row {@code i}. */
  private @Nullable Object text(int c, int i) {
    int code = codes[c][i];
    Object[] v = values[c];
    return v[code < 0 ? v.length - 1 : code];
  }

  private BigDecimal amount(int a, int i) {
    return BigDecimal.valueOf(unscaled[a][i], scales[a][i]);
  }

  /** The row at {@code i} of the time order. */
  @SuppressWarnings("unchecked")
  private CostRow row(int i) {
    return new CostRow(ColumnScan.instant(starts[i]), ColumnScan.instant(ends[i]), amount(0, i), amount(1, i), amount(2, i),
        (String) text(0, i), (String) text(1, i), (String) text(2, i), (String) text(3, i), (String) text(4, i),
        (String) text(5, i), (String) text(6, i), (Map<String, String>) text(7, i));
  }

  @Override
  public Optional<Provenance.Coverage> coverage() {
    return ColumnScan.coverage(starts, starts.length);
  }
}
