package io.companyos.export.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.render.AccessPolicy;
import io.companyos.render.PackDocument;
import io.companyos.render.testing.RestrictedDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF shows what the redacted document holds and nothing of the hidden section. */
class RedactionTest {

  @Test
  void hiddenSectionLeavesNoTraceInTextOutlineOrMetadata() throws Exception {
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    PackDocument doc = RestrictedDocuments.withSections(List.of(List.of(), List.of("finance"), List.of(), List.of(), List.of()));
    PackDocument seen = AccessPolicy.of(BuiltinDefinitions.load()).redact(doc, Set.of("sre_lead"));
    try (PDDocument pdf = Loader.loadPDF(new PdfExporter().exportToBytes(seen))) {
      List<String> everything = new ArrayList<>();
      everything.add(new PDFTextStripper().getText(pdf));
      for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
        everything.add(item.getTitle());
      }
      var info = pdf.getDocumentInformation();
      everything.add(info.getTitle() + " " + info.getSubject() + " " + info.getAuthor() + " " + info.getKeywords());
      String all = String.join("\n", everything);
      assertThat(all).contains(RestrictedDocuments.marker(0)).contains("restricted: visible to");
      assertThat(all).doesNotContain(RestrictedDocuments.marker(1));
      long n = RestrictedDocuments.number(1);
      assertThat(all.replace(",", "")).doesNotContain(Long.toString(n)).doesNotContain(Long.toString(n + 1));
    }
  }
}
