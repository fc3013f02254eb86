package io.companyos.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.org.Role;
import io.companyos.render.AccessPolicy;
import io.companyos.render.PackDocument;
import io.companyos.render.testing.RestrictedDocuments;
import io.companyos.render.export.PackExporter;
import io.companyos.render.export.PackExporters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The access-level property over every installed output format, read back the way a person would read
 * it (PDF text through PDFBox, slides and speaker notes through POI, the others as text): for random
 * role sets on sections and on the reader, a section the reader may not see leaves neither its marker
 * nor its number anywhere, and a section they may see is there.
 */
class RedactionAcrossFormatsTest {
  private static final CompanyDefinition COMPANY = BuiltinDefinitions.load();
  private static final AccessPolicy POLICY = AccessPolicy.of(COMPANY);

  @Test
  void everyFormatIsInstalled() {
    assertThat(PackExporters.discover().formats())
        .contains("md", "html", "json", "pdf", "pptx", "notion", "confluence");
  }

  @Test
  void noRestrictedValueReachesAnyFormat() {
    List<String> roleIds = COMPANY.roles().roles().stream().map(Role::id).toList();
    Gen<List<String>> roleSet = lists().of(integers().between(0, roleIds.size() - 1)).ofSizeBetween(0, 3)
        .map(ix -> ix.stream().map(roleIds::get).distinct().toList());
    Gen<List<List<String>>> sections = lists().of(roleSet).ofSizeBetween(1, 4);
    PackExporters installed = PackExporters.discover();
    List<PackExporter> exporters = installed.formats().stream().map(f -> installed.find(f).orElseThrow()).toList();
    qt().withExamples(40).forAll(sections, roleSet).checkAssert((visibleTo, reader) -> {
      PackDocument seen = POLICY.redact(RestrictedDocuments.withSections(visibleTo), reader);
      for (PackExporter e : exporters) {
        String out = readBack(e, seen);
        for (int i = 0; i < visibleTo.size(); i++) {
          List<String> allowedRoles = visibleTo.get(i);
          boolean allowed = allowedRoles.isEmpty() || reader.stream().anyMatch(r -> COMPANY.roles().allows(allowedRoles, r));
          String what = e.format() + ": section " + i + " visible to " + allowedRoles + ", reader " + reader;
          long n = RestrictedDocuments.number(i);
          if (allowed) {
            assertThat(out).as(what).contains(RestrictedDocuments.marker(i));
          } else {
            assertThat(out).as(what).doesNotContain(RestrictedDocuments.marker(i))
                .doesNotContain(Long.toString(n)).doesNotContain(String.format(Locale.ROOT, "%,d", n));
          }
        }
      }
    });
  }

  /** What a reader of the file sees. */
  static String readBack(PackExporter e, PackDocument doc) {
    try {
      byte[] bytes = e.exportToBytes(doc);
      return switch (e.format()) {
        case "pdf" -> pdfText(bytes);
        case "pptx" -> slideText(bytes);
        default -> new String(bytes, StandardCharsets.UTF_8);
      };
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      StringBuilder sb = new StringBuilder(new PDFTextStripper().getText(d));
      // bookmarks and metadata are part of the file a reader opens too
      if (d.getDocumentInformation().getTitle() != null) {
        sb.append('\n').append(d.getDocumentInformation().getTitle());
      }
      var outline = d.getDocumentCatalog().getDocumentOutline();
      if (outline != null) {
        outline.children().forEach(item -> sb.append('\n').append(item.getTitle()));
      }
      return sb.toString();
    }
  }

  static String slideText(byte[] pptx) throws IOException {
    try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
      StringBuilder sb = new StringBuilder();
      for (XSLFSlide slide : show.getSlides()) {
        for (XSLFShape shape : slide.getShapes()) {
          text(shape, sb);
        }
        if (slide.getNotes() != null) {
          for (XSLFShape shape : slide.getNotes().getShapes()) {
            text(shape, sb);
          }
        }
      }
      return sb.toString();
    }
  }

  private static void text(XSLFShape shape, StringBuilder sb) {
    if (shape instanceof XSLFTextShape t) {
      sb.append(t.getText()).append('\n');
    } else if (shape instanceof XSLFTable table) {
      for (XSLFTableRow row : table.getRows()) {
        for (XSLFTableCell cell : row.getCells()) {
          sb.append(cell.getText()).append('\t');
        }
        sb.append('\n');
      }
    }
  }
}
