package io.companyos.model.config.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A YAML value with the position it was read from, so that every problem found later (a bad
 * duration, an unknown role) can point at the line and column of the offending text.
 */
public sealed interface YamlNode {

  /** Where the value starts. */
  Mark mark();

  /** How many nodes this value stands for once aliases are expanded (itself included). */
  long weight();

  /** A short name of the node's shape for "expected X, got Y" messages. */
  String shape();

  /** The kinds of scalar the YAML parser distinguishes. */
  enum ScalarKind { STRING, INT, FLOAT, BOOL, NULL }

  /** A plain or quoted scalar; {@code text} is as written (numbers keep their spelling). */
  record Scalar(Mark mark, String text, ScalarKind kind) implements YamlNode {
    @Override
    public long weight() {
      return 1;
    }

    @Override
    public String shape() {
      return switch (kind) {
        case STRING -> "text";
        case INT, FLOAT -> "a number";
        case BOOL -> "true/false";
        case NULL -> "nothing (null)";
      };
    }
  }

  /** A sequence. */
  record Sequence(Mark mark, List<YamlNode> items, long weight) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String shape() {
      return "a list";
    }
  }

  /** One key of a mapping with the key's own position. */
  record Entry(String key, Mark keyMark, YamlNode value) {}

  /** A mapping with keys in file order (duplicates are rejected while reading). */
  record Mapping(Mark mark, Map<String, Entry> entries, long weight) implements YamlNode {
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The entry for {@code key}, or null. */
    public @Nullable Entry entry(String key) {
      return entries.get(key);
    }

    @Override
    public String shape() {
      return "a mapping";
    }
  }
}
