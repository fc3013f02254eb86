package io.companyos.model.config.internal;

import io.companyos.model.config.ProblemCode;
import io.companyos.model.time.Durations;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Typed, problem-reporting access to one YAML mapping. Every getter reports what is wrong (missing,
 * wrong shape, unparseable) at the right position and returns null instead of throwing, so that a
 * file's remaining keys are still checked.
 */
public final class MapView {
  private final YamlNode.Mapping node;
  private final ProblemSink sink;
  private final String what;

  private MapView(YamlNode.Mapping node, ProblemSink sink, String what) {
    this.node = node;
    this.sink = sink;
    this.what = what;
  }

  /**
   * Views {@code node} as a mapping describing {@code what} (e.g. "a section"), reporting a wrong
   * shape and every key outside {@code allowed} (with a "did you mean" hint).
   */
  public static Optional<MapView> of(YamlNode node, ProblemSink sink, String what, Collection<String> allowed) {
    if (!(node instanceof YamlNode.Mapping m)) {
      wrongShape(sink, node, what, "a mapping of keys to values");
      return Optional.empty();
    }
    for (YamlNode.Entry e : m.entries().values()) {
      if (!allowed.contains(e.key())) {
        sink.add(ProblemCode.UNKNOWN_KEY, e.keyMark(), "unknown key '" + e.key() + "' in " + what,
            Suggestions.hint(e.key(), allowed));
      }
    }
    return Optional.of(new MapView(m, sink, what));
  }

  /** Reports that {@code node} is not {@code expected}. */
  public static void wrongShape(ProblemSink sink, YamlNode node, String what, String expected) {
    sink.add(ProblemCode.WRONG_TYPE, node.mark(), what + " must be " + expected + ", not " + node.shape(), null);
  }

  public YamlNode.Mapping node() {
    return node;
  }

  public Mark mark() {
    return node.mark();
  }

  public boolean has(String key) {
    return node.entry(key) != null;
  }

  /** The value's position, or the mapping's when the key is absent. */
  public Mark valueMark(String key) {
    YamlNode.Entry e = node.entry(key);
    return e != null ? e.value().mark() : node.mark();
  }

  /** The raw value, or null when the key is absent. */
  public @Nullable YamlNode value(String key) {
    YamlNode.Entry e = node.entry(key);
    return e == null ? null : e.value();
  }

  /** Reports a missing required key at the mapping's position. */
  public void missing(String key, @Nullable String hint) {
    sink.add(ProblemCode.MISSING_KEY, node.mark(), what + " needs '" + key + "'", hint);
  }

  /** A required, non-blank scalar as text. */
  public @Nullable String requireString(String key) {
    if (!has(key)) {
      missing(key, null);
      return null;
    }
    String s = string(key);
    if (s != null && s.isBlank()) {
      sink.add(ProblemCode.CONSTRAINT, valueMark(key), "'" + key + "' must not be blank", "write a non-empty value");
      return null;
    }
    return s;
  }

  /** An optional scalar as text; null when absent or not a scalar (reported). */
  public @Nullable String string(String key) {
    YamlNode v = value(key);
    if (v == null) {
      return null;
    }
    return text(v, sink, "'" + key + "'");
  }

  /** The text of a non-null scalar, or null after reporting the wrong shape. */
  public static @Nullable String text(YamlNode v, ProblemSink sink, String what) {
    if (v instanceof YamlNode.Scalar s && s.kind() != YamlNode.ScalarKind.NULL) {
      return s.text();
    }
    wrongShape(sink, v, what, "a single value");
    return null;
  }

  /** A positive duration such as {@code 7d}; null when absent or invalid (reported). */
  public @Nullable Duration duration(String key, boolean required) {
    String t = required ? requireString(key) : string(key);
    return t == null ? null : parseDuration(t, valueMark(key), "'" + key + "'", sink);
  }

  /** Parses a positive duration, reporting {@link ProblemCode#INVALID_DURATION}. */
  public static @Nullable Duration parseDuration(String text, Mark mark, String what, ProblemSink sink) {
    if (!Durations.isValid(text)) {
      sink.add(ProblemCode.INVALID_DURATION, mark, what + " '" + text + "' is not a duration",
          "write a whole number and a unit: 30m, 24h, 7d or 2w");
      return null;
    }
    Duration d = Durations.parse(text);
    if (d.isZero()) {
      sink.add(ProblemCode.INVALID_DURATION, mark, what + " must be longer than zero", "for example 30m or 7d");
      return null;
    }
    return d;
  }

  /** An IANA zone, or {@code fallback} when absent; null when invalid (reported). */
  public @Nullable ZoneId zone(String key, ZoneId fallback) {
    if (!has(key)) {
      return fallback;
    }
    String t = string(key);
    if (t == null) {
      return null;
    }
    try {
      return ZoneId.of(t).normalized();
    } catch (DateTimeException e) {
      sink.add(ProblemCode.INVALID_TIME_ZONE, valueMark(key), "'" + t + "' is not a time zone",
          "use an IANA id such as UTC or Europe/Berlin");
      return null;
    }
  }

  /** A value that must be one of {@code choices} (keys of the map); null when absent or invalid. */
  public <T> @Nullable T choice(String key, Map<String, T> choices, boolean required) {
    String t = required ? requireString(key) : string(key);
    if (t == null) {
      return null;
    }
    T v = choices.get(t);
    if (v == null) {
      sink.add(ProblemCode.INVALID_CHOICE, valueMark(key), "'" + t + "' is not a valid " + key,
          Suggestions.hint(t, choices.keySet()));
    }
    return v;
  }

  /** A whole number in {@code [min, max]}; null when absent or invalid (reported). */
  public @Nullable Integer integer(String key, int min, int max, boolean required) {
    String t = required ? requireString(key) : string(key);
    if (t == null) {
      return null;
    }
    int v;
    try {
      v = Integer.parseInt(t.strip());
    } catch (NumberFormatException e) {
      sink.add(ProblemCode.WRONG_TYPE, valueMark(key), "'" + key + "' must be a whole number, not '" + t + "'", null);
      return null;
    }
    if (v < min || v > max) {
      sink.add(ProblemCode.OUT_OF_RANGE, valueMark(key), "'" + key + "' is " + v + "; it must be " + min + " to " + max,
          null);
      return null;
    }
    return v;
  }

  /** The items of a list; empty when absent, null when not a list (reported). */
  public @Nullable List<YamlNode> list(String key, boolean required) {
    YamlNode v = value(key);
    if (v == null) {
      if (required) {
        missing(key, null);
        return null;
      }
      return List.of();
    }
    if (v instanceof YamlNode.Sequence s) {
      return s.items();
    }
    wrongShape(sink, v, "'" + key + "'", "a list");
    return null;
  }

  /** A list of texts; a single scalar counts as a one-element list. Null when invalid (reported). */
  public @Nullable List<String> stringList(String key) {
    YamlNode v = value(key);
    if (v == null) {
      return List.of();
    }
    return stringList(v, sink, "'" + key + "'");
  }

  /**
   * The position of each item {@link #stringList(YamlNode, ProblemSink, String)} returns for
   * {@code v}: the scalar's own for a single value, each item's for a list (empty for anything else).
   */
  public static List<Mark> itemMarks(YamlNode v) {
    if (v instanceof YamlNode.Sequence s) {
      return s.items().stream().map(YamlNode::mark).toList();
    }
    return v instanceof YamlNode.Scalar ? List.of(v.mark()) : List.of();
  }

  /** The positions of the items of {@code key}'s value, as {@link #itemMarks(YamlNode)}; empty when absent. */
  public List<Mark> itemMarks(String key) {
    YamlNode v = value(key);
    return v == null ? List.of() : itemMarks(v);
  }

  /** The texts of a scalar or a list of scalars; null after reporting anything else. */
  public static @Nullable List<String> stringList(YamlNode v, ProblemSink sink, String what) {
    if (v instanceof YamlNode.Scalar) {
      String t = text(v, sink, what);
      return t == null ? null : List.of(t);
    }
    if (!(v instanceof YamlNode.Sequence s)) {
      wrongShape(sink, v, what, "a list of values");
      return null;
    }
    List<String> out = new ArrayList<>();
    boolean ok = true;
    for (YamlNode item : s.items()) {
      String t = text(item, sink, "each item of " + what);
      if (t == null) {
        ok = false;
      } else {
        out.add(t);
      }
    }
    return ok ? out : null;
  }
}
