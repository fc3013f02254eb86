package io.companyos.connectors.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad exports fail located ({@code file:line:col: COS-PRODUCT-00n}); lenient mode skips and counts them. */
class ErrorsTest {
  @TempDir Path dir;

  private ProductExportException fail(String name, byte[] bytes) throws IOException {
    Files.write(dir.resolve(name), bytes);
    ProductExportsSource s = Fixtures.source(dir, "strict", Map.of());
    return (ProductExportException) catchThrowable(() -> s.records(RecordKind.PRODUCT_EVENTS, Fixtures.ALL));
  }

  private ProductExportException fail(String name, String text) throws IOException {
    return fail(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static final String OK = "{\"event\": \"$pageview\", \"distinct_id\": \"a\", \"timestamp\": \"2026-11-16T09:00:00Z\"}\n";

  @Test
  void aBrokenLineIsLocatedAtItsLineAndColumn() throws IOException {
    ProductExportException e = fail("events.jsonl", OK + "{\"event\": \"$pageview\" \"distinct_id\": \"a\"}\n");
    assertThat(e.code()).isEqualTo("COS-PRODUCT-001");
    assertThat(e.location()).isEqualTo("events.jsonl:2:23");
  }

  @Test
  void aMissingDistinctIdAndABadTimeAreLocated() throws IOException {
    ProductExportException e = fail("events.jsonl", OK + "{\"event\": \"$pageview\", \"timestamp\": \"2026-11-16T09:00:00Z\"}\n");
    assertThat(e.code()).isEqualTo("COS-PRODUCT-003");
    assertThat(e.location()).isEqualTo("events.jsonl:2:1");
    assertThat(e.getMessage()).isEqualTo("a PostHog event has no distinct_id");
    e = fail("events.jsonl", "{\"event_type\": \"x\", \"user_id\": \"u\", \"event_time\": \"2 Nov 2026\"}\n");
    assertThat(e.code()).isEqualTo("COS-PRODUCT-004");
    assertThat(e.location()).isEqualTo("events.jsonl:1:51");
  }

  @Test
  void aLineOfAnotherToolIsUnknown() throws IOException {
    ProductExportException e = fail("events.jsonl", "{\"type\": \"track\", \"userId\": \"u\"}\n");
    assertThat(e.code()).isEqualTo("COS-PRODUCT-002");
  }

  @Test
  void aParquetFileDuckDbCannotReadIsMalformed() throws IOException {
    ProductExportException e = fail("events.parquet", new byte[] {'P', 'A', 'R', '1'});
    assertThat(e.code()).isEqualTo("COS-PRODUCT-001");
    assertThat(e.oneLine()).contains("cannot read it as Parquet");
  }

  @Test
  void aDamagedHourFileIsLocatedInsideTheArchive() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("1/1_2026-11-02_8#0.json.gz"));
      zip.write("not gzip".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    ProductExportException e = fail("export.zip", out.toByteArray());
    assertThat(e.code()).isEqualTo("COS-PRODUCT-001");
    assertThat(e.location()).isEqualTo("export.zip!/1/1_2026-11-02_8#0.json.gz");
    assertThat(fail("export.zip", "not a zip").code()).isEqualTo("COS-PRODUCT-001");
  }

  @Test
  void anHourFileWhoseChecksumDoesNotMatchIsLocatedInsideTheArchive() throws IOException {
    byte[] text = "{\"event_type\":\"open\"}\n".getBytes(StandardCharsets.UTF_8);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(text);
    ZipEntry entry = new ZipEntry("1/1_2026-11-02_9#0.json");
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(text.length);
    entry.setCrc(crc.getValue());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(entry);
      zip.write(text);
      zip.closeEntry();
    }
    byte[] bytes = out.toByteArray();
    String latin = new String(bytes, StandardCharsets.ISO_8859_1);
    bytes[latin.indexOf("open")] = 'O'; // the stored bytes change, the recorded checksum does not
    ProductExportException e = fail("export.zip", bytes);
    assertThat(e.code()).isEqualTo("COS-PRODUCT-001");
    assertThat(e.location()).startsWith("export.zip!/1/1_2026-11-02_9#0.json");
    assertThat(e.getMessage()).contains("damaged or cut short").contains("CRC");
  }

  @Test
  void lenientSkipsBadLinesAndSaysSo() throws IOException {
    Files.writeString(dir.resolve("events.jsonl"), OK + "[1]\n" + "{\"event\": \"x\", \"distinct_id\": \"b\"}\n");
    ProductExportsSource s = Fixtures.source(dir, "lenient", Map.of());
    assertThat(Fixtures.events(s)).hasSize(1);
    assertThat(s.skipped()).extracting(Object::toString).containsExactly(
        "events.jsonl:2:1: COS-PRODUCT-002 a line is a list, not an event",
        "events.jsonl:3:1: COS-PRODUCT-003 a PostHog event has no timestamp");
    assertThat(Fixtures.query(s)).endsWith("; 2 bad entries skipped");
  }

  @Test
  void unknownOptionsAreRefused() {
    assertThat(catchThrowable(() -> Fixtures.source(dir, "strict", Map.of("feature", "x"))))
        .isInstanceOf(SourceConfigException.class).hasMessageContaining("unknown option 'feature'");
  }
}
