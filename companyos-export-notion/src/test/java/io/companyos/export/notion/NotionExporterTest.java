package io.companyos.export.notion;

import io.companyos.render.fixtures.ExportSamples;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.companyos.render.PackDocument;
import io.companyos.render.export.PackExporter;
import io.companyos.render.export.PackExporters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notion format: discovery, shape of the exported requests, determinism. */
class NotionExporterTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void isFoundByServiceLoaderUnderItsFormatName() {
    PackExporter e = PackExporters.discover(NotionExporterTest.class.getClassLoader()).find("notion").orElseThrow();
    assertThat(e).isInstanceOf(NotionExporter.class);
    assertThat(e.fileExtension()).isEqualTo("notion.json");
    assertThat(e.mediaType()).isEqualTo("application/json");
  }

  @Test
  void exportsTheCreateRequestAndTheAppendBatches() throws Exception {
    PackDocument doc = ExportSamples.pack("exec-review");
    byte[] bytes = new NotionExporter().exportToBytes(doc);
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text).endsWith("}\n").doesNotContain("\r");
    JsonNode root = JSON.readTree(bytes);
    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("format", "title", "createPage", "appendChildren");
    assertThat(root.path("format").asText()).isEqualTo("companyos.notion/v1");
    assertThat(root.path("title").asText()).isEqualTo(doc.title() + " - " + doc.period().label());

    JsonNode create = root.path("createPage");
    assertThat(create.path("method").asText()).isEqualTo("POST");
    assertThat(create.path("path").asText()).isEqualTo("/v1/pages");
    JsonNode body = create.path("body");
    assertThat(body.path("parent").path("page_id").asText()).isEqualTo("{parent_page_id}");
    assertThat(body.path("properties").path("title").path("title").path(0).path("text").path("content").asText())
        .isEqualTo(root.path("title").asText());

    // all blocks, in order, across the create request and the appends; each request within the limits
    List<JsonNode> sent = new ArrayList<>();
    List<JsonNode> requests = new ArrayList<>();
    requests.add(body);
    for (JsonNode a : root.path("appendChildren")) {
      assertThat(a.path("method").asText()).isEqualTo("PATCH");
      assertThat(a.path("path").asText()).isEqualTo("/v1/blocks/{page_id}/children");
      requests.add(a.path("body"));
    }
    for (JsonNode r : requests) {
      JsonNode children = r.path("children");
      assertThat(children.size()).isBetween(1, 100);
      int total = 0;
      for (JsonNode c : children) {
        total += NotionBlocks.blockCount(c);
        sent.add(c);
      }
      assertThat(total).isLessThanOrEqualTo(1000);
    }
    List<JsonNode> expected = new ArrayList<>(NotionBlocks.blocks(doc));
    assertThat(sent).isEqualTo(expected);
  }

  @Test
  void aLargePackSpillsIntoAppendRequests() throws Exception {
    PackDocument doc = ExportSamples.doc("Big", List.of(ExportSamples.fields("Many", ExportSamples.manyFields(250))));
    JsonNode root = JSON.readTree(new NotionExporter().exportToBytes(doc));
    assertThat(root.path("createPage").path("body").path("children").size()).isEqualTo(100);
    assertThat(root.path("appendChildren").size()).isEqualTo(2);
    // 1 heading + 1 header paragraph + 1 section heading + 250 fields + 1 provenance toggle = 254 blocks
    assertThat(root.path("appendChildren").path(0).path("body").path("children").size()).isEqualTo(100);
    assertThat(root.path("appendChildren").path(1).path("body").path("children").size()).isEqualTo(54);
  }

  @Test
  void theSameDocumentGivesTheSameBytes() throws Exception {
    for (String id : ExportSamples.packIds()) {
      byte[] a = new NotionExporter().exportToBytes(ExportSamples.pack(id));
      byte[] b = new NotionExporter().exportToBytes(ExportSamples.assemble(id));
      assertThat(a).as(id).isEqualTo(b);
      JSON.readTree(a);
    }
  }
}
