package io.companyos.export.pdf;

import io.companyos.model.time.TimeWindow;
import io.companyos.render.ExecutiveSummary;
import io.companyos.render.Field;
import io.companyos.render.MetricValue;
import io.companyos.render.Mover;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import io.companyos.render.SectionTable;
import io.companyos.sources.Provenance;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The print layout of a pack as well-formed XHTML for openhtmltopdf: a cover block, an optional table
 * of contents with page numbers, one block per section, what changed and the numbered sources. Every
 * string from the document is escaped; nothing else (no clock, locale or zone) goes in.
 */
final class PrintLayout {
  /** The family name the embedded DejaVu Sans faces are registered under. */
  static final String FONT = "DejaVu Sans";

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final String BARS = "▁▂▃▄▅▆▇█";

  private final PackDocument doc;
  private final PdfOptions options;
  private final Map<Provenance, Integer> notes;
  private final StringBuilder out = new StringBuilder(16_384);

  private PrintLayout(PackDocument doc, PdfOptions options) {
    this.doc = doc;
    this.options = options;
    this.notes = doc.footnotes();
  }

  /** The XHTML of {@code doc}. */
  static String of(PackDocument doc, PdfOptions options) {
    return new PrintLayout(doc, options).build();
  }

  /** Whether {@code doc} gets a table of contents and bookmarks under {@code options}. */
  static boolean hasContents(PackDocument doc, PdfOptions options) {
    return doc.sections().size() > options.contentsAbove();
  }

  private String build() {
    boolean contents = hasContents(doc, options);
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n");
    out.append("<title>").append(Xml.escape(heading())).append("</title>\n");
    out.append("<meta name=\"subject\" content=\"").append(Xml.escape(subject())).append("\"/>\n");
    out.append("<meta name=\"author\" content=\"CompanyOS\"/>\n");
    if (contents) {
      out.append("<bookmarks>\n<bookmark name=\"Contents\" href=\"#contents\"/>\n");
      for (int i = 0; i < doc.sections().size(); i++) {
        out.append("<bookmark name=\"").append(Xml.escape(sectionName(i))).append("\" href=\"#s")
            .append(i + 1).append("\"/>\n");
      }
      if (!doc.movers().isEmpty()) {
        out.append("<bookmark name=\"What changed\" href=\"#what-changed\"/>\n");
      }
      if (!notes.isEmpty()) {
        out.append("<bookmark name=\"Sources\" href=\"#sources\"/>\n");
      }
      if (!doc.evidence().isEmpty()) {
        out.append("<bookmark name=\"Evidence\" href=\"#evidence\"/>\n");
      }
      out.append("</bookmarks>\n");
    }
    out.append("<style>\n").append(css()).append("</style>\n</head>\n<body>\n");
    cover();
    if (contents) {
      contents();
    }
    for (int i = 0; i < doc.sections().size(); i++) {
      section(i, doc.sections().get(i));
    }
    movers();
    sources();
    evidence();
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  private String heading() {
    return doc.title() + " - " + doc.period().label();
  }

  private String subject() {
    return (doc.meeting() == null ? "" : doc.meeting() + " · ") + doc.period().label() + " · as of " + stamp(doc.asOf());
  }

  private String sectionName(int i) {
    PackSection s = doc.sections().get(i);
    return s.title().isBlank() ? label(s.type()) : s.title();
  }

  private String css() {
    String paper = options.paper().css();
    return """
        @page { size: %s; margin: 20mm 16mm 22mm 16mm;
          @top-left { content: "%s"; font-family: '%s'; font-size: 8pt; color: #666; }
          @top-right { content: "%s"; font-family: '%s'; font-size: 8pt; color: #666; }
          @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: '%s'; font-size: 8pt; color: #444; } }
        * { font-family: '%s'; }
        body { font-size: 9.5pt; line-height: 1.35; color: #222; margin: 0; }
        h1 { font-size: 20pt; margin: 0 0 4pt 0; color: #1f3a5f; }
        h2 { font-size: 13pt; margin: 14pt 0 4pt 0; padding-bottom: 2pt; border-bottom: 1pt solid #4a6fa5; color: #1f3a5f; page-break-after: avoid; }
        h3 { font-size: 10.5pt; margin: 8pt 0 3pt 0; page-break-after: avoid; }
        p { margin: 3pt 0; }
        .meta { color: #444; }
        .summary { border-left: 3pt solid #4a6fa5; padding: 2pt 0 2pt 8pt; margin: 8pt 0; }
        .summary ul { margin: 2pt 0; padding-left: 14pt; }
        #contents ul { list-style: none; padding: 0; margin: 4pt 0; }
        #contents li { margin: 2pt 0; }
        #contents a { color: #222; text-decoration: none; }
        #contents a::after { content: leader('.') target-counter(attr(href), page); }
        .window { color: #555; font-size: 8.5pt; }
        table { width: 100%%; table-layout: fixed; border-collapse: collapse; margin: 4pt 0 6pt 0; -fs-table-paginate: paginate; }
        thead { display: table-header-group; }
        tr { page-break-inside: avoid; }
        th, td { border: 0.5pt solid #bbb; padding: 2pt 4pt; text-align: left; vertical-align: top; word-wrap: break-word; white-space: pre-line; }
        th { background-color: #e8edf4; font-weight: bold; }
        .absent { color: #666; font-style: italic; }
        .good { color: #2e7d32; }
        .bad { color: #c62828; }
        .anomaly { font-weight: bold; color: #c62828; }
        .unavailable { color: #c62828; font-weight: bold; }
        .empty { color: #555; }
        .note { color: #333; border-left: 2pt solid #ccc; padding-left: 6pt; white-space: pre-line; page-break-inside: avoid; }
        .nb { white-space: nowrap; }
        .spark { color: #4a6fa5; letter-spacing: 0; }
        .fn { font-size: 6.5pt; vertical-align: super; color: #4a6fa5; }
        ol.sources { font-size: 8pt; color: #444; padding-left: 18pt; }
        ol.sources li, ul.sources li { word-wrap: break-word; }
        ul.sources { font-size: 8pt; color: #444; padding-left: 18pt; }
        ul { padding-left: 14pt; margin: 3pt 0; }
        .chart { page-break-inside: avoid; margin: 6pt 0; }
        .chart object { display: block; }
        .chart-alt { font-size: 8pt; color: #444; }
        table.chart-data { font-size: 8pt; }
        """.formatted(paper, Xml.cssString(doc.title()), FONT, Xml.cssString(doc.period().label()), FONT, FONT, FONT);
  }

  private void cover() {
    out.append("<div class=\"cover\">\n<h1>").append(Xml.escape(heading())).append("</h1>\n");
    if (doc.meeting() != null) {
      out.append("<p class=\"meta\">Meeting: ").append(Xml.escape(doc.meeting())).append("</p>\n");
    }
    out.append("<p class=\"meta\">Period: ").append(Xml.escape(doc.period().label())).append(" (")
        .append(doc.period().start()).append(" to ").append(doc.period().end()).append("), compared with ")
        .append(Xml.escape(doc.previousPeriod().label())).append("</p>\n");
    out.append("<p class=\"meta\">As of ").append(Xml.escape(stamp(doc.asOf()))).append(" · ")
        .append(Xml.escape(doc.availabilityLine())).append("</p>\n");
    ExecutiveSummary summary = doc.summary();
    if (summary != null) {
      out.append("<div class=\"summary\"><strong>Summary</strong>\n<ul>\n");
      for (int i = 0; i < summary.lines().size(); i++) {
        out.append("<li>").append(Xml.escape(summary.lines().get(i)));
        Provenance p = summary.source(i);
        Integer n = p == null ? null : notes.get(p);
        if (n != null) {
          out.append("<span class=\"fn\">[").append(n).append("]</span>");
        }
        out.append("</li>\n");
      }
      out.append("</ul>\n</div>\n");
    }
    out.append("</div>\n");
  }

  private void contents() {
    out.append("<div id=\"contents\">\n<h2>Contents</h2>\n<ul>\n");
    for (int i = 0; i < doc.sections().size(); i++) {
      PackSection s = doc.sections().get(i);
      out.append("<li><a href=\"#s").append(i + 1).append("\">").append(i + 1).append(". ")
          .append(Xml.escape(sectionName(i)));
      if (!s.available()) {
        out.append(" (unavailable)");
      }
      out.append("</a></li>\n");
    }
    if (!doc.movers().isEmpty()) {
      out.append("<li><a href=\"#what-changed\">What changed</a></li>\n");
    }
    if (!notes.isEmpty()) {
      out.append("<li><a href=\"#sources\">Sources</a></li>\n");
    }
    if (!doc.evidence().isEmpty()) {
      out.append("<li><a href=\"#evidence\">Evidence</a></li>\n");
    }
    out.append("</ul>\n</div>\n");
  }

  private void section(int index, PackSection s) {
    out.append("<div class=\"section\" id=\"s").append(index + 1).append("\">\n<h2>")
        .append(Xml.escape(sectionName(index))).append("</h2>\n");
    TimeWindow w = s.window();
    if (w != null) {
      out.append("<p class=\"window\">Window ").append(windowMarkup(w));
      TimeWindow pw = s.previousWindow();
      if (pw != null) {
        out.append(", compared with ").append(windowMarkup(pw));
      }
      out.append("</p>\n");
    }
    if (!s.available()) {
      out.append("<p class=\"unavailable\">Section unavailable: n/a (")
          .append(Xml.escape(String.valueOf(s.unavailableReason()))).append(")</p>\n");
    }
    if (!s.fields().isEmpty()) {
      fields(s.fields());
    }
    for (SectionTable t : s.tables()) {
      table(t);
    }
    if (!s.items().isEmpty()) {
      out.append("<ul>\n");
      for (MetricValue v : s.items()) {
        out.append("<li>");
        value(v);
        String change = change(v);
        if (!change.isEmpty()) {
          out.append(" <span class=\"").append(judgement(v)).append("\">(").append(Xml.escape(change)).append(")</span>");
        }
        out.append("</li>\n");
      }
      out.append("</ul>\n");
    } else if (s.available() && !s.emptyText().isBlank()) {
      out.append("<p class=\"empty\">").append(Xml.escape(s.emptyText())).append("</p>\n");
    }
    ChartFigure.markup(out, index, s);
    if (!s.note().isBlank()) {
      out.append("<p class=\"note\">").append(Xml.escape(s.note())).append("</p>\n");
    }
    out.append("</div>\n");
  }

  private void fields(List<Field> fields) {
    boolean history = fields.stream().anyMatch(f -> f.value().history().size() >= 2);
    out.append("<table class=\"fields\">\n<thead><tr><th style=\"width: 34%\">Measure</th><th style=\"width: ")
        .append(history ? "22%" : "30%").append("\">Value</th><th>Change (Δ) vs previous</th>");
    if (history) {
      out.append("<th style=\"width: 16%\">Trend</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (Field f : fields) {
      MetricValue v = f.value();
      out.append("<tr><td>").append(Xml.escape(f.label())).append("</td><td>");
      value(v);
      out.append("</td><td class=\"").append(judgement(v)).append("\">").append(Xml.escape(change(v))).append("</td>");
      if (history) {
        out.append("<td class=\"spark\">").append(Xml.escape(sparkline(v.history()))).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  private void table(SectionTable t) {
    if (!t.caption().isBlank()) {
      out.append("<h3>").append(Xml.escape(t.caption())).append("</h3>\n");
    }
    if (t.rows().isEmpty() || t.columns().isEmpty()) {
      if (t.rows().isEmpty() && !t.emptyText().isBlank()) {
        out.append("<p class=\"empty\">").append(Xml.escape(t.emptyText())).append("</p>\n");
      }
      return;
    }
    out.append("<table class=\"data\">\n<thead><tr>");
    for (String c : t.columns()) {
      out.append("<th>").append(Xml.escape(c)).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (List<MetricValue> row : t.rows()) {
      out.append("<tr>");
      for (MetricValue v : row) {
        out.append("<td>");
        value(v);
        String change = change(v);
        if (!change.isEmpty()) {
          out.append(" <span class=\"").append(judgement(v)).append("\">(").append(Xml.escape(change)).append(")</span>");
        }
        out.append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  private void value(MetricValue v) {
    String cls = v.present() ? "value" : "value absent";
    if (v.anomaly()) {
      cls += " anomaly";
    }
    out.append("<span class=\"").append(cls).append("\">").append(Xml.escape(v.text())).append("</span>");
    Provenance p = v.provenance();
    Integer n = p == null ? null : notes.get(p);
    if (n != null) {
      out.append("<span class=\"fn\">[").append(n).append("]</span>");
    }
    if (v.anomaly()) {
      out.append(" <span class=\"anomaly\">⚠ anomaly</span>");
    }
  }

  /** "▲ +3 (+25%) vs 5", or empty when the value is not compared. */
  private static String change(MetricValue v) {
    if (v.deltaAbsolute() == null) {
      return "";
    }
    return v.trendArrow() + " " + v.deltaText() + " vs " + v.previousText();
  }

  private static String judgement(MetricValue v) {
    Boolean good = v.good();
    return good == null ? "change" : good ? "change good" : "change bad";
  }

  private void movers() {
    if (doc.movers().isEmpty()) {
      return;
    }
    out.append("<div class=\"section\" id=\"what-changed\">\n<h2>What changed</h2>\n<ul>\n");
    for (Mover m : doc.movers()) {
      out.append("<li>").append(Xml.escape(m.section())).append(" · ").append(Xml.escape(m.label())).append(": ");
      value(m.value());
      String change = change(m.value());
      if (!change.isEmpty()) {
        out.append(" <span class=\"").append(judgement(m.value())).append("\">(").append(Xml.escape(change)).append(")</span>");
      }
      out.append("</li>\n");
    }
    out.append("</ul>\n</div>\n");
  }

  private void sources() {
    if (notes.isEmpty()) {
      return;
    }
    out.append("<div class=\"section\" id=\"sources\">\n<h2>Sources</h2>\n<ol class=\"sources\">\n");
    notes.forEach((p, n) -> out.append("<li>").append(Xml.escape(p.line(this::stamp))).append("</li>\n"));
    out.append("</ol>\n</div>\n");
  }

  /** The evidence appendix: the records each counted value was computed from ({@link PackDocument#evidence()}). */
  private void evidence() {
    List<PackDocument.Evidence> entries = doc.evidence();
    if (entries.isEmpty()) {
      return;
    }
    out.append("<div class=\"section\" id=\"evidence\">\n<h2>Evidence</h2>\n<ul class=\"sources\">\n");
    for (PackDocument.Evidence e : entries) {
      out.append("<li>").append(Xml.escape(e.section() + " · " + e.label() + ": " + String.join(", ", e.ids()))).append("</li>\n");
    }
    out.append("</ul>\n</div>\n");
  }

  /** The window with each instant kept on one line. */
  private String windowMarkup(TimeWindow w) {
    return "<span class=\"nb\">" + Xml.escape(stamp(w.start())) + "</span> to <span class=\"nb\">"
        + Xml.escape(stamp(w.end())) + "</span>";
  }

  private String window(TimeWindow w) {
    return stamp(w.start()) + " to " + stamp(w.end());
  }

  private String stamp(Instant t) {
    ZoneId zone = doc.zone();
    String id = zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
    return STAMP.format(t.atZone(zone)) + " " + id;
  }

  /** {@code incident_summary} as "Incident summary", for sections without a heading. */
  private static String label(String type) {
    String s = type.replace('_', ' ').trim();
    return s.isEmpty() ? "Section" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** {@code history} as a row of block characters, lowest value ▁ and highest █; empty under two points. */
  static String sparkline(List<Double> history) {
    if (history.size() < 2) {
      return "";
    }
    double min = history.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = history.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    StringBuilder sb = new StringBuilder();
    for (double h : history) {
      int level = max == min ? 3 : (int) Math.round((h - min) / (max - min) * (BARS.length() - 1));
      sb.append(BARS.charAt(level));
    }
    return sb.toString();
  }
}
