package io.companyos.connectors.costs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad exports fail located ({@code file:line:col: COS-COST-00n}); lenient mode skips and counts them. */
class ErrorsTest {
  @TempDir Path dir;

  private static final String HEADER = "ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,ServiceName,ChargeCategory\n";

  private CostExportException fail(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return fail();
  }

  private CostExportException fail() {
    CostExportsSource s = Fixtures.source(dir, "strict");
    return (CostExportException) catchThrowable(() -> s.records(RecordKind.COSTS, Fixtures.ALL));
  }

  @Test
  void aNegativeUsageCostIsLocatedAtItsRowWithTheFilesRule() throws IOException {
    CostExportException e = fail("focus.csv", HEADER + "2026-10-01T00:00:00Z,2026-10-02T00:00:00Z,1,1,EC2,Usage\n"
        + "2026-10-01T00:00:00Z,2026-10-02T00:00:00Z,-4,-4,EC2,Usage\n");
    assertThat(e.code()).isEqualTo("COS-COST-004");
    assertThat(e.location()).isEqualTo("focus.csv:3");
    assertThat(e.getMessage()).isEqualTo("BilledCost: '-4' is negative, which only Credit and Adjustment rows may be (ChargeCategory)");
  }

  @Test
  void aMissingFocusColumnIsNamed() throws IOException {
    CostExportException e = fail("focus.csv", "ChargePeriodStart,ChargePeriodEnd,BilledCost,ServiceName\n");
    assertThat(e.code()).isEqualTo("COS-COST-003");
    assertThat(e.location()).isEqualTo("focus.csv:1");
    assertThat(e.getMessage()).startsWith("no FOCUS column EffectiveCost in the header");
  }

  @Test
  void anEmptyFileIsNotZeroCost() throws IOException {
    assertThat(fail("focus.csv", "").code()).isEqualTo("COS-COST-001");
  }

  @Test
  void aCutGzipIsMalformed() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write((HEADER + "2026-10-01T00:00:00Z,2026-10-02T00:00:00Z,1,1,EC2,Usage\n").repeat(50).getBytes(StandardCharsets.UTF_8));
    }
    byte[] bytes = out.toByteArray();
    Files.write(dir.resolve("part.csv.gz"), Arrays.copyOf(bytes, bytes.length / 2));
    CostExportException e = fail();
    assertThat(e.code()).isEqualTo("COS-COST-001");
    assertThat(e.getMessage()).contains("gzip");
    Files.writeString(dir.resolve("part.csv.gz"), "not gzip at all");
    assertThat(fail().getMessage()).startsWith("not a gzip file");
  }

  @Test
  void aManifestListingAMissingFileIsLocatedAtTheEntry() throws IOException {
    CostExportException e = fail("x/metadata/BILLING_PERIOD=2026-10/x-Manifest.json", """
        {"executionId": "e1",
         "dataFiles": ["s3://b/x/data/BILLING_PERIOD=2026-10/x-00001.csv.gz"]}
        """);
    assertThat(e.code()).isEqualTo("COS-COST-005");
    assertThat(e.location()).isEqualTo("x/metadata/BILLING_PERIOD=2026-10/x-Manifest.json:2:16");
    assertThat(e.getMessage()).isEqualTo("the manifest lists x/data/BILLING_PERIOD=2026-10/x-00001.csv.gz, which is not in the folder");
  }

  @Test
  void aManifestThatIsNoJsonOrHasNoListIsLocated() throws IOException {
    CostExportException e = fail("x/metadata/BILLING_PERIOD=2026-10/x-Manifest.json", "{\"dataFiles\": [\n  \"s3://a\" \"s3://b\"]}");
    assertThat(e.code()).isEqualTo("COS-COST-001");
    assertThat(e.location()).startsWith("x/metadata/BILLING_PERIOD=2026-10/x-Manifest.json:2:");
    e = fail("x/metadata/BILLING_PERIOD=2026-10/x-Manifest.json", "{\"executionId\": \"e1\"}");
    assertThat(e.code()).isEqualTo("COS-COST-003");
    e = fail("x/metadata/BILLING_PERIOD=2026-10/x-Manifest.json", "[]");
    assertThat(e.code()).isEqualTo("COS-COST-002");
  }

  @Test
  void lenientSkipsBadRowsAndTheMissingFileAndSaysSo() throws IOException {
    Files.createDirectories(dir.resolve("x/metadata/BILLING_PERIOD=2026-10"));
    Files.writeString(dir.resolve("x/metadata/BILLING_PERIOD=2026-10/x-Manifest.json"), """
        {"dataFiles": ["s3://b/x/data/BILLING_PERIOD=2026-10/x-00001.csv", "s3://b/x/data/BILLING_PERIOD=2026-10/x-00002.csv"]}
        """);
    Files.createDirectories(dir.resolve("x/data/BILLING_PERIOD=2026-10"));
    Files.writeString(dir.resolve("x/data/BILLING_PERIOD=2026-10/x-00001.csv"), HEADER
        + "2026-10-01T00:00:00Z,2026-10-02T00:00:00Z,2,2,EC2,Usage\n"
        + "2026-10-01T00:00:00Z,2026-09-30T00:00:00Z,2,2,EC2,Usage\n"
        + "2026-10-01T00:00:00Z,2026-10-02T00:00:00Z,2,2,EC2,Rebate\n");
    CostExportsSource s = Fixtures.source(dir, "lenient");
    assertThat(Fixtures.total(Fixtures.rows(s))).isEqualByComparingTo("2");
    assertThat(s.skipped()).extracting(Object::toString).containsExactly(
        "x/metadata/BILLING_PERIOD=2026-10/x-Manifest.json:1:68: COS-COST-005 the manifest lists "
            + "x/data/BILLING_PERIOD=2026-10/x-00002.csv, which is not in the folder",
        "x/data/BILLING_PERIOD=2026-10/x-00001.csv:3: COS-COST-004 ChargePeriodEnd: 2026-09-30T00:00:00Z is before ChargePeriodStart 2026-10-01T00:00:00Z",
        "x/data/BILLING_PERIOD=2026-10/x-00001.csv:4: COS-COST-004 ChargeCategory: 'Rebate' is not a FOCUS charge category "
            + "(Usage, Purchase, Tax, Credit, Adjustment)");
    assertThat(Fixtures.query(s)).endsWith("; 3 bad entries skipped");
  }

  @Test
  void unknownOptionsAndModesAreRefused() {
    assertThat(catchThrowable(() -> new CostExportsSourceProvider().create(io.companyos.sources.SourceContext.of("c",
        Map.of("path", ".", "currency", "usd"), java.time.Clock.systemUTC(), Path.of(".")))))
        .isInstanceOf(SourceConfigException.class).hasMessageContaining("unknown option 'currency'");
    assertThat(catchThrowable(() -> Fixtures.source(dir, "relaxed"))).isInstanceOf(SourceConfigException.class);
  }
}
