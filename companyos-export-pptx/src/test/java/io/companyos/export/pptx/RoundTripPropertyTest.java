package io.companyos.export.pptx;

import io.companyos.render.fixtures.ExportDocs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.Test;

/** Any text survives export and reopening: XML-safe text unchanged, anything else still a valid deck. */
class RoundTripPropertyTest {
  private static final PptxExporter EXPORTER = new PptxExporter();

  @Test
  void anyTextRoundTrips() {
    qt().withExamples(40).forAll(strings().allPossible().ofLengthBetween(0, 30)).checkAssert(s -> {
      try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(EXPORTER.exportToBytes(ExportDocs.with(s))))) {
        assertThat(show.getSlides()).hasSize(2);
        XSLFSlide title = show.getSlides().get(0);
        XSLFSlide section = show.getSlides().get(1);
        XSLFTextShape heading = (XSLFTextShape) title.getShapes().get(0);
        XSLFTable table = section.getShapes().stream().filter(x -> x instanceof XSLFTable).map(x -> (XSLFTable) x)
            .findFirst().orElseThrow();
        String notes = java.util.Arrays.stream(section.getNotes().getPlaceholders())
            .filter(p -> p.getTextType() == Placeholder.BODY).findFirst().orElseThrow().getText();
        if (ExportDocs.plainXmlText(s) && s.indexOf('\t') < 0) {
          assertThat(heading.getText()).isEqualTo(s);
          assertThat(table.getCell(1, 0).getText()).isEqualTo(s);
          if (!s.isBlank()) {
            assertThat(notes).contains("Note: " + s.strip());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
