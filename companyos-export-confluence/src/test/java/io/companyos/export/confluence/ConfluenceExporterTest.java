package io.companyos.export.confluence;

import io.companyos.render.fixtures.ExportSamples;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.render.export.PackExporter;
import io.companyos.render.export.PackExporters;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The confluence format: discovery, metadata, determinism and well-formed output for every sample pack. */
class ConfluenceExporterTest {

  @Test
  void isFoundByServiceLoaderUnderItsFormatName() {
    PackExporter e = PackExporters.discover(ConfluenceExporterTest.class.getClassLoader()).find("confluence").orElseThrow();
    assertThat(e).isInstanceOf(ConfluenceExporter.class);
    assertThat(e.fileExtension()).isEqualTo("confluence.xhtml");
    assertThat(e.mediaType()).isEqualTo("application/xhtml+xml");
  }

  @Test
  void sameDocumentSameBytesAndWellFormed() throws Exception {
    for (String id : ExportSamples.packIds()) {
      byte[] a = new ConfluenceExporter().exportToBytes(ExportSamples.pack(id));
      byte[] b = new ConfluenceExporter().exportToBytes(ExportSamples.assemble(id));
      assertThat(a).as(id).isEqualTo(b);
      String s = new String(a, StandardCharsets.UTF_8);
      Xml.parse(s);
      assertThat(s).startsWith("<h1>").endsWith("\n");
    }
  }
}
