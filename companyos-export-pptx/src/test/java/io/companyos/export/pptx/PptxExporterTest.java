package io.companyos.export.pptx;

import io.companyos.render.fixtures.ExportDocs;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.render.Field;
import io.companyos.render.MetricValue;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import io.companyos.render.SectionTable;
import io.companyos.render.export.PackExporter;
import io.companyos.render.export.PackExporters;
import io.companyos.sources.Provenance;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PptxExporterTest {
  private static final PptxExporter EXPORTER = new PptxExporter();
  private static PackDocument trickyDoc;
  private static PackDocument opsDoc;
  private static byte[] tricky;
  private static byte[] ops;

  @BeforeAll
  static void export() throws IOException {
    trickyDoc = ExportDocs.tricky();
    opsDoc = ExportDocs.sample("ops-review");
    tricky = EXPORTER.exportToBytes(trickyDoc);
    ops = EXPORTER.exportToBytes(opsDoc);
    Path dir = Path.of("target", "exports");
    Files.createDirectories(dir);
    Files.write(dir.resolve("tricky.pptx"), tricky);
    Files.write(dir.resolve("ops-review.pptx"), ops);
  }

  private static XMLSlideShow open(byte[] pptx) throws IOException {
    return new XMLSlideShow(new ByteArrayInputStream(pptx));
  }

  /** The first text box's text: the slide's heading (title slide: the pack title). */
  private static String heading(XSLFSlide slide) {
    return slide.getShapes().stream().filter(s -> s instanceof XSLFTextShape).map(s -> ((XSLFTextShape) s).getText())
        .findFirst().orElse("");
  }

  private static String allText(XSLFSlide slide) {
    List<String> out = new ArrayList<>();
    for (XSLFShape s : slide.getShapes()) {
      if (s instanceof XSLFTextShape t) {
        out.add(t.getText());
      } else if (s instanceof XSLFTable t) {
        t.getRows().forEach(r -> r.getCells().forEach(c -> out.add(c.getText())));
      }
    }
    return String.join("\n", out);
  }

  private static String notes(XSLFSlide slide) {
    XSLFNotes n = slide.getNotes();
    assertThat(n).as("notes of slide %d", slide.getSlideNumber()).isNotNull();
    for (XSLFTextShape s : n.getPlaceholders()) {
      if (s.getTextType() == Placeholder.BODY) {
        return s.getText();
      }
    }
    return "";
  }

  /** Slides of section {@code title}: its own slide and the continuation slides after it. */
  private static List<XSLFSlide> sectionSlides(XMLSlideShow show, String title) {
    List<XSLFSlide> out = new ArrayList<>();
    for (XSLFSlide s : show.getSlides()) {
      String h = heading(s);
      if (h.equals(title) || h.equals(title + " (continued)")) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<XSLFTable> tables(XSLFSlide slide) {
    return slide.getShapes().stream().filter(s -> s instanceof XSLFTable).map(s -> (XSLFTable) s).toList();
  }

  @Test
  void isFoundByServiceLoaderWithItsNames() {
    List<PackExporter> found = ServiceLoader.load(PackExporter.class).stream().map(ServiceLoader.Provider::get).toList();
    assertThat(found).anySatisfy(e -> assertThat(e).isInstanceOf(PptxExporter.class));
    assertThat(PackExporters.discover().find("pptx")).get().isInstanceOf(PptxExporter.class);
    assertThat(EXPORTER.fileExtension()).isEqualTo("pptx");
    assertThat(EXPORTER.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.presentationml.presentation");
  }

  @Test
  void titleSlideThenOneSlidePerSectionPlusContinuations() throws IOException {
    for (var pair : List.of(List.of(opsDoc, ops), List.of(trickyDoc, tricky))) {
      PackDocument doc = (PackDocument) pair.get(0);
      try (XMLSlideShow show = open((byte[]) pair.get(1))) {
        List<XSLFSlide> slides = show.getSlides();
        long evidence = slides.stream().filter(s -> heading(s).startsWith("Evidence")).count();
        long continued = slides.stream().filter(s -> heading(s).endsWith(" (continued)") && !heading(s).startsWith("Evidence")).count();
        assertThat(evidence > 0).isEqualTo(!doc.evidence().isEmpty());
        // Each chart of a section has a slide of its own, titled with the chart's title.
        List<String> chartTitles = doc.sections().stream().flatMap(x -> x.charts().stream())
            .map(io.companyos.render.chart.Chart::title).toList();
        assertThat(slides).hasSize(1 + doc.sections().size() + (int) continued + (int) evidence + chartTitles.size());
        String title = allText(slides.get(0));
        assertThat(heading(slides.get(0))).isEqualTo(doc.title());
        assertThat(title).contains(doc.period().label()).contains("As of 2026-11-23 09:00 UTC")
            .contains(doc.availabilityLine());
        if (doc.meeting() != null) {
          assertThat(title).contains("Meeting: " + doc.meeting());
        }
        // Section slides in document order, continuations right after their section; the evidence slides last.
        List<String> headings = slides.stream().skip(1).map(PptxExporterTest::heading)
            .filter(h -> !h.endsWith(" (continued)") && !h.startsWith("Evidence") && !chartTitles.contains(h)).toList();
        assertThat(slides.subList(slides.size() - (int) evidence, slides.size())).allMatch(x -> heading(x).startsWith("Evidence"));
        assertThat(headings).containsExactlyElementsOf(doc.sections().stream().map(PackSection::title).toList());
      }
    }
    assertThat(opsDoc.availabilityLine()).isEqualTo("5 of 5 sections available");
    assertThat(trickyDoc.availabilityLine()).isEqualTo("6 of 7 sections available");
  }

  @Test
  void tableCellsCarryTheDocumentsValueTextAndAHeaderRow() throws IOException {
    try (XMLSlideShow show = open(ops)) {
      int checked = 0;
      for (PackSection s : opsDoc.sections()) {
        List<XSLFTable> onSlides = sectionSlides(show, s.title()).stream().flatMap(sl -> tables(sl).stream()).toList();
        List<SectionTable> docTables = s.tables().stream().filter(t -> !t.rows().isEmpty()).toList();
        if (docTables.isEmpty()) {
          continue;
        }
        XSLFTable table = onSlides.get(onSlides.size() - docTables.size());
        SectionTable expected = docTables.get(0);
        for (int c = 0; c < expected.columns().size(); c++) {
          assertThat(table.getCell(0, c).getText()).isEqualTo(expected.columns().get(c));
        }
        for (int r = 0; r < Math.min(expected.rows().size(), table.getNumberOfRows() - 1); r++) {
          for (int c = 0; c < expected.columns().size(); c++) {
            MetricValue v = expected.rows().get(r).get(c);
            List<XSLFTextParagraph> ps = table.getCell(r + 1, c).getTextParagraphs();
            assertThat(ps.get(0).getText()).as("%s row %d col %d", s.title(), r, c).isEqualTo(v.text());
            if (v.deltaAbsolute() == null) {
              assertThat(table.getCell(r + 1, c).getText()).isEqualTo(v.text());
            } else {
              assertThat(ps.get(1).getText()).contains(v.trendArrow()).contains(v.deltaText());
            }
            checked++;
          }
        }
      }
      assertThat(checked).isGreaterThan(10);
    }
  }

  @Test
  void longTableContinuesOnSlidesWithCappedRowsAndRepeatedHeader() throws IOException {
    try (XMLSlideShow show = open(tricky)) {
      List<XSLFSlide> slides = sectionSlides(show, "Open tickets");
      assertThat(slides.size()).isGreaterThanOrEqualTo(120 / Deck.MAX_ROWS);
      List<String> keys = new ArrayList<>();
      for (XSLFSlide slide : slides) {
        for (XSLFTable t : tables(slide)) {
          assertThat(t.getNumberOfRows() - 1).isBetween(1, Deck.MAX_ROWS);
          assertThat(t.getCell(0, 0).getText()).isEqualTo("Key");
          assertThat(t.getCell(0, 2).getText()).isEqualTo("Age (days)");
          for (int r = 1; r < t.getNumberOfRows(); r++) {
            keys.add(t.getCell(r, 0).getText());
          }
        }
      }
      List<String> expected = new ArrayList<>();
      for (int i = 1; i <= 120; i++) {
        expected.add("OPS-" + i);
      }
      assertThat(keys).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void speakerNotesListProvenanceOfEveryNumberAndTheNote() throws IOException {
    try (XMLSlideShow show = open(tricky)) {
      String finance = notes(sectionSlides(show, trickyDoc.sections().get(0).title()).get(0));
      assertThat(finance).contains("billing-db").contains("SELECT sum(amount) FROM invoices | where paid")
          .contains("window 2026-11-16 00:00 UTC to 2026-11-23 00:00 UTC")
          .contains("Revenue (€): €1,234.50 ± 3").contains("Gross margin: n/a (no cost source configured)")
          .contains("Note: Line one of the note\nLine two | with a pipe <b>not bold</b>");
      for (XSLFSlide slide : sectionSlides(show, "Open tickets")) {
        assertThat(notes(slide)).contains("tickets · status:open project:OPS · window").contains("Tickets by age / Key");
      }
      assertThat(notes(sectionSlides(show, "Security posture").get(0)))
          .contains("This section is unavailable: source timed out after 10 s");
    }
    try (XMLSlideShow show = open(ops)) {
      List<XSLFSlide> slides = show.getSlides();
      for (PackSection s : opsDoc.sections()) {
        String all = sectionSlides(show, s.title()).stream().map(PptxExporterTest::notes).collect(Collectors.joining("\n"));
        for (MetricValue v : s.values()) {
          Provenance p = v.provenance();
          if (p != null) {
            assertThat(all).as(s.title()).contains(p.sourceId()).contains(p.query());
          }
        }
        if (!s.note().isBlank()) {
          assertThat(all).contains(s.note());
        }
      }
      for (XSLFSlide slide : slides.subList(1, slides.size())) {
        assertThat(notes(slide)).isNotBlank();
      }
    }
  }

  @Test
  void headlineNumbersAreLargeAndHistoryGetsASparkline() throws IOException {
    try (XMLSlideShow show = open(tricky)) {
      XSLFSlide finance = sectionSlides(show, trickyDoc.sections().get(0).title()).get(0);
      XSLFTextRun churn = runWithText(finance, "2.5%");
      assertThat(churn.getFontSize()).isGreaterThanOrEqualTo(40.0);
      assertThat(finance.getShapes()).filteredOn(s -> s instanceof XSLFPictureShape).hasSize(1);
      XSLFPictureShape pic = (XSLFPictureShape) finance.getShapes().stream().filter(s -> s instanceof XSLFPictureShape)
          .findFirst().orElseThrow();
      assertThat(pic.getPictureData().getContentType()).isEqualTo("image/png");
      assertThat(allText(finance)).contains("n/a (no cost source configured)").doesNotContain("Gross margin\n0");
      // No history, no picture.
      XSLFSlide extra = sectionSlides(show, "Extra section 4").get(0);
      assertThat(extra.getShapes()).noneMatch(s -> s instanceof XSLFPictureShape);
      assertThat(runWithText(extra, "44").getFontSize()).isGreaterThanOrEqualTo(40.0);
    }
    try (XMLSlideShow show = open(ops)) {
      XSLFSlide dora = sectionSlides(show, "DORA Metrics (WoW)").get(0);
      Field frequency = opsDoc.section("dora_metrics").orElseThrow().fields().get(0);
      assertThat(runWithText(dora, frequency.value().text()).getFontSize()).isGreaterThanOrEqualTo(40.0);
      for (PackSection s : opsDoc.sections()) {
        boolean history = s.fields().stream().limit(Deck.MAX_CARDS).anyMatch(f -> f.value().history().size() >= 2);
        XSLFSlide slide = sectionSlides(show, s.title()).get(0);
        assertThat(slide.getShapes().stream().anyMatch(x -> x instanceof XSLFPictureShape)).as(s.title()).isEqualTo(history);
      }
    }
  }

  private static XSLFTextRun runWithText(XSLFSlide slide, String text) {
    for (XSLFShape s : slide.getShapes()) {
      if (s instanceof XSLFTextShape t) {
        for (XSLFTextParagraph p : t.getTextParagraphs()) {
          for (XSLFTextRun r : p.getTextRuns()) {
            if (r.getRawText().equals(text)) {
              return r;
            }
          }
        }
      }
    }
    throw new AssertionError("no run with text " + text + " on slide " + slide.getSlideNumber());
  }

  @Test
  void markupPipesAndNewlinesAppearLiterally() throws IOException {
    try (XMLSlideShow show = open(tricky)) {
      XSLFSlide title = show.getSlides().get(0);
      assertThat(heading(title)).isEqualTo("Tricky <Pack> & \"Co\" | Δ");
      assertThat(allText(title)).contains("Meeting: Weekly <sync>").contains("Health 78/100 ▲");
      XSLFSlide finance = sectionSlides(show, "Finance <script>alert('x')</script> | Δ").get(0);
      assertThat(allText(finance)).contains("Line one of the note\nLine two | with a pipe <b>not bold</b>")
          .contains("▲ +234.5 (+23.5%) vs 1000").contains("▼ -1.5 pp (-37.5%) vs 4%");
      List<String> cells = new ArrayList<>();
      for (XSLFSlide slide : sectionSlides(show, "Open tickets")) {
        for (XSLFTable t : tables(slide)) {
          t.getRows().forEach(r -> cells.add(r.getCells().get(1).getText()));
        }
      }
      assertThat(cells).contains("<script>alert(1)</script>", "a|b\nc", ExportDocs.LONG_TOKEN);
    }
  }

  @Test
  void unavailableSectionGetsASlideSayingWhy() throws IOException {
    try (XMLSlideShow show = open(tricky)) {
      List<XSLFSlide> slides = sectionSlides(show, "Security posture");
      assertThat(slides).hasSize(1);
      assertThat(allText(slides.get(0))).contains("Section unavailable").contains("n/a (source timed out after 10 s)");
    }
  }

  @Test
  void sameDocumentSameBytesWithFixedPropertiesAndEntryTimes() throws IOException {
    assertThat(EXPORTER.exportToBytes(ExportDocs.tricky())).isEqualTo(tricky);
    assertThat(EXPORTER.exportToBytes(ExportDocs.sample("ops-review"))).isEqualTo(ops);
    try (XMLSlideShow show = open(ops)) {
      var core = show.getProperties().getCoreProperties();
      assertThat(core.getCreator()).isEqualTo("CompanyOS");
      assertThat(core.getCreated().toInstant()).isEqualTo(opsDoc.asOf());
      assertThat(core.getModified().toInstant()).isEqualTo(opsDoc.asOf());
    }
    LocalDateTime asOf = LocalDateTime.ofInstant(opsDoc.asOf(), ZoneOffset.UTC);
    int entries = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ops))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(asOf);
        entries++;
      }
    }
    assertThat(entries).isGreaterThan(10);
  }

  @Test
  void everyBuiltInPackExportsWithShapesInsideTheSlide() throws IOException {
    for (String id : List.of("ops-review", "daily-standup", "security-standup", "product-metrics", "sprint-review",
        "exec-review", "finops-review", "board-pack", "qbr", "quarterly-planning", "tricky")) {
      PackDocument doc = id.equals("tricky") ? trickyDoc : ExportDocs.sample(id);
      try (XMLSlideShow show = open(EXPORTER.exportToBytes(doc))) {
        assertThat(heading(show.getSlides().get(0))).as(id).isEqualTo(doc.title());
        for (XSLFSlide slide : show.getSlides()) {
          for (XSLFShape s : slide.getShapes()) {
            Rectangle2D a = s.getAnchor();
            assertThat(a.getMinX()).as("%s slide %d", id, slide.getSlideNumber()).isGreaterThanOrEqualTo(0);
            assertThat(a.getMinY()).as("%s slide %d", id, slide.getSlideNumber()).isGreaterThanOrEqualTo(0);
            assertThat(a.getMaxX()).as("%s slide %d", id, slide.getSlideNumber()).isLessThanOrEqualTo(Deck.WIDTH);
            assertThat(a.getMaxY()).as("%s slide %d %s", id, slide.getSlideNumber(), s.getShapeName())
                .isLessThanOrEqualTo(Deck.HEIGHT);
          }
        }
        long fields = doc.sections().stream().mapToLong(s -> s.fields().size()).sum();
        assertThat(fields).isNotNegative();
      }
    }
  }

  @Test
  void absentValueIsShownWithItsReasonNeverAsZero() throws IOException {
    PackSection s = new PackSection("x", "Lone section", null, null,
        List.of(new Field("v", "Deploys", MetricValue.absent("deploy source not configured", io.companyos.render.Unit.COUNT))),
        List.of(), List.of(), "", "", null);
    PackDocument d = new PackDocument("one", "One", null, trickyDoc.asOf(), ZoneOffset.UTC, trickyDoc.period(),
        trickyDoc.previousPeriod(), List.of(s), List.of(), null);
    try (XMLSlideShow show = open(EXPORTER.exportToBytes(d))) {
      assertThat(show.getSlides()).hasSize(2);
      String text = allText(show.getSlides().get(1));
      assertThat(text).contains("Deploys").contains("n/a (deploy source not configured)").doesNotContain("\n0\n");
    }
  }

  @Test
  void packWithoutSectionsOrWithAColumnlessTableStillExports() throws IOException {
    PackDocument empty = new PackDocument("empty", "Empty", null, trickyDoc.asOf(), ZoneOffset.UTC, trickyDoc.period(),
        trickyDoc.previousPeriod(), List.of(), List.of(), null);
    try (XMLSlideShow show = open(EXPORTER.exportToBytes(empty))) {
      assertThat(show.getSlides()).hasSize(1);
      assertThat(allText(show.getSlides().get(0))).contains("0 of 0 sections available");
    }
    PackSection odd = new PackSection("odd", "Odd", null, null, List.of(),
        List.of(new SectionTable("No columns", List.of(), List.of(List.of()), "")), List.of(), "", "", null);
    PackDocument d = new PackDocument("odd", "Odd pack", null, trickyDoc.asOf(), ZoneOffset.UTC, trickyDoc.period(),
        trickyDoc.previousPeriod(), List.of(odd), List.of(), null);
    try (XMLSlideShow show = open(EXPORTER.exportToBytes(d))) {
      assertThat(show.getSlides()).hasSize(2);
      assertThat(tables(show.getSlides().get(1))).isEmpty();
    }
  }

  @Test
  void theEvidenceAppendixIsOnItsOwnSlidesAndLongListsSayHowManyMore() throws IOException {
    List<PackDocument.Evidence> evidence = opsDoc.evidence();
    assertThat(evidence).isNotEmpty();
    try (XMLSlideShow show = open(ops)) {
      List<XSLFSlide> slides = show.getSlides().stream().filter(s -> heading(s).startsWith("Evidence")).toList();
      assertThat(slides).isNotEmpty();
      String text = slides.stream().map(PptxExporterTest::allText).reduce("", String::concat);
      assertThat(text).contains(evidence.get(0).label()).contains(evidence.get(0).ids().get(0));
    }
    // 45 ids: the first 40 are shown, and the line says 5 more.
    List<String> ids = java.util.stream.IntStream.rangeClosed(1, 45).mapToObj(i -> "d-" + i).toList();
    String line = Deck.evidenceLine(new PackDocument.Evidence("DORA", "Change Failure Rate", ids));
    assertThat(line).startsWith("DORA · Change Failure Rate: d-1, d-2,").contains("d-40 and 5 more").doesNotContain("d-41");
  }
}
