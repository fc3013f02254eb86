package io.companyos.connectors.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A JSON value that remembers where it starts in its file (1-based line and column), so that every
 * complaint about an export can name the place. Missing members are a {@link Type#MISSING} value placed
 * at the object that lacks them.
 */
public final class LocatedJson {
  /** The JSON type of a value, or {@link #MISSING} for a member that is not there. */
  public enum Type {
    /** An object. */
    OBJECT,
    /** An array. */
    ARRAY,
    /** A string. */
    STRING,
    /** A number. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** {@code null}. */
    NULL,
    /** A member that is not there. */
    MISSING
  }

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
      .build();

  /** What kind of value this is. */
  public final Type type;
  /** 1-based line where the value starts (for a missing member: where the object that lacks it starts). */
  public final int line;
  /** 1-based column where the value starts. */
  public final int column;
  private final @Nullable Object value;
  private final Map<String, LocatedJson> members;
  private final List<LocatedJson> items;

  private LocatedJson(Type type, int line, int column, @Nullable Object value, Map<String, LocatedJson> members, List<LocatedJson> items) {
    this.type = type;
    this.line = line;
    this.column = column;
    this.value = value;
    this.members = members;
    this.items = items;
  }

  /** Thrown for input that is not well-formed JSON, with the parser's location. */
  public static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    /** 1-based line of the fault, or 0 when unknown. */
    public final int line;
    /** 1-based column of the fault, or 0 when unknown. */
    public final int column;

    Malformed(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }
  }

  /** Reads one JSON document (nothing but white space may follow it). */
  public static LocatedJson parse(InputStream in) throws IOException, Malformed {
    try (JsonParser p = FACTORY.createParser(in)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new Malformed("the file is empty", 1, 1);
      }
      LocatedJson root = read(p, t);
      JsonToken after = p.nextToken();
      if (after != null) {
        JsonLocation l = p.currentTokenLocation();
        throw new Malformed("more content after the JSON document", l.getLineNr(), l.getColumnNr());
      }
      return root;
    } catch (JsonParseException e) {
      JsonLocation l = e.getLocation();
      throw new Malformed("not well-formed JSON: " + plain(e.getOriginalMessage()),
          l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr());
    } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
      throw new Malformed("not readable: " + e.getOriginalMessage(), 0, 0);
    } catch (java.io.CharConversionException e) {
      // Bytes that are no Unicode encoding JSON allows (an odd UCS-4 byte order, a bad UTF-32 character): the file's
      // fault, not an unreadable source.
      throw new Malformed("not JSON text in UTF-8, UTF-16 or UTF-32: " + e.getMessage(), 0, 0);
    }
  }

  /** The parser's message without its notes on where it read from (the location is reported separately). */
  private static String plain(String message) {
    String m = message;
    for (String cut : new String[] {"\n", " (start marker at", " at [Source"}) {
      int i = m.indexOf(cut);
      if (i > 0) {
        m = m.substring(0, i);
      }
    }
    return m.strip();
  }

  private static LocatedJson read(JsonParser p, JsonToken t) throws IOException {
    JsonLocation l = p.currentTokenLocation();
    int line = l.getLineNr();
    int col = l.getColumnNr();
    switch (t) {
      case START_OBJECT -> {
        Map<String, LocatedJson> m = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          m.put(name, read(p, p.nextToken()));
        }
        return new LocatedJson(Type.OBJECT, line, col, null, Collections.unmodifiableMap(m), List.of());
      }
      case START_ARRAY -> {
        List<LocatedJson> a = new ArrayList<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
          a.add(read(p, k));
        }
        return new LocatedJson(Type.ARRAY, line, col, null, Map.of(), Collections.unmodifiableList(a));
      }
      case VALUE_STRING -> {
        return new LocatedJson(Type.STRING, line, col, p.getText(), Map.of(), List.of());
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        java.math.BigDecimal number;
        try {
          number = p.getDecimalValue();
        } catch (NumberFormatException e) {
          // An exponent beyond an int (1e99999999999): no decimal holds it. Reported where the number starts.
          throw new JsonParseException(p, "a number no decimal can hold (its exponent is too large)", l);
        }
        return new LocatedJson(Type.NUMBER, line, col, number, Map.of(), List.of());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new LocatedJson(Type.BOOLEAN, line, col, t == JsonToken.VALUE_TRUE, Map.of(), List.of());
      }
      case VALUE_NULL -> {
        return new LocatedJson(Type.NULL, line, col, null, Map.of(), List.of());
      }
      default -> throw new JsonParseException(p, "unexpected token " + t);
    }
  }

  /** The member {@code name}, or a {@link Type#MISSING} value placed at this value. */
  public LocatedJson get(String name) {
    LocatedJson v = members.get(name);
    return v != null ? v : new LocatedJson(Type.MISSING, line, column, name, Map.of(), List.of());
  }

  /** Follows a path of member names. */
  public LocatedJson at(String... names) {
    LocatedJson v = this;
    for (String n : names) {
      v = v.get(n);
    }
    return v;
  }

  /** Whether this is an object. */
  public boolean isObject() {
    return type == Type.OBJECT;
  }

  /** Whether this is an array. */
  public boolean isArray() {
    return type == Type.ARRAY;
  }

  /** Absent or null. */
  public boolean isAbsent() {
    return type == Type.MISSING || type == Type.NULL;
  }

  /** Whether this object has a member {@code name} that is neither null nor missing. */
  public boolean has(String name) {
    return members.containsKey(name) && !members.get(name).isAbsent();
  }

  /** The items of an array; empty for anything else (a missing or null list holds nothing). */
  public List<LocatedJson> items() {
    return items;
  }

  /** The members of an object, in file order; empty for anything else. */
  public Map<String, LocatedJson> members() {
    return members;
  }

  /** The text of a string, or null for anything else. */
  public @Nullable String text() {
    return type == Type.STRING ? (String) value : null;
  }

  /** The text of a string that is not blank, stripped; null otherwise. */
  public @Nullable String nonBlank() {
    String s = text();
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A number, or a string holding one (SARIF writes {@code "security-severity": "7.5"}); null otherwise. */
  public @Nullable BigDecimal number() {
    if (type == Type.NUMBER) {
      return (BigDecimal) value;
    }
    String s = nonBlank();
    if (s != null) {
      try {
        return new BigDecimal(s);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** A string's text, or a number or true/false written as text (ids are often numbers); null otherwise. */
  public @Nullable String scalar() {
    return switch (type) {
      case STRING -> nonBlank();
      case NUMBER -> plain((BigDecimal) value);
      case BOOLEAN -> String.valueOf(value);
      default -> null;
    };
  }

  /**
   * A member named {@code name}; when there is none and the name has dots, the path of members it spells
   * ({@code fields.priority.name}).
   */
  public LocatedJson path(String name) {
    if (members.containsKey(name) || name.indexOf('.') < 0) {
      return get(name);
    }
    LocatedJson v = this;
    for (String part : name.split("\\.", -1)) {
      v = v.get(part);
    }
    return v;
  }

  /**
   * A number as written in plain digits, unless that would take more than a few hundred of them ({@code 1e999999999}
   * has a billion): then in scientific notation, so that no input makes a reader build a huge text.
   */
  private static String plain(BigDecimal d) {
    return Math.abs((long) d.precision() - d.scale()) > 400 || Math.abs(d.scale()) > 400 ? d.toString() : d.toPlainString();
  }

  /** The JSON type a reader would name in a message. */
  public String typeName() {
    return switch (type) {
      case OBJECT -> "an object";
      case ARRAY -> "a list";
      case STRING -> "text";
      case NUMBER -> "a number";
      case BOOLEAN -> "true/false";
      case NULL -> "null";
      case MISSING -> "missing";
    };
  }
}
