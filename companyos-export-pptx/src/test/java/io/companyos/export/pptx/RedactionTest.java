package io.companyos.export.pptx;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.render.AccessPolicy;
import io.companyos.render.PackDocument;
import io.companyos.render.testing.RestrictedDocuments;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The deck shows what the redacted document holds and nothing of the hidden section, in any part. */
class RedactionTest {

  @Test
  void hiddenSectionLeavesNoTraceInAnyPartOfThePackage() throws Exception {
    PackDocument doc = RestrictedDocuments.withSections(List.of(List.of(), List.of("finance"), List.of()));
    PackDocument seen = AccessPolicy.of(BuiltinDefinitions.load()).redact(doc, Set.of("sre_lead"));
    StringBuilder all = new StringBuilder();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(new PptxExporter().exportToBytes(seen)))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().endsWith(".xml") || e.getName().endsWith(".rels")) {
          all.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
        }
      }
    }
    // Slides and notes of the visible sections are there, the hidden one is a notice.
    assertThat(all).contains(RestrictedDocuments.marker(0)).contains(RestrictedDocuments.marker(2))
        .contains("restricted: visible to");
    assertThat(all.toString()).doesNotContain(RestrictedDocuments.marker(1));
    long n = RestrictedDocuments.number(1);
    assertThat(all.toString().replace(",", "")).doesNotContain(Long.toString(n)).doesNotContain(Long.toString(n + 1));
  }
}
