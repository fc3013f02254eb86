package io.companyos.sources.files;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** One data row with typed access by column name; every failure names the column and the reason. */
final class CsvRow {
  /** Reads one JSON value per cell: text after it ({@code {"a":"b"} {}}) is refused, not ignored. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** A value that cannot be read; the reader turns it into a located {@code BadDataException}. */
  static final class BadValue extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String column;

    BadValue(String column, String reason) {
      super(reason, null, false, false);
      this.column = column;
    }
  }

  private final Map<String, Integer> index;
  private final List<String> fields;
  private final boolean focus;

  CsvRow(Map<String, Integer> index, List<String> fields) {
    this(index, fields, false);
  }

  private CsvRow(Map<String, Integer> index, List<String> fields, boolean focus) {
    this.index = index;
    this.fields = fields;
    this.focus = focus;
  }

  /**
   * This row read by the FOCUS conventions: a {@code NULL} cell is empty, and a time without an offset is UTC
   * ({@code 2025-08-01T00:00:00}, also with a space for the {@code T}), as FOCUS requires every time to be in UTC.
   */
  CsvRow focus() {
    return new CsvRow(index, fields, true);
  }

  /** The raw text of a column; empty when the column is absent or blank. */
  String raw(String column) {
    Integer i = index.get(column);
    String v = i == null || i >= fields.size() ? "" : fields.get(i).strip();
    return focus && v.equals("NULL") ? "" : v;
  }

  String text(String column) {
    String v = raw(column);
    if (v.isEmpty()) {
      throw new BadValue(column, "a value is required");
    }
    return v;
  }

  @Nullable String optText(String column) {
    String v = raw(column);
    return v.isEmpty() ? null : v;
  }

  Instant instant(String column) {
    return parseInstant(column, utc(text(column)));
  }

  @Nullable Instant optInstant(String column) {
    String v = raw(column);
    return v.isEmpty() ? null : parseInstant(column, utc(v));
  }

  /** In FOCUS rows, a date and time without an offset gets {@code Z}; anything else is read as written. */
  private String utc(String v) {
    // The pattern ends with a digit: a time ending otherwise ("Z", an offset's digits aside) is read as written.
    if (!focus || v.isEmpty() || !isDigit(v.charAt(v.length() - 1)) || !NO_OFFSET.matcher(v).matches()) {
      return v;
    }
    return v.substring(0, 10) + "T" + v.substring(11) + "Z";
  }

  private static final java.util.regex.Pattern NO_OFFSET =
      java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?");

  /** The largest size of a number in a data file: 10^15, below which a double still holds every whole number exactly. */
  static final double LIMIT = 1e15;
  private static final BigDecimal MONEY_LIMIT = BigDecimal.valueOf(1, -15);

  /** A decimal number: plain decimal syntax, at most {@link #LIMIT} in size. */
  double number(String column) {
    String v = text(column);
    decimalSyntax(column, v);
    double d = Double.parseDouble(v);
    if (!(Math.abs(d) <= LIMIT)) {
      throw new BadValue(column, "'" + v + "' is out of range (at most 10^15 in size)");
    }
    return d;
  }

  /** A {@link #number} that counts something, so cannot be negative. */
  double count(String column) {
    double d = number(column);
    if (d < 0) {
      throw new BadValue(column, "'" + raw(column) + "' is negative; a count cannot be");
    }
    return d == 0 ? 0 : d; // -0 reads as 0
  }

  /** A whole number from 0 to 10^15 (a count). */
  long whole(String column) {
    String v = text(column);
    int from = v.charAt(0) == '+' ? 1 : 0;
    boolean digits = from < v.length();
    for (int i = from; i < v.length() && digits; i++) {
      digits = v.charAt(i) >= '0' && v.charAt(i) <= '9';
    }
    if (!digits) {
      throw new BadValue(column, v.charAt(0) == '-' && v.length() > 1 && wholeDigits(v.substring(1))
          ? "'" + v + "' is negative; a count cannot be" : "'" + v + "' is not a whole number");
    }
    String d = v.substring(from).replaceFirst("^0+(?=.)", "");
    if (d.length() > 16 || Long.parseLong(d) > (long) LIMIT) {
      throw new BadValue(column, "'" + v + "' is out of range (at most 10^15)");
    }
    return Long.parseLong(d);
  }

  private static boolean wholeDigits(String v) {
    return !v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** An amount of money: plain decimal syntax, at most 10^15 in size; kept exact. */
  BigDecimal money(String column) {
    String v = text(column);
    decimalSyntax(column, v);
    BigDecimal b = new BigDecimal(v);
    if (b.abs().compareTo(MONEY_LIMIT) > 0) {
      throw new BadValue(column, "'" + v + "' is out of range (at most 10^15 in size)");
    }
    return b;
  }

  /**
   * Plain decimal syntax: an optional sign, digits with an optional {@code .} fraction, and
   * an optional {@code e} exponent of up to four digits, e.g. {@code -12.50}, {@code .5}, {@code 1.5e-05}. Nothing
   * else that Java reads as a number ({@code 0x1p3}, {@code 12d}, {@code NaN}, {@code Infinity}, {@code 1_000}).
   */
  static void decimalSyntax(String column, String v) {
    int i = 0;
    int n = v.length();
    if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(v.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && v.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(v.charAt(i))) {
        i++;
        digits++;
      }
    }
    boolean ok = digits > 0;
    if (ok && i < n && (v.charAt(i) == 'e' || v.charAt(i) == 'E')) {
      i++;
      if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
        i++;
      }
      int e = 0;
      while (i < n && isDigit(v.charAt(i))) {
        i++;
        e++;
      }
      ok = e > 0 && e <= 4;
    }
    if (!ok || i != n) {
      throw new BadValue(column, "'" + v + "' is not a decimal number (digits with an optional '.' fraction and 'e' exponent)");
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  boolean bool(String column, boolean defaultValue) {
    String v = raw(column).toLowerCase(Locale.ROOT);
    return switch (v) {
      case "" -> defaultValue;
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new BadValue(column, "'" + v + "' is not true or false");
    };
  }

  /** A {@code ;}-separated list; empty when blank. */
  List<String> list(String column) {
    String v = raw(column);
    return v.isEmpty() ? List.of() : Arrays.stream(v.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** {@code k=v;k=v} labels. */
  Map<String, String> labels(String column) {
    Map<String, String> out = new TreeMap<>();
    for (String pair : list(column)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new BadValue(column, "'" + pair + "' is not a key=value label");
      }
      out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return out;
  }

  /**
   * Tags cells already read, by their text: a cost export repeats a few tag sets on every row, and reading the JSON
   * again for each was most of the time a FOCUS row took. Bounded, so an export with a tag set per row only fills it.
   */
  private static final Map<String, Map<String, String>> TAGS_READ = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int TAGS_KEPT = 4_096;
  private static final int TAGS_KEPT_LENGTH = 1_024;

  /** FOCUS {@code Tags}: a JSON object of strings (an unmodifiable map); empty when blank. */
  Map<String, String> jsonTags(String column) {
    String v = raw(column);
    if (v.isEmpty()) {
      return Map.of();
    }
    Map<String, String> known = TAGS_READ.get(v);
    if (known != null) {
      return known;
    }
    Map<String, String> tags = readTags(column, v);
    if (v.length() <= TAGS_KEPT_LENGTH && TAGS_READ.size() < TAGS_KEPT) {
      TAGS_READ.putIfAbsent(v, tags);
    }
    return tags;
  }

  private static Map<String, String> readTags(String column, String v) {
    try {
      Map<String, Object> parsed = JSON.readValue(v, new TypeReference<LinkedHashMap<String, Object>>() {});
      if (parsed == null) {
        throw new BadValue(column, "not a JSON object of tags (JSON null)");
      }
      Map<String, String> out = new TreeMap<>();
      parsed.forEach((k, val) -> out.put(k, String.valueOf(val)));
      return Map.copyOf(out); // unmodifiable, so a record that keeps it (CostRow) need not copy it again
    } catch (java.io.IOException e) {
      throw new BadValue(column, "not a JSON object of tags");
    }
  }

  static String json(Map<String, String> tags) {
    try {
      return tags.isEmpty() ? "" : JSON.writeValueAsString(new TreeMap<>(tags));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant parseInstant(String column, String v) {
    try {
      return IsoTimes.instant(v);
    } catch (IsoTimes.BadTime e) {
      throw new BadValue(column, e.getMessage());
    }
  }
}
