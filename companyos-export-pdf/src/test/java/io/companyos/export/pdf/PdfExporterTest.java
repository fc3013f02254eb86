package io.companyos.export.pdf;

import io.companyos.render.fixtures.ExportDocs;
import static org.assertj.core.api.Assertions.assertThat;

import com.openhtmltopdf.util.XRLog;
import io.companyos.render.Field;
import io.companyos.render.MetricValue;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import io.companyos.render.export.PackExporter;
import io.companyos.render.export.PackExporters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfExporterTest {
  private static final PdfExporter EXPORTER = new PdfExporter();
  private static byte[] tricky;
  private static byte[] ops;
  private static PackDocument opsDoc;

  @BeforeAll
  static void export() throws IOException {
    // openhtmltopdf reports every font load and timing to java.util.logging; not needed here.
    XRLog.setLoggingEnabled(false);
    tricky = EXPORTER.exportToBytes(ExportDocs.tricky());
    opsDoc = ExportDocs.sample("ops-review");
    ops = EXPORTER.exportToBytes(opsDoc);
    Path dir = Path.of("target", "exports");
    Files.createDirectories(dir);
    Files.write(dir.resolve("tricky.pdf"), tricky);
    Files.write(dir.resolve("ops-review.pdf"), ops);
  }

  /** The PDF's text with runs of white space (line wraps inside table cells) as one space. */
  private static String text(byte[] pdf) throws IOException {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
    }
  }

  @Test
  void isFoundByServiceLoaderWithItsNames() {
    List<PackExporter> found = ServiceLoader.load(PackExporter.class).stream().map(ServiceLoader.Provider::get).toList();
    assertThat(found).anySatisfy(e -> assertThat(e).isInstanceOf(PdfExporter.class));
    assertThat(PackExporters.discover().find("pdf")).get().isInstanceOf(PdfExporter.class);
    assertThat(EXPORTER.format()).isEqualTo("pdf");
    assertThat(EXPORTER.fileExtension()).isEqualTo("pdf");
    assertThat(EXPORTER.mediaType()).isEqualTo("application/pdf");
  }

  @Test
  void realPackShowsTitleSectionsNumbersAndAvailability() throws IOException {
    String text = text(ops);
    assertThat(text).contains("Weekly Ops Review").contains(opsDoc.period().label()).contains(opsDoc.availabilityLine());
    for (PackSection s : opsDoc.sections()) {
      if (!s.title().isBlank()) {
        assertThat(text).contains(s.title());
      }
    }
    // A number of the document, as the document writes it.
    Field first = opsDoc.sections().stream().filter(PackSection::available).flatMap(s -> s.fields().stream())
        .filter(f -> f.value().value() != null).findFirst().orElseThrow();
    assertThat(text).contains(first.label()).contains(first.value().text());
  }

  @Test
  void trickyPackKeepsTextGlyphsAndAbsentValues() throws IOException {
    String text = text(tricky);
    assertThat(text).contains("Tricky <Pack> & \"Co\" | Δ").contains("Weekly <sync>")
        .contains("Finance <script>alert('x')</script> | Δ")
        .contains("€1,234.50 ± 3")
        .contains("n/a (no cost source configured)")
        .contains("Section unavailable: n/a (source timed out after 10 s)")
        .contains("▲").contains("▼").contains("Δ")
        .contains("<script>alert(1)</script>")
        .contains("Line one of the note Line two | with a pipe <b>not bold</b>")
        .contains("billing-db · SELECT sum(amount) FROM invoices | where paid");
    // The unbreakable cell is wrapped, not cut: every character is still in the text.
    assertThat(text.replace(" ", "")).contains(ExportDocs.LONG_TOKEN);
  }

  @Test
  void longPackHasPagesPageNumbersContentsAndBookmarks() throws IOException {
    try (PDDocument d = Loader.loadPDF(tricky)) {
      int pages = d.getNumberOfPages();
      assertThat(pages).isGreaterThanOrEqualTo(2);
      String text = new PDFTextStripper().getText(d);
      assertThat(text).contains("Page 1 of " + pages).contains("Page " + pages + " of " + pages);
      assertThat(text).contains("Contents");
      // Contents entries carry the page their section starts on.
      PDFTextStripper firstPages = new PDFTextStripper();
      firstPages.setStartPage(1);
      firstPages.setEndPage(1);
      String page1 = firstPages.getText(d);
      assertThat(page1).containsPattern("3\\. Security posture \\(unavailable\\)[ .]*\\d+");
      List<String> outline = new ArrayList<>();
      for (PDOutlineItem item : d.getDocumentCatalog().getDocumentOutline().children()) {
        outline.add(item.getTitle());
      }
      assertThat(outline).containsSubsequence("Contents", "Finance <script>alert('x')</script> | Δ",
          "Open tickets", "Security posture", "What changed", "Sources");
    }
  }

  @Test
  void tableHeaderRepeatsOnEveryPageTheTableSpans() throws IOException {
    try (PDDocument d = Loader.loadPDF(tricky)) {
      int withRows = 0;
      for (int p = 1; p <= d.getNumberOfPages(); p++) {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(p);
        s.setEndPage(p);
        String page = s.getText(d);
        if (page.contains("Ticket title ")) {
          withRows++;
          assertThat(page).as("page %d", p).contains("Key").contains("Age (days)");
        }
      }
      assertThat(withRows).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void shortPackHasNoContents() throws IOException {
    PackDocument full = ExportDocs.tricky();
    PackDocument small = new PackDocument(full.packId(), full.title(), full.meeting(), full.asOf(), ZoneOffset.UTC,
        full.period(), full.previousPeriod(), full.sections().subList(0, 3), List.of(), null);
    try (PDDocument d = Loader.loadPDF(EXPORTER.exportToBytes(small))) {
      assertThat(new PDFTextStripper().getText(d)).doesNotContain("Contents");
      assertThat(d.getDocumentCatalog().getDocumentOutline()).isNull();
    }
  }

  @Test
  void everyFontIsEmbedded() throws IOException {
    try (PDDocument d = Loader.loadPDF(tricky)) {
      List<String> names = new ArrayList<>();
      for (PDPage page : d.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
          names.add(font.getName());
        }
      }
      assertThat(names).isNotEmpty().allMatch(n -> n.contains("DejaVuSans"));
    }
  }

  @Test
  void sameDocumentSameBytesAndMetadataFromTheAsOf() throws IOException {
    assertThat(EXPORTER.exportToBytes(ExportDocs.tricky())).isEqualTo(tricky);
    assertThat(EXPORTER.exportToBytes(ExportDocs.sample("ops-review"))).isEqualTo(ops);
    try (PDDocument d = Loader.loadPDF(ops)) {
      var info = d.getDocumentInformation();
      assertThat(info.getProducer()).isEqualTo("CompanyOS");
      assertThat(info.getCreationDate().toInstant()).isEqualTo(opsDoc.asOf());
      assertThat(info.getModificationDate().toInstant()).isEqualTo(opsDoc.asOf());
      assertThat(info.getTitle()).contains("Weekly Ops Review");
      assertThat(d.getDocument().getDocumentID()).isNotNull();
    }
  }

  @Test
  void everyBuiltInPackExports() throws IOException {
    for (String id : List.of("daily-standup", "security-standup", "product-metrics", "sprint-review", "exec-review",
        "finops-review", "board-pack", "qbr", "quarterly-planning")) {
      PackDocument doc = ExportDocs.sample(id);
      byte[] pdf = EXPORTER.exportToBytes(doc);
      String text = text(pdf);
      assertThat(text).as(id).contains(doc.title()).contains(doc.availabilityLine());
      String missing = doc.sections().stream().map(PackSection::title).filter(t -> !t.isBlank())
          .filter(t -> !text.contains(t)).collect(Collectors.joining(", "));
      assertThat(missing).as(id).isEmpty();
    }
  }

  @Test
  void unavailableValueIsNeverZero() throws IOException {
    PackSection s = new PackSection("x", "Lone section", null, null,
        List.of(new Field("v", "Deploys", MetricValue.absent("deploy source not configured", io.companyos.render.Unit.COUNT))),
        List.of(), List.of(), "", "", null);
    PackDocument full = ExportDocs.tricky();
    PackDocument d = new PackDocument("one", "One", null, full.asOf(), ZoneOffset.UTC, full.period(),
        full.previousPeriod(), List.of(s), List.of(), null);
    String text = text(EXPORTER.exportToBytes(d));
    assertThat(text).contains("Deploys n/a (deploy source not configured)").doesNotContain("Deploys 0");
  }

  @Test
  void packWithoutSectionsOrWithAColumnlessTableStillExports() throws IOException {
    PackDocument full = ExportDocs.tricky();
    PackDocument empty = new PackDocument("empty", "Empty", null, full.asOf(), ZoneOffset.UTC, full.period(),
        full.previousPeriod(), List.of(), List.of(), null);
    assertThat(text(EXPORTER.exportToBytes(empty))).contains("Empty - Week 47").contains("0 of 0 sections available")
        .contains("Page 1 of 1");
    PackSection odd = new PackSection("odd", "Odd", null, null, List.of(),
        List.of(new io.companyos.render.SectionTable("No columns", List.of(), List.of(List.of()), "")), List.of(), "", "", null);
    PackDocument d = new PackDocument("odd", "Odd pack", null, full.asOf(), ZoneOffset.UTC, full.period(),
        full.previousPeriod(), List.of(odd), List.of(), null);
    assertThat(text(EXPORTER.exportToBytes(d))).contains("Odd pack").contains("No columns");
  }

  @Test
  void theEvidenceAppendixListsTheRecordsEachCountedValueCame() throws IOException {
    List<PackDocument.Evidence> evidence = opsDoc.evidence();
    assertThat(evidence).isNotEmpty();
    String text = text(ops);
    assertThat(text).contains("Evidence");
    PackDocument.Evidence first = evidence.get(0);
    // The appendix follows the sources: the first entry's label and first id are printed after the "Evidence" heading.
    String appendix = text.substring(text.lastIndexOf("Evidence"));
    assertThat(appendix).contains(first.label()).contains(first.ids().get(0));
  }
}
