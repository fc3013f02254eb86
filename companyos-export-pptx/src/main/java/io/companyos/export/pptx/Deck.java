package io.companyos.export.pptx;

import io.companyos.model.time.TimeWindow;
import io.companyos.render.ExecutiveSummary;
import io.companyos.render.Field;
import io.companyos.render.MetricValue;
import io.companyos.render.Mover;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import io.companyos.render.SectionTable;
import io.companyos.sources.Provenance;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.sl.usermodel.Insets2D;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.sl.usermodel.TableCell.BorderEdge;
import org.apache.poi.sl.usermodel.VerticalAlignment;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.jspecify.annotations.Nullable;

/**
 * Lays a pack out as slides: a title slide, then each section on one slide or, when its tables or lists
 * do not fit, on as many continuation slides as needed. Positions are computed from estimated text
 * heights (POI does no text layout), so every shape stays inside the 16:9 slide.
 */
final class Deck {
  /** Slide size in points (13.333 x 7.5 in, 16:9). */
  static final int WIDTH = 960;
  static final int HEIGHT = 540;
  /** Font size of headline numbers. */
  static final double BIG = 44;
  /** At most this many table rows on one slide. */
  static final int MAX_ROWS = 12;
  /** At most this many headline cards (the first fields of a section); further fields go into a table. */
  static final int MAX_CARDS = 4;

  private static final double MARGIN = 40;
  private static final double CONTENT_W = WIDTH - 2 * MARGIN;
  private static final double TOP = 104;
  private static final double BOTTOM = HEIGHT - 56;
  private static final double CARD_H = 104;
  private static final double SPARK_H = 30;
  private static final double TABLE_FONT = 11;
  private static final Color INK = new Color(0x22, 0x22, 0x22);
  private static final Color MUTED = new Color(0x66, 0x66, 0x66);
  private static final Color ACCENT = new Color(0x1f, 0x3a, 0x5f);
  private static final Color HEADER_FILL = new Color(0xe8, 0xed, 0xf4);
  private static final Color RULE = new Color(0xbb, 0xbb, 0xbb);
  private static final Color GOOD = new Color(0x2e, 0x7d, 0x32);
  private static final Color BAD = new Color(0xc6, 0x28, 0x28);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private final PackDocument doc;
  private final XMLSlideShow show;
  private final Map<Provenance, Integer> notes;
  private final List<XSLFSlide> slides = new ArrayList<>();

  private Deck(PackDocument doc, XMLSlideShow show) {
    this.doc = doc;
    this.show = show;
    this.notes = doc.footnotes();
  }

  /** Fills the empty {@code show} with the slides of {@code doc}. */
  static void build(PackDocument doc, XMLSlideShow show) {
    show.setPageSize(new Dimension(WIDTH, HEIGHT));
    Deck deck = new Deck(doc, show);
    deck.titleSlide();
    for (PackSection s : doc.sections()) {
      deck.section(s);
    }
    deck.evidence();
    deck.footers();
  }

  // ---- title slide -------------------------------------------------------------------------------

  private void titleSlide() {
    XSLFSlide slide = newSlide();
    boolean movers = !doc.movers().isEmpty();
    double leftW = movers ? 540 : CONTENT_W;
    double titleH = Math.min(3, lines(doc.title(), 36, leftW - 8)) * 44 + 8;
    text(slide, MARGIN, 60, leftW, titleH, doc.title(), 36, true, ACCENT);
    double y = 60 + titleH + 16;
    List<String> meta = new ArrayList<>();
    if (doc.meeting() != null) {
      meta.add("Meeting: " + doc.meeting());
    }
    meta.add("Period: " + doc.period().label() + " (" + doc.period().start() + " to " + doc.period().end()
        + "), compared with " + doc.previousPeriod().label());
    meta.add("As of " + stamp(doc.asOf()));
    meta.add(doc.availabilityLine());
    double metaH = meta.stream().mapToInt(line -> lines(line, 16, leftW - 8)).sum() * 22.0 + 10;
    XSLFTextBox box = box(slide, MARGIN, y, leftW, metaH);
    for (String line : meta) {
      paragraph(box, line, 16, false, line.equals(doc.availabilityLine()) && doc.partial() ? BAD : INK);
    }
    y += metaH + 12;
    ExecutiveSummary summary = doc.summary();
    if (summary != null) {
      XSLFTextBox sum = box(slide, MARGIN, y, leftW, BOTTOM - y);
      paragraph(sum, "Summary", 16, true, ACCENT);
      for (int i = 0; i < summary.lines().size(); i++) {
        Provenance p = summary.source(i);
        Integer fn = p == null ? null : notes.get(p);
        paragraph(sum, "• " + summary.lines().get(i) + (fn == null ? "" : " [" + fn + "]"), 14, false, INK);
      }
    }
    if (movers) {
      double x = MARGIN + leftW + 30;
      double w = WIDTH - MARGIN - x;
      XSLFTextBox changed = box(slide, x, 60, w, BOTTOM - 60);
      paragraph(changed, "What changed", 16, true, ACCENT);
      for (Mover m : doc.movers()) {
        MetricValue v = m.value();
        String change = change(v);
        paragraph(changed, m.section() + " · " + m.label() + ": " + v.text() + (change.isEmpty() ? "" : " (" + change + ")"),
            12, false, colour(v));
      }
    }
    StringBuilder n = new StringBuilder();
    n.append(doc.title()).append(" - ").append(doc.period().label()).append('\n').append(doc.availabilityLine()).append('\n');
    if (!doc.movers().isEmpty()) {
      n.append("\nWhat changed:\n");
      for (Mover m : doc.movers()) {
        n.append("- ").append(m.section()).append(" · ").append(m.label()).append(": ").append(m.value().text())
            .append(provenanceRef(m.value())).append('\n');
      }
    }
    if (!notes.isEmpty()) {
      n.append("\nSources:\n");
      notes.forEach((p, i) -> n.append('[').append(i).append("] ").append(describe(p)).append('\n'));
    }
    speakerNotes(slide, n.toString());
  }

  // ---- evidence ----------------------------------------------------------------------------------

  /** Ids shown per value on a slide; the JSON form lists them all. */
  static final int EVIDENCE_IDS_SHOWN = 40;

  /**
   * The evidence appendix ({@link PackDocument#evidence()}): one line per counted value with the ids of its records,
   * on as many slides as it takes. A value with more than {@link #EVIDENCE_IDS_SHOWN} ids shows the first ones and
   * how many more there are.
   */
  private void evidence() {
    List<PackDocument.Evidence> entries = doc.evidence();
    int i = 0;
    boolean first = true;
    while (i < entries.size()) {
      XSLFSlide slide = newSlide();
      text(slide, MARGIN, 22, CONTENT_W, 44, first ? "Evidence" : "Evidence (continued)", 28, true, ACCENT);
      first = false;
      speakerNotes(slide, "Evidence: the records each counted value of this pack was computed from, by section and value. "
          + "Long lists show their first " + EVIDENCE_IDS_SHOWN + " ids; the JSON form of the pack lists them all.");
      XSLFTextBox box = box(slide, MARGIN, TOP, CONTENT_W, BOTTOM - TOP);
      double used = 0;
      while (i < entries.size()) {
        String line = evidenceLine(entries.get(i));
        double h = lines(line, 11, CONTENT_W - 8) * 15.0;
        if (used > 0 && used + h > BOTTOM - TOP) {
          break;
        }
        paragraph(box, line, 11, false, INK);
        used += h;
        i++;
      }
    }
  }

  static String evidenceLine(PackDocument.Evidence e) {
    List<String> ids = e.ids();
    String shown = String.join(", ", ids.subList(0, Math.min(ids.size(), EVIDENCE_IDS_SHOWN)));
    return e.section() + " · " + e.label() + ": " + shown
        + (ids.size() > EVIDENCE_IDS_SHOWN ? " and " + (ids.size() - EVIDENCE_IDS_SHOWN) + " more (all in the JSON form)" : "");
  }

  // ---- sections ----------------------------------------------------------------------------------

  /** One section slide being filled: its slide, the next free y and what its notes must explain. */
  private final class Page {
    final XSLFSlide slide;
    double y;
    final Map<String, MetricValue> shown = new LinkedHashMap<>();
    final Map<String, Set<Provenance>> columns = new LinkedHashMap<>();

    Page(PackSection s, String title, boolean continued) {
      slide = newSlide();
      String heading = continued ? title + " (continued)" : title;
      text(slide, MARGIN, 22, CONTENT_W, 44, heading, fit(heading, CONTENT_W - 10, 28, 18), true, ACCENT);
      TimeWindow w = s.window();
      if (w != null) {
        TimeWindow pw = s.previousWindow();
        text(slide, MARGIN, 66, CONTENT_W, 22, "Window " + window(w) + (pw == null ? "" : ", compared with " + window(pw)),
            11, false, MUTED);
      }
      y = TOP;
    }

    double free() {
      return BOTTOM - y;
    }
  }

  private void section(PackSection s) {
    String title = s.title().isBlank() ? label(s.type()) : s.title();
    List<Page> pages = new ArrayList<>();
    Page page = new Page(s, title, false);
    pages.add(page);
    if (!s.available()) {
      text(page.slide, MARGIN, page.y + 20, CONTENT_W, 60, "Section unavailable", 32, true, BAD);
      text(page.slide, MARGIN, page.y + 90, CONTENT_W, 80, "n/a (" + s.unavailableReason() + ")", 20, false, INK);
      page.y += 180;
    }
    List<Field> cards = s.fields().subList(0, Math.min(MAX_CARDS, s.fields().size()));
    if (!cards.isEmpty()) {
      page.y = cards(page, cards);
    }
    List<SectionTable> tables = new ArrayList<>();
    if (s.fields().size() > MAX_CARDS) {
      List<List<MetricValue>> rows = new ArrayList<>();
      for (Field f : s.fields().subList(MAX_CARDS, s.fields().size())) {
        rows.add(List.of(MetricValue.label(f.label()), f.value(), MetricValue.label(change(f.value()))));
      }
      tables.add(new SectionTable("More measures", List.of("Measure", "Value", "Change (Δ) vs previous"), rows, ""));
    }
    // A table without columns has nothing to show (and PowerPoint has no zero-column table).
    s.tables().stream().filter(t -> !t.columns().isEmpty()).forEach(tables::add);
    for (SectionTable t : tables) {
      page = table(s, title, pages, page, t);
    }
    if (!s.items().isEmpty()) {
      page = items(s, title, pages, page, s.items());
    } else if (s.available() && !s.emptyText().isBlank()) {
      page = ensure(s, title, pages, page, 30);
      text(page.slide, MARGIN, page.y, CONTENT_W, 26, s.emptyText(), 14, false, MUTED);
      page.y += 30;
    }
    if (!s.note().isBlank()) {
      double h = lines(s.note(), 12, CONTENT_W) * 16 + 12;
      page = ensure(s, title, pages, page, Math.min(h, BOTTOM - TOP));
      text(page.slide, MARGIN, page.y + 4, CONTENT_W, Math.min(h, BOTTOM - page.y - 4), s.note(), 12, false, MUTED);
      page.y += h;
    }
    for (int i = 0; i < pages.size(); i++) {
      speakerNotes(pages.get(i).slide, sectionNotes(s, title, pages.get(i), i, pages.size()));
    }
    for (io.companyos.render.chart.Chart c : s.charts()) {
      chart(s, c);
    }
  }

  /** A slide of its own for chart {@code c}: a native chart, or "n/a (reason)"; the data table in the notes. */
  private void chart(PackSection s, io.companyos.render.chart.Chart c) {
    Page page = new Page(s, c.title(), false);
    if (c.present()) {
      ChartSlide.add(show, page.slide, c, new Rectangle2D.Double(MARGIN, TOP, CONTENT_W, BOTTOM - TOP),
          java.util.Date.from(doc.asOf()));
    } else {
      text(page.slide, MARGIN, page.y + 20, CONTENT_W, 60, c.absentText(), 20, false, MUTED);
    }
    StringBuilder notesText = new StringBuilder(c.altText()).append("\n\n");
    notesText.append(String.join(" | ", c.tableColumns())).append('\n');
    for (List<String> row : c.table()) {
      notesText.append(String.join(" | ", row)).append('\n');
    }
    speakerNotes(page.slide, notesText.toString());
  }

  /** A new continuation page when {@code page} has less than {@code need} points left. */
  private Page ensure(PackSection s, String title, List<Page> pages, Page page, double need) {
    if (page.free() >= need) {
      return page;
    }
    Page next = new Page(s, title, true);
    pages.add(next);
    return next;
  }

  private double cards(Page page, List<Field> fields) {
    boolean spark = fields.stream().anyMatch(f -> f.value().history().size() >= 2);
    double gap = 16;
    double w = (CONTENT_W - gap * (MAX_CARDS - 1)) / MAX_CARDS;
    double top = page.y;
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      MetricValue v = f.value();
      double x = MARGIN + i * (w + gap);
      text(page.slide, x, top, w, 20, f.label(), 12, false, MUTED);
      double size = v.value() == null ? 16 : fit(v.text(), w - 10, BIG, 16);
      XSLFTextBox value = text(page.slide, x, top + 20, w, 56, v.text(), size, v.value() != null, v.present() ? INK : MUTED);
      value.setVerticalAlignment(VerticalAlignment.MIDDLE);
      String change = change(v);
      if (!change.isEmpty()) {
        text(page.slide, x, top + 76, w, 28, change, 11, false, colour(v));
      }
      if (v.history().size() >= 2) {
        XSLFPictureData png = show.addPicture(Sparkline.png(v.history()), PictureData.PictureType.PNG);
        XSLFPictureShape pic = page.slide.createPicture(png);
        pic.setAnchor(new Rectangle2D.Double(x + 4, top + CARD_H, 120, SPARK_H));
      }
      page.shown.put(f.label(), v);
    }
    return top + CARD_H + (spark ? SPARK_H + 8 : 4);
  }

  private Page table(PackSection s, String title, List<Page> pages, Page page, SectionTable t) {
    double captionH = t.caption().isBlank() ? 0 : 24;
    int cols = t.columns().size();
    double colW = CONTENT_W / Math.max(1, cols);
    double headerH = rowHeight(t.columns(), colW);
    if (t.rows().isEmpty()) {
      page = ensure(s, title, pages, page, captionH + 26);
      if (!t.caption().isBlank()) {
        text(page.slide, MARGIN, page.y, CONTENT_W, 22, t.caption(), 14, true, INK);
      }
      text(page.slide, MARGIN, page.y + captionH, CONTENT_W, 24, t.emptyText().isBlank() ? "No rows" : t.emptyText(),
          12, false, MUTED);
      page.y += captionH + 30;
      return page;
    }
    int next = 0;
    boolean first = true;
    while (next < t.rows().size()) {
      double firstRow = rowHeight(texts(t.rows().get(next)), colW);
      page = ensure(s, title, pages, page, captionH + headerH + firstRow);
      double avail = page.free() - captionH - headerH;
      int count = 0;
      double used = 0;
      while (next + count < t.rows().size() && count < MAX_ROWS) {
        double h = rowHeight(texts(t.rows().get(next + count)), colW);
        if (count > 0 && used + h > avail) {
          break;
        }
        used += h;
        count++;
      }
      if (!t.caption().isBlank()) {
        text(page.slide, MARGIN, page.y, CONTENT_W, 22, first ? t.caption() : t.caption() + " (continued)", 14, true, INK);
      }
      List<List<MetricValue>> chunk = t.rows().subList(next, next + count);
      XSLFTable table = page.slide.createTable(1 + count, cols);
      for (int c = 0; c < cols; c++) {
        table.setColumnWidth(c, colW);
        cell(table.getCell(0, c), t.columns().get(c), null, true);
      }
      for (int r = 0; r < count; r++) {
        List<MetricValue> row = chunk.get(r);
        for (int c = 0; c < cols; c++) {
          MetricValue v = row.get(c);
          cell(table.getCell(r + 1, c), v.text(), v, false);
          Provenance p = v.provenance();
          if (p != null) {
            page.columns.computeIfAbsent(columnName(t, c), k -> new LinkedHashSet<>()).add(p);
          }
        }
        table.setRowHeight(r + 1, rowHeight(texts(row), colW));
      }
      table.setRowHeight(0, headerH);
      table.setAnchor(new Rectangle2D.Double(MARGIN, page.y + captionH, CONTENT_W, headerH + used));
      page.y += captionH + headerH + used + 14;
      next += count;
      first = false;
    }
    return page;
  }

  private Page items(PackSection s, String title, List<Page> pages, Page page, List<MetricValue> items) {
    int i = 0;
    while (i < items.size()) {
      page = ensure(s, title, pages, page, 40);
      XSLFTextBox box = box(page.slide, MARGIN, page.y, CONTENT_W, page.free());
      double used = 8;
      int on = 0;
      while (i < items.size()) {
        MetricValue v = items.get(i);
        String change = change(v);
        String line = "• " + v.text() + (change.isEmpty() ? "" : " (" + change + ")");
        double h = lines(line, 14, CONTENT_W) * 19;
        if (on > 0 && used + h > page.free()) {
          break;
        }
        paragraph(box, line, 14, false, v.present() ? INK : MUTED);
        page.shown.put("item " + (i + 1), v);
        used += h;
        on++;
        i++;
      }
      box.setAnchor(new Rectangle2D.Double(MARGIN, page.y, CONTENT_W, used));
      page.y += used + 8;
    }
    return page;
  }

  private String sectionNotes(PackSection s, String title, Page page, int index, int count) {
    StringBuilder n = new StringBuilder();
    n.append(title);
    if (count > 1) {
      n.append(" (slide ").append(index + 1).append(" of ").append(count).append(')');
    }
    n.append('\n');
    TimeWindow w = s.window();
    if (w != null) {
      n.append("Window ").append(window(w));
      TimeWindow pw = s.previousWindow();
      if (pw != null) {
        n.append(", compared with ").append(window(pw));
      }
      n.append('\n');
    }
    if (!s.available()) {
      n.append("This section is unavailable: ").append(s.unavailableReason()).append('\n');
    }
    Set<Provenance> used = new LinkedHashSet<>();
    if (!page.shown.isEmpty()) {
      n.append("\nNumbers on this slide:\n");
      page.shown.forEach((label, v) -> {
        n.append("- ").append(label).append(": ").append(v.text());
        Provenance p = v.provenance();
        if (p != null) {
          used.add(p);
          n.append(" [").append(notes.get(p)).append("] from ").append(describe(p));
        } else if (!v.present()) {
          n.append(" (no value: ").append(v.absentReason()).append(')');
        }
        n.append('\n');
      });
    }
    if (!page.columns.isEmpty()) {
      n.append("\nTable columns on this slide:\n");
      page.columns.forEach((column, ps) -> {
        n.append("- ").append(column).append(':');
        for (Provenance p : ps) {
          used.add(p);
          n.append(" [").append(notes.get(p)).append(']');
        }
        n.append('\n');
      });
    }
    if (!used.isEmpty()) {
      n.append("\nSources:\n");
      for (Provenance p : used) {
        n.append('[').append(notes.get(p)).append("] ").append(describe(p)).append('\n');
      }
    }
    if (!s.note().isBlank()) {
      n.append("\nNote: ").append(s.note()).append('\n');
    }
    return n.toString();
  }

  // ---- footers and notes -------------------------------------------------------------------------

  private void footers() {
    String left = doc.title() + " · " + doc.period().label();
    for (int i = 0; i < slides.size(); i++) {
      XSLFSlide slide = slides.get(i);
      text(slide, MARGIN, HEIGHT - 32, 600, 20, left, 9, false, MUTED);
      XSLFTextBox number = text(slide, WIDTH - MARGIN - 120, HEIGHT - 32, 120, 20, (i + 1) + " / " + slides.size(), 9,
          false, MUTED);
      number.getTextParagraphs().get(0).setTextAlign(org.apache.poi.sl.usermodel.TextParagraph.TextAlign.RIGHT);
    }
  }

  private void speakerNotes(XSLFSlide slide, String text) {
    XSLFNotes notesSlide = show.getNotesSlide(slide);
    for (XSLFTextShape shape : notesSlide.getPlaceholders()) {
      if (shape.getTextType() == Placeholder.BODY) {
        shape.clearText();
        XSLFTextParagraph p = shape.addNewTextParagraph();
        runs(p, Text.clean(text.strip()), 12, false, INK);
        return;
      }
    }
    throw new IllegalStateException("the notes master has no body placeholder");
  }

  // ---- shapes ------------------------------------------------------------------------------------

  private XSLFSlide newSlide() {
    XSLFSlide slide = show.createSlide();
    slides.add(slide);
    return slide;
  }

  private static XSLFTextBox box(XSLFSlide slide, double x, double y, double w, double h) {
    XSLFTextBox box = slide.createTextBox();
    box.setAnchor(new Rectangle2D.Double(x, y, w, Math.max(h, 10)));
    box.setWordWrap(true);
    box.setInsets(new Insets2D(2, 4, 2, 4));
    box.clearText();
    return box;
  }

  private static XSLFTextBox text(XSLFSlide slide, double x, double y, double w, double h, String text, double size,
      boolean bold, Color colour) {
    XSLFTextBox box = box(slide, x, y, w, h);
    paragraph(box, text, size, bold, colour);
    return box;
  }

  private static void paragraph(XSLFTextShape shape, String text, double size, boolean bold, Color colour) {
    runs(shape.addNewTextParagraph(), Text.clean(text), size, bold, colour);
  }

  /** {@code text} as runs of {@code p}, with line breaks where the text has newlines. */
  private static void runs(XSLFTextParagraph p, String text, double size, boolean bold, Color colour) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        XSLFTextRun br = p.addLineBreak();
        br.setFontSize(size);
      }
      XSLFTextRun r = p.addNewTextRun();
      r.setText(lines[i]);
      r.setFontSize(size);
      r.setBold(bold);
      r.setFontColor(colour);
    }
  }

  private static void cell(XSLFTableCell cell, String text, @Nullable MetricValue v, boolean header) {
    cell.clearText();
    XSLFTextParagraph p = cell.addNewTextParagraph();
    Color colour = header ? ACCENT : v != null && !v.present() ? MUTED : INK;
    runs(p, Text.clean(text), TABLE_FONT, header, colour);
    if (v != null) {
      String change = change(v);
      if (!change.isEmpty()) {
        runs(cell.addNewTextParagraph(), change, TABLE_FONT - 2, false, colour(v));
      }
    }
    cell.setWordWrap(true);
    cell.setInsets(new Insets2D(3, 5, 3, 5));
    cell.setVerticalAlignment(VerticalAlignment.TOP);
    if (header) {
      cell.setFillColor(HEADER_FILL);
    }
    for (BorderEdge edge : BorderEdge.values()) {
      cell.setBorderColor(edge, RULE);
      cell.setBorderWidth(edge, 0.75);
    }
  }

  // ---- text --------------------------------------------------------------------------------------

  /** Estimated height of a table row whose cells hold {@code texts}, each column {@code colW} wide. */
  private static double rowHeight(List<String> texts, double colW) {
    int max = 1;
    for (String t : texts) {
      max = Math.max(max, lines(t, TABLE_FONT, colW - 10));
    }
    return max * TABLE_FONT * 1.35 + 12;
  }

  private static List<String> texts(List<MetricValue> row) {
    return row.stream().map(v -> {
      String change = change(v);
      return change.isEmpty() ? v.text() : v.text() + "\n" + change;
    }).toList();
  }

  /**
   * The largest size from {@code max} down to {@code min} at which {@code text} fits on one line
   * {@code width} points wide, by glyph widths a little above those of bold Calibri (the deck theme's
   * font; Carlito has the same metrics); {@code min} when none does.
   */
  static double fit(String text, double width, double max, double min) {
    double em = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      em += switch (c) {
        case '.', ',', ':', ';', '/', '|', '\'', '!', 'i', 'l', 'j', 'I', 'f', 't', 'r', '(', ')', '[', ']' -> 0.36;
        case ' ' -> 0.25;
        case '%', 'm', 'w', 'M', 'W', '€', '$' -> 0.85;
        default -> Character.isUpperCase(c) ? 0.66 : 0.56;
      };
    }
    if (em == 0) {
      return max;
    }
    return Math.max(min, Math.min(max, Math.floor(width / em)));
  }

  /** Estimated number of lines {@code text} takes at {@code size} points in a box {@code width} wide. */
  static int lines(String text, double size, double width) {
    double perLine = Math.max(1, Math.floor(width / (size * 0.56)));
    int n = 0;
    for (String line : text.split("\r\n|\r|\n", -1)) {
      n += Math.max(1, (int) Math.ceil(line.length() / perLine));
    }
    return n;
  }

  private String provenanceRef(MetricValue v) {
    Provenance p = v.provenance();
    return p == null ? "" : " [" + notes.get(p) + "]";
  }

  private static String columnName(SectionTable t, int c) {
    String col = t.columns().get(c);
    return t.caption().isBlank() ? col : t.caption() + " / " + col;
  }

  /** "▲ +3 (+25%) vs 5", or empty when the value is not compared. */
  static String change(MetricValue v) {
    if (v.deltaAbsolute() == null) {
      return "";
    }
    return v.trendArrow() + " " + v.deltaText() + " vs " + v.previousText();
  }

  private static Color colour(MetricValue v) {
    Boolean good = v.good();
    return good == null ? INK : good ? GOOD : BAD;
  }

  private String describe(Provenance p) {
    return p.line(this::stamp);
  }

  private String window(TimeWindow w) {
    return stamp(w.start()) + " to " + stamp(w.end());
  }

  private String stamp(Instant t) {
    String zone = doc.zone().normalized().equals(ZoneOffset.UTC) ? "UTC" : doc.zone().getId();
    return STAMP.format(t.atZone(doc.zone())) + " " + zone;
  }

  private static String label(String type) {
    String s = type.replace('_', ' ').trim();
    return s.isEmpty() ? "Section" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
