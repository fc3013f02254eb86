package io.companyos.export.notion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.companyos.render.ExecutiveSummary;
import io.companyos.render.Field;
import io.companyos.render.MetricValue;
import io.companyos.render.Mover;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import io.companyos.render.RenderException;
import io.companyos.render.SectionTable;
import io.companyos.sources.Provenance;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PackDocument} as Notion API block objects, within the API's request limits:
 *
 * <ul>
 *   <li>a text object holds at most {@value #MAX_TEXT_LENGTH} characters (UTF-16 code units): longer
 *       text is split into several text objects, never truncated, and never between the two halves of a
 *       surrogate pair;
 *   <li>an array (block children, rich text, table rows) holds at most {@value #MAX_ARRAY_LENGTH}
 *       elements: text longer than 100 text objects continues in further blocks of the same type, a
 *       table with more than 99 data rows becomes several tables of at most 99 rows, each repeating the
 *       header row and preceded by a "rows a–b of n" caption, and footnote lists are split the same way;
 *   <li>blocks nest at most {@value #MAX_NESTING} levels (tables and the provenance toggle have children,
 *       their children have none), so every block can be sent in one request;
 *   <li>{@link #batches(List)} cuts the top-level blocks into requests of at most
 *       {@value #MAX_ARRAY_LENGTH} blocks, {@value #MAX_BLOCKS_PER_REQUEST} blocks counting nested ones,
 *       and about {@value #MAX_REQUEST_BYTES} bytes of JSON.
 * </ul>
 *
 * <p>Layout: a {@code heading_1} with the pack title; a paragraph with meeting, period, as-of and the
 * "N of M sections available" line; the executive summary as a callout; per section a {@code heading_2}
 * (sections with an empty title continue under the previous heading), a callout with the reason when the
 * section is unavailable, one paragraph per field ("label: value [footnote] (Δ delta ▲)"), tables,
 * bulleted list items and the note, where fields and items flagged as anomalies are callouts with a
 * warning sign instead (anomalous table cells get such a callout after their table); the biggest movers; and the
 * provenance footnotes (source, query, window, fetch time, rows) as bullets inside a toggle. The output
 * is deterministic: the same document gives equal blocks with the same key order.
 */
public final class NotionBlocks {
  /** Notion's limit on the content of one text object. */
  public static final int MAX_TEXT_LENGTH = 2000;
  /** Notion's limit on any array in a request: children, rich text, table rows. */
  public static final int MAX_ARRAY_LENGTH = 100;
  /** Notion's limit on block elements in one request, nested ones included. */
  public static final int MAX_BLOCKS_PER_REQUEST = 1000;
  /** Levels of blocks this class produces (top level plus one level of children). */
  public static final int MAX_NESTING = 2;
  /** Batches stay below this many bytes of JSON (Notion accepts at most 500 KB per request). */
  public static final int MAX_REQUEST_BYTES = 450_000;

  static final String WARNING = "\u26A0\uFE0F";
  static final String NO_ENTRY = "\uD83D\uDEAB";
  static final String CLIPBOARD = "\uD83D\uDCCB";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  private NotionBlocks() {}

  /** The page for {@code doc}: its title and all its blocks. */
  public static NotionPage page(PackDocument doc) {
    return new NotionPage(title(doc), blocks(doc));
  }

  /** The page title: pack title and period label ("Weekly Ops Review - 2026-W47"). */
  public static String title(PackDocument doc) {
    return doc.title() + " - " + doc.period().label();
  }

  /** The top-level blocks of {@code doc} in reading order, each with its (at most one level of) children. */
  public static List<ObjectNode> blocks(PackDocument doc) {
    Map<Provenance, Integer> notes = doc.footnotes();
    List<ObjectNode> out = new ArrayList<>();
    out.addAll(textBlocks("heading_1", List.of(Span.plain(doc.title())), null));
    out.addAll(textBlocks("paragraph", List.of(Span.plain(header(doc))), null));
    ExecutiveSummary summary = doc.summary();
    if (summary != null) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < summary.lines().size(); i++) {
        Provenance p = summary.source(i);
        Integer fn = p == null ? null : notes.get(p);
        lines.add(summary.lines().get(i) + (fn == null ? "" : " [" + fn + "]"));
      }
      out.addAll(textBlocks("callout", List.of(Span.bold("Summary\n"), Span.plain(String.join("\n", lines))), CLIPBOARD));
    }
    for (PackSection s : doc.sections()) {
      section(s, notes, out);
    }
    if (!doc.movers().isEmpty()) {
      out.addAll(textBlocks("heading_2", List.of(Span.plain("What Changed")), null));
      for (Mover m : doc.movers()) {
        out.addAll(textBlocks("bulleted_list_item",
            List.of(Span.plain(m.section() + " \u00B7 "), Span.bold(m.label()), Span.plain(": " + valueText(m.value(), notes))),
            null));
      }
    }
    footnotes(notes, out);
    evidence(doc.evidence(), out);
    return out;
  }

  /** The evidence appendix ({@link PackDocument#evidence()}) as toggles of bullets, split like the footnotes. */
  private static void evidence(List<PackDocument.Evidence> entries, List<ObjectNode> out) {
    if (entries.isEmpty()) {
      return;
    }
    List<ObjectNode> items = new ArrayList<>();
    for (PackDocument.Evidence e : entries) {
      items.addAll(textBlocks("bulleted_list_item", List.of(Span.plain(e.section() + " \u00B7 "), Span.bold(e.label()),
          Span.plain(": " + String.join(", ", e.ids()))), null));
    }
    toggles("Evidence (" + entries.size() + (entries.size() == 1 ? " value" : " values") + ")", items, out);
  }

  /**
   * {@code items} inside toggles titled {@code title}, at most {@link #MAX_ARRAY_LENGTH} per toggle (Notion's limit on
   * children), the parts numbered when there are several.
   */
  private static void toggles(String title, List<ObjectNode> items, List<ObjectNode> out) {
    int n = items.size();
    for (int from = 0; from < n; from += MAX_ARRAY_LENGTH) {
      int to = Math.min(n, from + MAX_ARRAY_LENGTH);
      ObjectNode toggle = F.objectNode();
      toggle.set("rich_text", richText(List.of(Span.bold(title + (n > MAX_ARRAY_LENGTH ? ", part " + (from / MAX_ARRAY_LENGTH + 1) : "")))));
      ArrayNode children = toggle.putArray("children");
      items.subList(from, to).forEach(children::add);
      out.add(block("toggle", toggle));
    }
  }

  private static String header(PackDocument doc) {
    StringBuilder sb = new StringBuilder();
    if (doc.meeting() != null) {
      sb.append("Meeting: ").append(doc.meeting()).append('\n');
    }
    sb.append("Period: ").append(doc.period().label()).append(", compared with ").append(doc.previousPeriod().label())
        .append('\n');
    sb.append("As of: ").append(doc.asOf()).append(" (")
        .append(doc.zone().normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : doc.zone().getId()).append(")\n");
    sb.append(doc.availabilityLine());
    return sb.toString();
  }

  private static void section(PackSection s, Map<Provenance, Integer> notes, List<ObjectNode> out) {
    if (!s.title().isEmpty()) {
      out.addAll(textBlocks("heading_2", List.of(Span.plain(s.title())), null));
    }
    String reason = s.unavailableReason();
    if (reason != null) {
      out.addAll(textBlocks("callout", List.of(Span.bold("Section unavailable: "), Span.plain(reason)), NO_ENTRY));
    }
    for (Field f : s.fields()) {
      List<Span> spans = List.of(Span.bold(f.label()), Span.plain(": " + valueText(f.value(), notes)));
      out.addAll(f.value().anomaly() ? anomaly(spans) : textBlocks("paragraph", spans, null));
    }
    for (SectionTable t : s.tables()) {
      table(s, t, notes, out);
      // a table cell cannot hold a callout: anomalous cells are highlighted after the table
      for (List<MetricValue> row : t.rows()) {
        for (int c = 0; c < row.size(); c++) {
          if (row.get(c).anomaly()) {
            String where = (t.caption().isEmpty() ? "" : t.caption() + " \u00B7 ") + t.columns().get(c)
                + (c == 0 ? "" : " (" + row.get(0).text() + ")");
            out.addAll(anomaly(List.of(Span.bold(where), Span.plain(": " + valueText(row.get(c), notes)))));
          }
        }
      }
    }
    for (MetricValue i : s.items()) {
      List<Span> spans = List.of(Span.plain(valueText(i, notes)));
      out.addAll(i.anomaly() ? anomaly(spans) : textBlocks("bulleted_list_item", spans, null));
    }
    if (s.items().isEmpty() && s.available() && !s.emptyText().isBlank()) {
      out.addAll(textBlocks("paragraph", List.of(Span.plain(s.emptyText())), null));
    }
    if (!s.note().isEmpty()) {
      out.addAll(textBlocks("paragraph", List.of(Span.italic(s.note())), null));
    }
  }

  /** A value flagged by anomaly detection: a callout with a warning sign, "Anomaly: ..." . */
  private static List<ObjectNode> anomaly(List<Span> spans) {
    List<Span> all = new ArrayList<>();
    all.add(Span.bold("Anomaly: "));
    all.addAll(spans);
    return textBlocks("callout", all, WARNING);
  }

  private static void table(PackSection s, SectionTable t, Map<Provenance, Integer> notes, List<ObjectNode> out) {
    int perTable = MAX_ARRAY_LENGTH - 1; // the header row is a child too
    int n = t.rows().size();
    if (t.columns().isEmpty()) {
      // Notion tables need at least one column; show the caption and empty text only.
      if (!t.caption().isEmpty()) {
        out.addAll(textBlocks("paragraph", List.of(Span.bold(t.caption())), null));
      }
      if (!t.emptyText().isEmpty()) {
        out.addAll(textBlocks("paragraph", List.of(Span.plain(t.emptyText())), null));
      }
      return;
    }
    if (n <= perTable) {
      if (!t.caption().isEmpty()) {
        out.addAll(textBlocks("paragraph", List.of(Span.bold(t.caption())), null));
      }
      out.add(tableBlock(t.columns(), t.rows(), notes));
      if (n == 0 && !t.emptyText().isEmpty()) {
        out.addAll(textBlocks("paragraph", List.of(Span.plain(t.emptyText())), null));
      }
      return;
    }
    String name = !t.caption().isEmpty() ? t.caption() : !s.title().isEmpty() ? s.title() : "Table";
    for (int from = 0; from < n; from += perTable) {
      int to = Math.min(n, from + perTable);
      out.addAll(textBlocks("paragraph",
          List.of(Span.bold(name), Span.plain(" (rows " + (from + 1) + "\u2013" + to + " of " + n + ")")), null));
      out.add(tableBlock(t.columns(), t.rows().subList(from, to), notes));
    }
  }

  private static ObjectNode tableBlock(List<String> columns, List<List<MetricValue>> rows, Map<Provenance, Integer> notes) {
    ArrayNode children = F.arrayNode();
    List<ArrayNode> header = new ArrayList<>();
    for (String c : columns) {
      header.add(cell(List.of(Span.bold(c))));
    }
    children.add(row(header));
    for (List<MetricValue> r : rows) {
      List<ArrayNode> cells = new ArrayList<>();
      for (MetricValue v : r) {
        cells.add(cell(List.of(Span.plain(cellText(v, notes)))));
      }
      children.add(row(cells));
    }
    ObjectNode table = F.objectNode();
    table.put("table_width", columns.size());
    table.put("has_column_header", true);
    table.put("has_row_header", false);
    table.set("children", children);
    return block("table", table);
  }

  private static ArrayNode cell(List<Span> spans) {
    ArrayNode rt = richText(spans);
    if (rt.size() > MAX_ARRAY_LENGTH) {
      throw new RenderException("COS-EXP-040", "a table cell has " + rt.size() + " text objects; Notion accepts "
          + MAX_ARRAY_LENGTH + " (" + MAX_ARRAY_LENGTH * MAX_TEXT_LENGTH + " characters)", null,
          "shorten the value in the source; cells cannot be split without changing the table", null);
    }
    return rt;
  }

  private static ObjectNode row(List<ArrayNode> cells) {
    ObjectNode row = F.objectNode();
    ArrayNode arr = row.putArray("cells");
    cells.forEach(arr::add);
    return block("table_row", row);
  }

  private static void footnotes(Map<Provenance, Integer> notes, List<ObjectNode> out) {
    if (notes.isEmpty()) {
      return;
    }
    List<ObjectNode> items = new ArrayList<>();
    for (Map.Entry<Provenance, Integer> e : notes.entrySet()) {
      Provenance p = e.getKey();
      String text = "[" + e.getValue() + "] " + p.line();
      items.addAll(textBlocks("bulleted_list_item", List.of(Span.plain(text)), null));
    }
    toggles("Provenance (" + notes.size() + (notes.size() == 1 ? " source" : " sources") + ")", items, out);
  }

  /** "text [n] (Δ delta ▲)": the written value, its footnote and its change when compared. */
  static String valueText(MetricValue v, Map<Provenance, Integer> notes) {
    StringBuilder sb = new StringBuilder(cellText(v, notes));
    if (v.deltaAbsolute() != null) {
      sb.append(" (\u0394 ").append(v.deltaText()).append(' ').append(v.trendArrow()).append(')');
    }
    return sb.toString();
  }

  private static String cellText(MetricValue v, Map<Provenance, Integer> notes) {
    Integer n = v.provenance() == null ? null : notes.get(v.provenance());
    return n == null ? v.text() : v.text() + " [" + n + "]";
  }

  /**
   * Blocks of {@code type} holding {@code spans}: one block, or several when the text needs more than
   * {@value #MAX_ARRAY_LENGTH} text objects; callouts get {@code emoji} as icon.
   */
  private static List<ObjectNode> textBlocks(String type, List<Span> spans, @Nullable String emoji) {
    ArrayNode all = richText(spans);
    List<ObjectNode> out = new ArrayList<>();
    int from = 0;
    do {
      ObjectNode body = F.objectNode();
      ArrayNode rt = body.putArray("rich_text");
      for (int i = from; i < Math.min(all.size(), from + MAX_ARRAY_LENGTH); i++) {
        rt.add(all.get(i));
      }
      if (emoji != null) {
        body.putObject("icon").put("type", "emoji").put("emoji", emoji);
      }
      out.add(block(type, body));
      from += MAX_ARRAY_LENGTH;
    } while (from < all.size());
    return out;
  }

  private static ObjectNode block(String type, ObjectNode body) {
    ObjectNode b = F.objectNode();
    b.put("object", "block");
    b.put("type", type);
    b.set(type, body);
    return b;
  }

  /** Plain text as a rich text array of text objects of at most {@value #MAX_TEXT_LENGTH} characters. */
  public static ArrayNode richText(String text) {
    return richText(List.of(Span.plain(text)));
  }

  private static ArrayNode richText(List<Span> spans) {
    ArrayNode arr = F.arrayNode();
    for (Span s : spans) {
      for (String piece : splitText(s.text(), MAX_TEXT_LENGTH)) {
        ObjectNode t = arr.addObject();
        t.put("type", "text");
        t.putObject("text").put("content", piece);
        if (s.bold() || s.italic()) {
          ObjectNode a = t.putObject("annotations");
          if (s.bold()) {
            a.put("bold", true);
          }
          if (s.italic()) {
            a.put("italic", true);
          }
        }
      }
    }
    return arr;
  }

  /**
   * {@code text} cut into pieces of at most {@code max} UTF-16 code units whose concatenation is
   * {@code text}; a cut never separates a high surrogate from the low surrogate after it. The empty
   * string gives no pieces.
   */
  public static List<String> splitText(String text, int max) {
    if (max < 2) {
      throw new IllegalArgumentException("max must be at least 2 to keep surrogate pairs whole, was " + max);
    }
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    while (start < n) {
      int end = Math.min(n, start + max);
      if (end < n && Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
        end--;
      }
      out.add(text.substring(start, end));
      start = end;
    }
    return out;
  }

  /**
   * {@code blocks} cut into consecutive requests: each has at most {@value #MAX_ARRAY_LENGTH} top-level
   * blocks, at most {@value #MAX_BLOCKS_PER_REQUEST} blocks counting nested children, and stays below
   * {@value #MAX_REQUEST_BYTES} bytes of JSON unless a single block is larger. Order is kept.
   */
  public static List<List<ObjectNode>> batches(List<ObjectNode> blocks) {
    List<List<ObjectNode>> out = new ArrayList<>();
    List<ObjectNode> current = new ArrayList<>();
    int count = 0;
    long bytes = 0;
    for (ObjectNode b : blocks) {
      int c = blockCount(b);
      long size = size(b);
      if (!current.isEmpty() && (current.size() == MAX_ARRAY_LENGTH || count + c > MAX_BLOCKS_PER_REQUEST
          || bytes + size > MAX_REQUEST_BYTES)) {
        out.add(List.copyOf(current));
        current = new ArrayList<>();
        count = 0;
        bytes = 0;
      }
      current.add(b);
      count += c;
      bytes += size + 1;
    }
    if (!current.isEmpty()) {
      out.add(List.copyOf(current));
    }
    return out;
  }

  /** The block itself plus all its nested children. */
  public static int blockCount(JsonNode block) {
    int n = 1;
    for (JsonNode child : children(block)) {
      n += blockCount(child);
    }
    return n;
  }

  /** Levels of blocks: 1 for a block without children. */
  public static int depth(JsonNode block) {
    int d = 0;
    for (JsonNode child : children(block)) {
      d = Math.max(d, depth(child));
    }
    return d + 1;
  }

  /** The nested children of {@code block} (empty when it has none). */
  public static JsonNode children(JsonNode block) {
    return block.path(block.path("type").asText()).path("children");
  }

  private static long size(JsonNode node) {
    try {
      return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8).length;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Span(String text, boolean bold, boolean italic) {
    static Span plain(String t) {
      return new Span(t, false, false);
    }

    static Span bold(String t) {
      return new Span(t, true, false);
    }

    static Span italic(String t) {
      return new Span(t, false, true);
    }
  }
}
