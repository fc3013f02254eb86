package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.BadDataException;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceContext;
import io.companyos.sources.sample.SampleSourceProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <kind>.csv.gz}: read like the CSV it holds, with the same records, errors and lenient counts. */
class GzipFilesTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final TimeWindow ALL = new TimeWindow(Instant.parse("2000-01-01T00:00:00Z"), NOW);

  private static FilesSource files(Path dir, boolean strict) {
    return new FilesSource("files", dir, strict, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void everyKindOfTheSampleExportReadsTheSameGzipped(@TempDir Path dir) throws IOException {
    MetricSource sample = new SampleSourceProvider().create(SourceContext.of("sample", Map.of(), Clock.fixed(NOW, ZoneOffset.UTC), dir));
    Path plain = Files.createDirectories(dir.resolve("plain"));
    Path zipped = Files.createDirectories(dir.resolve("zipped"));
    List<Path> written = FilesWriter.export(sample, TimeWindow.ending(NOW, Duration.ofDays(100)), plain);
    for (Path f : written) {
      Files.write(zipped.resolve(f.getFileName() + ".gz"), gzip(Files.readAllBytes(f)));
    }
    FilesSource a = files(plain, true);
    FilesSource b = files(zipped, true);
    assertThat(b.describe().recordKinds()).isEqualTo(a.describe().recordKinds()).isNotEmpty();
    long rows = 0;
    for (FileFormat<?> format : FileFormats.all()) {
      if (!Files.isRegularFile(plain.resolve(format.fileName()))) {
        continue;
      }
      Dataset<?> expected = a.records(format.kind(), ALL);
      Dataset<?> actual = b.records(format.kind(), ALL);
      assertThat(actual.rows()).as(format.fileName()).isEqualTo(expected.rows());
      assertThat(actual.provenance().query()).isEqualTo(format.fileName() + ".gz");
      rows += expected.rows().size();
    }
    assertThat(rows).isGreaterThan(1_000);
  }

  @Test
  void randomDeploymentFilesRoundTripThroughGzipWithBomAndCrlf(@TempDir Path dir) {
    // Any list of deployments between 2020 and 2025 (3,000,000 minutes after 2020-01-01 is in 2025), written as CSV with or without a byte-order mark and with LF or CRLF line ends,
    // reads back to the same records from the gzip file as from the plain one.
    qt().withExamples(60).forAll(lists().of(integers().between(0, 3_000_000)).ofSizeBetween(0, 40), integers().between(0, 3))
        .checkAssert((minutes, style) -> {
          try {
            StringBuilder csv = new StringBuilder("deploy_id,time_created,changes,status\n");
            int n = 0;
            for (int m : minutes) {
              Instant t = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(60L * m);
              // Ids with a comma and a quote need quoting; the change list has two entries.
              csv.append("\"d-").append(n++).append(",\"\"x\"\"\",").append(t).append(",c-").append(m).append(";c-")
                  .append(m + 1).append(',').append(m % 3 == 0 ? "failure" : "success").append('\n');
            }
            String text = (style & 1) == 1 ? csv.toString().replace("\n", "\r\n") : csv.toString();
            byte[] bytes = ((style & 2) == 2 ? "\uFEFF" + text : text).getBytes(StandardCharsets.UTF_8);
            Path plain = Files.createDirectories(Files.createTempDirectory(dir, "plain"));
            Path zipped = Files.createDirectories(Files.createTempDirectory(dir, "zipped"));
            Files.write(plain.resolve("deployments.csv"), bytes);
            Files.write(zipped.resolve("deployments.csv.gz"), gzip(bytes));
            List<Deployment> expected = files(plain, true).records(RecordKind.DEPLOYMENTS, ALL).rows();
            assertThat(expected).hasSize(minutes.size());
            assertThat(files(zipped, true).records(RecordKind.DEPLOYMENTS, ALL).rows()).isEqualTo(expected);
            if (!expected.isEmpty()) {
              Deployment first = expected.stream().filter(d -> d.deployId().equals("d-0,\"x\"")).findFirst().orElseThrow();
              assertThat(first.changes()).containsExactly("c-" + minutes.get(0), "c-" + (minutes.get(0) + 1));
              assertThat(first.status()).isEqualTo(minutes.get(0) % 3 == 0 ? DeployStatus.FAILURE : DeployStatus.SUCCESS);
            }
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  @Test
  void aBadRowInAGzipFileIsLocatedInThatFile(@TempDir Path dir) throws IOException {
    String csv = "deploy_id,time_created,changes,status\nd-1,2026-11-20T10:00:00Z,,success\nd-2,yesterday,,success\n";
    Files.write(dir.resolve("deployments.csv.gz"), gzip(csv.getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> files(dir, true).records(RecordKind.DEPLOYMENTS, ALL))
        .isInstanceOfSatisfying(BadDataException.class, e -> assertThat(e.oneLine()).startsWith("deployments.csv.gz:3: COS-SRC-003"));
    // Lenient: the bad row is skipped and counted in the provenance.
    Dataset<Deployment> lenient = files(dir, false).records(RecordKind.DEPLOYMENTS, ALL);
    assertThat(lenient.rows()).extracting(Deployment::deployId).containsExactly("d-1");
    assertThat(lenient.provenance().query()).isEqualTo("deployments.csv.gz, 1 bad rows skipped");
  }

  @Test
  void aTruncatedGzipFileIsLocatedBadData(@TempDir Path dir) throws IOException {
    byte[] whole = gzip("deploy_id,time_created\nd-1,2026-11-20T10:00:00Z\n".getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("deployments.csv.gz"), Arrays.copyOf(whole, whole.length - 6));
    assertThatThrownBy(() -> files(dir, true).records(RecordKind.DEPLOYMENTS, ALL))
        .isInstanceOfSatisfying(BadDataException.class, e -> assertThat(e.oneLine())
            .startsWith("deployments.csv.gz: COS-SRC-003 not a complete gzip file"));
  }
}
