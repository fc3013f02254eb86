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
  private static final ObjectMapper JSON = new ObjectMapper();

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

  CsvRow(Map<String, Integer> index, List<String> fields) {
    this.index = index;
    this.fields = fields;
  }

  /** The raw text of a column; empty when the column is absent or blank. */
  String raw(String column) {
    Integer i = index.get(column);
    return i == null || i >= fields.size() ? "" : fields.get(i).strip();
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
    return parseInstant(column, text(column));
  }

  @Nullable Instant optInstant(String column) {
    String v = raw(column);
    return v.isEmpty() ? null : parseInstant(column, v);
  }

  double number(String column) {
    String v = text(column);
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d)) {
        throw new BadValue(column, "'" + v + "' is not a finite number");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new BadValue(column, "'" + v + "' is not a number");
    }
  }

  long whole(String column) {
    String v = text(column);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new BadValue(column, "'" + v + "' is not a whole number");
    }
  }

  BigDecimal money(String column) {
    String v = text(column);
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw new BadValue(column, "'" + v + "' is not a decimal number");
    }
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

  /** FOCUS {@code Tags}: a JSON object of strings; empty when blank. */
  Map<String, String> jsonTags(String column) {
    String v = raw(column);
    if (v.isEmpty()) {
      return Map.of();
    }
    try {
      Map<String, Object> parsed = JSON.readValue(v, new TypeReference<LinkedHashMap<String, Object>>() {});
      Map<String, String> out = new TreeMap<>();
      parsed.forEach((k, val) -> out.put(k, String.valueOf(val)));
      return out;
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
