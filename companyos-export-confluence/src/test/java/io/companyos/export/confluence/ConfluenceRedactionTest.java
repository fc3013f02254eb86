package io.companyos.export.confluence;

import io.companyos.render.fixtures.ExportSamples;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.render.AccessPolicy;
import io.companyos.render.Field;
import io.companyos.render.MetricValue;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import io.companyos.render.Unit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The export holds what the (redacted) document holds and nothing else. */
class ConfluenceRedactionTest {

  @Test
  void aHiddenSectionLeavesNoTraceButItsNotice() throws Exception {
    PackSection open = ExportSamples.fields("Open", List.of(new Field("a", "Visible label", MetricValue.of(3, Unit.COUNT, ExportSamples.provenance("open query")))));
    PackSection secret = ExportSamples.fields("Secret", List.of(new Field("b", "Label MARKERX",
        MetricValue.of(7_340_123, Unit.NUMBER, "MARKERX value", ExportSamples.provenance("query MARKERX"))))).withVisibleTo(List.of("ciso"));
    PackDocument doc = ExportSamples.doc("T", List.of(open, secret));
    String full = new String(new ConfluenceExporter().exportToBytes(doc), StandardCharsets.UTF_8);
    assertThat(full).contains("Label MARKERX", "MARKERX value", "query MARKERX");

    // redaction keeps the section title and replaces the content with a notice
    PackDocument seen = AccessPolicy.of(ExportSamples.COMPANY).redact(doc, Set.of("vp_product"));
    String out = new String(new ConfluenceExporter().exportToBytes(seen), StandardCharsets.UTF_8);
    assertThat(out).contains("Visible label").doesNotContain("MARKERX")
        .contains("restricted: visible to CISO").contains("1 of 2 sections available");
  }
}
