package io.companyos.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.companyos.render.ExecutiveSummary;
import io.companyos.render.Field;
import io.companyos.render.MetricValue;
import io.companyos.render.Mover;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import io.companyos.render.SectionTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A pack as a Slack Block Kit message, within Slack's limits: at most {@link #MAX_BLOCKS} blocks, section
 * text of at most {@link #MAX_SECTION_TEXT} characters (longer text continues in the next block, never cut),
 * a header of at most {@link #MAX_HEADER} characters. Text from data is escaped: {@code & < >} become
 * entities (so {@code <!channel>} or a link can never be injected), {@code @channel}, {@code @here} and
 * {@code @everyone} get a zero-width space after the {@code @}, and mrkdwn markers ({@code * _ ~ `}) in data
 * are neutralised the same way, so data never turns bold or into code.
 */
public final class SlackMessage {
  /** Slack's limit on blocks per message. */
  public static final int MAX_BLOCKS = 50;
  /** Slack's limit on a section block's text. */
  public static final int MAX_SECTION_TEXT = 3000;
  /** Slack's limit on a header block's text. */
  public static final int MAX_HEADER = 150;
  /** Rows of a table shown before "… N more rows". */
  static final int TABLE_ROWS = 15;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final char ZWSP = '\u200B';

  private SlackMessage() {}

  /**
   * The message body ({@code text} fallback and {@code blocks}) for {@code doc}. {@code link}, when not
   * null, is where the full pack can be read (the dashboard), shown at the end.
   */
  public static ObjectNode of(PackDocument doc, @Nullable String link) {
    List<ObjectNode> blocks = new ArrayList<>();
    blocks.add(header(doc.title()));
    blocks.add(context(escape(doc.period().label()) + " · as of " + doc.asOf() + " · " + escape(doc.availabilityLine())));
    ExecutiveSummary summary = doc.summary();
    if (summary != null) {
      StringBuilder sb = new StringBuilder("*Executive summary*\n");
      summary.lines().forEach(l -> sb.append("• ").append(escape(l)).append('\n'));
      addSections(blocks, sb.toString().stripTrailing());
    }
    if (!doc.movers().isEmpty()) {
      StringBuilder sb = new StringBuilder("*What changed*\n");
      for (Mover m : doc.movers()) {
        sb.append("• ").append(escape(m.label())).append(": ").append(valueText(m.value())).append('\n');
      }
      addSections(blocks, sb.toString().stripTrailing());
    }
    for (PackSection s : doc.sections()) {
      blocks.add(divider());
      addSections(blocks, sectionText(s));
    }
    java.util.Set<String> sourceIds = new java.util.TreeSet<>();
    doc.footnotes().keySet().forEach(p -> sourceIds.add(p.sourceId()));
    String evidence = doc.footnotes().size() + " sourced figures (" + (sourceIds.isEmpty() ? "no sources"
        : "source " + escape(String.join(", ", sourceIds))) + "); queries and windows are in the full pack's footnotes";
    String footer = evidence + (link == null ? "." : ": " + escape(link));
    if (blocks.size() + 1 > MAX_BLOCKS) {
      int keep = MAX_BLOCKS - 2;
      int dropped = blocks.size() - keep;
      blocks = new ArrayList<>(blocks.subList(0, keep));
      blocks.add(context(dropped + " more blocks did not fit in one Slack message (limit " + MAX_BLOCKS + ")."));
    }
    blocks.add(context(footer));
    ObjectNode body = JSON.createObjectNode();
    body.put("text", escape(doc.title() + " — " + doc.period().label() + " — " + doc.availabilityLine()));
    ArrayNode arr = body.putArray("blocks");
    blocks.forEach(arr::add);
    return body;
  }

  static String sectionText(PackSection s) {
    StringBuilder sb = new StringBuilder("*").append(escape(s.title())).append("*\n");
    if (!s.available()) {
      sb.append(":warning: n/a (").append(escape(String.valueOf(s.unavailableReason()))).append(')');
      return sb.toString();
    }
    for (Field f : s.fields()) {
      sb.append("• ").append(escape(f.label())).append(": ").append(valueText(f.value())).append('\n');
    }
    for (MetricValue v : s.items()) {
      sb.append("• ").append(valueText(v)).append('\n');
    }
    for (SectionTable t : s.tables()) {
      sb.append(table(t));
    }
    if (s.fields().isEmpty() && s.items().isEmpty() && s.tables().isEmpty()) {
      sb.append(escape(s.emptyText()));
    }
    if (!s.note().isBlank()) {
      sb.append('\n').append('_').append(escape(s.note())).append('_');
    }
    return sb.toString().stripTrailing();
  }

  private static String table(SectionTable t) {
    StringBuilder sb = new StringBuilder();
    if (!t.caption().isBlank()) {
      sb.append(escape(t.caption())).append('\n');
    }
    if (t.rows().isEmpty()) {
      return sb.append(escape(t.emptyText())).append('\n').toString();
    }
    int cols = t.columns().size();
    int shown = Math.min(TABLE_ROWS, t.rows().size());
    List<List<String>> cells = new ArrayList<>();
    cells.add(t.columns().stream().map(SlackMessage::codeSafe).toList());
    for (int r = 0; r < shown; r++) {
      cells.add(t.rows().get(r).stream().map(v -> codeSafe(v.text())).toList());
    }
    int[] width = new int[cols];
    for (List<String> row : cells) {
      for (int c = 0; c < Math.min(cols, row.size()); c++) {
        width[c] = Math.max(width[c], visibleWidth(row.get(c)));
      }
    }
    sb.append("```\n");
    for (List<String> row : cells) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < Math.min(cols, row.size()); c++) {
        String cell = row.get(c);
        line.append(cell).append(" ".repeat(width[c] - visibleWidth(cell))).append(c + 1 < cols ? "  " : "");
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    sb.append("```\n");
    if (t.rows().size() > shown) {
      sb.append("… ").append(t.rows().size() - shown).append(" more rows in the full pack\n");
    }
    return sb.toString();
  }

  private static int visibleWidth(String s) {
    return (int) s.codePoints().filter(cp -> cp != ZWSP).count();
  }

  private static String valueText(MetricValue v) {
    StringBuilder sb = new StringBuilder("*").append(escape(v.text())).append('*');
    if (v.present() && v.deltaAbsolute() != null) {
      sb.append(" (").append(v.trendArrow()).append(' ').append(escape(v.deltaText()));
      Boolean good = v.good();
      sb.append(good == null ? "" : good ? ", better" : ", worse").append(')');
    }
    if (v.anomaly()) {
      sb.append(" :rotating_light: unusual");
    }
    return sb.toString();
  }

  /** Escapes data for mrkdwn: entities for {@code & < >}, mentions and formatting markers defused. */
  public static String escape(String s) {
    String t = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    StringBuilder sb = new StringBuilder(t.length() + 8);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      sb.append(c);
      if (c == '@' && startsMention(t, i + 1)) {
        sb.append(ZWSP);
      } else if (c == '*' || c == '_' || c == '~' || c == '`') {
        sb.append(ZWSP);
      }
    }
    return sb.toString();
  }

  /** Inside a code block only {@code & < >} and a closing fence matter. */
  private static String codeSafe(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("`", "`" + ZWSP)
        .replace('\n', ' ').replace('\r', ' ');
  }

  private static boolean startsMention(String t, int from) {
    String rest = t.substring(from).toLowerCase(Locale.ROOT);
    return rest.startsWith("channel") || rest.startsWith("here") || rest.startsWith("everyone");
  }

  private static void addSections(List<ObjectNode> blocks, String text) {
    for (String part : split(text, MAX_SECTION_TEXT)) {
      ObjectNode b = JSON.createObjectNode();
      b.put("type", "section");
      ObjectNode t = b.putObject("text");
      t.put("type", "mrkdwn");
      t.put("text", part);
      blocks.add(b);
    }
  }

  /**
   * Splits {@code text} into pieces of at most {@code max} characters, at line breaks where possible and
   * never inside a surrogate pair; the pieces joined with "\n" (at line breaks) give the text back.
   */
  static List<String> split(String text, int max) {
    List<String> out = new ArrayList<>();
    String rest = text;
    while (rest.length() > max) {
      int cut = rest.lastIndexOf('\n', max);
      if (cut > 0) {
        out.add(rest.substring(0, cut));
        rest = rest.substring(cut + 1);
      } else {
        cut = Character.isHighSurrogate(rest.charAt(max - 1)) ? max - 1 : max;
        out.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
    }
    out.add(rest);
    return out;
  }

  private static ObjectNode header(String title) {
    ObjectNode b = JSON.createObjectNode();
    b.put("type", "header");
    ObjectNode t = b.putObject("text");
    t.put("type", "plain_text");
    String h = title.length() <= MAX_HEADER ? title : title.substring(0, Character.isHighSurrogate(title.charAt(MAX_HEADER - 2)) ? MAX_HEADER - 2 : MAX_HEADER - 1) + "…";
    t.put("text", h);
    return b;
  }

  private static ObjectNode context(String mrkdwn) {
    ObjectNode b = JSON.createObjectNode();
    b.put("type", "context");
    ObjectNode e = b.putArray("elements").addObject();
    e.put("type", "mrkdwn");
    e.put("text", mrkdwn.length() <= MAX_SECTION_TEXT ? mrkdwn : mrkdwn.substring(0, MAX_SECTION_TEXT - 1) + "…");
    return b;
  }

  private static ObjectNode divider() {
    ObjectNode b = JSON.createObjectNode();
    b.put("type", "divider");
    return b;
  }
}
