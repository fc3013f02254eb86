package io.companyos.export.confluence;

import io.companyos.render.fixtures.ExportSamples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.companyos.render.Field;
import io.companyos.render.MetricValue;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import io.companyos.render.SectionTable;
import io.companyos.render.Unit;
import io.companyos.scoring.Direction;
import io.companyos.sources.Provenance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Storage format against a namespace-aware XML parser: structure, macros, escaping. */
class ConfluenceStorageTest {

  @Test
  void opsReviewHasHeadingsTablesAndProvenanceInAnExpandMacro() throws Exception {
    PackDocument doc = ExportSamples.pack("ops-review");
    Document x = Xml.parse(ConfluenceStorage.render(doc));

    assertThat(Xml.all(x, "h1")).singleElement().satisfies(h -> assertThat(h.getTextContent()).isEqualTo(doc.title()));
    String header = Xml.all(x, "p").get(0).getTextContent();
    assertThat(header).contains(doc.availabilityLine(), doc.period().label(), doc.asOf().toString(), "Meeting: " + doc.meeting());
    List<String> h2 = Xml.all(x, "h2").stream().map(Element::getTextContent).toList();
    assertThat(h2).containsSubsequence(doc.sections().stream().map(PackSection::title).filter(t -> !t.isEmpty()).toList());

    List<SectionTable> tables = doc.sections().stream().flatMap(s -> s.tables().stream()).toList();
    List<Element> xt = Xml.all(x, "table");
    assertThat(xt).hasSize(tables.size());
    for (int i = 0; i < tables.size(); i++) {
      SectionTable t = tables.get(i);
      Element tbody = Xml.children(xt.get(i), "tbody").get(0);
      List<Element> rows = Xml.children(tbody, "tr");
      assertThat(Xml.children(rows.get(0), "th").stream().map(Element::getTextContent).toList()).isEqualTo(t.columns());
      assertThat(rows).hasSize(1 + Math.max(t.rows().size(), t.emptyText().isEmpty() ? 0 : 1));
      for (int r = 0; r < t.rows().size(); r++) {
        List<Element> cells = Xml.children(rows.get(r + 1), "td");
        assertThat(cells).hasSize(t.columns().size());
        for (int c = 0; c < cells.size(); c++) {
          assertThat(cells.get(c).getTextContent()).startsWith(t.rows().get(r).get(c).text());
        }
      }
    }

    // Two expand macros: the provenance footnotes, then the evidence appendix.
    List<Element> expand = Xml.macros(x.getDocumentElement(), "expand");
    assertThat(expand).hasSize(2);
    assertThat(Xml.parameter(expand.get(0), "title")).isEqualTo("Provenance");
    assertThat(Xml.parameter(expand.get(1), "title")).isEqualTo("Evidence");
    assertThat(Xml.list(Xml.body(expand.get(1)).getElementsByTagName("li"))).hasSize(doc.evidence().size());
    List<Element> items = Xml.list(Xml.body(expand.get(0)).getElementsByTagName("li"));
    assertThat(items).hasSize(doc.footnotes().size());
    int n = 1;
    for (Provenance p : doc.footnotes().keySet()) {
      assertThat(items.get(n - 1).getTextContent()).startsWith("[" + n + "] " + p.sourceId()).contains(p.query(),
          p.window().start().toString(), p.window().end().toString());
      n++;
    }
  }

  @Test
  void everySamplePackIsWellFormedStorage() throws Exception {
    for (String id : ExportSamples.packIds()) {
      PackDocument doc = ExportSamples.pack(id);
      String s = ConfluenceStorage.render(doc);
      Xml.parse(s);
      assertThat(s).as(id).endsWith("\n").doesNotContain("\r");
    }
  }

  @Test
  void healthStatusBecomesAColouredStatusMacro() throws Exception {
    PackDocument doc = ExportSamples.pack("exec-review");
    Field status = doc.section("executive_summary").orElseThrow().fields().stream()
        .filter(f -> f.key().equals("health_status")).findFirst().orElseThrow();
    Field score = doc.section("executive_summary").orElseThrow().fields().stream()
        .filter(f -> f.key().equals("health_score")).findFirst().orElseThrow();
    Map<String, String> colours = Map.of("Healthy", "Green", "Watch", "Yellow", "At risk", "Red");
    Document x = Xml.parse(ConfluenceStorage.render(doc));
    List<Element> macros = Xml.macros(x.getDocumentElement(), "status");
    // the header's macro comes first: the status word and the score
    assertThat(Xml.parameter(macros.get(0), "colour")).isEqualTo(colours.get(status.value().text()));
    assertThat(Xml.parameter(macros.get(0), "title")).isEqualTo(status.value().text() + " " + score.value().text());
    assertThat(macros.stream().map(m -> Xml.parameter(m, "title"))).contains(status.value().text());
  }

  @Test
  void scoreBandsAndMissingScores() {
    MetricValue p = MetricValue.of(85, Unit.SCORE, "85/100", ExportSamples.provenance("q"));
    assertThat(ConfluenceStorage.healthMacro(p, null)).contains(">Green<", ">Healthy 85/100<");
    assertThat(ConfluenceStorage.healthMacro(MetricValue.of(60, Unit.SCORE, "60/100", null), null)).contains(">Yellow<", ">Watch 60/100<");
    assertThat(ConfluenceStorage.healthMacro(MetricValue.of(59, Unit.SCORE, "59/100", null), null)).contains(">Red<", ">At risk 59/100<");
    assertThat(ConfluenceStorage.healthMacro(MetricValue.absent("no dimension has data", Unit.SCORE),
        MetricValue.absent("no dimension has data", Unit.TEXT))).contains(">Grey<", ">n/a<");
    // an explicit status wins over the bands
    assertThat(ConfluenceStorage.healthMacro(p, MetricValue.text("At risk", null))).contains(">Red<", ">At risk 85/100<");
  }

  @Test
  void unavailableSectionsAreWarningsAndAnomaliesAreFlagged() throws Exception {
    MetricValue worse = MetricValue.of(12, Unit.COUNT, ExportSamples.provenance("q")).comparedWith(3.0, Direction.LOWER_IS_BETTER).flaggedAnomaly();
    MetricValue neutral = MetricValue.of(5, Unit.COUNT, ExportSamples.provenance("q")).flaggedAnomaly();
    PackDocument doc = ExportSamples.doc("T", List.of(
        PackSection.unavailable("incident_summary", "Incidents", "timed out after 20000 ms waiting for its source"),
        ExportSamples.fields("Deploys", List.of(new Field("a", "Failures", worse), new Field("b", "Deploys", neutral),
            new Field("c", "Cost", MetricValue.absent("no billing source configured", Unit.USD))))));
    Document x = Xml.parse(ConfluenceStorage.render(doc));
    List<Element> warnings = Xml.macros(x.getDocumentElement(), "warning");
    assertThat(warnings).hasSize(1);
    assertThat(Xml.parameter(warnings.get(0), "title")).isEqualTo("Section unavailable");
    assertThat(Xml.body(warnings.get(0)).getTextContent()).isEqualTo("timed out after 20000 ms waiting for its source");

    List<Element> status = Xml.macros(x.getDocumentElement(), "status");
    assertThat(status.stream().map(m -> Xml.parameter(m, "colour") + ":" + Xml.parameter(m, "title")))
        .containsExactly("Yellow:2 anomalies", "Red:Anomaly", "Yellow:Anomaly");
    List<String> li = Xml.all(x, "li").stream().map(Element::getTextContent).toList();
    assertThat(li).anyMatch(t -> t.startsWith("Failures: 12[1] (\u0394 +9 (+300%) \u25B2)"));
    assertThat(li).contains("Cost: n/a (no billing source configured)");
    assertThat(Xml.all(x, "p").get(0).getTextContent()).contains("1 of 2 sections available");
  }

  @Test
  void escapingKnownCases() {
    assertThat(ConfluenceStorage.escape("a<b&c]]>d\"e'f")).isEqualTo("a&lt;b&amp;c]]&gt;d&quot;e&#39;f");
    assertThat(ConfluenceStorage.escape("x\u0000y\u0007z\u001Fw")).isEqualTo("x\uFFFDy\uFFFDz\uFFFDw");
    assertThat(ConfluenceStorage.escape("tab\tnl\ncr\r")).isEqualTo("tab\tnl\ncr&#13;");
    assertThat(ConfluenceStorage.escape("lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00, \uFFFE\uFFFF"))
        .isEqualTo("lone \uFFFD high, lone \uFFFD low, pair \uD83D\uDE00, \uFFFD\uFFFD");
    assertThat(ConfluenceStorage.escape("plain")).isSameAs("plain".intern()).isEqualTo("plain");
  }

  /** Any code point, control characters and lone surrogates included. */
  private static final Gen<String> ANY = strings().allPossible().ofLengthBetween(0, 40);
  /** Markup-heavy text: fragments that break naive XML writers. */
  private static final Gen<String> NASTY = lists().of(integers().between(0, 11)).ofSizeBetween(0, 30).map(l -> {
    String[] parts = {"<", "&", "]]>", "\u0000", "\u001B", "\r\n", "\"", "'", "<![CDATA[", "&amp;", "\uD800", "</ac:rich-text-body>"};
    StringBuilder sb = new StringBuilder();
    l.forEach(i -> sb.append(parts[i]).append('x'));
    return sb.toString();
  });

  @Test
  void arbitraryTextNeverBreaksWellFormedness() {
    qt().withExamples(300).forAll(ANY, NASTY).checkAssert((a, b) -> {
      for (String s : List.of(a, b, a + b)) {
        PackDocument doc = docWith(s);
        String storage = ConfluenceStorage.render(doc);
        Document x;
        try {
          x = Xml.parse(storage);
        } catch (Exception e) {
          throw new AssertionError("not well-formed for input " + codePoints(s) + ": " + e.getMessage(), e);
        }
        // text survives exactly, apart from the documented replacement of XML-illegal characters
        assertThat(Xml.all(x, "h1").get(0).getTextContent()).isEqualTo(ConfluenceStorage.sanitize(s));
        assertThat(Xml.all(x, "th").get(0).getTextContent()).isEqualTo(ConfluenceStorage.sanitize(s));
        assertThat(Xml.body(Xml.macros(x.getDocumentElement(), "warning").get(0)).getTextContent())
            .isEqualTo(ConfluenceStorage.sanitize(s));
        assertThat(Xml.body(Xml.macros(x.getDocumentElement(), "info").get(0)).getTextContent())
            .isEqualTo(ConfluenceStorage.sanitize(s).repeat(4));
      }
    });
  }

  @Test
  void sanitizeKeepsLegalTextUnchanged() {
    qt().withExamples(500).forAll(strings().allPossible().ofLengthBetween(0, 60)).checkAssert(s -> {
      String t = ConfluenceStorage.sanitize(s);
      assertThat(t.length()).isEqualTo(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean pairPart = Character.isSurrogate(c) && (Character.isHighSurrogate(c)
            ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
            : i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
        boolean legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || pairPart;
        assertThat(t.charAt(i)).isEqualTo(legal ? c : '\uFFFD');
      }
    });
  }

  /** A document with {@code s} in every place text can go. */
  private static PackDocument docWith(String s) {
    Provenance p = new Provenance(s, s, ExportSamples.WINDOW, ExportSamples.AS_OF, 1);
    MetricValue v = MetricValue.text(s, p).flaggedAnomaly();
    SectionTable t = new SectionTable(s, List.of(s, "b"), List.of(List.of(v, MetricValue.label(s))), s);
    PackSection ok = new PackSection(s, s, ExportSamples.WINDOW, null,
        List.of(new Field("health_score", s, MetricValue.of(50, Unit.SCORE, "50/100", p)), new Field("health_status", "Status", MetricValue.text(s, p)),
            new Field("k", s, v)),
        List.of(t), List.of(v), s, s, null);
    return new PackDocument("p", s, s, ExportSamples.AS_OF, java.time.ZoneOffset.UTC, ExportSamples.WEEK, ExportSamples.WEEK.previous(),
        List.of(new PackSection("executive_summary", ok.title(), ok.window(), null, ok.fields(), ok.tables(), ok.items(),
            s, s, null), PackSection.unavailable(s, s, s)),
        List.of(new io.companyos.render.Mover(s, s, v)), new io.companyos.render.ExecutiveSummary(s, s, s, s));
  }

  private static String codePoints(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(c -> sb.append(String.format("U+%04X ", c)));
    return sb.toString();
  }

  @Test
  void theEvidenceAppendixIsAnExpandOfTheCountedRecordsAndSummaryLinesCarryFootnotes() throws Exception {
    io.companyos.render.PackDocument ops = io.companyos.render.fixtures.ExportDocs.sample("ops-review");
    String storage = ConfluenceStorage.render(ops);
    io.companyos.render.PackDocument.Evidence first = ops.evidence().get(0);
    int at = storage.indexOf("<ac:parameter ac:name=\"title\">Evidence</ac:parameter>");
    assertThat(at).isPositive();
    assertThat(storage.substring(at)).contains(first.ids().get(0));
    io.companyos.render.PackDocument exec = io.companyos.render.fixtures.ExportDocs.sample("exec-review");
    Integer n = exec.footnotes().get(exec.summary().headlineSource());
    assertThat(n).isEqualTo(1);
    assertThat(ConfluenceStorage.render(exec)).containsPattern("<li>Health score [^<]*<sup>\\[1\\]</sup></li>");
  }
}
