package io.companyos.model.config.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.companyos.model.config.ProblemCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a {@link YamlNode} tree with positions, using Jackson's streaming YAML parser
 * (which never instantiates types named in the document). Enforces {@link YamlLimits}, rejects
 * duplicate keys and resolves aliases to their anchored node while counting the expanded size.
 */
public final class YamlTreeReader {
  private final YamlLimits limits;
  private final YAMLFactory factory;

  public YamlTreeReader(YamlLimits limits) {
    this.limits = limits;
    LoaderOptions options = new LoaderOptions();
    // Duplicate keys are reported by this reader itself, with both positions, without stopping.
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(limits.maxDepth());
    options.setCodePointLimit(limits.maxChars() + 1);
    options.setAllowRecursiveKeys(false);
    this.factory = YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth() + 1)
            .maxStringLength(limits.maxChars())
            .maxDocumentLength(limits.maxChars() + 1L)
            .build())
        .build();
  }

  /** Thrown internally to stop reading after a fatal problem has been reported. */
  private static final class Abort extends Exception {
    private static final long serialVersionUID = 1L;

    Abort() {
      super(null, null, false, false);
    }
  }

  /** Reads one document; empty when it could not be read (the reason is in {@code sink}). */
  public Optional<YamlNode> read(String text, ProblemSink sink) {
    return parse(text, sink, false).map(docs -> docs.get(0));
  }

  /**
   * Reads every document of a multi-document stream (documents separated by {@code ---}, as Kubernetes writes
   * them); empty documents are skipped. Empty when the stream could not be read (the reason is in {@code sink}).
   */
  public Optional<List<YamlNode>> readAll(String text, ProblemSink sink) {
    return parse(text, sink, true);
  }

  private Optional<List<YamlNode>> parse(String text, ProblemSink sink, boolean many) {
    if (text.length() > limits.maxChars()) {
      sink.add(ProblemCode.TOO_LARGE, Mark.FILE,
          "the document has " + text.length() + " characters; the limit is " + limits.maxChars(),
          "split the definitions into several files");
      return Optional.empty();
    }
    try (JsonParser p = factory.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        sink.add(ProblemCode.EMPTY_DOCUMENT, Mark.FILE, "the file holds no YAML document", null);
        return Optional.empty();
      }
      List<YamlNode> docs = new ArrayList<>();
      Session s = new Session(p, sink);
      docs.add(s.value(0));
      while (p.nextToken() != null) {
        if (!many) {
          sink.add(ProblemCode.SYNTAX, mark(p.currentTokenLocation()),
              "the file holds more than one YAML document", "keep one document per file; remove the '---' separator");
          break;
        }
        docs.add(new Session(p, sink).value(0));
      }
      docs.removeIf(d -> d instanceof YamlNode.Scalar sc && sc.kind() == YamlNode.ScalarKind.NULL);
      if (docs.isEmpty()) {
        sink.add(ProblemCode.EMPTY_DOCUMENT, Mark.FILE, "the file holds no YAML document", null);
        return Optional.empty();
      }
      return Optional.of(docs);
    } catch (Abort e) {
      return Optional.empty();
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
        org.yaml.snakeyaml.error.Mark pm = y.getProblemMark();
        String context = y.getContext() == null ? "" : " " + y.getContext();
        sink.add(ProblemCode.SYNTAX, new Mark(pm.getLine() + 1, pm.getColumn() + 1),
            firstLine(y.getProblem()) + context, "check indentation, quoting and the ': ' after each key");
        return Optional.empty();
      }
      JsonLocation loc = e.getLocation();
      sink.add(ProblemCode.SYNTAX, loc == null ? Mark.FILE : mark(loc), firstLine(e.getOriginalMessage()),
          "check indentation, quoting and the ': ' after each key");
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      sink.add(ProblemCode.SYNTAX, Mark.FILE, "the YAML parser rejected the file: " + firstLine(e.getMessage()),
          null);
      return Optional.empty();
    }
  }

  private static Mark mark(JsonLocation loc) {
    return new Mark(Math.max(loc.getLineNr(), 0), Math.max(loc.getColumnNr(), 0));
  }

  private static String firstLine(@Nullable String s) {
    if (s == null || s.isBlank()) {
      return "malformed YAML";
    }
    String line = s.strip().lines().findFirst().orElse(s);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  /** The state of reading one document: anchors seen so far. */
  private final class Session {
    private final JsonParser p;
    private final ProblemSink sink;
    private final Map<String, YamlNode> anchors = new HashMap<>();

    Session(JsonParser p, ProblemSink sink) {
      this.p = p;
      this.sink = sink;
    }

    /** Reads the value at the current token, which has already been advanced to. */
    YamlNode value(int depth) throws IOException, Abort {
      JsonToken t = p.currentToken();
      Mark at = mark(p.currentTokenLocation());
      String anchor = p.getObjectId() instanceof String a ? a : null;
      YamlNode node;
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        if (depth >= limits.maxDepth()) {
          sink.add(ProblemCode.TOO_DEEP, at, "lists and mappings nest deeper than " + limits.maxDepth() + " levels",
              "flatten the structure");
          throw new Abort();
        }
        node = t == JsonToken.START_OBJECT ? mapping(at, depth) : sequence(at, depth);
      } else if (p instanceof YAMLParser yp && yp.isCurrentAlias()) {
        node = alias(at, p.getText());
      } else {
        node = scalar(t, at);
      }
      if (anchor != null) {
        anchors.put(anchor, node);
      }
      return node;
    }

    private YamlNode alias(Mark at, String name) throws Abort {
      YamlNode target = anchors.get(name);
      if (target == null) {
        sink.add(ProblemCode.UNKNOWN_ALIAS, at, "alias '*" + name + "' refers to no earlier anchor",
            "define '&" + name + "' before using it");
        return new YamlNode.Scalar(at, name, YamlNode.ScalarKind.NULL);
      }
      return target;
    }

    private YamlNode scalar(JsonToken t, Mark at) throws IOException {
      YamlNode.ScalarKind kind = switch (t) {
        case VALUE_NUMBER_INT -> YamlNode.ScalarKind.INT;
        case VALUE_NUMBER_FLOAT -> YamlNode.ScalarKind.FLOAT;
        case VALUE_TRUE, VALUE_FALSE -> YamlNode.ScalarKind.BOOL;
        case VALUE_NULL -> YamlNode.ScalarKind.NULL;
        default -> YamlNode.ScalarKind.STRING;
      };
      String text = kind == YamlNode.ScalarKind.NULL ? "" : p.getText();
      return new YamlNode.Scalar(at, text == null ? "" : text, kind);
    }

    private YamlNode sequence(Mark at, int depth) throws IOException, Abort {
      List<YamlNode> items = new ArrayList<>();
      long weight = 1;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        YamlNode item = value(depth + 1);
        items.add(item);
        weight = add(weight, item.weight(), at);
      }
      return new YamlNode.Sequence(at, items, weight);
    }

    private YamlNode mapping(Mark at, int depth) throws IOException, Abort {
      Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
      long weight = 1;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        Mark keyMark = mark(p.currentTokenLocation());
        p.nextToken();
        YamlNode v = value(depth + 1);
        weight = add(weight, v.weight(), at);
        if (entries.containsKey(key)) {
          YamlNode.Entry earlier = entries.get(key);
          sink.add(ProblemCode.DUPLICATE_KEY, keyMark, "key '" + key + "' appears twice in this mapping",
              "the first one is on line " + earlier.keyMark().line() + "; keep one");
        } else {
          entries.put(key, new YamlNode.Entry(key, keyMark, v));
        }
      }
      return new YamlNode.Mapping(at, entries, weight);
    }

    private long add(long weight, long more, Mark at) throws Abort {
      long sum = weight + more;
      if (sum > limits.maxNodes() || sum < 0) {
        sink.add(ProblemCode.ALIAS_LIMIT, at,
            "the document expands to more than " + limits.maxNodes() + " nodes through anchors and aliases",
            "use fewer or less deeply nested aliases");
        throw new Abort();
      }
      return sum;
    }
  }
}
