package io.companyos.sources.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a JSON data file: newline-delimited JSON (one object per line, as BigQuery, PostHog and most
 * warehouse exports write it) or one JSON array of objects. Each object is one row, its keys are the columns;
 * values become the text a CSV cell would hold: strings as they are, numbers in plain decimal notation, booleans
 * as {@code true}/{@code false}, {@code null} as empty, an array of plain values as a {@code ;}-separated list,
 * and an object as its JSON text (FOCUS {@code Tags}). Jackson's streaming parser reads it, one object at a time.
 */
final class JsonRows implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** A JSON syntax error or a value that is not an object, at its line. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final long line;

    SyntaxError(long line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  /** One row: the line its object starts on, its columns' positions and its cells. */
  record Row(long line, Map<String, Integer> index, List<String> fields) {}

  private final JsonParser parser;
  private boolean started;
  private boolean inArray;

  JsonRows(Reader in) throws IOException {
    // A UTF-8 byte-order mark, as some tools write, is not JSON: skip it as the CSV reader does.
    java.io.PushbackReader text = new java.io.PushbackReader(in, 1);
    int first = text.read();
    if (first != -1 && first != '\uFEFF') {
      text.unread(first);
    }
    this.parser = JSON.getFactory().createParser(text);
  }

  /** The next row, or null at the end. */
  @Nullable Row next() throws IOException, SyntaxError {
    try {
      JsonToken t = parser.nextToken();
      if (!started) {
        started = true;
        if (t == null) {
          throw new SyntaxError(0, "the file is empty, so it holds no data (not zero rows); write [] for no rows");
        }
        if (t == JsonToken.START_ARRAY) {
          inArray = true;
          t = parser.nextToken();
        }
      }
      if (t == null || (inArray && t == JsonToken.END_ARRAY)) {
        if (inArray && t == JsonToken.END_ARRAY && parser.nextToken() != null) {
          throw new SyntaxError(parser.currentTokenLocation().getLineNr(), "text after the closing ']'");
        }
        return null;
      }
      long line = parser.currentTokenLocation().getLineNr();
      if (t != JsonToken.START_OBJECT) {
        throw new SyntaxError(line, "each row must be a JSON object ({\"column\": value, ...}), found " + describe(t));
      }
      JsonNode node = JSON.readTree(parser);
      Map<String, Integer> index = new HashMap<>();
      List<String> fields = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        index.put(e.getKey(), fields.size());
        fields.add(cell(e.getValue()));
      }
      return new Row(line, index, fields);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new SyntaxError(Math.max(line, 0), "not valid JSON: " + e.getOriginalMessage());
    } catch (NumberFormatException e) {
      // A number the JSON grammar allows but no decimal can hold (an exponent of 18 digits, say).
      throw new SyntaxError(Math.max(parser.currentLocation().getLineNr(), 0), "a number that cannot be read: "
          + e.getMessage());
    }
  }

  private static String cell(JsonNode v) throws JsonProcessingException {
    if (v.isNull() || v.isMissingNode()) {
      return "";
    }
    if (v.isBigDecimal()) {
      java.math.BigDecimal d = v.decimalValue();
      // Plain notation as a CSV cell would hold it; a number too large or small for that stays in E notation,
      // which the typed reader then refuses, instead of a million digits being written out.
      return d.precision() - d.scale() > 40 || d.scale() > 40 ? d.toString() : d.stripTrailingZeros().toPlainString();
    }
    if (v.isValueNode()) {
      return v.asText();
    }
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      for (JsonNode item : v) {
        items.add(item.isValueNode() ? cell(item) : JSON.writeValueAsString(item));
      }
      return String.join(";", items);
    }
    return JSON.writeValueAsString(v);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  /** What a token is, in words: its text for {@code null}, {@code true}, {@code false} and brackets, else its kind. */
  private static String describe(JsonToken t) {
    return switch (t) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case START_ARRAY -> "an array";
      case VALUE_EMBEDDED_OBJECT -> "an embedded value";
      default -> t.asString() == null ? t.name() : t.asString();
    };
  }
}
