package io.companyos.export.confluence;

import io.companyos.render.ExecutiveSummary;
import io.companyos.render.Field;
import io.companyos.render.MetricValue;
import io.companyos.render.Mover;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import io.companyos.render.SectionTable;
import io.companyos.scoring.health.HealthStatus;
import io.companyos.scoring.health.StatusBands;
import io.companyos.sources.Provenance;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PackDocument} as Confluence storage format (the XHTML-based body Confluence stores pages
 * in): {@code <h1>} with the pack title, a paragraph with meeting, period, as-of and the "N of M
 * sections available" line, the health status as a status macro, the executive summary in an info
 * macro, then per section an {@code <h2>}, a warning macro with the reason when the section is
 * unavailable, the fields as a list ("label: value [footnote] (Δ delta ▲)"),
 * {@code <table><tbody><tr><th>} tables, list items and the note; then the biggest movers and the
 * provenance footnotes (source, query, window, fetch time, rows) in an expand macro titled
 * "Provenance".
 *
 * <p>Status macros: the pack's health status ({@code Healthy}, {@code Watch}, {@code At risk}) is
 * Green, Yellow or Red with the status and score as title; a health score without a status is coloured
 * by the standard bands (80 and 60); a missing score is Grey "n/a". A value flagged as an anomaly gets a
 * status macro "Anomaly", Red when the change is bad news and Yellow otherwise, and the header counts the
 * anomalies.
 *
 * <p>Text: all text is XML-escaped ({@code & < > " '} become references, carriage returns become
 * {@code &#13;} so they survive parsing). Characters XML 1.0 does not allow (C0 control characters
 * other than tab, line feed and carriage return; unpaired surrogates; U+FFFE and U+FFFF) are replaced
 * with U+FFFD, the replacement character, so the output is always well-formed and a reader can see that
 * something was there. The result is a fragment with several top-level elements, as Confluence expects
 * for a page body; it uses the {@code ac:} prefix without declaring it, like every storage-format body.
 * Deterministic: same document, same string.
 */
public final class ConfluenceStorage {
  /** Separator between the parts of a footnote or a mover. */
  private static final String DOT = " \u00B7 ";
  /** Field keys that hold a composite health score (0-100). */
  private static final java.util.Set<String> HEALTH_SCORES = java.util.Set.of("health_score", "q_start_score", "q_end_score");

  private ConfluenceStorage() {}

  /** The page title: pack title and period label ("Weekly Ops Review - 2026-W47"). */
  public static String title(PackDocument doc) {
    return doc.title() + " - " + doc.period().label();
  }

  /** The storage-format body of {@code doc}, ending with a newline. */
  public static String render(PackDocument doc) {
    Map<Provenance, Integer> notes = doc.footnotes();
    StringBuilder out = new StringBuilder();
    out.append("<h1>").append(escape(doc.title())).append("</h1>\n");
    out.append("<p>");
    if (doc.meeting() != null) {
      out.append("Meeting: ").append(escape(doc.meeting())).append("<br/>");
    }
    out.append("Period: ").append(escape(doc.period().label())).append(", compared with ")
        .append(escape(doc.previousPeriod().label())).append("<br/>");
    out.append("As of: ").append(escape(doc.asOf().toString())).append(" (").append(escape(zone(doc))).append(")<br/>");
    out.append("<strong>").append(escape(doc.availabilityLine())).append("</strong></p>\n");
    header(doc, out);
    ExecutiveSummary summary = doc.summary();
    if (summary != null) {
      out.append("<ac:structured-macro ac:name=\"info\"><ac:parameter ac:name=\"title\">Summary</ac:parameter>")
          .append("<ac:rich-text-body><ul>");
      for (int i = 0; i < summary.lines().size(); i++) {
        Provenance p = summary.source(i);
        Integer fn = p == null ? null : notes.get(p);
        out.append("<li>").append(escape(summary.lines().get(i))).append(fn == null ? "" : " <sup>[" + fn + "]</sup>").append("</li>");
      }
      out.append("</ul></ac:rich-text-body></ac:structured-macro>\n");
    }
    for (PackSection s : doc.sections()) {
      section(s, notes, out);
    }
    if (!doc.movers().isEmpty()) {
      out.append("<h2>What Changed</h2>\n<ul>");
      for (Mover m : doc.movers()) {
        out.append("<li>").append(escape(m.section())).append(DOT).append("<strong>").append(escape(m.label()))
            .append("</strong>: ").append(value(m.value(), notes, true)).append("</li>");
      }
      out.append("</ul>\n");
    }
    if (!notes.isEmpty()) {
      out.append("<ac:structured-macro ac:name=\"expand\"><ac:parameter ac:name=\"title\">Provenance</ac:parameter>")
          .append("<ac:rich-text-body><ol>");
      for (Map.Entry<Provenance, Integer> e : notes.entrySet()) {
        Provenance p = e.getKey();
        out.append("<li>[").append(e.getValue()).append("] ").append(escape(p.line())).append("</li>");
      }
      out.append("</ol></ac:rich-text-body></ac:structured-macro>\n");
    }
    List<PackDocument.Evidence> evidence = doc.evidence();
    if (!evidence.isEmpty()) {
      // The evidence appendix: the records each counted value was computed from.
      out.append("<ac:structured-macro ac:name=\"expand\"><ac:parameter ac:name=\"title\">Evidence</ac:parameter>")
          .append("<ac:rich-text-body><ul>");
      for (PackDocument.Evidence e : evidence) {
        out.append("<li>").append(escape(e.section())).append(DOT).append("<strong>").append(escape(e.label()))
            .append("</strong>: ").append(escape(String.join(", ", e.ids()))).append("</li>");
      }
      out.append("</ul></ac:rich-text-body></ac:structured-macro>\n");
    }
    return out.toString();
  }

  /** The zone as the other renderings write it: "UTC" for UTC, else the zone id. */
  static String zone(PackDocument doc) {
    return doc.zone().normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : doc.zone().getId();
  }

  /** The health status macro and the anomaly count, when the pack has either. */
  private static void header(PackDocument doc, StringBuilder out) {
    String health = null;
    // the executive summary section carries score and status; other packs may have a score only
    List<PackSection> ordered = new java.util.ArrayList<>(doc.sections());
    ordered.sort(java.util.Comparator.comparing(s -> !s.type().equals("executive_summary")));
    for (PackSection s : ordered) {
      Field score = field(s, "health_score");
      if (score == null) {
        score = field(s, "q_end_score");
      }
      if (score != null) {
        Field status = field(s, "health_status");
        health = healthMacro(score.value(), status == null ? null : status.value());
        break;
      }
    }
    long anomalies = doc.sections().stream().flatMap(s -> s.values().stream()).filter(MetricValue::anomaly).count();
    if (health == null && anomalies == 0) {
      return;
    }
    out.append("<p>");
    if (health != null) {
      out.append("<strong>Health:</strong> ").append(health);
    }
    if (anomalies > 0) {
      out.append(health != null ? " " : "").append("<strong>Anomalies:</strong> ")
          .append(statusMacro("Yellow", anomalies + (anomalies == 1 ? " anomaly" : " anomalies")));
    }
    out.append("</p>\n");
  }

  private static @Nullable Field field(PackSection s, String key) {
    return s.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
  }

  /** Colour and title for a health score and, when known, its status word. */
  static String healthMacro(MetricValue score, @Nullable MetricValue status) {
    if (status != null && status.present()) {
      String colour = statusColour(status.text());
      if (colour != null) {
        return statusMacro(colour, status.text() + (score.present() ? " " + score.text() : ""));
      }
    }
    Double v = score.value();
    if (!score.present() || v == null) {
      return statusMacro("Grey", "n/a");
    }
    HealthStatus band = StatusBands.DEFAULT.status(v);
    return statusMacro(colour(band), band.label() + " " + score.text());
  }

  private static String bandMacro(double score) {
    HealthStatus band = StatusBands.DEFAULT.status(score);
    return statusMacro(colour(band), band.label());
  }

  /** Green, Yellow or Red for a health status word; null for any other text. */
  static @Nullable String statusColour(String statusText) {
    for (HealthStatus h : HealthStatus.values()) {
      if (h.label().equalsIgnoreCase(statusText.strip())) {
        return colour(h);
      }
    }
    return null;
  }

  private static String colour(HealthStatus h) {
    return switch (h) {
      case HEALTHY -> "Green";
      case WATCH -> "Yellow";
      case AT_RISK -> "Red";
    };
  }

  /** A status macro ({@code Green}, {@code Yellow}, {@code Red}, {@code Grey}, {@code Blue}...) with an escaped title. */
  public static String statusMacro(String colour, String title) {
    return "<ac:structured-macro ac:name=\"status\"><ac:parameter ac:name=\"colour\">" + escape(colour)
        + "</ac:parameter><ac:parameter ac:name=\"title\">" + escape(title) + "</ac:parameter></ac:structured-macro>";
  }

  private static void section(PackSection s, Map<Provenance, Integer> notes, StringBuilder out) {
    if (!s.title().isEmpty()) {
      out.append("<h2>").append(escape(s.title())).append("</h2>\n");
    }
    String reason = s.unavailableReason();
    if (reason != null) {
      out.append("<ac:structured-macro ac:name=\"warning\"><ac:parameter ac:name=\"title\">Section unavailable</ac:parameter>")
          .append("<ac:rich-text-body><p>").append(escape(reason)).append("</p></ac:rich-text-body></ac:structured-macro>\n");
    }
    if (!s.fields().isEmpty()) {
      out.append("<ul>");
      for (Field f : s.fields()) {
        out.append("<li><strong>").append(escape(f.label())).append("</strong>: ");
        if (f.key().equals("health_status") && f.value().present() && statusColour(f.value().text()) != null) {
          out.append(statusMacro(statusColour(f.value().text()), f.value().text())).append(footnote(f.value(), notes));
        } else if (HEALTH_SCORES.contains(f.key()) && f.value().present() && f.value().value() != null) {
          // the score is already written out: the macro carries the band only
          out.append(value(f.value(), notes, true)).append(' ').append(bandMacro(f.value().value()));
        } else {
          out.append(value(f.value(), notes, true));
        }
        out.append("</li>");
      }
      out.append("</ul>\n");
    }
    for (SectionTable t : s.tables()) {
      table(t, notes, out);
    }
    if (!s.items().isEmpty()) {
      out.append("<ul>");
      for (MetricValue i : s.items()) {
        out.append("<li>").append(value(i, notes, true)).append("</li>");
      }
      out.append("</ul>\n");
    } else if (s.available() && !s.emptyText().isBlank()) {
      out.append("<p>").append(escape(s.emptyText())).append("</p>\n");
    }
    if (!s.note().isEmpty()) {
      out.append("<p><em>").append(escape(s.note())).append("</em></p>\n");
    }
  }

  private static void table(SectionTable t, Map<Provenance, Integer> notes, StringBuilder out) {
    if (!t.caption().isEmpty()) {
      out.append("<p><strong>").append(escape(t.caption())).append("</strong></p>\n");
    }
    if (t.columns().isEmpty()) {
      if (!t.emptyText().isEmpty()) {
        out.append("<p>").append(escape(t.emptyText())).append("</p>\n");
      }
      return;
    }
    out.append("<table><tbody><tr>");
    for (String c : t.columns()) {
      out.append("<th>").append(escape(c)).append("</th>");
    }
    out.append("</tr>");
    for (List<MetricValue> row : t.rows()) {
      out.append("<tr>");
      for (MetricValue v : row) {
        out.append("<td>").append(value(v, notes, false)).append("</td>");
      }
      out.append("</tr>");
    }
    if (t.rows().isEmpty() && !t.emptyText().isEmpty()) {
      out.append("<tr><td colspan=\"").append(t.columns().size()).append("\">").append(escape(t.emptyText())).append("</td></tr>");
    }
    out.append("</tbody></table>\n");
  }

  /** The written value, its footnote, its change (when {@code withDelta}) and an anomaly status macro. */
  private static String value(MetricValue v, Map<Provenance, Integer> notes, boolean withDelta) {
    StringBuilder sb = new StringBuilder(escape(v.text())).append(footnote(v, notes));
    if (withDelta && v.deltaAbsolute() != null) {
      sb.append(" (\u0394 ").append(escape(v.deltaText())).append(' ').append(escape(v.trendArrow())).append(')');
    }
    if (v.anomaly()) {
      sb.append(' ').append(statusMacro(Boolean.FALSE.equals(v.good()) ? "Red" : "Yellow", "Anomaly"));
    }
    return sb.toString();
  }

  private static String footnote(MetricValue v, Map<Provenance, Integer> notes) {
    Integer n = v.provenance() == null ? null : notes.get(v.provenance());
    return n == null ? "" : "<sup>[" + n + "]</sup>";
  }

  /**
   * {@code text} as XML character data, safe in element content and in attribute values:
   * {@code & < > " '} become references, a carriage return becomes {@code &#13;}, and characters XML
   * 1.0 does not allow become U+FFFD (see {@link #sanitize(String)}).
   */
  public static String escape(String text) {
    String s = sanitize(text);
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        case '\r' -> "&#13;";
        default -> null;
      };
      if (rep != null) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        sb.append(rep);
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /**
   * {@code text} with every character XML 1.0 does not allow replaced by U+FFFD: C0 controls other than
   * tab, line feed and carriage return, unpaired surrogates, U+FFFE and U+FFFF. Everything else,
   * including valid surrogate pairs, is kept.
   */
  public static String sanitize(String text) {
    StringBuilder sb = null;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
          || cp >= 0x10000;
      if (!legal) {
        if (sb == null) {
          sb = new StringBuilder(text.length()).append(text, 0, i);
        }
        sb.append('\uFFFD');
      } else if (sb != null) {
        sb.appendCodePoint(cp);
      }
      i += n;
    }
    return sb == null ? text : sb.toString();
  }
}
