package io.companyos.export.notion;

import io.companyos.render.fixtures.ExportSamples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.companyos.render.Field;
import io.companyos.render.MetricValue;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import io.companyos.render.RenderException;
import io.companyos.render.SectionTable;
import io.companyos.render.Unit;
import io.companyos.scoring.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The block tree against the Notion block format and its limits. */
class NotionBlocksTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void opsReviewHasTitleHeaderSectionsTablesAndProvenance() {
    PackDocument doc = ExportSamples.pack("ops-review");
    List<ObjectNode> blocks = NotionBlocks.blocks(doc);

    assertThat(blocks.get(0).path("type").asText()).isEqualTo("heading_1");
    assertThat(text(blocks.get(0))).isEqualTo(doc.title());
    assertThat(blocks.get(1).path("type").asText()).isEqualTo("paragraph");
    String header = text(blocks.get(1));
    assertThat(header).contains(doc.availabilityLine()).contains(doc.period().label()).contains(doc.asOf().toString());
    assertThat(header).contains("Meeting: " + doc.meeting());

    List<String> h2 = blocks.stream().filter(b -> b.path("type").asText().equals("heading_2")).map(NotionBlocksTest::text).toList();
    List<String> titled = doc.sections().stream().map(PackSection::title).filter(t -> !t.isEmpty()).toList();
    assertThat(h2).containsSubsequence(titled);

    // every field of every section appears as "label: value" in a paragraph
    List<String> paragraphs = blocks.stream().filter(b -> b.path("type").asText().matches("paragraph|callout"))
        .map(NotionBlocksTest::text).map(t -> t.replaceFirst("^Anomaly: ", "")).toList();
    for (PackSection s : doc.sections()) {
      for (Field f : s.fields()) {
        assertThat(paragraphs).anyMatch(p -> p.startsWith(f.label() + ": " + f.value().text()));
      }
    }

    List<ObjectNode> tables = blocks.stream().filter(b -> b.path("type").asText().equals("table")).toList();
    long docTables = doc.sections().stream().mapToLong(s -> s.tables().stream().filter(t -> !t.columns().isEmpty()).count()).sum();
    assertThat(tables).hasSize((int) docTables).isNotEmpty();
    for (ObjectNode t : tables) {
      checkTable(t);
    }

    // the provenance toggle lists each footnote once, numbered in order
    List<ObjectNode> toggles = blocks.stream().filter(b -> b.path("type").asText().equals("toggle")
        && text(b).startsWith("Provenance")).toList();
    assertThat(toggles).hasSize(1);
    assertThat(text(toggles.get(0))).startsWith("Provenance (" + doc.footnotes().size());
    List<String> notes = new ArrayList<>();
    NotionBlocks.children(toggles.get(0)).forEach(c -> {
      assertThat(c.path("type").asText()).isEqualTo("bulleted_list_item");
      notes.add(text(c));
    });
    assertThat(notes).hasSize(doc.footnotes().size());
    int i = 1;
    for (var p : doc.footnotes().keySet()) {
      assertThat(notes.get(i - 1)).startsWith("[" + i + "] " + p.sourceId()).contains(p.query())
          .contains(p.window().start().toString()).contains(p.window().end().toString());
      i++;
    }
    checkLimits(blocks);
  }

  @Test
  void everySamplePackRespectsTheLimits() {
    for (String id : ExportSamples.packIds()) {
      List<ObjectNode> blocks = NotionBlocks.blocks(ExportSamples.pack(id));
      checkLimits(blocks);
      assertThat(blocks).as(id).isNotEmpty();
    }
  }

  @Test
  void aTableHasTheShapeOfTheNotionDocumentation() throws Exception {
    SectionTable t = new SectionTable("Incidents", List.of("Severity", "Count"),
        List.of(List.of(MetricValue.label("P1"), MetricValue.label("2"))), "");
    PackSection s = new PackSection("custom", "S", ExportSamples.WINDOW, null, List.of(), List.of(t), List.of(), "", "", null);
    ObjectNode table = NotionBlocks.blocks(ExportSamples.doc("T", List.of(s))).stream()
        .filter(b -> b.path("type").asText().equals("table")).findFirst().orElseThrow();
    // The table block as the Notion reference describes it, written by hand.
    JsonNode expected = JSON.readTree("""
        {"object":"block","type":"table","table":{"table_width":2,"has_column_header":true,"has_row_header":false,
         "children":[
          {"object":"block","type":"table_row","table_row":{"cells":[
            [{"type":"text","text":{"content":"Severity"},"annotations":{"bold":true}}],
            [{"type":"text","text":{"content":"Count"},"annotations":{"bold":true}}]]}},
          {"object":"block","type":"table_row","table_row":{"cells":[
            [{"type":"text","text":{"content":"P1"}}],
            [{"type":"text","text":{"content":"2"}}]]}}]}}
        """);
    assertThat(table).isEqualTo(expected);
  }

  @Test
  void aFieldIsLabelValueFootnoteAndDelta() {
    MetricValue v = MetricValue.of(12, Unit.COUNT, ExportSamples.provenance("count incidents")).comparedWith(8.0, Direction.LOWER_IS_BETTER);
    PackDocument doc = ExportSamples.doc("T", List.of(ExportSamples.fields("S", List.of(new Field("k", "Incidents", v)))));
    List<String> paragraphs = NotionBlocks.blocks(doc).stream().filter(b -> b.path("type").asText().equals("paragraph"))
        .map(NotionBlocksTest::text).toList();
    assertThat(paragraphs).contains("Incidents: 12 [1] (\u0394 +4 (+50%) \u25B2)");
  }

  @Test
  void unavailableSectionsAndAnomaliesBecomeCallouts() {
    MetricValue odd = MetricValue.of(99, Unit.COUNT, ExportSamples.provenance("q")).flaggedAnomaly();
    MetricValue oddItem = MetricValue.text("search latency spiked", ExportSamples.provenance("q")).flaggedAnomaly();
    SectionTable t = new SectionTable("", List.of("Service", "Errors"),
        List.of(List.of(MetricValue.label("api"), MetricValue.of(7, Unit.COUNT, ExportSamples.provenance("q")).flaggedAnomaly())), "");
    PackDocument doc = ExportSamples.doc("T", List.of(
        PackSection.unavailable("incident_summary", "Incidents", "timed out after 20000 ms waiting for its source"),
        new PackSection("custom", "Deploys", ExportSamples.WINDOW, null, List.of(new Field("d", "Deploys", odd)), List.of(t),
            List.of(oddItem, MetricValue.text("calm", null)), "", "", null)));
    List<ObjectNode> blocks = NotionBlocks.blocks(doc);
    List<ObjectNode> callouts = blocks.stream().filter(b -> b.path("type").asText().equals("callout")).toList();
    assertThat(callouts.stream().map(NotionBlocksTest::text)).containsExactly(
        "Section unavailable: timed out after 20000 ms waiting for its source",
        "Anomaly: Deploys: 99 [1]",
        "Anomaly: Errors (api): 7 [1]",
        "Anomaly: search latency spiked [1]");
    assertThat(callouts.get(0).path("callout").path("icon").path("type").asText()).isEqualTo("emoji");
    assertThat(callouts.get(0).path("callout").path("icon").path("emoji").asText()).isEqualTo("\uD83D\uDEAB");
    for (ObjectNode c : callouts.subList(1, callouts.size())) {
      assertThat(c.path("callout").path("icon").path("emoji").asText()).isEqualTo("\u26A0\uFE0F");
    }
    // the anomalous item is a callout in place of its bullet; the ordinary one stays a bullet
    assertThat(blocks.stream().filter(b -> b.path("type").asText().equals("bulleted_list_item")).map(NotionBlocksTest::text))
        .containsExactly("calm");
    assertThat(text(blocks.get(1))).contains("1 of 2 sections available");
  }

  @Test
  void missingValuesShowTheirReasonNotZero() {
    PackDocument doc = ExportSamples.doc("T", List.of(ExportSamples.fields("S",
        List.of(new Field("k", "Cost", MetricValue.absent("no billing source configured", Unit.USD))))));
    assertThat(NotionBlocks.blocks(doc).stream().map(NotionBlocksTest::text))
        .contains("Cost: n/a (no billing source configured)")
        .noneMatch(t -> t.startsWith("Cost: 0") || t.startsWith("Cost: $0"));
  }

  @Test
  void tablesOverNinetyNineRowsAreSplitWithTheHeaderRepeated() {
    PackDocument doc = ExportSamples.doc("T", List.of(ExportSamples.bigTable("Services", 250)));
    List<ObjectNode> blocks = NotionBlocks.blocks(doc);
    List<ObjectNode> tables = blocks.stream().filter(b -> b.path("type").asText().equals("table")).toList();
    assertThat(tables).hasSize(3);
    List<String> names = new ArrayList<>();
    for (ObjectNode t : tables) {
      checkTable(t);
      JsonNode rows = NotionBlocks.children(t);
      assertThat(rows.size()).isLessThanOrEqualTo(100);
      assertThat(cell(rows.get(0), 0)).isEqualTo("Name");
      for (int r = 1; r < rows.size(); r++) {
        names.add(cell(rows.get(r), 0));
      }
    }
    assertThat(NotionBlocks.children(tables.get(0)).size()).isEqualTo(100);
    assertThat(NotionBlocks.children(tables.get(2)).size()).isEqualTo(1 + 250 - 2 * 99);
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 250; i++) {
      expected.add("row " + i);
    }
    assertThat(names).isEqualTo(expected);
    assertThat(blocks.stream().map(NotionBlocksTest::text))
        .contains("Services (rows 1\u201399 of 250)", "Services (rows 100\u2013198 of 250)", "Services (rows 199\u2013250 of 250)");
    checkLimits(blocks);
  }

  @Test
  void veryLongTextContinuesInFurtherBlocksAndLosesNothing() {
    String note = "\uD83D\uDE80".repeat(150_000) + "end"; // 300,003 UTF-16 units: 151 text objects of at most 2000
    PackSection s = new PackSection("custom", "S", ExportSamples.WINDOW, null, List.of(), List.of(), List.of(), "", note, null);
    List<ObjectNode> blocks = NotionBlocks.blocks(ExportSamples.doc("T", List.of(s)));
    List<ObjectNode> paras = blocks.stream().filter(b -> b.path("type").asText().equals("paragraph")).skip(1).toList();
    assertThat(paras.size()).isEqualTo(2);
    assertThat(paras.get(0).path("paragraph").path("rich_text").size()).isEqualTo(100);
    assertThat(paras.get(1).path("paragraph").path("rich_text").size()).isEqualTo(51);
    assertThat((text(paras.get(0)) + text(paras.get(1))).equals(note)).isTrue();
    checkLimits(blocks);
  }

  @Test
  void aCellTooLongForOneRichTextArrayIsAnErrorNotATruncation() {
    String huge = "x".repeat(100 * 2000 + 1);
    SectionTable t = new SectionTable("", List.of("A"), List.of(List.of(MetricValue.label(huge))), "");
    PackSection s = new PackSection("custom", "S", ExportSamples.WINDOW, null, List.of(), List.of(t), List.of(), "", "", null);
    assertThatThrownBy(() -> NotionBlocks.blocks(ExportSamples.doc("T", List.of(s))))
        .isInstanceOfSatisfying(RenderException.class, e -> assertThat(e.code()).isEqualTo("COS-EXP-040"));
  }

  @Test
  void batchesKeepOrderAndRespectTheRequestLimits() {
    List<PackSection> sections = new ArrayList<>();
    sections.add(ExportSamples.fields("Many", ExportSamples.manyFields(230)));
    for (int i = 0; i < 12; i++) {
      sections.add(ExportSamples.bigTable("T" + i, 99)); // 12 tables of 100 rows each: 1,212 blocks with children
    }
    List<ObjectNode> blocks = NotionBlocks.blocks(ExportSamples.doc("T", sections));
    List<List<ObjectNode>> batches = NotionBlocks.batches(blocks);
    List<ObjectNode> joined = new ArrayList<>();
    for (List<ObjectNode> b : batches) {
      assertThat(b).hasSizeBetween(1, 100);
      assertThat(b.stream().mapToInt(NotionBlocks::blockCount).sum()).isLessThanOrEqualTo(1000);
      joined.addAll(b);
    }
    assertThat(joined).isEqualTo(blocks);
    // 230 paragraphs alone need three requests; the tables' rows push further cuts
    assertThat(batches.size()).isGreaterThanOrEqualTo(4);
    assertThat(NotionBlocks.batches(List.of())).isEmpty();
  }

  /** Checks a table block: width, header flag, rows with exactly width cells of rich text. */
  static void checkTable(JsonNode t) {
    JsonNode body = t.path("table");
    int width = body.path("table_width").asInt();
    assertThat(width).isPositive();
    assertThat(body.path("has_column_header").asBoolean()).isTrue();
    JsonNode rows = body.path("children");
    assertThat(rows.size()).isBetween(1, 100);
    for (JsonNode r : rows) {
      assertThat(r.path("type").asText()).isEqualTo("table_row");
      JsonNode cells = r.path("table_row").path("cells");
      assertThat(cells.size()).isEqualTo(width);
      for (JsonNode c : cells) {
        assertThat(c.isArray()).isTrue();
        c.forEach(rt -> assertThat(rt.path("type").asText()).isEqualTo("text"));
      }
    }
  }

  /** Every text object ≤ 2000, every array ≤ 100, nesting ≤ 2 levels, only known block types. */
  static void checkLimits(List<ObjectNode> blocks) {
    for (ObjectNode b : blocks) {
      assertThat(NotionBlocks.depth(b)).isLessThanOrEqualTo(NotionBlocks.MAX_NESTING);
      walk(b);
    }
  }

  private static void walk(JsonNode n) {
    if (n.isArray()) {
      assertThat(n.size()).isLessThanOrEqualTo(100);
      n.forEach(NotionBlocksTest::walk);
    } else if (n.isObject()) {
      if (n.has("object") && n.path("object").asText().equals("block")) {
        assertThat(n.path("type").asText()).isIn("heading_1", "heading_2", "paragraph", "callout", "table", "table_row",
            "bulleted_list_item", "toggle");
        assertThat(n.has(n.path("type").asText())).isTrue();
      }
      if (n.has("text") && n.path("text").has("content")) {
        assertThat(n.path("text").path("content").asText().length()).isLessThanOrEqualTo(2000);
      }
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        walk(e.getValue());
      }
    }
  }

  /** The plain text of a block's rich text. */
  static String text(JsonNode block) {
    StringBuilder sb = new StringBuilder();
    block.path(block.path("type").asText()).path("rich_text").forEach(t -> sb.append(t.path("text").path("content").asText()));
    return sb.toString();
  }

  private static String cell(JsonNode row, int c) {
    StringBuilder sb = new StringBuilder();
    row.path("table_row").path("cells").path(c).forEach(t -> sb.append(t.path("text").path("content").asText()));
    return sb.toString();
  }

  @Test
  void theEvidenceAppendixIsAToggleOfTheCountedRecords() {
    io.companyos.render.PackDocument doc = io.companyos.render.fixtures.ExportDocs.sample("ops-review");
    List<io.companyos.render.PackDocument.Evidence> evidence = doc.evidence();
    assertThat(evidence).isNotEmpty();
    List<ObjectNode> blocks = NotionBlocks.blocks(doc);
    JsonNode toggle = blocks.stream().filter(b -> b.path("type").asText().equals("toggle") && text(b).startsWith("Evidence ("))
        .findFirst().orElseThrow();
    assertThat(text(toggle)).isEqualTo("Evidence (" + evidence.size() + (evidence.size() == 1 ? " value)" : " values)"));
    String first = text(toggle.path("toggle").path("children").get(0));
    assertThat(first).contains(evidence.get(0).label()).contains(evidence.get(0).ids().get(0));
    checkLimits(blocks);
  }
}
